// The analysis of espeak-ng speech against the truth known from how each take was built: sentence
// lengths from trimming espeak-ng's own silence on the noise-free synthesis, gaps and padding
// added by sox.
#include "core/analysis/analysispipeline.h"
#include "tests/support/speechfixture.h"

#include <QTemporaryDir>
#include <cmath>
#include <cstdio>
#include <gtest/gtest.h>
#include <map>

namespace rapport::analysis {
namespace {

using test::FixtureTake;
using test::TakeSpec;
using test::Utterance;

constexpr double kEdgeToleranceS = 0.080;
constexpr double kPauseEdgeToleranceS = 0.100;
// Under noise at -35 dBFS the voiced "dz" ending "records" (its last 170 ms lie at -32 to
// -40 dBFS, at or below the noise) cannot be told from the noise by level alone.
constexpr double kBuriedEdgeToleranceS = 0.150;
constexpr double kWpmTolerance = 0.15;

const std::vector<double> kGapsS { 0.5, 1.2, 2.0 };

TakeSpec pitchTake(const QString& voice, int wpm, std::optional<double> noiseDbfs)
{
    TakeSpec spec;
    for (const QString& text : test::examplePitch())
        spec.utterances.push_back({ text, voice, wpm });
    spec.gapsS = kGapsS;
    spec.noiseDbfs = noiseDbfs;
    return spec;
}

struct Case
{
    FixtureTake take;
    TakeReport report;
};

class SpeechAccuracyTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_error = test::SpeechFixture::missingTools();
        if (!s_error.isEmpty())
            return;
        s_dir = new QTemporaryDir;
        test::SpeechFixture fixture(s_dir->path());
        const std::vector<std::pair<QString, TakeSpec>> specs {
            { QStringLiteral("en-us-160-noise50"), pitchTake(QStringLiteral("en-us"), 160, -50) },
            { QStringLiteral("en-160-noise50"), pitchTake(QStringLiteral("en"), 160, -50) },
            { QStringLiteral("en+f3-160-noise50"), pitchTake(QStringLiteral("en+f3"), 160, -50) },
            { QStringLiteral("en-us-120"), pitchTake(QStringLiteral("en-us"), 120, std::nullopt) },
            { QStringLiteral("en-us-220"), pitchTake(QStringLiteral("en-us"), 220, std::nullopt) },
            { QStringLiteral("en-us-160-noise35"), pitchTake(QStringLiteral("en-us"), 160, -35) },
        };
        for (const auto& [name, spec] : specs) {
            std::optional<FixtureTake> take = fixture.build(name, spec);
            if (!take) {
                s_error = fixture.error();
                return;
            }
            Result<TakeReport> report = analyseFile(take->path);
            if (!report) {
                s_error = report.error().toString();
                return;
            }
            s_cases[name] = { *take, *report };
        }
    }
    static void TearDownTestSuite()
    {
        s_cases.clear();
        delete s_dir;
        s_dir = nullptr;
    }
    void SetUp() override { ASSERT_TRUE(s_error.isEmpty()) << s_error.toStdString(); }

    static const Case& at(const char* name) { return s_cases.at(QString::fromLatin1(name)); }

    static inline QTemporaryDir* s_dir = nullptr;
    static inline QString s_error;
    static inline std::map<QString, Case> s_cases;
};

TEST_F(SpeechAccuracyTest, FindsWhereSpeechStartsAndEndsWithin80Ms)
{
    for (const auto& [name, c] : s_cases) {
        SCOPED_TRACE(name.toStdString());
        ASSERT_TRUE(c.report.speechStartS && c.report.speechEndS);
        const double startError = *c.report.speechStartS - c.take.speechStartS;
        const double endError = *c.report.speechEndS - c.take.speechEndS;
        std::printf("[measure] %-20s start error %+5.0f ms, end error %+5.0f ms\n",
            qPrintable(name), startError * 1000, endError * 1000);
        EXPECT_NEAR(*c.report.speechStartS, c.take.speechStartS, kEdgeToleranceS);
        EXPECT_NEAR(*c.report.speechEndS, c.take.speechEndS, kEdgeToleranceS);
        EXPECT_NEAR(*c.report.speakingTimeS, c.take.speakingTimeS(), 2 * kEdgeToleranceS);
    }
}

TEST_F(SpeechAccuracyTest, FindsEveryInsertedPauseAndNoOther)
{
    for (const auto& [name, c] : s_cases) {
        SCOPED_TRACE(name.toStdString());
        ASSERT_EQ(c.report.pauses.size(), c.take.pausesS.size());
        EXPECT_EQ(c.report.pauseCount, static_cast<int>(c.take.pausesS.size()));
        const double tolerance = name.contains(QLatin1String("noise35")) ? kBuriedEdgeToleranceS
                                                                         : kPauseEdgeToleranceS;
        double worst = 0.0;
        for (std::size_t i = 0; i < c.take.pausesS.size(); ++i) {
            EXPECT_NEAR(c.report.pauses[i].startS, c.take.pausesS[i].first, tolerance);
            EXPECT_NEAR(c.report.pauses[i].endS, c.take.pausesS[i].second, tolerance);
            worst = std::max({ worst, std::abs(c.report.pauses[i].startS - c.take.pausesS[i].first),
                std::abs(c.report.pauses[i].endS - c.take.pausesS[i].second) });
        }
        std::printf(
            "[measure] %-20s worst pause edge error %3.0f ms\n", qPrintable(name), worst * 1000);
        ASSERT_TRUE(c.report.longestPauseS);
        EXPECT_NEAR(*c.report.longestPauseS, kGapsS.back(), 2 * kPauseEdgeToleranceS);
    }
}

TEST_F(SpeechAccuracyTest, EstimatesWordsPerMinuteWithin15Percent)
{
    for (const auto& [name, c] : s_cases) {
        SCOPED_TRACE(name.toStdString());
        ASSERT_TRUE(c.report.wordsPerMinute);
        const double truth = c.take.wordsPerMinute();
        std::printf("[measure] %-20s wpm %5.1f vs %5.1f (%+5.1f %%), %d syllables\n",
            qPrintable(name), *c.report.wordsPerMinute, truth,
            (*c.report.wordsPerMinute / truth - 1) * 100, c.report.syllableCount.value_or(-1));
        EXPECT_NEAR(*c.report.wordsPerMinute, truth, kWpmTolerance * truth);
    }
}

TEST_F(SpeechAccuracyTest, WordsPerMinuteRisesWithTheSpeakingRate)
{
    const double slow = at("en-us-120").report.wordsPerMinute.value_or(0);
    const double medium = at("en-us-160-noise50").report.wordsPerMinute.value_or(0);
    const double fast = at("en-us-220").report.wordsPerMinute.value_or(0);
    EXPECT_LT(slow, medium);
    EXPECT_LT(medium, fast);
}

TEST_F(SpeechAccuracyTest, PhonationTimeIsSpeakingTimeWithoutThePauses)
{
    for (const auto& [name, c] : s_cases) {
        SCOPED_TRACE(name.toStdString());
        double gaps = 0.0;
        for (const auto& [start, end] : c.take.pausesS)
            gaps += end - start;
        ASSERT_TRUE(c.report.phonationTimeS && c.report.articulationRateSps);
        EXPECT_NEAR(*c.report.phonationTimeS, c.take.speakingTimeS() - gaps, 0.25);
        EXPECT_NEAR(*c.report.articulationRateSps,
            *c.report.syllableCount / *c.report.phonationTimeS, 1e-9);
    }
}

TEST_F(SpeechAccuracyTest, LowAndHighSampleRatesAndStereoGiveTheSameReport)
{
    const Case& reference = at("en-us-160-noise50");
    test::SpeechFixture fixture(s_dir->path());
    for (const auto& [rate, channels] : { std::pair { 8000, 1 }, std::pair { 48000, 2 } }) {
        SCOPED_TRACE(rate);
        const std::optional<QString> file = fixture.convert(
            reference.take.path, QStringLiteral("converted-%1").arg(rate), rate, channels);
        ASSERT_TRUE(file) << fixture.error().toStdString();
        const Result<TakeReport> report = analyseFile(*file);
        ASSERT_TRUE(report) << report.error().toString().toStdString();
        EXPECT_NEAR(report->durationS, reference.report.durationS, 0.01);
        ASSERT_TRUE(report->speechStartS && report->speechEndS);
        EXPECT_NEAR(*report->speechStartS, *reference.report.speechStartS, 0.03);
        EXPECT_NEAR(*report->speechEndS, *reference.report.speechEndS, 0.03);
        EXPECT_EQ(report->pauses.size(), reference.report.pauses.size());
        ASSERT_TRUE(report->wordsPerMinute && report->pitchMedianHz && report->loudnessLufs);
        EXPECT_NEAR(*report->wordsPerMinute, *reference.report.wordsPerMinute,
            0.08 * *reference.report.wordsPerMinute);
        EXPECT_NEAR(*report->pitchMedianHz, *reference.report.pitchMedianHz,
            0.03 * *reference.report.pitchMedianHz);
        // 8 kHz loses the K-weighted band above 4 kHz; otherwise the level is the same.
        EXPECT_NEAR(*report->loudnessLufs, *reference.report.loudnessLufs, 1.0);
    }
}

// Stop consonants (p, t, k, b, d, g) close the mouth for up to ~150 ms; at a slow rate and in
// several voices a sentence without commas must still read as one stretch of speech.
TEST_F(SpeechAccuracyTest, NoPauseInsideASentenceReadWithoutCommas)
{
    test::SpeechFixture fixture(s_dir->path());
    const QString sentence = QStringLiteral(
        "Patrick and Kate took a quick trip to the big public park at the top of the hill to "
        "pick up the kids by the old stone bridge");
    for (const auto& [voice, wpm] :
        { std::pair { "en-us", 120 }, std::pair { "en", 140 }, std::pair { "en+f3", 110 } }) {
        SCOPED_TRACE(voice);
        TakeSpec spec;
        spec.utterances = { Utterance { sentence, QString::fromLatin1(voice), wpm } };
        spec.noiseDbfs = -50;
        const std::optional<FixtureTake> take
            = fixture.build(QStringLiteral("plosives-%1").arg(QString::fromLatin1(voice)), spec);
        ASSERT_TRUE(take) << fixture.error().toStdString();
        const Result<TakeReport> report = analyseFile(take->path);
        ASSERT_TRUE(report);
        EXPECT_EQ(report->pauseCount, 0);
        EXPECT_TRUE(report->pauses.empty());
        ASSERT_TRUE(report->speechStartS && report->speechEndS);
        EXPECT_NEAR(*report->speechStartS, take->speechStartS, kEdgeToleranceS);
        EXPECT_NEAR(*report->speechEndS, take->speechEndS, kEdgeToleranceS);
    }
}

TEST_F(SpeechAccuracyTest, ClippedSpeechReportsClippingAndCleanSpeechDoesNot)
{
    const Case& clean = at("en-us-160-noise50");
    ASSERT_TRUE(clean.report.clippedRatio);
    EXPECT_EQ(*clean.report.clippedRatio, 0.0);
    test::SpeechFixture fixture(s_dir->path());
    const QString clipped = fixture.path(QStringLiteral("clipped.wav"));
    // Twelve times louder: the vowels are cut off at full scale (sox warns; that is the point).
    ASSERT_TRUE(
        fixture.sox({ clean.take.path, clipped, QStringLiteral("vol"), QStringLiteral("12") }))
        << fixture.error().toStdString();
    const Result<TakeReport> report = analyseFile(clipped);
    ASSERT_TRUE(report);
    ASSERT_TRUE(report->clippedRatio && report->peakDbfs);
    EXPECT_GT(*report->clippedRatio, 0.001);
    EXPECT_LT(*report->clippedRatio, 0.5);
    EXPECT_GT(*report->peakDbfs, -0.1);
    std::printf("[measure] clipped ratio of the take at vol 12: %.4f\n", *report->clippedRatio);
}

} // namespace
} // namespace rapport::analysis
