#pragma once

#include "core/common/result.h"
#include "core/decks/question.h"
#include "core/progress/isoweek.h"
#include "core/rehearsal/selfrating.h"
#include "core/storage/database.h"
#include "core/storage/rowscan.h"

#include <QSqlDatabase>
#include <QTimeZone>
#include <array>
#include <initializer_list>
#include <iterator>
#include <optional>
#include <span>

namespace rapport::progress {

class WeekSlots; // the weeks being added up, with their edges (weeklystats.cpp)

/// What the user wants to do each week.
struct WeeklyGoal
{
    int takes = 3;
    int conversations = 2;
    bool operator==(const WeeklyGoal&) const = default;
};

/// Everything practised in one ISO week (in the user's time zone).
struct WeekStats
{
    IsoWeek week;
    int takes = 0;
    double minutes = 0.0; ///< total length of the week's takes
    int distinctPitches = 0;
    std::array<int, std::size(decks::kAllZones)> cardsByZone {}; ///< in kAllZones order
    int conversations = 0;
    std::optional<double> avgConversationRating;
    std::optional<double> avgSelfRating; ///< overall, over rated takes
    std::array<std::optional<double>, rehearsal::kRubricItems.size()> avgRubric {};
    std::optional<double> onTargetRatio; ///< share of takes with speech that ended in the window
    std::optional<double> meanAbsTimingErrorS; ///< |speaking time - red light|, seconds
    std::optional<double> avgWpm;
    std::optional<double> pausesPerMinute; ///< over speaking time
    /// Fillers per minute of speaking time, over the takes whose words were heard.
    std::optional<double> fillersPerMinute;
    /// The mean share of the script said, over the takes of a pitch with a script whose words
    /// were heard (0-1).
    std::optional<double> scriptCoverage;
    /// Calibration: of the takes where the speaker said how it felt, the share where the
    /// feeling matched the measurement (timing: short / on time / long against the window;
    /// pace: slow / comfortable / fast against 100-165 wpm).
    std::optional<double> feltTimingAgreement;
    std::optional<double> feltPaceAgreement;
    /// Cards answered out loud (table answers).
    int answers = 0;
    /// The mean time from the start of an answer to its first word, over answers with speech.
    std::optional<double> avgFirstWordS;
    /// Fillers per minute of speaking time in answers, over those whose words were heard: to
    /// read beside fillersPerMinute, the takes'.
    std::optional<double> answerFillersPerMinute;
    /// The mean overall rating of the rated answers, 1-5.
    std::optional<double> avgAnswerRating;
    bool goalMet = false;

    int cardsDrawn() const;
};

/// Weekly aggregates over takes, card draws, answers to cards and logged conversations. Timestamps
/// are stored in UTC; a week runs from Monday 00:00 to the next Monday 00:00 local time in `zone`,
/// so weeks with a daylight-saving change are 167 or 169 hours long and nothing falls between them.
class WeeklyStatsQuery
{
public:
    explicit WeeklyStatsQuery(
        const storage::Database& database, QTimeZone zone = QTimeZone::systemTimeZone());

    /// Every week from `first` to `last` inclusive, in order, empty weeks included. Finished
    /// weeks come from a cache that any change inside them clears (see schema 6).
    Result<QList<WeekStats>> weeks(IsoWeek first, IsoWeek last, const WeeklyGoal& goal) const;
    /// Like weeks(), but only takes, conversations and goalMet are filled in: what a streak
    /// needs, read from indexes alone, so years of weeks cost milliseconds.
    Result<QList<WeekStats>> goalWeeks(IsoWeek first, IsoWeek last, const WeeklyGoal& goal) const;
    /// The week of the earliest take, draw, answer or conversation; nullopt when there is none.
    Result<std::optional<IsoWeek>> firstActiveWeek() const;
    /// The local-time week holding `utc`.
    IsoWeek weekOf(const QDateTime& utc) const;

private:
    /// Adds one kind of record into the weeks (given with their edges as stored text).
    /// Each reader fills only its own fields of the weeks.
    using Reader = Status (*)(const storage::ScanSource&, const WeekSlots&, std::span<WeekStats>);
    Result<QList<WeekStats>> aggregate(IsoWeek first, IsoWeek last, const WeeklyGoal& goal,
        std::initializer_list<Reader> readers) const;
    /// Whether addUp() may read on a second connection in another thread: only when the
    /// caller holds the write lock, so that both connections see the same data.
    enum class Concurrency { OneConnection, SecondConnection };
    /// From this many weeks on, a second thread is worth opening a second connection for.
    static constexpr qsizetype kWeeksWorthASecondThread = 26;
    /// Adds up `weeks` (any set, in order) with every reader; goalMet is not set.
    Result<QList<WeekStats>> addUp(const QList<IsoWeek>& weeks,
        std::initializer_list<Reader> readers, Concurrency concurrency) const;

    const storage::Database& m_database;
    QTimeZone m_zone;
};

/// Whether `stats` meets `goal`.
bool meetsGoal(const WeekStats& stats, const WeeklyGoal& goal);

/// Consecutive weeks meeting the goal, counted back from the last week of `weeks` (ascending,
/// without gaps). The last week only breaks the streak once it is over: an unfinished current
/// week that has not met the goal yet does not count, but does not end the streak either.
int goalStreak(const QList<WeekStats>& weeks, bool lastWeekIsCurrent);

} // namespace rapport::progress
