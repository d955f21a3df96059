// The analysis of real recorded voices (LibriVox read speech from pocketsphinx-testdata) and of
// espeak-ng, each put through every room condition of tests/support/realspeech.h: the clips' own
// room tone, noise of three colours, hum, DC, zeros around the speech, a noise gate, other rates.
// The truth comes from the clean clips (see SpeechCorpus); bench/accuracy runs the full corpus.
#include "core/analysis/analysispipeline.h"
#include "tests/support/realspeech.h"

#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <map>

namespace rapport::analysis {
namespace {

using test::Passage;
using test::SpeechCorpus;

// Unit-test bounds, with room for the clips' own quirks; the 100 ms figures of the issue are
// measured over the whole corpus by bench/accuracy. Where the noise lies 25 dB or less under the
// speech, the quiet end of a phrase ("than he was", "department works") is buried and found up to
// 280 ms early today: that bound keeps it from getting worse until it is fixed.
constexpr double kEdgeToleranceS = 0.15;
constexpr double kBuriedEdgeToleranceS = 0.30;

bool noisy(const QString& condition)
{
    return condition.startsWith(QLatin1String("white")) || condition == QLatin1String("pink-20")
        || condition == QLatin1String("brown-15") || condition == QLatin1String("gate");
}
constexpr double kWpmTolerance = 0.10;

struct Case
{
    Passage passage;
    QString condition;
    TakeReport report;
};

class RealVoiceTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_error = SpeechCorpus::missingTools();
        if (!s_error.isEmpty())
            return;
        s_dir = new QTemporaryDir;
        SpeechCorpus corpus(s_dir->path());
        std::vector<Passage> passages;
        {
            std::optional<Passage> librivox = corpus.joinClips(QStringLiteral("librivox"),
                SpeechCorpus::librivoxClips(), 1.0, { 0.45, 0.8, 1.3, 2.1 }, 0.8, 1.0);
            if (!librivox) {
                s_error = corpus.error();
                return;
            }
            passages.push_back(std::move(*librivox));
        }
        {
            // About 1.4 syllables a word, like running speech.
            const QStringList sentences {
                QStringLiteral("Our small team builds simple software for local doctors"),
                QStringLiteral("Last year we reduced the waiting time for test results"),
                QStringLiteral("I would love to hear how your department handles this problem")
            };
            std::vector<test::Samples> clips;
            for (const QString& sentence : sentences) {
                std::optional<test::Samples> samples
                    = corpus.speak(sentence, QStringLiteral("en-us"), 150);
                if (!samples) {
                    s_error = corpus.error();
                    return;
                }
                clips.push_back(std::move(*samples));
            }
            passages.push_back(SpeechCorpus::compose(
                QStringLiteral("espeak"), clips, { 9, 10, 11 }, { 0.6, 1.5 }, 0.7, 0.8));
        }
        for (const test::Condition& condition : test::roomConditions()) {
            for (const Passage& passage : passages) {
                const std::optional<test::RenderedTake> file = corpus.render(passage, condition);
                if (!file) {
                    s_error = corpus.error();
                    return;
                }
                Result<TakeReport> report = analyseFile(file->path);
                if (!report) {
                    s_error = report.error().toString();
                    return;
                }
                s_cases.push_back({ passage, condition.name, *report });
            }
        }
    }
    static void TearDownTestSuite()
    {
        s_cases.clear();
        delete s_dir;
        s_dir = nullptr;
    }
    void SetUp() override { ASSERT_TRUE(s_error.isEmpty()) << s_error.toStdString(); }

    static inline QTemporaryDir* s_dir = nullptr;
    static inline QString s_error;
    static inline std::vector<Case> s_cases;
};

TEST_F(RealVoiceTest, SpeechStartsAndEndsWhereTheVoiceDoesInEveryRoom)
{
    ASSERT_FALSE(s_cases.empty());
    for (const Case& c : s_cases) {
        SCOPED_TRACE(QString(c.passage.name + QLatin1Char(' ') + c.condition).toStdString());
        ASSERT_TRUE(c.report.speechStartS && c.report.speechEndS);
        const double tolerance = noisy(c.condition) ? kBuriedEdgeToleranceS : kEdgeToleranceS;
        EXPECT_NEAR(*c.report.speechStartS, c.passage.truth.startS, tolerance);
        EXPECT_NEAR(*c.report.speechEndS, c.passage.truth.endS, tolerance);
    }
}

TEST_F(RealVoiceTest, EveryPauseIsFoundAndNoneInsideFluentSpeech)
{
    for (const Case& c : s_cases) {
        // White noise only 10 dB under the speech buries the quiet ends of phrases: bench/accuracy
        // reports how often (false pauses per take), this test does not hide it behind a bound.
        if (c.condition == QLatin1String("white-10"))
            continue;
        SCOPED_TRACE(QString(c.passage.name + QLatin1Char(' ') + c.condition).toStdString());
        const auto& truth = c.passage.truth.pausesS;
        ASSERT_EQ(c.report.pauses.size(), truth.size());
        const double tolerance = noisy(c.condition) ? kBuriedEdgeToleranceS : kEdgeToleranceS;
        for (std::size_t i = 0; i < truth.size(); ++i) {
            EXPECT_NEAR(c.report.pauses[i].startS, truth[i].first, tolerance);
            EXPECT_NEAR(c.report.pauses[i].endS, truth[i].second, tolerance);
        }
    }
}

TEST_F(RealVoiceTest, PaceIsNearTheTranscriptsWordsPerMinute)
{
    for (const Case& c : s_cases) {
        SCOPED_TRACE(QString(c.passage.name + QLatin1Char(' ') + c.condition).toStdString());
        ASSERT_TRUE(c.report.wordsPerMinute);
        const double truth = c.passage.truth.wordsPerMinute();
        EXPECT_NEAR(*c.report.wordsPerMinute, truth, kWpmTolerance * truth);
    }
}

TEST_F(RealVoiceTest, NoiseIsMeasuredAndNamed)
{
    std::map<QString, double> snr;
    for (const Case& c : s_cases) {
        if (c.passage.name == QLatin1String("librivox") && c.report.signalToNoiseDb)
            snr[c.condition] = *c.report.signalToNoiseDb;
    }
    ASSERT_TRUE(snr.count(QStringLiteral("white-10")) && snr.count(QStringLiteral("brown-40")));
    // Noise 10 dB under the speech is reported as such (within a few dB: the speech band's level
    // while speaking is not the whole passage's RMS), and far quieter noise as far quieter.
    EXPECT_NEAR(snr[QStringLiteral("white-10")], 10.0, 4.0);
    EXPECT_GT(snr[QStringLiteral("brown-40")], 30.0);
}

} // namespace
} // namespace rapport::analysis
