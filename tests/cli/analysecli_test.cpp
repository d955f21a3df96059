#include "core/analysis/takereport.h"
#include "tests/support/cliprocess.h"
#include "tests/support/speechfixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace rapport {
namespace {

using test::runCli;

class AnalyseCliTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_error = test::SpeechFixture::missingTools();
        if (!s_error.isEmpty())
            return;
        s_dir = new QTemporaryDir;
        test::SpeechFixture fixture(s_dir->path());
        test::TakeSpec spec;
        spec.utterances = { { QStringLiteral("Thank you for taking the time to meet me today") },
            { QStringLiteral("I lead a small team that builds tools for clinics") } };
        spec.gapsS = { 0.8 };
        spec.noiseDbfs = -50;
        const std::optional<test::FixtureTake> take = fixture.build(QStringLiteral("take"), spec);
        if (!take)
            s_error = fixture.error();
        else
            s_take = *take;
    }
    static void TearDownTestSuite()
    {
        delete s_dir;
        s_dir = nullptr;
    }
    void SetUp() override { ASSERT_TRUE(s_error.isEmpty()) << s_error.toStdString(); }

    // A data folder that cannot be created: any command that opened the store would fail.
    QString unusableDataDir() const
    {
        QFile blocker(m_dir.filePath(QStringLiteral("file")));
        EXPECT_TRUE(blocker.open(QIODevice::WriteOnly));
        return blocker.fileName() + QStringLiteral("/data");
    }

    static inline QTemporaryDir* s_dir = nullptr;
    static inline QString s_error;
    static inline test::FixtureTake s_take;
    QTemporaryDir m_dir;
};

TEST_F(AnalyseCliTest, JsonHasExactlyTheDocumentedKeysAndNeedsNoDatabase)
{
    const auto result = runCli(
        { QStringLiteral("analyze"), s_take.path, QStringLiteral("--json") }, unusableDataDir());
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(result.out.toUtf8(), &error);
    ASSERT_EQ(error.error, QJsonParseError::NoError) << result.out.toStdString();
    ASSERT_TRUE(doc.isObject());
    const QJsonObject report = doc.object();
    QStringList expected { QStringLiteral("file"), QStringLiteral("duration_s"),
        QStringLiteral("speech_start_s"), QStringLiteral("speech_end_s"),
        QStringLiteral("speaking_time_s"), QStringLiteral("phonation_time_s"),
        QStringLiteral("pauses"), QStringLiteral("pause_count"), QStringLiteral("longest_pause_s"),
        QStringLiteral("syllable_count"), QStringLiteral("articulation_rate_sps"),
        QStringLiteral("words_per_minute"), QStringLiteral("pitch_median_hz"),
        QStringLiteral("pitch_sd_semitones"), QStringLiteral("monotone"),
        QStringLiteral("loudness_lufs"), QStringLiteral("peak_dbfs"),
        QStringLiteral("clipped_ratio"), QStringLiteral("signal_to_noise_db"),
        QStringLiteral("caveats"), QStringLiteral("analysis_ms"),
        // the words (core/speech/wordreport.h)
        QStringLiteral("transcript"), QStringLiteral("filler_count"),
        QStringLiteral("fillers_per_minute"), QStringLiteral("repeated_phrases"),
        QStringLiteral("words_real_time"), QStringLiteral("words_per_minute_from_words") };
    expected.sort();
    EXPECT_EQ(report.keys(), expected);
    const QJsonArray words = report.value(QStringLiteral("transcript")).toArray();
    ASSERT_FALSE(words.isEmpty());
    double previousEnd = 0.0;
    for (const QJsonValue& value : words) {
        const QJsonObject word = value.toObject();
        EXPECT_EQ(word.keys(),
            (QStringList { QStringLiteral("end_s"), QStringLiteral("filler"),
                QStringLiteral("start_s"), QStringLiteral("word") }));
        EXPECT_GE(word.value(QStringLiteral("start_s")).toDouble(), previousEnd - 1e-9);
        EXPECT_GT(word.value(QStringLiteral("end_s")).toDouble(),
            word.value(QStringLiteral("start_s")).toDouble());
        previousEnd = word.value(QStringLiteral("end_s")).toDouble();
    }
    EXPECT_LE(previousEnd, s_take.durationS + 0.01);

    // --no-words: the analysis alone.
    const auto bare = runCli({ QStringLiteral("analyze"), s_take.path, QStringLiteral("--json"),
                                 QStringLiteral("--no-words") },
        unusableDataDir());
    ASSERT_EQ(bare.exitCode, 0) << bare.err.toStdString();
    QStringList analysisKeys = expected;
    for (const char* key : { "transcript", "filler_count", "fillers_per_minute", "repeated_phrases",
             "words_real_time", "words_per_minute_from_words" })
        analysisKeys.removeOne(QLatin1String(key));
    EXPECT_EQ(QJsonDocument::fromJson(bare.out.toUtf8()).object().keys(), analysisKeys);
    EXPECT_EQ(report.value(QStringLiteral("file")).toString(), s_take.path);
    EXPECT_NEAR(report.value(QStringLiteral("duration_s")).toDouble(), s_take.durationS, 0.01);
    EXPECT_NEAR(
        report.value(QStringLiteral("speech_start_s")).toDouble(), s_take.speechStartS, 0.08);
    EXPECT_NEAR(report.value(QStringLiteral("speech_end_s")).toDouble(), s_take.speechEndS, 0.08);
    EXPECT_EQ(report.value(QStringLiteral("pause_count")).toInt(), 1);
    const QJsonArray pauses = report.value(QStringLiteral("pauses")).toArray();
    ASSERT_EQ(pauses.size(), 1);
    const QJsonObject pause = pauses.first().toObject();
    EXPECT_EQ(pause.keys(), (QStringList { QStringLiteral("end_s"), QStringLiteral("start_s") }));
    EXPECT_NEAR(pause.value(QStringLiteral("start_s")).toDouble(), s_take.pausesS[0].first, 0.1);
    EXPECT_NEAR(pause.value(QStringLiteral("end_s")).toDouble(), s_take.pausesS[0].second, 0.1);
    EXPECT_TRUE(report.value(QStringLiteral("words_per_minute")).isDouble());
    EXPECT_TRUE(report.value(QStringLiteral("monotone")).isBool());
    EXPECT_EQ(report.value(QStringLiteral("clipped_ratio")).toDouble(-1), 0.0);
}

TEST_F(AnalyseCliTest, WithoutTheSpeechModelTheWordsAreLeftOutAndTheRestWorks)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("RAPPORT_DATA_DIR"), unusableDataDir());
    env.insert(QStringLiteral("RAPPORT_SPEECH_MODEL"), QStringLiteral("/nonexistent/model"));
    const auto result
        = runCli({ QStringLiteral("analyze"), s_take.path, QStringLiteral("--json") }, env);
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_TRUE(result.err.contains(QStringLiteral("the words are left out")))
        << result.err.toStdString();
    EXPECT_TRUE(result.err.contains(QStringLiteral("RAPPORT_SPEECH_MODEL")))
        << result.err.toStdString();
    const QJsonObject report = QJsonDocument::fromJson(result.out.toUtf8()).object();
    EXPECT_TRUE(report.contains(QStringLiteral("speaking_time_s")));
    EXPECT_FALSE(report.contains(QStringLiteral("transcript")));
}

TEST_F(AnalyseCliTest, SilentFileReportsNullsNotZeros)
{
    const QString silent = s_dir->filePath(QStringLiteral("silent.wav"));
    test::SpeechFixture fixture(s_dir->path());
    ASSERT_TRUE(fixture.sox({ QStringLiteral("-n"), QStringLiteral("-r"), QStringLiteral("16000"),
        QStringLiteral("-c"), QStringLiteral("1"), silent, QStringLiteral("trim"),
        QStringLiteral("0"), QStringLiteral("2") }));
    const auto result = runCli({ QStringLiteral("analyze"), QStringLiteral("--json"), silent });
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    const QJsonObject report = QJsonDocument::fromJson(result.out.toUtf8()).object();
    EXPECT_NEAR(report.value(QStringLiteral("duration_s")).toDouble(), 2.0, 1e-3);
    for (const char* key :
        { "speech_start_s", "speech_end_s", "speaking_time_s", "phonation_time_s", "pause_count",
            "longest_pause_s", "syllable_count", "articulation_rate_sps", "words_per_minute",
            "pitch_median_hz", "pitch_sd_semitones", "monotone", "loudness_lufs", "peak_dbfs" }) {
        EXPECT_TRUE(report.value(QLatin1String(key)).isNull()) << key;
    }
    EXPECT_TRUE(report.value(QStringLiteral("pauses")).toArray().isEmpty());
}

TEST_F(AnalyseCliTest, SummaryIsReadableText)
{
    const auto result = runCli({ QStringLiteral("analyze"), s_take.path });
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_TRUE(result.out.contains(QStringLiteral("Speaking time")));
    EXPECT_TRUE(result.out.contains(QStringLiteral("words/min")));
    EXPECT_FALSE(result.out.contains(QLatin1Char('{')));
}

TEST_F(AnalyseCliTest, UnreadableFilesExitWithThreeAndSayWhatToDo)
{
    const QString text = m_dir.filePath(QStringLiteral("notes.txt"));
    QFile file(text);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("not audio\n");
    file.close();
    for (const QString& path : { text, m_dir.filePath(QStringLiteral("missing.wav")) }) {
        SCOPED_TRACE(path.toStdString());
        const auto result = runCli({ QStringLiteral("analyze"), path, QStringLiteral("--json") });
        EXPECT_EQ(result.exitCode, 3);
        EXPECT_TRUE(result.out.isEmpty());
        EXPECT_TRUE(result.err.contains(QFileInfo(path).fileName())) << result.err.toStdString();
        EXPECT_GE(result.err.count(QLatin1Char('\n')), 2) << "expected what and fix lines";
    }
}

TEST_F(AnalyseCliTest, BadArgumentsExitWithTwo)
{
    for (const QStringList& args : { QStringList { QStringLiteral("analyze") },
             QStringList { QStringLiteral("analyze"), s_take.path, s_take.path },
             QStringList { QStringLiteral("analyze"), s_take.path, QStringLiteral("--loud") } }) {
        SCOPED_TRACE(args.join(QLatin1Char(' ')).toStdString());
        const auto result = runCli(args);
        EXPECT_EQ(result.exitCode, 2);
        EXPECT_TRUE(result.err.contains(QStringLiteral("--help"))) << result.err.toStdString();
    }
}

TEST_F(AnalyseCliTest, AScriptCountsWordsInItsOwnSyllablesPerWord)
{
    // 21 words of one syllable each: the pace is the syllable rate itself, not
    // 1/kSyllablesPerWord of it.
    const QString path = m_dir.filePath(QStringLiteral("script.txt"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("Thank you for the time. I lead a small team that builds tools for shops, and we "
               "want to grow it.\n");
    file.close();
    const auto plain = runCli({ QStringLiteral("analyze"), s_take.path, QStringLiteral("--json") });
    const auto scripted = runCli({ QStringLiteral("analyze"), s_take.path, QStringLiteral("--json"),
        QStringLiteral("--script"), path });
    ASSERT_EQ(plain.exitCode, 0) << plain.err.toStdString();
    ASSERT_EQ(scripted.exitCode, 0) << scripted.err.toStdString();
    const QJsonObject a = QJsonDocument::fromJson(plain.out.toUtf8()).object();
    const QJsonObject b = QJsonDocument::fromJson(scripted.out.toUtf8()).object();
    EXPECT_EQ(a.value(QStringLiteral("syllable_count")), b.value(QStringLiteral("syllable_count")));
    const double wpm = a.value(QStringLiteral("words_per_minute")).toDouble();
    ASSERT_GT(wpm, 0.0);
    EXPECT_NEAR(b.value(QStringLiteral("words_per_minute")).toDouble() / wpm,
        analysis::kSyllablesPerWord, 0.01);
}

TEST_F(AnalyseCliTest, AMissingOrTooShortScriptIsRefusedWithWhatToDo)
{
    const auto missing = runCli({ QStringLiteral("analyze"), s_take.path,
        QStringLiteral("--script"), m_dir.filePath(QStringLiteral("none.txt")) });
    EXPECT_EQ(missing.exitCode, 3);
    EXPECT_TRUE(missing.out.isEmpty());
    EXPECT_TRUE(missing.err.contains(QStringLiteral("none.txt"))) << missing.err.toStdString();
    EXPECT_GE(missing.err.count(QLatin1Char('\n')), 2) << "expected what and fix lines";

    const QString path = m_dir.filePath(QStringLiteral("short.txt"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("Hello, I am Sam.\n");
    file.close();
    const auto brief
        = runCli({ QStringLiteral("analyze"), s_take.path, QStringLiteral("--script"), path });
    EXPECT_EQ(brief.exitCode, 2);
    EXPECT_TRUE(brief.err.contains(QStringLiteral("fewer than 20 words")))
        << brief.err.toStdString();
}

TEST_F(AnalyseCliTest, HelpListsTheCommand)
{
    const auto result = runCli({ QStringLiteral("--help") });
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_TRUE(result.out.contains(QStringLiteral("analyze")));
}

} // namespace
} // namespace rapport
