#include "core/rehearsal/timinglights.h"

#include <gtest/gtest.h>

namespace rapport::rehearsal {
namespace {

TEST(TimingLightsTest, TableTopicsLightsComeOnAtOneMinuteNinetySecondsAndTwoMinutes)
{
    const LightTimes times = LightTimes::tableTopics();
    ASSERT_TRUE(times.valid());
    EXPECT_EQ(lightAt(0, times), Light::None);
    EXPECT_EQ(lightAt(59'999, times), Light::None);
    EXPECT_EQ(lightAt(60'000, times), Light::Green);
    EXPECT_EQ(lightAt(89'999, times), Light::Green);
    EXPECT_EQ(lightAt(90'000, times), Light::Yellow);
    EXPECT_EQ(lightAt(119'999, times), Light::Yellow);
    EXPECT_EQ(lightAt(120'000, times), Light::Red);
    EXPECT_EQ(lightAt(149'999, times), Light::Red);
    EXPECT_EQ(lightAt(150'000, times), Light::Over);
    EXPECT_EQ(lightAt(3'600'000, times), Light::Over);
}

TEST(TimingLightsTest, WindowPutsYellowAtTheMidpoint)
{
    const LightTimes times = LightTimes::forWindow(45'000, 60'000);
    EXPECT_EQ(times.greenMs, 45'000);
    EXPECT_EQ(times.yellowMs, 52'500);
    EXPECT_EQ(times.redMs, 60'000);
    EXPECT_TRUE(times.valid());
}

TEST(TimingLightsTest, WithoutGraceRedNeverTurnsOverTime)
{
    LightTimes times = LightTimes::tableTopics();
    times.graceMs = 0;
    EXPECT_EQ(lightAt(10'000'000, times), Light::Red);
}

TEST(TimingLightsTest, OutOfOrderTimesAreInvalid)
{
    EXPECT_FALSE((LightTimes { 0, 1, 2, 0 }.valid()));
    EXPECT_FALSE((LightTimes { 2, 2, 3, 0 }.valid()));
    EXPECT_FALSE((LightTimes { 1, 3, 2, 0 }.valid()));
    EXPECT_FALSE((LightTimes { 1, 2, 3, -1 }.valid()));
    EXPECT_TRUE((LightTimes { 1, 2, 3, 0 }.valid()));
}

TEST(TimingLightsTest, ClockShowsMinutesAndPaddedSeconds)
{
    EXPECT_EQ(formatClock(0), QStringLiteral("0:00"));
    EXPECT_EQ(formatClock(65'999), QStringLiteral("1:05"));
    EXPECT_EQ(formatClock(600'000), QStringLiteral("10:00"));
    EXPECT_EQ(formatClock(-5), QStringLiteral("0:00"));
}

TEST(TimingLightsTest, EveryLightHasANameAndAdvice)
{
    for (Light light : { Light::None, Light::Green, Light::Yellow, Light::Red, Light::Over }) {
        EXPECT_FALSE(lightName(light).isEmpty());
        EXPECT_FALSE(lightAdvice(light).isEmpty());
    }
}

} // namespace
} // namespace rapport::rehearsal
