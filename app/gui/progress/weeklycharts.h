#pragma once

#include "core/progress/weeklystats.h"

#include <QDate>
#include <QList>
#include <QPointF>
#include <QString>

namespace rapport::gui {

/// What the six Progress charts draw for a range of weeks, computed from the weeks alone:
/// ProgressPage hands it to Qt Charts, and tests read it here. x is a week's index in the range
/// (the oldest 0); the last week is this week, which is not over. A week without a value has no
/// point (a gap, not a zero).
struct WeeklyChartData
{
    QList<qreal> takes; ///< one bar a week
    QList<QPointF> minutes; ///< minutes of weeks that are over
    /// This week's minutes so far, dashed from the last week before it: empty when this week has
    /// no take, else one or two points.
    QList<QPointF> minutesSoFar;
    qreal takesAxisMax = 4; ///< the goal at least, room above the highest bar
    qreal minutesAxisMax = 5;

    QList<QPointF> onTargetPercent; ///< share of takes inside their window, %
    QList<QPointF> timingErrorS; ///< mean |speaking time - red light|, s
    qreal errorAxisMax = 10;

    QList<QPointF> wpm;
    QList<QPointF> paceBandLow; ///< the comfortable pace's edges across the whole range
    QList<QPointF> paceBandHigh;
    qreal wpmAxisMin = 60; ///< multiples of 40, so the band edges read against 80, 120, 160
    qreal wpmAxisMax = 200;

    QList<QPointF> fillersPerMinute; ///< over the takes whose words were heard
    QList<QPointF> answerFillersPerMinute; ///< over the answers whose words were heard
    QList<QPointF> scriptPercent; ///< share of the script said, %, over takes with a script
    qreal fillersAxisMax = 5; ///< for both lines of fillers

    QList<qreal> answers; ///< cards answered out loud: one bar a week
    QList<QPointF> firstWordS; ///< mean seconds to the first word of an answer
    qreal answersAxisMax = 4;
    qreal firstWordAxisMax = 5;

    QList<QPointF> selfRating; ///< average overall self-rating, 1-5
    QList<QPointF> measured; ///< on-target share scaled to 0-5, to read against the rating
};

/// "27 Oct", or "27 Oct 2025" when `day` is not in the year of `today`: the one way Progress
/// writes a date, in English whatever the locale (the rest of the page is English too).
QString shortDate(const QDate& day, const QDate& today);

/// "week of 27 Oct": the week that starts on `monday`, as Progress names it (not "2026-W44").
QString weekOf(const QDate& monday, const QDate& today);

/// The charts' data for `weeks` (oldest first, the last one this week) under `goal`.
WeeklyChartData weeklyChartData(
    const QList<progress::WeekStats>& weeks, const progress::WeeklyGoal& goal);

} // namespace rapport::gui
