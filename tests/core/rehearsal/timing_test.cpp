#include "core/rehearsal/selfrating.h"
#include "core/rehearsal/timing.h"

#include <gtest/gtest.h>

namespace rapport::rehearsal {
namespace {

TEST(TimingTest, JudgesSpeakingTimeAgainstTheWindow)
{
    const LightTimes lights = LightTimes::forWindow(45'000, 60'000);
    TimingResult under = judgeTiming(40'000, lights);
    EXPECT_EQ(under.verdict, TimingResult::Verdict::Under);
    EXPECT_EQ(under.byMs, 5'000);
    EXPECT_EQ(under.errorMs, 20'000);
    TimingResult within = judgeTiming(45'000, lights);
    EXPECT_EQ(within.verdict, TimingResult::Verdict::Within);
    EXPECT_EQ(within.byMs, 0);
    EXPECT_EQ(judgeTiming(60'000, lights).verdict, TimingResult::Verdict::Within);
    TimingResult over = judgeTiming(68'500, lights);
    EXPECT_EQ(over.verdict, TimingResult::Verdict::Over);
    EXPECT_EQ(over.byMs, 8'500);
    EXPECT_EQ(describeTiming(over), QStringLiteral("8.5 s over the red light"));
    EXPECT_EQ(describeTiming(under), QStringLiteral("5.0 s short of the green light"));
}

TEST(SelfRatingTest, RubricKeysRoundTripAndOverallIsRequired)
{
    for (RubricItem item : kRubricItems) {
        EXPECT_EQ(rubricItemFromKey(rubricKey(item)), item);
        EXPECT_FALSE(rubricText(item).isEmpty());
    }
    EXPECT_FALSE(rubricItemFromKey(QStringLiteral("charisma")).has_value());
    SelfRating rating;
    EXPECT_FALSE(rating.problem().isEmpty());
    rating.overall = 5;
    EXPECT_TRUE(rating.problem().isEmpty());
    rating.item(RubricItem::Listener) = 9;
    EXPECT_TRUE(rating.problem().contains(QStringLiteral("listener")));
}

} // namespace
} // namespace rapport::rehearsal
