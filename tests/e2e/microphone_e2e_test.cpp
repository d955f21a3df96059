// End to end through a real sound server: speech played into a private PulseAudio server's
// virtual microphone is recorded by `rapport-cli record` through QAudioSource, written to WAV and
// analysed. The truth is how the played file was built (espeak-ng speech, sox silences).
#include "tests/e2e/clirun.h"
#include "tests/support/speechfixture.h"
#include "tests/support/virtualmic.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <cmath>
#include <csignal>
#include <gtest/gtest.h>
#include <iostream>
#include <sndfile.h>

using namespace rapport::test;

namespace {

constexpr double kSpeakingTimeToleranceS = 0.150;
constexpr int kSampleRate = 16000;

const QString kRecordingStarted = QStringLiteral("Recording from");

struct WavInfo
{
    bool opened = false;
    SF_INFO info {};
};

WavInfo wavInfo(const QString& path)
{
    WavInfo result;
    SNDFILE* file = sf_open(QFile::encodeName(path).constData(), SFM_READ, &result.info);
    result.opened = file != nullptr;
    if (file)
        sf_close(file);
    return result;
}

class MicrophoneE2eTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        ASSERT_TRUE(m_mic.start())
            << "cannot run the microphone end-to-end tests: " << m_mic.error().toStdString();
    }
    QString path(const QString& name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
    VirtualMic m_mic;
};

} // namespace

TEST_F(MicrophoneE2eTest, RecordedTakeHasTheSpeakingTimeOfThePlayedSpeech)
{
    const QString missing = SpeechFixture::missingTools();
    ASSERT_TRUE(missing.isEmpty()) << missing.toStdString();
    SpeechFixture fixture(m_dir.path());
    TakeSpec spec;
    spec.leadingS = 1.0;
    spec.trailingS = 1.0;
    spec.utterances = { { QStringLiteral("Thank you for having me. I help small teams ship "
                                         "reliable software without burning out.") } };
    const std::optional<FixtureTake> played = fixture.build(QStringLiteral("played"), spec);
    ASSERT_TRUE(played) << fixture.error().toStdString();

    // Long enough for the whole file plus the server's start-up latency on a busy machine.
    const double seconds = std::ceil(played->durationS + 2.0);
    const QString take = path(QStringLiteral("take.wav"));
    CliRun record({ QStringLiteral("record"), QStringLiteral("--seconds"), QString::number(seconds),
                      QStringLiteral("--out"), take, QStringLiteral("--json") },
        m_mic.environment());
    // Play when the recorder hears audio: sound servers start delivering a moment after the
    // stream opens, and what is played before is never captured.
    ASSERT_TRUE(m_mic.waitForRecorder(15000))
        << m_mic.error().toStdString() << record.err().toStdString();
    ASSERT_TRUE(record.waitForErr(kRecordingStarted, 15000)) << record.err().toStdString();
    ASSERT_TRUE(m_mic.play(played->path)) << m_mic.error().toStdString();
    ASSERT_TRUE(record.finish(static_cast<int>(seconds * 1000) + 30000))
        << "rapport-cli record did not finish";
    const QString err = record.err();
    ASSERT_EQ(record.process().exitStatus(), QProcess::NormalExit) << err.toStdString();
    ASSERT_EQ(record.process().exitCode(), 0) << err.toStdString();
    EXPECT_TRUE(m_mic.waitForPlayback(10000)) << m_mic.error().toStdString();

    // The file: a 16 kHz mono WAV of exactly the requested length, counted in frames.
    const WavInfo wav = wavInfo(take);
    ASSERT_TRUE(wav.opened);
    EXPECT_EQ(wav.info.samplerate, kSampleRate);
    EXPECT_EQ(wav.info.channels, 1);
    EXPECT_EQ(wav.info.frames, static_cast<sf_count_t>(seconds * kSampleRate));

    // The capture path alone, measured like the truth (sox trim on the recording).
    const std::optional<QString> trimmed = [&]() -> std::optional<QString> {
        if (!fixture.sox(
                { take, path(QStringLiteral("take-trimmed.wav")), QStringLiteral("silence"),
                    QStringLiteral("1"), QStringLiteral("0.01"), QStringLiteral("0.1%"),
                    QStringLiteral("reverse"), QStringLiteral("silence"), QStringLiteral("1"),
                    QStringLiteral("0.01"), QStringLiteral("0.1%"), QStringLiteral("reverse") }))
            return std::nullopt;
        return path(QStringLiteral("take-trimmed.wav"));
    }();
    ASSERT_TRUE(trimmed) << fixture.error().toStdString();
    const std::optional<double> recordedExtentS = fixture.durationS(*trimmed);
    ASSERT_TRUE(recordedExtentS) << fixture.error().toStdString();

    // The report: the same JSON `analyze` prints.
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(record.out().toUtf8(), &parseError);
    ASSERT_EQ(parseError.error, QJsonParseError::NoError) << parseError.errorString().toStdString();
    const QJsonObject report = json.object();
    EXPECT_EQ(report.value(QStringLiteral("file")).toString(), take);
    EXPECT_NEAR(report.value(QStringLiteral("duration_s")).toDouble(), seconds, 0.001);
    ASSERT_TRUE(report.value(QStringLiteral("speaking_time_s")).isDouble());
    const double speakingS = report.value(QStringLiteral("speaking_time_s")).toDouble();
    const double speechStartS = report.value(QStringLiteral("speech_start_s")).toDouble();
    const double truthS = played->speakingTimeS();
    std::cout << "[ figures  ] speech in played file " << truthS * 1000.0
              << " ms; recorded speaking time (report) " << speakingS * 1000.0 << " ms, error "
              << (speakingS - truthS) * 1000.0 << " ms; recorded speech extent (sox) "
              << *recordedExtentS * 1000.0 << " ms, error " << (*recordedExtentS - truthS) * 1000.0
              << " ms; speech starts at " << speechStartS << " s; record wall time "
              << record.wallMs() << " ms for " << seconds << " s of audio (first audio after "
              << record.firstAudioMs() << " ms)\n";
    // The whole utterance is inside the take: silence was recorded before it and after it.
    EXPECT_GT(speechStartS, 0.3);
    EXPECT_LT(report.value(QStringLiteral("speech_end_s")).toDouble(), seconds - 0.3);
    EXPECT_NEAR(*recordedExtentS, truthS, kSpeakingTimeToleranceS);
    EXPECT_NEAR(speakingS, truthS, kSpeakingTimeToleranceS);
}

TEST_F(MicrophoneE2eTest, InterruptStopsTheTakeEarlyAndKeepsAPlayableFile)
{
    const QString take = path(QStringLiteral("interrupted.wav"));
    CliRun record({ QStringLiteral("record"), QStringLiteral("--seconds"), QStringLiteral("60"),
                      QStringLiteral("--out"), take, QStringLiteral("--json") },
        m_mic.environment());
    ASSERT_TRUE(record.waitForErr(kRecordingStarted, 15000)) << record.err().toStdString();
    QThread::msleep(1500);
    ASSERT_EQ(::kill(static_cast<pid_t>(record.process().processId()), SIGINT), 0);
    ASSERT_TRUE(record.finish(10000)) << "record did not stop on SIGINT";
    ASSERT_EQ(record.process().exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(record.process().exitCode(), 0) << record.err().toStdString();

    const WavInfo wav = wavInfo(take);
    ASSERT_TRUE(wav.opened);
    EXPECT_GT(wav.info.frames, kSampleRate); // more than 1 s: what was heard is kept
    EXPECT_LT(wav.info.frames, 30 * kSampleRate); // and it did stop early
    const QJsonObject report = QJsonDocument::fromJson(record.out().toUtf8()).object();
    EXPECT_NEAR(report.value(QStringLiteral("duration_s")).toDouble(),
        static_cast<double>(wav.info.frames) / kSampleRate, 0.001);
}

TEST_F(MicrophoneE2eTest, MicrophoneRemovedMidTakeEndsWithAnErrorAndKeepsTheAudioSoFar)
{
    const QString take = path(QStringLiteral("unplugged.wav"));
    CliRun record({ QStringLiteral("record"), QStringLiteral("--seconds"), QStringLiteral("60"),
                      QStringLiteral("--out"), take, QStringLiteral("--json") },
        m_mic.environment());
    ASSERT_TRUE(record.waitForErr(kRecordingStarted, 15000)) << record.err().toStdString();
    QThread::msleep(1000);
    // "Unplug" the microphone: remove the remapped source the recorder is reading.
    ASSERT_TRUE(
        m_mic.pactl({ QStringLiteral("unload-module"), QStringLiteral("module-remap-source") }))
        << m_mic.error().toStdString();
    ASSERT_TRUE(record.finish(15000)) << "record did not notice the microphone was removed";
    const QString err = record.err();
    ASSERT_EQ(record.process().exitStatus(), QProcess::NormalExit) << err.toStdString();
    EXPECT_EQ(record.process().exitCode(), 1) << err.toStdString();
    EXPECT_TRUE(err.contains(QStringLiteral("stopped delivering sound"))) << err.toStdString();

    const WavInfo wav = wavInfo(take);
    ASSERT_TRUE(wav.opened);
    EXPECT_GT(wav.info.frames, kSampleRate / 2); // the second heard before the removal is kept
    EXPECT_LT(wav.info.frames, 30 * kSampleRate);
    const QJsonObject report = QJsonDocument::fromJson(record.out().toUtf8()).object();
    EXPECT_NEAR(report.value(QStringLiteral("duration_s")).toDouble(),
        static_cast<double>(wav.info.frames) / kSampleRate, 0.001);
}

TEST(MicrophoneE2eNoServerTest, RecordWithoutAnyInputExitsThreeWithTheNoInputMessage)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), dir.path());
    env.insert(QStringLiteral("HOME"), dir.path());
    // A socket path nobody listens on: no sound server, so no input device at all.
    env.insert(QStringLiteral("PULSE_SERVER"),
        QStringLiteral("unix:") + dir.filePath(QStringLiteral("dead/native")));
    const QString take = dir.filePath(QStringLiteral("take.wav"));
    CliRun record({ QStringLiteral("record"), QStringLiteral("--seconds"), QStringLiteral("2"),
                      QStringLiteral("--out"), take },
        env);
    ASSERT_TRUE(record.finish(30000)) << "record hung without a sound server";
    const QString err = record.err();
    ASSERT_EQ(record.process().exitStatus(), QProcess::NormalExit) << err.toStdString();
    EXPECT_EQ(record.process().exitCode(), 3) << err.toStdString();
    EXPECT_TRUE(err.contains(
        QStringLiteral("no audio input found — connect a microphone or check the sound settings"),
        Qt::CaseInsensitive))
        << err.toStdString();
    EXPECT_FALSE(QFile::exists(take)) << "an empty take was left behind";
}
