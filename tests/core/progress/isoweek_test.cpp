#include "core/progress/isoweek.h"

#include <gtest/gtest.h>

namespace rapport::progress {
namespace {

TEST(IsoWeekTest, WeeksStartOnMondayAndWeekOneHoldsTheFirstThursday)
{
    EXPECT_EQ(IsoWeek::containing(QDate(2026, 11, 23)).key(), QStringLiteral("2026-W48"));
    EXPECT_EQ(IsoWeek::containing(QDate(2026, 11, 29)).key(), QStringLiteral("2026-W48"));
    EXPECT_EQ(IsoWeek::containing(QDate(2026, 11, 30)).key(), QStringLiteral("2026-W49"));
    // 1 January 2021 was a Friday: it belongs to the last week of 2020, which had 53 weeks.
    EXPECT_EQ(IsoWeek::containing(QDate(2021, 1, 1)).key(), QStringLiteral("2020-W53"));
    EXPECT_EQ(IsoWeek::containing(QDate(2021, 1, 4)).key(), QStringLiteral("2021-W01"));
    // 29 December 2025 (a Monday) already belongs to 2026's week 1.
    EXPECT_EQ(IsoWeek::containing(QDate(2025, 12, 29)).key(), QStringLiteral("2026-W01"));
}

TEST(IsoWeekTest, KnowsWhichYearsHave53Weeks)
{
    EXPECT_EQ(IsoWeek::weeksInYear(2020), 53);
    EXPECT_EQ(IsoWeek::weeksInYear(2026), 53);
    EXPECT_EQ(IsoWeek::weeksInYear(2025), 52);
    EXPECT_EQ(IsoWeek::weeksInYear(2027), 52);
    EXPECT_TRUE(IsoWeek::fromKey(QStringLiteral("2026-W53")).has_value());
    EXPECT_FALSE(IsoWeek::fromKey(QStringLiteral("2025-W53")).has_value());
}

TEST(IsoWeekTest, WalksAcrossYearEndsWithoutGapsOrRepeats)
{
    IsoWeek week = IsoWeek::containing(QDate(2019, 12, 1));
    QDate expectedMonday = week.monday();
    for (int i = 0; i < 400; ++i) {
        EXPECT_EQ(week.monday(), expectedMonday);
        EXPECT_EQ(week.monday().dayOfWeek(), 1);
        EXPECT_EQ(IsoWeek::containing(week.sunday()), week);
        EXPECT_EQ(week.next().previous(), week);
        EXPECT_LT(week, week.next());
        EXPECT_EQ(week.weeksTo(week.next()), 1);
        week = week.next();
        expectedMonday = expectedMonday.addDays(7);
    }
}

TEST(IsoWeekTest, ParsesOnlyWellFormedKeys)
{
    EXPECT_EQ(IsoWeek::fromKey(QStringLiteral("2026-W48")), (IsoWeek { 2026, 48 }));
    for (const char* bad : { "2026-W00", "2026-48", "2026-W4", "W48", "", "2026-W48x" })
        EXPECT_FALSE(IsoWeek::fromKey(QString::fromLatin1(bad)).has_value()) << bad;
}

} // namespace
} // namespace rapport::progress
