#include "app/gui/rehearse/takecomparedialog.h"

#include "app/gui/widgets/takelistmodel.h"
#include "app/gui/widgets/wording.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>
#include <functional>

namespace rapport::gui {

namespace {

using Value = std::function<std::optional<double>(const rehearsal::Take&)>;
using Text = std::function<QString(const rehearsal::Take&)>;

struct Row
{
    QString name;
    Value value; ///< what is compared (nullopt: nothing to compare)
    Text text; ///< what is shown
    int better; ///< -1 lower is better, +1 higher is better, 0 no judgement
};

QString fixed(double v, int decimals)
{
    return QLocale().toString(v, 'f', decimals);
}

// A row whose text is the take list's column: one wording of a take everywhere.
Text listed(TakeListModel::Column column)
{
    return [column](const rehearsal::Take& t) { return TakeListModel::text(t, column); };
}

// A row whose text is its value, formatted; "—" without one.
Text formatted(Value value, std::function<QString(double)> format)
{
    return [value = std::move(value), format = std::move(format)](const rehearsal::Take& t) {
        const std::optional<double> v = value(t);
        return v ? format(*v) : QStringLiteral("—");
    };
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
    const Value pauses = [](const rehearsal::Take& t) {
        return t.report.pauseCount ? std::optional<double>(*t.report.pauseCount) : std::nullopt;
    };
    const Value longestPause = [](const rehearsal::Take& t) { return t.report.longestPauseS; };
    const Value pitchVariation = [](const rehearsal::Take& t) { return t.report.pitchSdSemitones; };
    const Value loudness = [](const rehearsal::Take& t) { return t.report.loudnessLufs; };
    const QList<Row> rows = {
        { tr("Speaking time"), [](const rehearsal::Take& t) { return t.report.speakingTimeS; },
            listed(TakeListModel::SpeakingTime), 0 },
        // The verdict says which side of the window; the closer take is marked.
        { tr("Timing"), timingError, listed(TakeListModel::Timing), -1 },
        { tr("Pace"), [](const rehearsal::Take& t) { return t.report.wordsPerMinute; },
            listed(TakeListModel::Pace), 0 },
        { tr("Pauses"), pauses, listed(TakeListModel::Pauses), 0 },
        { tr("Longest pause"), longestPause,
            formatted(longestPause, [](double v) { return tr("%1 s").arg(fixed(v, 1)); }), 0 },
        { tr("Pitch variation"), pitchVariation,
            formatted(pitchVariation, [](double v) { return tr("%1 semitones").arg(fixed(v, 1)); }),
            +1 },
        { tr("Loudness"), loudness,
            formatted(loudness, [](double v) { return tr("%1 LUFS").arg(signedDecimal(v, 1)); }),
            0 },
        { tr("Your rating"),
            [](const rehearsal::Take& t) {
                return t.rating.overall ? std::optional<double>(*t.rating.overall) : std::nullopt;
            },
            listed(TakeListModel::Rating), +1 },
    };
    m_table->setRowCount(static_cast<int>(rows.size()));
    m_table->setColumnCount(2);
    // Each take named as the take lists name it, "(no recording)" included.
    for (int c = 0; c < 2; ++c) {
        const rehearsal::Take& take = c == 0 ? a : b;
        m_table->setHorizontalHeaderItem(c,
            new QTableWidgetItem(TakeListModel::text(take, TakeListModel::When,
                QTimeZone::systemTimeZone(), TakeListModel::hasRecording(take))));
    }
    for (int r = 0; r < rows.size(); ++r) {
        const Row& row = rows[r];
        m_table->setVerticalHeaderItem(r, new QTableWidgetItem(row.name));
        const std::optional<double> va = row.value(a);
        const std::optional<double> vb = row.value(b);
        const QString texts[] = { row.text(a), row.text(b) };
        int best = -1;
        // Figures that read the same are not told apart by digits the table does not show.
        if (row.better != 0 && va && vb && *va != *vb && texts[0] != texts[1])
            best = (row.better > 0) == (*va > *vb) ? 0 : 1;
        for (int c = 0; c < 2; ++c) {
            auto* item = new QTableWidgetItem(texts[c]);
            item->setTextAlignment(Qt::AlignCenter);
            if (c == best) {
                QFont font = item->font();
                font.setBold(true);
                item->setFont(font);
                item->setData(
                    Qt::AccessibleTextRole, QString(item->text() + tr(", the better of the two")));
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
    resize(640, 360);
}

} // namespace rapport::gui
