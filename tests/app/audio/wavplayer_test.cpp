// WavPlayer through a real sound server: a private PulseAudio server (tests/support/virtualmic.h)
// whose null sink "virt" is the default output. What the player sends is recorded from the
// sink's monitor with parec, so the tests check that sound arrived, not only that Qt said so.
// Without pulseaudio and pulseaudio-utils these tests fail (never skip), naming the packages.
#include "app/audio/wavplayer.h"
#include "core/audio/wavwriter.h"
#include "tests/support/testsignal.h"
#include "tests/support/virtualmic.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <cstring>
#include <functional>
#include <gtest/gtest.h>
#include <iostream>
#include <numbers>

using namespace rapport;
using namespace rapport::audio;

namespace {

constexpr std::int64_t kTestFrames = kSampleRate * 3 / 2; // 1.5 s
constexpr qint64 kTestMs = 1500;
constexpr int kRecordRate = 16000;

// Writes `frames` of the test signal to `path` as a 16 kHz mono WAV.
bool writeTestWav(const QString& path, std::int64_t frames)
{
    Result<WavWriter> writer = WavWriter::create(path);
    if (!writer)
        return false;
    AudioBlock block;
    for (std::int64_t f = 0; f < frames; ++f)
        block.samples.push_back(test::testSample(f));
    return writer->write(block).ok() && writer->close().ok();
}

// Power of `samples` at `hz` (Goertzel), normalised by length.
double powerAt(const std::vector<float>& samples, double hz)
{
    const double w = 2.0 * std::numbers::pi * hz / kRecordRate;
    double s1 = 0.0;
    double s2 = 0.0;
    for (float x : samples) {
        const double s0 = x + 2.0 * std::cos(w) * s1 - s2;
        s2 = s1;
        s1 = s0;
    }
    const double power = s1 * s1 + s2 * s2 - 2.0 * std::cos(w) * s1 * s2;
    return power / (static_cast<double>(samples.size()) * samples.size());
}

// Records the sink's monitor (what every program played) as 16 kHz mono 16-bit while alive.
class MonitorRecording
{
public:
    MonitorRecording(const QProcessEnvironment& env, const QString& path)
        : m_path(path)
    {
        m_process.setProcessEnvironment(env);
        m_process.setStandardInputFile(QProcess::nullDevice());
        m_process.setStandardOutputFile(path);
        m_process.start(QStringLiteral("parec"),
            { QStringLiteral("--device=virt.monitor"), QStringLiteral("--format=s16le"),
                QStringLiteral("--rate=%1").arg(kRecordRate), QStringLiteral("--channels=1"),
                QStringLiteral("--latency-msec=20") });
    }
    ~MonitorRecording() { stop(); }

    // True once parec runs and the monitor delivers (it streams silence when nothing plays).
    bool waitUntilRecording(int timeoutMs)
    {
        if (!m_process.waitForStarted(5000))
            return false;
        QElapsedTimer timer;
        timer.start();
        while (QFile(m_path).size() < 3200) { // 0.1 s
            if (timer.elapsed() > timeoutMs || m_process.state() != QProcess::Running)
                return false;
            QTest::qWait(20);
        }
        return true;
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(3000)) {
            m_process.kill();
            m_process.waitForFinished(3000);
        }
    }

    std::vector<float> samples() const
    {
        QFile file(m_path);
        std::vector<float> out;
        if (!file.open(QIODevice::ReadOnly))
            return out;
        const QByteArray bytes = file.readAll();
        out.resize(static_cast<std::size_t>(bytes.size() / 2));
        for (std::size_t i = 0; i < out.size(); ++i) {
            qint16 v = 0;
            std::memcpy(&v, bytes.constData() + 2 * i, 2);
            out[i] = v / 32768.0f;
        }
        return out;
    }

private:
    QString m_path;
    QProcess m_process;
};

// Qt Multimedia connects to the sound server once per process, so one server serves every test
// of the suite; ctest runs each test in a process of its own anyway.
class WavPlayerTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_mic = new test::VirtualMic;
        if (!s_mic->start())
            return;
        const QProcessEnvironment env = s_mic->environment();
        for (const char* name : { "XDG_RUNTIME_DIR", "HOME", "PULSE_SERVER" })
            qputenv(name, env.value(QString::fromLatin1(name)).toLocal8Bit());
    }
    static void TearDownTestSuite()
    {
        delete s_mic;
        s_mic = nullptr;
    }

    void SetUp() override
    {
        ASSERT_TRUE(s_mic->pid() != 0)
            << "cannot test playback without a sound server: " << s_mic->error().toStdString();
        ASSERT_TRUE(m_dir.isValid());
        m_wav = m_dir.filePath(QStringLiteral("take.wav"));
        ASSERT_TRUE(writeTestWav(m_wav, kTestFrames));
    }

    static test::VirtualMic* s_mic;
    QTemporaryDir m_dir;
    QString m_wav;
};

test::VirtualMic* WavPlayerTest::s_mic = nullptr;

TEST_F(WavPlayerTest, PlaysTheFileToTheEndAndTheSinkHearsIt)
{
    MonitorRecording monitor(s_mic->environment(), m_dir.filePath(QStringLiteral("monitor.raw")));
    ASSERT_TRUE(monitor.waitUntilRecording(5000)) << "parec did not record the sink's monitor";

    WavPlayer player;
    QSignalSpy positions(&player, &WavPlayer::positionChanged);
    QSignalSpy finished(&player, &WavPlayer::finished);
    QSignalSpy failed(&player, &WavPlayer::failed);
    QElapsedTimer wall;
    wall.start();
    const Status status = player.play(m_wav);
    ASSERT_TRUE(status.ok()) << status.error().toString().toStdString();
    EXPECT_EQ(player.state(), WavPlayer::State::Playing);
    EXPECT_NEAR(player.durationMs(), kTestMs, 5);

    ASSERT_TRUE(finished.wait(kTestMs + 3000)) << "finished() not emitted in time";
    const qint64 playedMs = wall.elapsed();
    EXPECT_EQ(failed.count(), 0);
    EXPECT_EQ(player.state(), WavPlayer::State::Stopped);
    EXPECT_EQ(player.positionMs(), player.durationMs());
    // It took real time: the sound was played, not just handed over.
    EXPECT_GE(playedMs, kTestMs - 150);

    // The position advanced steadily to the end.
    qint64 last = -1;
    int midway = 0;
    for (const QList<QVariant>& args : positions) {
        const qint64 ms = args.at(0).toLongLong();
        EXPECT_GE(ms, last);
        last = ms;
        if (ms > 200 && ms < kTestMs - 200)
            ++midway;
    }
    EXPECT_EQ(last, player.durationMs());
    EXPECT_GE(midway, 5) << "too few positions while playing";

    QTest::qWait(300);
    monitor.stop();
    const std::vector<float> heard = monitor.samples();
    ASSERT_GT(heard.size(), static_cast<std::size_t>(kRecordRate))
        << "the monitor recorded too little";
    // 50 ms windows loud enough to be the test signal (RMS about 0.47; silence is 0).
    const std::size_t window = kRecordRate / 20;
    int loudWindows = 0;
    std::vector<float> loud;
    for (std::size_t at = 0; at + window <= heard.size(); at += window) {
        double sum = 0.0;
        for (std::size_t i = at; i < at + window; ++i)
            sum += static_cast<double>(heard[i]) * heard[i];
        if (std::sqrt(sum / window) > 0.2) {
            ++loudWindows;
            loud.insert(loud.end(), heard.begin() + static_cast<std::ptrdiff_t>(at),
                heard.begin() + static_cast<std::ptrdiff_t>(at + window));
        }
    }
    std::cout << "played in " << playedMs << " ms wall; " << positions.count()
              << " positions; the monitor heard " << loudWindows << " loud 50 ms windows\n";
    // 1.5 s is 30 windows; a window may straddle each end.
    EXPECT_GE(loudWindows, 27);
    EXPECT_LE(loudWindows, 32);
    // And it is the test signal: strong at 440 Hz, nothing much at 1 kHz.
    ASSERT_FALSE(loud.empty());
    EXPECT_GT(powerAt(loud, 440.0), 100.0 * powerAt(loud, 1000.0));
}

TEST_F(WavPlayerTest, PauseHoldsThePositionAndResumeFinishesTheFile)
{
    WavPlayer player;
    QSignalSpy states(&player, &WavPlayer::stateChanged);
    QSignalSpy finished(&player, &WavPlayer::finished);
    ASSERT_TRUE(player.play(m_wav).ok());
    QTRY_VERIFY_WITH_TIMEOUT(player.positionMs() >= 400, 3000);
    ASSERT_GE(player.positionMs(), 400) << "playback did not advance";

    player.pause();
    EXPECT_EQ(player.state(), WavPlayer::State::Paused);
    const qint64 pausedAt = player.positionMs();
    EXPECT_LT(pausedAt, kTestMs - 300);
    QTest::qWait(700);
    EXPECT_NEAR(player.positionMs(), pausedAt, 30) << "the position moved while paused";
    EXPECT_EQ(finished.count(), 0);

    QElapsedTimer wall;
    wall.start();
    player.resume();
    EXPECT_EQ(player.state(), WavPlayer::State::Playing);
    ASSERT_TRUE(finished.wait(kTestMs + 3000));
    // What was left after the pause still played in real time.
    EXPECT_GE(wall.elapsed(), kTestMs - pausedAt - 150);
    const QList<WavPlayer::State> expected { WavPlayer::State::Playing, WavPlayer::State::Paused,
        WavPlayer::State::Playing, WavPlayer::State::Stopped };
    QList<WavPlayer::State> seen;
    for (const QList<QVariant>& args : states)
        seen << args.at(0).value<WavPlayer::State>();
    EXPECT_EQ(seen, expected);
}

TEST_F(WavPlayerTest, StopRewindsWithoutFinishing)
{
    WavPlayer player;
    QSignalSpy finished(&player, &WavPlayer::finished);
    ASSERT_TRUE(player.play(m_wav).ok());
    QTRY_VERIFY_WITH_TIMEOUT(player.positionMs() >= 200, 3000);
    player.stop();
    EXPECT_EQ(player.state(), WavPlayer::State::Stopped);
    EXPECT_EQ(player.positionMs(), 0);
    QTest::qWait(kTestMs);
    EXPECT_EQ(finished.count(), 0);
    // And it plays again.
    ASSERT_TRUE(player.play(m_wav).ok());
    EXPECT_TRUE(finished.wait(kTestMs + 3000));
}

TEST_F(WavPlayerTest, PlaysFromAPointInTheFile)
{
    WavPlayer player;
    QSignalSpy positions(&player, &WavPlayer::positionChanged);
    QSignalSpy finished(&player, &WavPlayer::finished);
    QElapsedTimer wall;
    wall.start();
    constexpr qint64 kFromMs = 1000;
    ASSERT_TRUE(player.play(m_wav, kFromMs).ok());
    EXPECT_GE(player.positionMs(), kFromMs);
    ASSERT_TRUE(finished.wait(kTestMs + 3000));
    // What follows the point was played, in real time (how long the sound server takes to
    // start varies too much to bound the wait from above: the positions show where it began).
    EXPECT_GE(wall.elapsed(), kTestMs - kFromMs - 150);
    ASSERT_FALSE(positions.isEmpty());
    for (const QList<QVariant>& args : positions)
        EXPECT_GE(args.at(0).toLongLong(), kFromMs);
    EXPECT_EQ(player.positionMs(), player.durationMs());

    // A point past the end plays the last moment, not nothing and not from the start.
    ASSERT_TRUE(player.play(m_wav, kTestMs * 10).ok());
    EXPECT_GE(player.positionMs(), kTestMs - 10);
    EXPECT_TRUE(finished.wait(3000));
}

// Reading fails before any device is touched, so these need no server.
TEST(WavPlayerFileTest, UnreadableFilesAreTypedErrors)
{
    QTemporaryDir dir;
    WavPlayer player;
    QSignalSpy failed(&player, &WavPlayer::failed);
    const Status missing = player.play(dir.filePath(QStringLiteral("no-such-take.wav")));
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().kind, ErrorKind::NotFound);
    EXPECT_TRUE(missing.error().what.contains(QStringLiteral("no-such-take.wav")))
        << missing.error().what.toStdString();

    const QString text = dir.filePath(QStringLiteral("notes.wav"));
    QFile file(text);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("this is not audio, only text pretending to be a take\n");
    file.close();
    const Status garbage = player.play(text);
    ASSERT_FALSE(garbage.ok());
    EXPECT_EQ(garbage.error().kind, ErrorKind::Format);
    EXPECT_EQ(player.state(), WavPlayer::State::Stopped);
    EXPECT_EQ(failed.count(), 0);
}

// A player in a child process (tests/app/audio/wavplayer_child.cpp): exit code and its lines.
struct ChildRun
{
    bool finishedInTime = false;
    QProcess::ExitStatus status = QProcess::CrashExit;
    int code = -1;
    QString out;
};

ChildRun runChild(const QString& wav, const QProcessEnvironment& env, int timeoutMs,
    const std::function<void(QProcess&)>& whilePlaying = {})
{
    QProcess child;
    child.setProcessEnvironment(env);
    child.setStandardInputFile(QProcess::nullDevice());
    child.start(QStringLiteral(RAPPORT_WAVPLAYER_CHILD), { wav });
    ChildRun run;
    if (whilePlaying)
        whilePlaying(child);
    run.finishedInTime = child.waitForFinished(timeoutMs);
    if (!run.finishedInTime) {
        child.kill();
        child.waitForFinished(3000);
    }
    run.status = child.exitStatus();
    run.code = child.exitCode();
    run.out = QString::fromUtf8(child.readAllStandardOutput())
        + QString::fromUtf8(child.readAllStandardError());
    return run;
}

TEST(WavPlayerNoServerTest, ADeadSoundServerIsAnErrorNotACrash)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString wav = dir.filePath(QStringLiteral("take.wav"));
    ASSERT_TRUE(writeTestWav(wav, kTestFrames));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PULSE_SERVER"),
        QStringLiteral("unix:") + dir.filePath(QStringLiteral("dead.socket")));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), dir.path());
    env.insert(QStringLiteral("HOME"), dir.path());
    const ChildRun run = runChild(wav, env, 30000);
    ASSERT_TRUE(run.finishedInTime) << run.out.toStdString();
    EXPECT_EQ(run.status, QProcess::NormalExit) << run.out.toStdString();
    EXPECT_EQ(run.code, 3) << run.out.toStdString();
    EXPECT_TRUE(run.out.contains(QStringLiteral("error: No audio output found")))
        << run.out.toStdString();
}

TEST(WavPlayerNoServerTest, TheServerGoingAwayMidPlaybackIsReportedNotACrash)
{
    test::VirtualMic mic;
    ASSERT_TRUE(mic.start()) << "cannot test playback without a sound server: "
                             << mic.error().toStdString();
    QTemporaryDir dir;
    const QString wav = dir.filePath(QStringLiteral("long.wav"));
    ASSERT_TRUE(writeTestWav(wav, kSampleRate * 10));
    const ChildRun run = runChild(wav, mic.environment(), 30000, [&mic](QProcess& child) {
        // Once it plays, take the server away.
        if (child.waitForReadyRead(15000)) {
            QTest::qWait(500);
            mic.stop();
        }
    });
    ASSERT_TRUE(run.finishedInTime) << run.out.toStdString();
    EXPECT_EQ(run.status, QProcess::NormalExit) << run.out.toStdString();
    EXPECT_TRUE(run.out.startsWith(QStringLiteral("playing 10000"))) << run.out.toStdString();
    EXPECT_EQ(run.code, 4) << run.out.toStdString();
    EXPECT_TRUE(run.out.contains(QStringLiteral("failed: Playing"))) << run.out.toStdString();
}

} // namespace
