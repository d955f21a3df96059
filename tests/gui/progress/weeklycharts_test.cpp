// What the Progress charts draw, from weeks made by hand.
#include "app/gui/progress/weeklycharts.h"

#include <QLocale>
#include <gtest/gtest.h>

namespace rapport::gui {
namespace {

using progress::WeekStats;

WeekStats week(int takes, double minutes, std::optional<double> wpm = std::nullopt,
    std::optional<double> onTarget = std::nullopt)
{
    WeekStats w;
    w.takes = takes;
    w.minutes = minutes;
    w.avgWpm = wpm;
    w.onTargetRatio = onTarget;
    return w;
}

TEST(WeeklyChartsTest, WeeksWithoutAValueAreGapsNotZeros)
{
    const WeeklyChartData data = weeklyChartData(
        { week(2, 3.0, 150, 0.5), week(0, 0.0), week(1, 1.0, 170, 1.0), week(0, 0.0) }, {});
    EXPECT_EQ(data.takes, (QList<qreal> { 2, 0, 1, 0 }));
    EXPECT_EQ(data.minutes, (QList<QPointF> { { 0, 3.0 }, { 2, 1.0 } }));
    EXPECT_TRUE(data.minutesSoFar.isEmpty()); // nothing this week (the last) yet
    EXPECT_EQ(data.wpm, (QList<QPointF> { { 0, 150 }, { 2, 170 } }));
    EXPECT_EQ(data.onTargetPercent, (QList<QPointF> { { 0, 50 }, { 2, 100 } }));
    EXPECT_EQ(data.measured, (QList<QPointF> { { 0, 2.5 }, { 2, 5.0 } }));
    EXPECT_TRUE(data.selfRating.isEmpty());
}

TEST(WeeklyChartsTest, ThisWeeksMinutesAreDashedFromTheLastWeekWithTakes)
{
    WeeklyChartData data = weeklyChartData({ week(1, 2.0), week(0, 0.0), week(1, 0.5) }, {});
    EXPECT_EQ(data.minutes, (QList<QPointF> { { 0, 2.0 } }));
    EXPECT_EQ(data.minutesSoFar, (QList<QPointF> { { 0, 2.0 }, { 2, 0.5 } }));
    // A first week of practice: this week alone, no line to join.
    data = weeklyChartData({ week(0, 0.0), week(2, 1.5) }, {});
    EXPECT_TRUE(data.minutes.isEmpty());
    EXPECT_EQ(data.minutesSoFar, (QList<QPointF> { { 1, 1.5 } }));
}

TEST(WeeklyChartsTest, AxesHoldTheGoalTheBandAndEveryValue)
{
    progress::WeeklyGoal goal;
    goal.takes = 9;
    WeeklyChartData data = weeklyChartData({ week(3, 1.0, 90), week(1, 12.0, 230) }, goal);
    EXPECT_GE(data.takesAxisMax, 9.0);
    EXPECT_GE(data.minutesAxisMax, 12.0);
    EXPECT_LE(data.wpmAxisMin, 90.0);
    EXPECT_GE(data.wpmAxisMax, 230.0);
    EXPECT_EQ(static_cast<int>(data.wpmAxisMin) % 40, 0);
    EXPECT_EQ(static_cast<int>(data.wpmAxisMax) % 40, 0);
    EXPECT_EQ(data.paceBandLow, (QList<QPointF> { { -0.5, 100 }, { 1.5, 100 } }));
    EXPECT_EQ(data.paceBandHigh, (QList<QPointF> { { -0.5, 165 }, { 1.5, 165 } }));
    // An empty range keeps readable axes.
    data = weeklyChartData({}, {});
    EXPECT_EQ(data.takesAxisMax, 4.0);
    EXPECT_EQ(data.minutesAxisMax, 5.0);
    EXPECT_EQ(data.wpmAxisMin, 40.0);
    EXPECT_EQ(data.wpmAxisMax, 200.0);
}

TEST(WeeklyChartsTest, AWeekIsNamedByItsMondayInEnglishWithTheYearOnlyWhenItDiffers)
{
    const QLocale saved;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany)); // not asked
    const QDate today(2026, 11, 23);
    EXPECT_EQ(weekOf(QDate(2026, 10, 26), today), QStringLiteral("week of 26 Oct"));
    EXPECT_EQ(weekOf(QDate(2025, 10, 27), today), QStringLiteral("week of 27 Oct 2025"));
    EXPECT_EQ(shortDate(QDate(2026, 9, 7), today), QStringLiteral("7 Sep"));
    EXPECT_EQ(shortDate(QDate(2027, 1, 4), today), QStringLiteral("4 Jan 2027"));
    QLocale::setDefault(saved);
}

} // namespace
} // namespace rapport::gui
