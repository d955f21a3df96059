#include "app/gui/rehearse/takecomparedialog.h"

#include "app/audio/wavplayer.h"
#include "app/gui/widgets/takelistmodel.h"
#include "app/gui/widgets/wording.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <functional>

namespace rapport::gui {

namespace {

using Value = std::function<std::optional<double>(const rehearsal::Take&)>;
using Text = std::function<QString(const rehearsal::Take&)>;

struct Row
{
    QString name;
    /// What is compared, rounded as the text shows it, so figures that read the same are a tie
    /// (nullopt: nothing to compare).
    Value value;
    Text text; ///< what is shown
    int better; ///< -1 lower is better, +1 higher is better, 0 no judgement
};

std::optional<double> rounded(std::optional<double> value, int decimals)
{
    if (!value)
        return std::nullopt;
    const double scale = std::pow(10.0, decimals);
    return std::round(*value * scale) / scale;
}

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

// How far outside the window the take's speaking time reads, in whole seconds, as the table
// shows both ("1:04", a minute's red light, "over by 0:04"); 0 inside the window. A take less
// than a second outside is 0.5: not a tie with one inside.
std::optional<double> timingError(const rehearsal::Take& t)
{
    const std::optional<rehearsal::TimingResult> timing = rehearsal::takeTiming(t);
    if (!timing)
        return std::nullopt;
    const qint64 shownMs = std::llround(*t.report.speakingTimeS * 1000.0) / 1000 * 1000;
    switch (timing->verdict) {
    case rehearsal::TimingResult::Verdict::Within:
        return 0.0;
    case rehearsal::TimingResult::Verdict::Under:
        return std::max(double((t.lights.greenMs - shownMs) / 1000), 0.5);
    case rehearsal::TimingResult::Verdict::Over:
        return std::max(double((shownMs - t.lights.redMs) / 1000), 0.5);
    }
    return std::nullopt;
}

// Why a take's Play button is disabled; empty when its recording is there.
QString whyNotPlayable(const rehearsal::Take& take)
{
    if (take.audioPath.isEmpty())
        return TakeCompareDialog::tr("The audio of this take was not kept, so there is nothing "
                                     "to play.");
    if (!TakeListModel::hasRecording(take))
        return TakeCompareDialog::tr("The recording of this take is missing (%1), so there is "
                                     "nothing to play.")
            .arg(QFileInfo(take.audioPath).fileName());
    return {};
}

} // namespace

QString TakeCompareDialog::timingText(const rehearsal::Take& take)
{
    const std::optional<rehearsal::TimingResult> timing = rehearsal::takeTiming(take);
    if (!timing)
        return TakeListModel::text(take, TakeListModel::Timing); // "no speech", as the list says
    const double seconds = *timingError(take);
    const bool under = timing->verdict == rehearsal::TimingResult::Verdict::Under;
    if (timing->verdict == rehearsal::TimingResult::Verdict::Within)
        return tr("within the window");
    if (seconds < 1.0)
        return under ? tr("under by less than a second") : tr("over by less than a second");
    const QString by = rehearsal::formatClock(qint64(seconds) * 1000);
    return under ? tr("under by %1").arg(by) : tr("over by %1").arg(by);
}

TakeCompareDialog::TakeCompareDialog(
    const rehearsal::Take& a, const rehearsal::Take& b, QWidget* parent)
    : QDialog(parent)
    , m_table(new QTableWidget(this))
    , m_audio { a.audioPath, b.audioPath }
    , m_player(std::make_unique<audio::WavPlayer>())
{
    setWindowTitle(tr("Compare takes"));
    const Value pauses = [](const rehearsal::Take& t) {
        return t.report.pauseCount ? std::optional<double>(*t.report.pauseCount) : std::nullopt;
    };
    const Value longestPause = [](const rehearsal::Take& t) { return t.report.longestPauseS; };
    const Value pitchVariation
        = [](const rehearsal::Take& t) { return rounded(t.report.pitchSdSemitones, 1); };
    const Value loudness = [](const rehearsal::Take& t) { return t.report.loudnessLufs; };
    const QList<Row> rows = {
        { tr("Speaking time"), [](const rehearsal::Take& t) { return t.report.speakingTimeS; },
            listed(TakeListModel::SpeakingTime), 0 },
        // Which side of the window and by how much; the closer take is marked.
        { tr("Timing"), timingError, &TakeCompareDialog::timingText, -1 },
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
        const bool judged = row.better != 0 && va && vb;
        // Figures that read the same are a tie: not told apart by digits the table does not show.
        const bool tie = judged && (*va == *vb || texts[0] == texts[1]);
        int best = -1;
        if (judged && !tie)
            best = (row.better > 0) == (*va > *vb) ? 0 : 1;
        for (int c = 0; c < 2; ++c) {
            auto* item = new QTableWidgetItem(texts[c]);
            item->setTextAlignment(Qt::AlignCenter);
            if (tie) {
                item->setToolTip(tr("A tie: both takes read the same here"));
                item->setData(Qt::AccessibleTextRole, QString(item->text() + tr(", a tie")));
            } else if (c == best) {
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
    // The last row plays each take, under its own column.
    const int playRow = m_table->rowCount();
    m_table->insertRow(playRow);
    m_table->setVerticalHeaderItem(playRow, new QTableWidgetItem(tr("Recording")));
    for (int c = 0; c < 2; ++c) {
        const rehearsal::Take& take = c == 0 ? a : b;
        auto* cell = new QWidget(m_table);
        auto* cellLayout = new QHBoxLayout(cell);
        cellLayout->setContentsMargins(4, 2, 4, 2);
        auto* play = new QPushButton(tr("Play"), cell);
        play->setAccessibleName(
            tr("Play the take of %1").arg(m_table->horizontalHeaderItem(c)->text()));
        if (const QString why = whyNotPlayable(take); !why.isEmpty()) {
            play->setEnabled(false);
            play->setToolTip(why);
        }
        connect(play, &QPushButton::clicked, this, [this, c] { togglePlay(c); });
        cellLayout->addStretch(1);
        cellLayout->addWidget(play);
        cellLayout->addStretch(1);
        m_table->setCellWidget(playRow, c, cell);
        m_play[std::size_t(c)] = play;
    }
    m_table->resizeRowToContents(playRow);
    connect(m_player.get(), &audio::WavPlayer::stateChanged, this,
        &TakeCompareDialog::updatePlayButtons);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->setAccessibleName(tr("Two takes compared"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(buttons);
    resize(640, 400);
}

// The player stops (and lets go of the sound device) with the dialog.
TakeCompareDialog::~TakeCompareDialog() = default;

void TakeCompareDialog::togglePlay(int column)
{
    const QString& path = m_audio[std::size_t(column)];
    if (m_player->state() != audio::WavPlayer::State::Stopped && m_player->path() == path) {
        m_player->stop();
        updatePlayButtons();
        return;
    }
    if (Status s = m_player->play(path); !s)
        QMessageBox::warning(this, tr("Cannot play the take"), s.error().toString());
    updatePlayButtons();
}

void TakeCompareDialog::updatePlayButtons()
{
    const bool playing = m_player->state() != audio::WavPlayer::State::Stopped;
    for (std::size_t c = 0; c < m_play.size(); ++c)
        m_play[c]->setText(playing && m_player->path() == m_audio[c] ? tr("Stop") : tr("Play"));
}

} // namespace rapport::gui
