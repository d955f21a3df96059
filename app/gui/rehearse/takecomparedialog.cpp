#include "app/gui/rehearse/takecomparedialog.h"

#include "core/rehearsal/timing.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>
#include <cmath>
#include <functional>

namespace rapport::gui {

namespace {

struct Row
{
    QString name;
    std::function<std::optional<double>(const rehearsal::Take&)> value;
    std::function<QString(double)> format;
    int better; ///< -1 lower is better, +1 higher is better, 0 no judgement
};

QString fixed(double v, int decimals)
{
    return QLocale().toString(v, 'f', decimals);
}

std::optional<double> timingError(const rehearsal::Take& t)
{
    const std::optional<rehearsal::TimingResult> timing = rehearsal::takeTiming(t);
    return timing ? std::optional<double>(timing->byMs / 1000.0) : std::nullopt;
}

} // namespace

TakeCompareDialog::TakeCompareDialog(
    const rehearsal::Take& a, const rehearsal::Take& b, QWidget* parent)
    : QDialog(parent)
    , m_table(new QTableWidget(this))
{
    setWindowTitle(tr("Compare takes"));
    const QList<Row> rows = {
        { tr("Speaking time"), [](const rehearsal::Take& t) { return t.report.speakingTimeS; },
            [](double v) { return rehearsal::formatClock(std::llround(v * 1000)); }, 0 },
        { tr("Outside the window by"), timingError,
            [](double v) {
                return v == 0 ? QObject::tr("within") : QObject::tr("%1 s").arg(fixed(v, 1));
            },
            -1 },
        { tr("Pace (wpm)"), [](const rehearsal::Take& t) { return t.report.wordsPerMinute; },
            [](double v) { return fixed(v, 0); }, 0 },
        { tr("Pauses"),
            [](const rehearsal::Take& t) {
                return t.report.pauseCount ? std::optional<double>(*t.report.pauseCount)
                                           : std::nullopt;
            },
            [](double v) { return fixed(v, 0); }, 0 },
        { tr("Longest pause"), [](const rehearsal::Take& t) { return t.report.longestPauseS; },
            [](double v) { return tr("%1 s").arg(fixed(v, 1)); }, 0 },
        { tr("Pitch variation"), [](const rehearsal::Take& t) { return t.report.pitchSdSemitones; },
            [](double v) { return tr("%1 semitones").arg(fixed(v, 1)); }, +1 },
        { tr("Loudness"), [](const rehearsal::Take& t) { return t.report.loudnessLufs; },
            [](double v) { return tr("%1 LUFS").arg(fixed(v, 1)); }, 0 },
        { tr("Your overall rating"),
            [](const rehearsal::Take& t) {
                return t.rating.overall ? std::optional<double>(*t.rating.overall) : std::nullopt;
            },
            [](double v) { return QString(static_cast<int>(v), QChar(0x2605)); }, +1 },
    };
    m_table->setRowCount(static_cast<int>(rows.size()));
    m_table->setColumnCount(2);
    const QString format = QStringLiteral("ddd d MMM, HH:mm");
    m_table->setHorizontalHeaderLabels(
        { a.startedAt.toLocalTime().toString(format), b.startedAt.toLocalTime().toString(format) });
    for (int r = 0; r < rows.size(); ++r) {
        const Row& row = rows[r];
        m_table->setVerticalHeaderItem(r, new QTableWidgetItem(row.name));
        const std::optional<double> va = row.value(a);
        const std::optional<double> vb = row.value(b);
        int best = -1;
        if (row.better != 0 && va && vb && *va != *vb)
            best = (row.better > 0) == (*va > *vb) ? 0 : 1;
        for (int c = 0; c < 2; ++c) {
            const std::optional<double>& v = c == 0 ? va : vb;
            auto* item = new QTableWidgetItem(v ? row.format(*v) : QStringLiteral("—"));
            item->setTextAlignment(Qt::AlignCenter);
            if (c == best) {
                QFont font = item->font();
                font.setBold(true);
                item->setFont(font);
                item->setText(item->text() + QStringLiteral("  ✓"));
            }
            m_table->setItem(r, c, item);
        }
    }
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->setAccessibleName(tr("Two takes compared"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(buttons);
    resize(560, 360);
}

} // namespace rapport::gui
