#include "app/gui/widgets/takelistmodel.h"

#include "app/gui/widgets/wording.h"
#include "core/analysis/reportjson.h"
#include "core/rehearsal/timing.h"

#include <QBrush>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>
#include <algorithm>
#include <cmath>

namespace rapport::gui {

using analysis::Caveat;
using rehearsal::Take;

namespace {

const QString kMissing = QStringLiteral("—");

std::optional<long> wordsPerMinute(const Take& take)
{
    return take.report.wordsPerMinute ? std::optional(std::lround(*take.report.wordsPerMinute))
                                      : std::nullopt;
}

} // namespace

QString withheldPaceReason(const analysis::TakeReport& report)
{
    QStringList texts;
    for (const Caveat caveat : report.caveats) {
        if (caveat == Caveat::TooNoisyForPace || caveat == Caveat::TooShortForPace)
            texts << analysis::caveatText(caveat);
    }
    return texts.join(QStringLiteral("; "));
}

QString fillerKindsText(const std::vector<speech::Filler>& fillers)
{
    const QMap<QString, int> byKind = speech::fillersByKind(fillers);
    QStringList kinds;
    for (auto it = byKind.cbegin(); it != byKind.cend(); ++it)
        kinds << (it.value() > 1 ? TakeListModel::tr("“%1” ×%2").arg(it.key()).arg(it.value())
                                 : TakeListModel::tr("“%1”").arg(it.key()));
    return kinds.join(TakeListModel::tr(", "));
}

TakeListModel::TakeListModel(QTimeZone zone, QObject* parent)
    : QAbstractTableModel(parent)
    , m_zone(std::move(zone))
{ }

void TakeListModel::setTakes(QList<Take> takes)
{
    beginResetModel();
    m_takes = std::move(takes);
    m_hasRecording.clear();
    m_hasRecording.reserve(m_takes.size());
    for (const Take& take : std::as_const(m_takes))
        m_hasRecording << hasRecording(take);
    endResetModel();
}

int TakeListModel::rowOf(qint64 id) const
{
    const auto it = std::find_if(
        m_takes.cbegin(), m_takes.cend(), [id](const Take& take) { return take.id == id; });
    return it == m_takes.cend() ? -1 : static_cast<int>(it - m_takes.cbegin());
}

int TakeListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_takes.size());
}

int TakeListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool TakeListModel::hasRecording(const Take& take)
{
    return !take.audioPath.isEmpty() && QFileInfo::exists(take.audioPath);
}

QString TakeListModel::text(
    const Take& take, Column column, const QTimeZone& zone, bool hasRecording)
{
    const analysis::TakeReport& report = take.report;
    switch (column) {
    case When: {
        const QString when = momentText(take.startedAt.toTimeZone(zone));
        return hasRecording ? when : when + QLatin1Char(' ') + tr("(no recording)");
    }
    case SpeakingTime:
        return report.speakingTimeS
            ? rehearsal::formatClock(std::llround(*report.speakingTimeS * 1000.0))
            : kMissing;
    case Timing: {
        const std::optional<rehearsal::TimingResult> timing = rehearsal::takeTiming(take);
        return timing ? rehearsal::describeTiming(*timing) : tr("no speech");
    }
    case Pace: {
        const std::optional<long> wpm = wordsPerMinute(take);
        return wpm ? tr("%1 wpm").arg(*wpm) : kMissing;
    }
    case Pauses:
        return report.pauseCount ? QString::number(*report.pauseCount) : kMissing;
    case Fillers:
        return take.words && take.words->fillersPerMinute
            ? tr("%1/min").arg(*take.words->fillersPerMinute, 0, 'f', 1)
            : kMissing;
    case Script:
        return take.words && take.words->script
            ? tr("%1 %").arg(std::lround(take.words->script->coverage * 100.0))
            : kMissing;
    case Rating: {
        const std::optional<int> overall = take.rating.overall;
        if (!overall)
            return tr("not rated");
        const int stars = std::clamp(*overall, 0, 5);
        return QString(stars, QChar(0x2605)) + QString(5 - stars, QChar(0x2606));
    }
    case Best:
        return take.starred ? QString(QChar(0x2605)) : QString();
    case ColumnCount:
        break;
    }
    return {};
}

QVariant TakeListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const auto column = static_cast<Column>(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return text(m_takes[row], column, m_zone, m_hasRecording[row]);
    case Qt::ToolTipRole:
        return toolTip(row, column);
    case Qt::AccessibleTextRole:
        return accessibleText(row, column);
    case Qt::TextAlignmentRole:
        if (column == SpeakingTime || column == Pace || column == Pauses || column == Fillers
            || column == Script)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case Qt::ForegroundRole:
        if (column == When && !m_hasRecording[row])
            return QGuiApplication::palette().brush(QPalette::PlaceholderText);
        return {};
    case IdRole:
        return m_takes[row].id;
    case SortRole:
        return sortValue(row, column);
    default:
        return {};
    }
}

QVariant TakeListModel::toolTip(int row, Column column) const
{
    const Take& take = m_takes[row];
    switch (column) {
    case When:
        if (!m_hasRecording[row])
            return tr("There is no recording of this take on this computer: its report and rating "
                      "are kept, but it cannot be played.");
        return {};
    case Timing:
        if (!take.report.speakingTimeS)
            return tr("No speech was found in this take.");
        if (take.lights.valid())
            return tr("The window runs from the green light at %1 to the red light at %2.")
                .arg(rehearsal::formatClock(take.lights.greenMs),
                    rehearsal::formatClock(take.lights.redMs));
        return {};
    case Pace: {
        if (const QString why = withheldPaceReason(take.report); !why.isEmpty())
            return asSentence(why);
        const std::optional<long> wpm = wordsPerMinute(take);
        if (!wpm)
            return {};
        QString band;
        switch (rehearsal::paceBand(static_cast<double>(*wpm))) {
        case rehearsal::PaceBand::Slow:
            band = tr("relaxed");
            break;
        case rehearsal::PaceBand::Comfortable:
            band = tr("in the comfortable band");
            break;
        case rehearsal::PaceBand::Fast:
            band = tr("fast");
            break;
        }
        return tr("About %1 words a minute: %2 (%3–%4).")
            .arg(*wpm)
            .arg(band)
            .arg(rehearsal::kComfortableWpmMin)
            .arg(rehearsal::kComfortableWpmMax);
    }
    case Fillers: {
        if (!take.words)
            return tr("This take's words were not heard.");
        if (take.words->fillers.empty())
            return tr("No filler words.");
        return counted(static_cast<qsizetype>(take.words->fillers.size()), tr("%1 filler: %2."),
            tr("%1 fillers: %2."))
            .arg(fillerKindsText(take.words->fillers));
    }
    case Script:
        if (!take.words)
            return tr("This take's words were not heard.");
        if (!take.words->script)
            return tr("The pitch had no script when this take was recorded.");
        return tr("The share of the script's words said. %1").arg(take.words->script->summary());
    case Rating:
        if (take.rating.overall)
            return tr("You rated this take %1 of 5.").arg(*take.rating.overall);
        return {};
    case Best:
        if (take.starred)
            return tr("Your best take of this pitch.");
        return {};
    case SpeakingTime:
    case Pauses:
    case ColumnCount:
        break;
    }
    return {};
}

QVariant TakeListModel::accessibleText(int row, Column column) const
{
    const Take& take = m_takes[row];
    const analysis::TakeReport& report = take.report;
    switch (column) {
    case When:
        return text(take, When, m_zone, m_hasRecording[row]);
    case SpeakingTime:
        return report.speakingTimeS ? text(take, SpeakingTime) : tr("no speech");
    case Timing:
        return text(take, Timing);
    case Pace: {
        if (const std::optional<long> wpm = wordsPerMinute(take))
            return counted(*wpm, tr("%1 word a minute"), tr("%1 words a minute"));
        const QString why = withheldPaceReason(report);
        return why.isEmpty() ? tr("not measured") : why;
    }
    case Pauses:
        return report.pauseCount ? counted(*report.pauseCount, tr("%1 pause"), tr("%1 pauses"))
                                 : tr("not measured");
    case Fillers:
        return take.words && take.words->fillersPerMinute
            ? tr("%1 fillers a minute").arg(*take.words->fillersPerMinute, 0, 'f', 1)
            : tr("words not heard");
    case Script:
        if (!take.words)
            return tr("words not heard");
        return take.words->script
            ? tr("%1 % of the script said").arg(std::lround(take.words->script->coverage * 100.0))
            : tr("no script");
    case Rating:
        return take.rating.overall ? tr("%1 of 5").arg(*take.rating.overall) : tr("not rated");
    case Best:
        return take.starred ? tr("best take") : tr("not the best take");
    case ColumnCount:
        break;
    }
    return {};
}

QVariant TakeListModel::sortValue(int row, Column column) const
{
    const Take& take = m_takes[row];
    const analysis::TakeReport& report = take.report;
    switch (column) {
    case When:
        return take.startedAt;
    case SpeakingTime:
        return report.speakingTimeS ? QVariant(std::llround(*report.speakingTimeS * 1000.0))
                                    : QVariant();
    case Timing: {
        const std::optional<rehearsal::TimingResult> timing = rehearsal::takeTiming(take);
        if (!timing)
            return {};
        const bool under = timing->verdict == rehearsal::TimingResult::Verdict::Under;
        return QVariant(under ? -timing->byMs : timing->byMs);
    }
    case Pace:
        return report.wordsPerMinute ? QVariant(*report.wordsPerMinute) : QVariant();
    case Pauses:
        return report.pauseCount ? QVariant(*report.pauseCount) : QVariant();
    case Fillers:
        return take.words && take.words->fillersPerMinute ? QVariant(*take.words->fillersPerMinute)
                                                          : QVariant();
    case Script:
        return take.words && take.words->script ? QVariant(take.words->script->coverage)
                                                : QVariant();
    case Rating:
        return take.rating.overall ? QVariant(*take.rating.overall) : QVariant();
    case Best:
        return take.starred;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant TakeListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (static_cast<Column>(section)) {
        case When:
            return tr("When");
        case SpeakingTime:
            return tr("Speaking time");
        case Timing:
            return tr("Timing");
        case Pace:
            return tr("Pace");
        case Pauses:
            return tr("Pauses");
        case Fillers:
            return tr("Fillers");
        case Script:
            return tr("Script");
        case Rating:
            return tr("Rating");
        case Best:
            return tr("Best");
        case ColumnCount:
            break;
        }
    }
    if (role == Qt::TextAlignmentRole) {
        // Above right-aligned figures, the title lines up with them.
        const auto column = static_cast<Column>(section);
        if (column == SpeakingTime || column == Pace || column == Pauses || column == Fillers
            || column == Script)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    }
    if (role == Qt::ToolTipRole) {
        switch (static_cast<Column>(section)) {
        case Timing:
            return tr("Speaking time against the pitch's window, green light to red light");
        case Pace:
            return tr("Words per minute");
        case Fillers:
            return tr("Filler words (um, uh, and like or so set apart) per minute of speaking");
        case Script:
            return tr("How much of the pitch's script was said");
        case Rating:
            return tr("How you rated the take, out of 5");
        case Best:
            return tr("The take you starred as your best");
        default:
            break;
        }
    }
    return {};
}

} // namespace rapport::gui
