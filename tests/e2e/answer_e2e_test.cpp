// `rapport-cli answer` end to end through a private PulseAudio server's virtual microphone
// (issue 17): a card answered out loud after a known silence, its first word found where the
// voice starts, the answer stored with its card and listed; and an answer cut short by SIGKILL
// keeps its audio, as a take does.
#include "tests/e2e/clirun.h"
#include "tests/support/cliprocess.h"
#include "tests/support/speechfixture.h"
#include "tests/support/virtualmic.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QThread>
#include <cmath>
#include <csignal>
#include <gtest/gtest.h>
#include <iostream>
#include <sndfile.h>

using namespace rapport;
using namespace rapport::test;

namespace {

constexpr double kFirstWordToleranceS = 0.150;
const QString kRecordingStarted = QStringLiteral("Recording from");
const QString kCard = QStringLiteral("rapport.fun-zone/fun-003");

// The energy of `path` in 10 ms frames (any rate, first channel).
std::vector<double> envelope(const QString& path)
{
    SF_INFO info {};
    SNDFILE* file = sf_open(QFile::encodeName(path).constData(), SFM_READ, &info);
    std::vector<double> frames;
    if (!file)
        return frames;
    const sf_count_t hop = info.samplerate / 100;
    std::vector<double> buffer(static_cast<std::size_t>(hop * info.channels));
    while (sf_readf_double(file, buffer.data(), hop) == hop) {
        double energy = 0.0;
        for (sf_count_t i = 0; i < hop; ++i)
            energy += buffer[static_cast<std::size_t>(i * info.channels)]
                * buffer[static_cast<std::size_t>(i * info.channels)];
        frames.push_back(energy / static_cast<double>(hop));
    }
    sf_close(file);
    return frames;
}

// Where the played file starts in the recording, in seconds: the lag at which their energy
// envelopes agree best. The truth the first word is held to comes from the recording itself,
// because the moment playback reaches the microphone after recording starts is not known.
double playbackOffsetS(const QString& recorded, const QString& played)
{
    const std::vector<double> r = envelope(recorded);
    const std::vector<double> p = envelope(played);
    double best = -1.0;
    std::size_t bestLag = 0;
    for (std::size_t lag = 0; lag + p.size() <= r.size(); ++lag) {
        double dot = 0.0;
        double norm = 0.0;
        for (std::size_t i = 0; i < p.size(); ++i) {
            dot += r[lag + i] * p[i];
            norm += r[lag + i] * r[lag + i];
        }
        const double score = norm > 0.0 ? dot / std::sqrt(norm) : 0.0;
        if (score > best) {
            best = score;
            bestLag = lag;
        }
    }
    return static_cast<double>(bestLag) / 100.0;
}

class AnswerE2eTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        ASSERT_TRUE(m_mic.start())
            << "cannot run the microphone end-to-end tests: " << m_mic.error().toStdString();
        m_env = m_mic.environment();
        m_env.insert(QStringLiteral("RAPPORT_DATA_DIR"), data());
    }

    QString data() const { return m_dir.filePath(QStringLiteral("data")); }
    QString recordings() const { return data() + QStringLiteral("/recordings"); }
    ProcessResult cli(const QStringList& args) { return runCli(args, m_env); }
    QJsonArray jsonArray(const QStringList& args)
    {
        const ProcessResult result = cli(args);
        EXPECT_EQ(result.exitCode, 0) << result.err.toStdString();
        return QJsonDocument::fromJson(result.out.toUtf8()).array();
    }

    QTemporaryDir m_dir;
    VirtualMic m_mic;
    QProcessEnvironment m_env;
};

} // namespace

TEST_F(AnswerE2eTest, AnAnswerIsStoredWithItsCardAndItsFirstWordWhereTheVoiceStarts)
{
    const QString missing = SpeechFixture::missingTools();
    ASSERT_TRUE(missing.isEmpty()) << missing.toStdString();
    SpeechFixture fixture(m_dir.path());
    TakeSpec spec;
    spec.leadingS = 2.5; // thinking before the first word
    spec.trailingS = 1.0;
    spec.utterances = { { QStringLiteral("My worst date was a picnic in the rain. We laughed "
                                         "the whole way home. What about you?") } };
    const std::optional<FixtureTake> played = fixture.build(QStringLiteral("answer"), spec);
    ASSERT_TRUE(played) << fixture.error().toStdString();

    const double seconds = std::ceil(played->durationS + 2.0);
    CliRun answer({ QStringLiteral("answer"), QStringLiteral("--card"), kCard,
                      QStringLiteral("--seconds"), QString::number(seconds),
                      QStringLiteral("--rating"), QStringLiteral("4"), QStringLiteral("--json") },
        m_env);
    ASSERT_TRUE(m_mic.waitForRecorder(15000))
        << m_mic.error().toStdString() << answer.err().toStdString();
    ASSERT_TRUE(answer.waitForErr(kRecordingStarted, 15000)) << answer.err().toStdString();
    ASSERT_TRUE(m_mic.play(played->path)) << m_mic.error().toStdString();
    ASSERT_TRUE(answer.finish(static_cast<int>(seconds * 1000) + 30000))
        << "rapport-cli answer did not finish";
    const QString err = answer.err();
    ASSERT_EQ(answer.process().exitStatus(), QProcess::NormalExit) << err.toStdString();
    ASSERT_EQ(answer.process().exitCode(), 0) << err.toStdString();
    EXPECT_TRUE(m_mic.waitForPlayback(10000)) << m_mic.error().toStdString();
    // The card was shown before recording.
    EXPECT_TRUE(err.contains(QStringLiteral("What was your worst date like?")))
        << err.toStdString();

    QJsonParseError parseError;
    const QJsonObject printed
        = QJsonDocument::fromJson(answer.out().toUtf8(), &parseError).object();
    ASSERT_EQ(parseError.error, QJsonParseError::NoError) << parseError.errorString().toStdString();
    const qint64 answerId = printed.value(QStringLiteral("answer_id")).toInteger();
    EXPECT_EQ(answerId, 1);
    const QJsonObject card = printed.value(QStringLiteral("card")).toObject();
    EXPECT_EQ(card.value(QStringLiteral("id")).toString(), QStringLiteral("fun-003"));
    EXPECT_EQ(card.value(QStringLiteral("deck")).toString(), QStringLiteral("rapport.fun-zone"));
    EXPECT_EQ(card.value(QStringLiteral("zone")).toString(), QStringLiteral("fun"));
    EXPECT_EQ(card.value(QStringLiteral("text")).toString(),
        QStringLiteral("What was your worst date like?"));
    EXPECT_EQ(printed.value(QStringLiteral("target")).toObject(),
        (QJsonObject { { QStringLiteral("green_s"), 60.0 }, { QStringLiteral("yellow_s"), 90.0 },
            { QStringLiteral("red_s"), 120.0 } }));
    EXPECT_EQ(printed.value(QStringLiteral("rating")).toObject().value(QStringLiteral("overall")),
        QJsonValue(4));
    for (const char* key : { "file", "duration_s", "speech_start_s", "speaking_time_s",
             "pause_count", "words_per_minute", "pitch_sd_semitones", "loudness_lufs", "timing",
             "transcript", "filler_count", "asked_back" })
        EXPECT_TRUE(printed.contains(QString::fromUtf8(key))) << key;

    // The first word: where the voice starts in the recording.
    const QString audio = printed.value(QStringLiteral("file")).toString();
    const double offsetS = playbackOffsetS(audio, played->path);
    const double truthS = offsetS + played->speechStartS;
    const double firstWordS = printed.value(QStringLiteral("first_word_s")).toDouble(-1.0);
    EXPECT_NEAR(firstWordS, truthS, kFirstWordToleranceS)
        << "playback reached the microphone at " << offsetS << " s";
    EXPECT_GT(firstWordS, played->speechStartS - kFirstWordToleranceS);

    // Listed with its card, and not as a take of any pitch.
    const QJsonArray listed = jsonArray({ QStringLiteral("answers"), QStringLiteral("list"),
        QStringLiteral("--card"), kCard, QStringLiteral("--json") });
    ASSERT_EQ(listed.size(), 1);
    EXPECT_EQ(listed[0].toObject().value(QStringLiteral("id")).toInteger(), answerId);
    EXPECT_EQ(listed[0].toObject().value(QStringLiteral("audio_path")).toString(), audio);
    EXPECT_NEAR(
        listed[0].toObject().value(QStringLiteral("first_word_s")).toDouble(), firstWordS, 1e-9);
    EXPECT_TRUE(
        jsonArray({ QStringLiteral("takes"), QStringLiteral("list"), QStringLiteral("--json") })
            .isEmpty());
    EXPECT_TRUE(
        jsonArray({ QStringLiteral("takes"), QStringLiteral("orphans"), QStringLiteral("--json") })
            .isEmpty())
        << "an answer's recording is in use";
    std::cout << "[ figures  ] answer: playback reached the microphone at " << offsetS
              << " s; first word truth " << truthS << " s, measured " << firstWordS << " s, error "
              << (firstWordS - truthS) * 1000.0 << " ms\n";

    // Deleted with its audio.
    const ProcessResult deleted
        = cli({ QStringLiteral("answers"), QStringLiteral("delete"), QString::number(answerId) });
    ASSERT_EQ(deleted.exitCode, 0) << deleted.err.toStdString();
    EXPECT_FALSE(QFile::exists(audio));
    EXPECT_TRUE(
        jsonArray({ QStringLiteral("answers"), QStringLiteral("list"), QStringLiteral("--json") })
            .isEmpty());
}

TEST_F(AnswerE2eTest, AKilledAnswerKeepsItsAudioAndComesBackAsThatAnswer)
{
    CliRun answer({ QStringLiteral("answer"), QStringLiteral("--zone"), QStringLiteral("deep"),
                      QStringLiteral("--seconds"), QStringLiteral("30") },
        m_env);
    ASSERT_TRUE(answer.waitForErr(kRecordingStarted, 15000)) << answer.err().toStdString();
    QThread::msleep(1500);
    ASSERT_EQ(::kill(static_cast<pid_t>(answer.process().processId()), SIGKILL), 0);
    ASSERT_TRUE(answer.process().waitForFinished(10000));
    ASSERT_EQ(answer.process().exitStatus(), QProcess::CrashExit);

    // The card was drawn (and is in the history), the audio kept, no answer row written.
    const QStringList files
        = QDir(recordings()).entryList({ QStringLiteral("*.wav") }, QDir::Files);
    ASSERT_EQ(files.size(), 1) << files.join(QLatin1Char(' ')).toStdString();
    const QString wavPath = recordings() + QLatin1Char('/') + files.first();
    SF_INFO info {};
    SNDFILE* file = sf_open(QFile::encodeName(wavPath).constData(), SFM_READ, &info);
    ASSERT_NE(file, nullptr) << "the killed answer's WAV does not open";
    sf_close(file);
    EXPECT_GT(info.frames, 16000 / 2);
    EXPECT_TRUE(
        jsonArray({ QStringLiteral("answers"), QStringLiteral("list"), QStringLiteral("--json") })
            .isEmpty());
    const QJsonArray orphans = jsonArray(
        { QStringLiteral("takes"), QStringLiteral("orphans"), QStringLiteral("--json") });
    ASSERT_EQ(orphans.size(), 1);
    const QJsonObject orphan = orphans[0].toObject();
    EXPECT_EQ(orphan.value(QStringLiteral("path")).toString(), wavPath);
    const ProcessResult check
        = cli({ QStringLiteral("info"), QStringLiteral("--check"), QStringLiteral("--json") });
    ASSERT_EQ(check.exitCode, 0) << check.err.toStdString();

    // It says it was an answer to the card drawn, and comes back as that answer.
    EXPECT_EQ(orphan.value(QStringLiteral("recorded_as")).toString(), QStringLiteral("answer"));
    const QJsonObject card = orphan.value(QStringLiteral("card")).toObject();
    EXPECT_EQ(card.value(QStringLiteral("zone")).toString(), QStringLiteral("deep"));
    EXPECT_FALSE(card.value(QStringLiteral("text")).toString().isEmpty());
    const ProcessResult recovered = cli(
        { QStringLiteral("takes"), QStringLiteral("recover"), wavPath, QStringLiteral("--json") });
    ASSERT_EQ(recovered.exitCode, 0) << recovered.err.toStdString();
    const QJsonArray kept = jsonArray(
        { QStringLiteral("answers"), QStringLiteral("list"), QStringLiteral("--json") });
    ASSERT_EQ(kept.size(), 1);
    const QJsonObject stored = kept[0].toObject();
    EXPECT_EQ(stored.value(QStringLiteral("card")).toObject(), card);
    EXPECT_EQ(stored.value(QStringLiteral("audio_path")).toString(), wavPath);
    EXPECT_FALSE(stored.value(QStringLiteral("draw_seq")).isNull()) << "the draw it answered";
    EXPECT_TRUE(
        jsonArray({ QStringLiteral("takes"), QStringLiteral("orphans"), QStringLiteral("--json") })
            .isEmpty());
    EXPECT_TRUE(
        jsonArray({ QStringLiteral("takes"), QStringLiteral("list"), QStringLiteral("--json") })
            .isEmpty());
}
