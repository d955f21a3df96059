#include "core/coaching/advice.h"

#include <gtest/gtest.h>

namespace rapport::coaching {
namespace {

using analysis::Caveat;
using rehearsal::Take;

// The pitch's window: green 0:50, yellow 0:55, red 1:00.
const rehearsal::LightTimes kWindow = rehearsal::LightTimes::pitch(50'000, 55'000, 60'000);

// A healthy take the tests then spoil one figure at a time: 55 s inside the window, 140 wpm,
// a pause every 11 s, a lively voice at a comfortable level.
Take healthyTake(qint64 id = 7)
{
    Take take;
    take.id = id;
    take.pitchId = 1;
    take.startedAt = QDateTime(QDate(2025, 3, 10), QTime(9, 0), Qt::UTC);
    take.lights = kWindow;
    analysis::TakeReport& report = take.report;
    report.durationS = 57.0;
    report.speechStartS = 1.0;
    report.speechEndS = 56.0;
    report.speakingTimeS = 55.0;
    report.pauses
        = { { 10.0, 10.8 }, { 21.0, 22.2 }, { 33.0, 33.6 }, { 44.0, 45.0 }, { 50.0, 50.5 } };
    report.pauseCount = 5;
    report.longestPauseS = 1.2;
    report.wordsPerMinute = 140.0;
    report.pitchSdSemitones = 3.2;
    report.monotone = false;
    report.loudnessLufs = -22.0;
    report.peakDbfs = -4.0;
    report.clippedRatio = 0.0;
    report.signalToNoiseDb = 30.0;
    return take;
}

void setSpeakingTime(Take& take, double seconds)
{
    take.report.speechEndS = *take.report.speechStartS + seconds;
    take.report.speakingTimeS = seconds;
    take.report.durationS = seconds + 2.0;
}

// The advice on `measure`; fails the test when there is none.
Advice adviceOn(const Coaching& coaching, Measure measure)
{
    const Advice* advice = coaching.find(measure);
    EXPECT_NE(advice, nullptr) << "no advice on " << measureName(measure).toStdString();
    return advice ? *advice : Advice {};
}

Advice adviceOn(const Take& take, Measure measure)
{
    return adviceOn(coach(take, std::nullopt, std::nullopt), measure);
}

// Words with `fillers` ("um", "like"...) said in `speakingS` of speech, counted a minute.
speech::WordReport wordsWithFillers(const QStringList& fillers, double speakingS)
{
    speech::WordReport words;
    double at = 1.0;
    for (const QString& filler : fillers) {
        words.fillers.push_back({ 0, 1, filler, at, at + 0.3 });
        at += 2.0;
    }
    words.fillersPerMinute = double(fillers.size()) / (speakingS / 60.0);
    return words;
}

TEST(AdviceTest, TooLongBy13SecondsAt140WpmSuggestsCuttingAbout30Words)
{
    Take take = healthyTake();
    setSpeakingTime(take, 73.0);
    const Advice length = adviceOn(take, Measure::Length);
    EXPECT_EQ(length.verdict, Verdict::Off);
    EXPECT_EQ(length.verdictText, QStringLiteral("Too long by 13 s"));
    EXPECT_EQ(length.suggestion, QStringLiteral("Cut about 30 words (your pace is 140 wpm)"));
    EXPECT_NEAR(length.distance, 13.0 / 6.0, 1e-9);
}

TEST(AdviceTest, JustOverTheWindowIsCloseAndAsksForAFewWords)
{
    Take take = healthyTake();
    setSpeakingTime(take, 62.0);
    const Advice length = adviceOn(take, Measure::Length);
    EXPECT_EQ(length.verdict, Verdict::Close);
    EXPECT_EQ(length.verdictText, QStringLiteral("Too long by 2 s"));
    EXPECT_EQ(length.suggestion, QStringLiteral("Cut a few words (your pace is 140 wpm)"));
}

TEST(AdviceTest, TooShortSuggestsAddingWordsOrAnExample)
{
    Take take = healthyTake();
    setSpeakingTime(take, 42.0);
    const Advice length = adviceOn(take, Measure::Length);
    EXPECT_EQ(length.verdict, Verdict::Off);
    EXPECT_EQ(length.verdictText, QStringLiteral("Too short by 8 s"));
    // 8 s at 140 wpm is 18.7 words: about 20.
    EXPECT_EQ(length.suggestion,
        QStringLiteral("Add about 20 words (your pace is 140 wpm): one more example, or a number "
                       "that shows it"));
}

TEST(AdviceTest, WithoutAPaceTheWordsToCutAreCountedAtConversationalPace)
{
    Take take = healthyTake();
    setSpeakingTime(take, 73.0);
    take.report.wordsPerMinute.reset();
    // 13 s at 150 wpm is 32.5 words: about 35 (nearest 5).
    EXPECT_EQ(adviceOn(take, Measure::Length).suggestion,
        QStringLiteral("Cut about 35 words (at a conversational 150 wpm)"));
}

TEST(AdviceTest, InsideTheWindowIsGoodWithNoSuggestion)
{
    const Coaching coaching = coach(healthyTake(), std::nullopt, std::nullopt);
    const Advice length = adviceOn(coaching, Measure::Length);
    EXPECT_EQ(length.verdict, Verdict::Good);
    EXPECT_EQ(length.verdictText, QStringLiteral("Inside the window"));
    EXPECT_TRUE(length.suggestion.isEmpty());
    EXPECT_EQ(length.distance, 0.0);
    // Every figure of the healthy take is good: nothing to try next.
    for (const Advice& advice : coaching.measures) {
        EXPECT_EQ(advice.verdict, Verdict::Good) << measureName(advice.measure).toStdString();
        EXPECT_TRUE(advice.suggestion.isEmpty());
    }
    EXPECT_TRUE(coaching.tryNext.empty());
}

TEST(AdviceTest, ATakeWithoutSpeechOrWindowHasNoLengthVerdict)
{
    Take take = healthyTake();
    take.report.speakingTimeS.reset();
    EXPECT_EQ(coach(take, std::nullopt, std::nullopt).find(Measure::Length), nullptr);
    take = healthyTake();
    take.lights = { 0, 0, 0, 0 };
    EXPECT_EQ(coach(take, std::nullopt, std::nullopt).find(Measure::Length), nullptr);
}

TEST(AdviceTest, At185WpmSuggestsSlowingDownToAbout150)
{
    Take take = healthyTake();
    take.report.wordsPerMinute = 185.2;
    const Advice pace = adviceOn(take, Measure::Pace);
    EXPECT_EQ(pace.verdict, Verdict::Off);
    EXPECT_EQ(pace.verdictText, QStringLiteral("Too fast (185 wpm)"));
    EXPECT_EQ(pace.suggestion, QStringLiteral("Slow down to about 150: pause after each point"));

    take.report.wordsPerMinute = 170.0;
    EXPECT_EQ(adviceOn(take, Measure::Pace).verdict, Verdict::Close);
    EXPECT_EQ(adviceOn(take, Measure::Pace).verdictText, QStringLiteral("A little fast (170 wpm)"));
    // Judged as shown: 165.4 shows as 165, the top of the band.
    take.report.wordsPerMinute = 165.4;
    EXPECT_EQ(adviceOn(take, Measure::Pace).verdict, Verdict::Good);
    EXPECT_EQ(adviceOn(take, Measure::Pace).verdictText, QStringLiteral("Comfortable (165 wpm)"));
}

TEST(AdviceTest, At90WpmSuggestsSpeedingUp)
{
    Take take = healthyTake();
    take.report.wordsPerMinute = 90.0;
    const Advice pace = adviceOn(take, Measure::Pace);
    EXPECT_EQ(pace.verdict, Verdict::Close);
    EXPECT_EQ(pace.verdictText, QStringLiteral("A little slow (90 wpm)"));
    EXPECT_EQ(pace.suggestion,
        QStringLiteral("Speed up to about 120: keep the pauses for the ends of your points"));
    take.report.wordsPerMinute = 78.0;
    EXPECT_EQ(adviceOn(take, Measure::Pace).verdict, Verdict::Off);
    EXPECT_EQ(adviceOn(take, Measure::Pace).verdictText, QStringLiteral("Too slow (78 wpm)"));
}

TEST(AdviceTest, ThePaceCountedFromTrustedWordsIsTheOneJudged)
{
    Take take = healthyTake();
    take.report.wordsPerMinute = 150.0; // the syllable estimate
    speech::WordReport words;
    words.wordsPerMinute = 182.0;
    take.words = words;
    EXPECT_EQ(adviceOn(take, Measure::Pace).verdictText, QStringLiteral("Too fast (182 wpm)"));
    EXPECT_EQ(judgedPace(take), 182.0);
}

TEST(AdviceTest, NoPausesAsksForAOneSecondPauseAfterEachPoint)
{
    Take take = healthyTake();
    take.report.pauses.clear();
    take.report.pauseCount = 0;
    take.report.longestPauseS.reset();
    const Advice pauses = adviceOn(take, Measure::Pauses);
    EXPECT_EQ(pauses.verdict, Verdict::Off);
    EXPECT_EQ(pauses.verdictText, QStringLiteral("No pauses"));
    EXPECT_EQ(
        pauses.suggestion, QStringLiteral("Let each point land: a one-second pause after it"));

    // One pause in 55 s is few, but not none.
    take.report.pauses = { { 20.0, 20.6 } };
    take.report.pauseCount = 1;
    const Advice few = adviceOn(take, Measure::Pauses);
    EXPECT_EQ(few.verdict, Verdict::Close);
    EXPECT_EQ(few.verdictText, QStringLiteral("Few pauses (1 in 55 s)"));

    // A 10 s answer may need no pause at all.
    take.report.pauses.clear();
    take.report.pauseCount = 0;
    setSpeakingTime(take, 10.0);
    EXPECT_EQ(adviceOn(take, Measure::Pauses).verdict, Verdict::Good);
}

TEST(AdviceTest, AVeryLongPauseIsPlacedInTheTake)
{
    Take take = healthyTake();
    take.report.pauses[3] = { 42.3, 48.5 };
    take.report.longestPauseS = 6.2;
    const Advice pauses = adviceOn(take, Measure::Pauses);
    EXPECT_EQ(pauses.verdict, Verdict::Off);
    EXPECT_EQ(pauses.verdictText, QStringLiteral("A 6 s pause at 0:42"));
    EXPECT_EQ(pauses.suggestion,
        QStringLiteral("Keep pauses to a second or two: know the first words of each point, so "
                       "the next one is ready"));

    take.report.pauses[3] = { 42.3, 47.0 };
    EXPECT_EQ(adviceOn(take, Measure::Pauses).verdict, Verdict::Close);
    take.report.pauses[3] = { 42.3, 45.3 };
    EXPECT_EQ(adviceOn(take, Measure::Pauses).verdictText,
        QStringLiteral("Enough pauses (one every 11 s)"));
}

TEST(AdviceTest, AMonotoneVoiceGetsAHint)
{
    Take take = healthyTake();
    take.report.pitchSdSemitones = 1.4;
    take.report.monotone = true;
    const Advice flat = adviceOn(take, Measure::PitchVariation);
    EXPECT_EQ(flat.verdict, Verdict::Close);
    EXPECT_EQ(flat.verdictText, QStringLiteral("A little flat"));
    EXPECT_EQ(flat.suggestion,
        QStringLiteral("Vary your pitch: lift your voice on the numbers and the ask, and let it "
                       "fall at the end of each point"));
    take.report.pitchSdSemitones = 0.8;
    EXPECT_EQ(adviceOn(take, Measure::PitchVariation).verdict, Verdict::Off);
    EXPECT_EQ(adviceOn(take, Measure::PitchVariation).verdictText, QStringLiteral("Monotone"));
    EXPECT_EQ(
        adviceOn(healthyTake(), Measure::PitchVariation).verdictText, QStringLiteral("Lively"));
}

TEST(AdviceTest, AQuietTakeAsksToMoveCloser)
{
    Take take = healthyTake();
    take.report.loudnessLufs = -44.0;
    take.report.peakDbfs = -24.0;
    const Advice loudness = adviceOn(take, Measure::Loudness);
    EXPECT_EQ(loudness.verdict, Verdict::Off);
    EXPECT_EQ(loudness.verdictText, QStringLiteral("Too quiet"));
    EXPECT_EQ(loudness.suggestion,
        QStringLiteral("Move closer to the microphone, or raise its input level"));
    take.report.loudnessLufs = -37.0;
    EXPECT_EQ(adviceOn(take, Measure::Loudness).verdictText, QStringLiteral("A little quiet"));
    EXPECT_EQ(adviceOn(take, Measure::Loudness).verdict, Verdict::Close);
}

TEST(AdviceTest, ComfortableLoudnessAndACleanPeakNeedNothing)
{
    Take take = healthyTake();
    for (const double lufs : { -34.5, -22.0, -16.5 }) {
        take.report.loudnessLufs = lufs;
        const Advice loudness = adviceOn(take, Measure::Loudness);
        EXPECT_EQ(loudness.verdict, Verdict::Good) << lufs;
        EXPECT_EQ(loudness.verdictText, QStringLiteral("Comfortable"));
        EXPECT_TRUE(loudness.suggestion.isEmpty());
    }
    EXPECT_EQ(adviceOn(take, Measure::Peak).verdictText, QStringLiteral("Clean: no clipping"));
    take.report.loudnessLufs = -12.0;
    EXPECT_EQ(adviceOn(take, Measure::Loudness).verdictText, QStringLiteral("A little loud"));
    EXPECT_EQ(adviceOn(take, Measure::Loudness).suggestion,
        QStringLiteral("Move back from the microphone, or lower its input level"));
}

TEST(AdviceTest, ClippingAsksToLowerTheLevelAndLeavesLoudnessUncertain)
{
    Take take = healthyTake();
    take.report.peakDbfs = 0.0;
    take.report.clippedRatio = 0.004;
    take.report.caveats = { Caveat::Clipped };
    const Coaching coaching = coach(take, std::nullopt, std::nullopt);
    const Advice peak = adviceOn(coaching, Measure::Peak);
    EXPECT_EQ(peak.verdict, Verdict::Off);
    EXPECT_EQ(peak.verdictText, QStringLiteral("Clipping"));
    EXPECT_EQ(peak.suggestion, QStringLiteral("Lower the input level: the loudest parts clip"));
    const Advice loudness = adviceOn(coaching, Measure::Loudness);
    EXPECT_EQ(loudness.verdict, Verdict::Unknown);
    EXPECT_EQ(loudness.verdictText, QStringLiteral("Uncertain while the recording clips"));
    EXPECT_TRUE(loudness.suggestion.isEmpty());
    ASSERT_EQ(coaching.tryNext.size(), 1u);
    EXPECT_EQ(coaching.tryNext[0].measure, Measure::Peak);

    // A hot peak that does not clip yet.
    take.report.peakDbfs = -0.5;
    take.report.clippedRatio = 0.0;
    take.report.caveats.clear();
    EXPECT_EQ(adviceOn(take, Measure::Peak).verdict, Verdict::Close);
    EXPECT_EQ(adviceOn(take, Measure::Peak).verdictText, QStringLiteral("Nearly clipping"));
}

TEST(AdviceTest, ManyFillersNameTheMostCommonOne)
{
    Take take = healthyTake();
    // 8 fillers in 60 s: 8.0 a minute.
    take.words
        = wordsWithFillers({ QStringLiteral("um"), QStringLiteral("like"), QStringLiteral("um"),
                               QStringLiteral("so"), QStringLiteral("um"), QStringLiteral("like"),
                               QStringLiteral("um"), QStringLiteral("uh") },
            60.0);
    const Advice fillers = adviceOn(take, Measure::Fillers);
    EXPECT_EQ(fillers.verdict, Verdict::Off);
    EXPECT_EQ(fillers.verdictText, QStringLiteral("Many fillers (8.0 a minute)"));
    EXPECT_EQ(
        fillers.suggestion, QStringLiteral("Pause silently where you would say \u201cum\u201d"));

    take.words
        = wordsWithFillers({ QStringLiteral("like"), QStringLiteral("so"), QStringLiteral("so"),
                               QStringLiteral("like"), QStringLiteral("so") },
            60.0);
    EXPECT_EQ(adviceOn(take, Measure::Fillers).verdict, Verdict::Close);
    EXPECT_EQ(adviceOn(take, Measure::Fillers).verdictText,
        QStringLiteral("Some fillers (5.0 a minute)"));
    EXPECT_EQ(adviceOn(take, Measure::Fillers).suggestion,
        QStringLiteral("Pause silently where you would say \u201cso\u201d"));
}

TEST(AdviceTest, FewOrNoFillersAreGood)
{
    Take take = healthyTake();
    take.words = wordsWithFillers({ QStringLiteral("um"), QStringLiteral("uh") }, 60.0);
    EXPECT_EQ(adviceOn(take, Measure::Fillers).verdict, Verdict::Good);
    EXPECT_EQ(
        adviceOn(take, Measure::Fillers).verdictText, QStringLiteral("Few fillers (2.0 a minute)"));
    EXPECT_TRUE(adviceOn(take, Measure::Fillers).suggestion.isEmpty());
    take.words = wordsWithFillers({}, 60.0);
    EXPECT_EQ(adviceOn(take, Measure::Fillers).verdictText, QStringLiteral("No fillers"));
    // Without words there is nothing to say about fillers or the script.
    const Coaching none = coach(healthyTake(), std::nullopt, std::nullopt);
    EXPECT_EQ(none.find(Measure::Fillers), nullptr);
    EXPECT_EQ(none.find(Measure::Script), nullptr);
}

speech::ScriptCoverage script(
    speech::SentenceStatus opening, speech::SentenceStatus middle, speech::SentenceStatus closing)
{
    speech::ScriptCoverage coverage;
    coverage.sentences = { { QStringLiteral("Hi, I'm Sam."), opening, 3, 3 },
        { QStringLiteral("I teach data skills to nurses."), middle, 6, 6 },
        { QStringLiteral("So what I'd love from you is an introduction to your head of nursing."),
            closing, 15, 0 } };
    return coverage;
}

TEST(AdviceTest, ASkippedClosingAskIsQuotedToSay)
{
    using speech::SentenceStatus;
    Take take = healthyTake();
    speech::WordReport words = wordsWithFillers({}, 55.0);
    words.script = script(SentenceStatus::Said, SentenceStatus::Said, SentenceStatus::Skipped);
    take.words = words;
    const Advice skipped = adviceOn(take, Measure::Script);
    EXPECT_EQ(skipped.verdict, Verdict::Off);
    EXPECT_EQ(skipped.verdictText, QStringLiteral("Skipped a sentence"));
    EXPECT_EQ(skipped.suggestion,
        QStringLiteral("Say the closing ask: \u201cSo what I'd love from you is\u2026\u201d"));

    // Two skipped: the ask is still the one to say.
    words.script = script(SentenceStatus::Skipped, SentenceStatus::Said, SentenceStatus::Skipped);
    take.words = words;
    EXPECT_EQ(adviceOn(take, Measure::Script).verdictText, QStringLiteral("Skipped 2 sentences"));
    EXPECT_TRUE(adviceOn(take, Measure::Script)
                    .suggestion.startsWith(QStringLiteral("Say the closing ask")));

    words.script = script(SentenceStatus::Said, SentenceStatus::Partly, SentenceStatus::Said);
    take.words = words;
    EXPECT_EQ(adviceOn(take, Measure::Script).verdict, Verdict::Close);
    EXPECT_EQ(adviceOn(take, Measure::Script).suggestion,
        QStringLiteral("Say all of \u201cI teach data skills to nurses.\u201d"));

    words.script = script(SentenceStatus::Said, SentenceStatus::Said, SentenceStatus::Said);
    take.words = words;
    EXPECT_EQ(adviceOn(take, Measure::Script).verdictText, QStringLiteral("Every sentence said"));
}

TEST(AdviceTest, ATooNoisyTakeGetsNoPaceVerdictAndANoisyOneSaysItIsApproximate)
{
    Take take = healthyTake();
    take.report.wordsPerMinute = 190.0;
    take.report.caveats = { Caveat::Noisy, Caveat::TooNoisyForPace };
    const Coaching coaching = coach(take, std::nullopt, std::nullopt);
    EXPECT_EQ(coaching.find(Measure::Pace), nullptr);
    EXPECT_FALSE(judgedPace(take).has_value());
    const Advice pauses = adviceOn(coaching, Measure::Pauses);
    EXPECT_TRUE(pauses.approximate);
    EXPECT_EQ(pauses.verdictText,
        QStringLiteral("Enough pauses (one every 11 s) (approximate: noisy room)"));

    take.report.caveats = { Caveat::TooShortForPace };
    EXPECT_EQ(coach(take, std::nullopt, std::nullopt).find(Measure::Pace), nullptr);

    // Only noisy: the pace is judged, said to be approximate, and counts for half.
    take.report.caveats = { Caveat::Noisy };
    const Advice pace = adviceOn(take, Measure::Pace);
    EXPECT_EQ(pace.verdictText, QStringLiteral("Too fast (190 wpm) (approximate: noisy room)"));
    EXPECT_NEAR(pace.distance, 0.5 * 25.0 / 15.0, 1e-9);
}

TEST(AdviceTest, TryNextPicksTheTwoFurthestOffInOrderAndNeverAGoodOne)
{
    Take take = healthyTake();
    setSpeakingTime(take, 73.0); // 13 s over: 2.17
    take.report.wordsPerMinute = 185.0; // 20 wpm over the band: 1.33
    take.report.pitchSdSemitones = 1.4; // 0.6
    take.report.monotone = true;
    const Coaching coaching = coach(take, std::nullopt, std::nullopt);
    ASSERT_EQ(coaching.tryNext.size(), 2u);
    EXPECT_EQ(coaching.tryNext[0].measure, Measure::Length);
    EXPECT_EQ(coaching.tryNext[1].measure, Measure::Pace);
    EXPECT_EQ(coaching.tryNext[0].suggestion,
        QStringLiteral("Cut about 40 words (your pace is 185 wpm)"));

    // The order follows the distance, not the measures' order.
    take.report.pitchSdSemitones = 0.2; // 1.8
    const Coaching flatter = coach(take, std::nullopt, std::nullopt);
    ASSERT_EQ(flatter.tryNext.size(), 2u);
    EXPECT_EQ(flatter.tryNext[0].measure, Measure::Length);
    EXPECT_EQ(flatter.tryNext[1].measure, Measure::PitchVariation);

    // One thing off: one thing to try, the rest being good.
    Take one = healthyTake();
    one.report.wordsPerMinute = 172.0;
    const Coaching single = coach(one, std::nullopt, std::nullopt);
    ASSERT_EQ(single.tryNext.size(), 1u);
    EXPECT_EQ(single.tryNext[0].measure, Measure::Pace);
    EXPECT_EQ(single.tryNext[0].verdict, Verdict::Close);
}

TEST(AdviceTest, MeasuresComeInOrder)
{
    Take take = healthyTake();
    speech::WordReport words = wordsWithFillers({}, 55.0);
    words.script = script(
        speech::SentenceStatus::Said, speech::SentenceStatus::Said, speech::SentenceStatus::Said);
    take.words = words;
    const Coaching coaching = coach(take, std::nullopt, std::nullopt);
    ASSERT_EQ(coaching.measures.size(), 8u);
    for (std::size_t i = 0; i < coaching.measures.size(); ++i)
        EXPECT_EQ(coaching.measures[i].measure, Measure(i));
}

TEST(AdviceTest, ComparesWithThePreviousAndTheBestTake)
{
    Take take = healthyTake(9);
    Take previous = healthyTake(8);
    setSpeakingTime(previous, 67.0); // 7 s over then
    previous.report.wordsPerMinute = 185.0;
    previous.words
        = wordsWithFillers({ QStringLiteral("um"), QStringLiteral("um"), QStringLiteral("um"),
                               QStringLiteral("um"), QStringLiteral("um"), QStringLiteral("um"),
                               QStringLiteral("um"), QStringLiteral("um") },
            60.0);
    take.words = wordsWithFillers({ QStringLiteral("um"), QStringLiteral("um") }, 60.0);
    Take best = healthyTake(3);
    setSpeakingTime(best, 51.0);
    best.starred = true;

    const Coaching coaching = coach(take, previous, best);
    EXPECT_EQ(coaching.comparisons,
        QStringList({ QStringLiteral("12 s shorter than last time, now inside the window"),
            QStringLiteral("Speaking 45 wpm slower than last time, now at a comfortable pace"),
            QStringLiteral("Fewer fillers than last time: 2.0 a minute, down from 8.0"),
            QStringLiteral("4 s longer than your best take") }));

    // Over the window again, when the best take was inside it.
    setSpeakingTime(take, 64.0);
    EXPECT_EQ(coach(take, std::nullopt, best).comparisons,
        QStringList {
            QStringLiteral("13 s longer than your best take, which was inside the window") });
    setSpeakingTime(previous, 58.0);
    EXPECT_EQ(coach(take, previous, std::nullopt).comparisons.value(0),
        QStringLiteral("6 s longer than last time, now over the window"));
}

TEST(AdviceTest, NoComparisonWithoutOtherTakesOrWithTheTakeItself)
{
    const Take take = healthyTake(5);
    EXPECT_TRUE(coach(take, std::nullopt, std::nullopt).comparisons.isEmpty());
    // The take is the pitch's best, and was given as its own previous.
    EXPECT_TRUE(coach(take, take, take).comparisons.isEmpty());
    // A take not stored yet (id 0) is still told from a stored one.
    Take fresh = healthyTake(0);
    setSpeakingTime(fresh, 53.6);
    EXPECT_EQ(coach(fresh, std::nullopt, take).comparisons,
        QStringList { QStringLiteral("1 s shorter than your best take") });
    // The previous take is also the best: said once, as "last time".
    EXPECT_EQ(coach(fresh, take, take).comparisons,
        QStringList { QStringLiteral("1 s shorter than last time") });
}

} // namespace
} // namespace rapport::coaching
