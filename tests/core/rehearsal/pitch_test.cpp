#include "core/rehearsal/pitch.h"

#include <gtest/gtest.h>

namespace rapport::rehearsal {
namespace {

TEST(PitchTest, CountsWordsWithContractionsAndHyphensAsOne)
{
    EXPECT_EQ(wordCount(QString()), 0);
    EXPECT_EQ(wordCount(QStringLiteral("  \n ")), 0);
    EXPECT_EQ(wordCount(QStringLiteral("We help 300 schools.")), 4);
    EXPECT_EQ(wordCount(QStringLiteral("Don't say it's well-known — it isn't!")), 6);
    EXPECT_EQ(wordCount(QStringLiteral("end- of line - dash")), 4);
    EXPECT_EQ(wordCount(QStringLiteral("Café naïve")), 2);
}

TEST(PitchTest, EstimatesSpeakingTimeFromWordsAndPace)
{
    EXPECT_EQ(speakingTimeMs(130, 130), 60'000);
    EXPECT_EQ(speakingTimeMs(80, 160), 30'000);
    EXPECT_EQ(speakingTimeMs(0, 130), 0);
    EXPECT_EQ(speakingTimeMs(10, 0), 0);
}

TEST(PitchTest, DefaultWindowEndsAtTheTargetWithGreenBeforeIt)
{
    for (qint64 target : kTargetPresetsMs) {
        const LightTimes lights = defaultLightsFor(target);
        EXPECT_TRUE(lights.valid()) << target;
        EXPECT_EQ(lights.redMs, target);
        EXPECT_LE(lights.greenMs, target - 5'000);
        const qint64 midpoint = lights.greenMs + (lights.redMs - lights.greenMs) / 2;
        EXPECT_LE(lights.yellowMs, midpoint);
        EXPECT_GT(lights.yellowMs, midpoint - 1000);
        EXPECT_EQ(lights.yellowMs % 1000, 0);
    }
    EXPECT_EQ(defaultLightsFor(60'000).greenMs, 50'000);
    EXPECT_EQ(defaultLightsFor(30'000).greenMs, 25'000);
    EXPECT_EQ(lightAt(61'000, defaultLightsFor(60'000)), Light::Red);
}

TEST(PitchTest, ProblemsNameWhatToFix)
{
    Pitch pitch;
    pitch.title = QStringLiteral("Team intro");
    EXPECT_EQ(pitchProblem(pitch), QString());
    pitch.title = QStringLiteral("  ");
    EXPECT_TRUE(pitchProblem(pitch).contains(QStringLiteral("title")));
    pitch.title = QStringLiteral("x");
    pitch.targetMs = 5'000;
    EXPECT_TRUE(pitchProblem(pitch).contains(QStringLiteral("target")));
    pitch.targetMs = 60'000;
    pitch.lights.yellowMs = pitch.lights.redMs;
    EXPECT_TRUE(pitchProblem(pitch).contains(QStringLiteral("lights")));
}

TEST(PitchTest, KeepItFreshAfterFourteenDays)
{
    const QDateTime now(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC);
    EXPECT_FALSE(needsFreshening(now.addDays(-13), now));
    EXPECT_TRUE(needsFreshening(now.addDays(-14), now));
    EXPECT_FALSE(needsFreshening(QDateTime(), now));
}

TEST(PitchTest, OutlineHasTheFiveParts)
{
    EXPECT_EQ(pitchOutline().count(QLatin1Char('\n')), 5);
}

} // namespace
} // namespace rapport::rehearsal
