#include "core/audio/fileaudiosource.h"
#include "core/audio/wavfilesource.h"
#include "core/rehearsal/takerecorder.h"
#include "tests/support/testtake.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>
#include <gtest/gtest.h>

namespace rapport::rehearsal {
namespace {

using audio::kSampleRate;

// 1 s of silence, 2 s of the test tone, 1 s of silence: 64 000 frames.
QString writeSource(const QString& path)
{
    EXPECT_EQ(test::writeToneTake(path, kSampleRate, 2 * kSampleRate, kSampleRate), QString());
    return path;
}

// Runs the event loop until the recorder finishes (at most 20 s).
Status waitForTake(TakeRecorder& recorder)
{
    QEventLoop loop;
    Status result = Error { ErrorKind::Io, QStringLiteral("timed out"), {}, {} };
    QObject::connect(&recorder, &TakeRecorder::finished, &loop, [&](const Status& status) {
        result = status;
        loop.quit();
    });
    QTimer::singleShot(20'000, &loop, &QEventLoop::quit);
    loop.exec();
    return result;
}

std::int64_t framesIn(const QString& path)
{
    auto file = audio::WavFileSource::open(path);
    return file ? (*file)->durationFrames() : -1;
}

TEST(TakeRecorderTest, WritesEveryFrameAndReportsTheSpeechExtent)
{
    QTemporaryDir dir;
    const QString source = writeSource(dir.filePath(QStringLiteral("source.wav")));
    audio::FileAudioSource file(source, 0);
    TakeRecorder recorder;
    int progressCount = 0;
    qint64 lastFrames = 0;
    QObject::connect(&recorder, &TakeRecorder::progressed, &recorder, [&](qint64 frames) {
        ++progressCount;
        lastFrames = frames;
    });
    const QString take = dir.filePath(QStringLiteral("take.wav"));
    ASSERT_TRUE(recorder.start(file, take).ok());
    EXPECT_TRUE(recorder.isRecording());
    const Status status = waitForTake(recorder);
    ASSERT_TRUE(status.ok()) << status.error().toString().toStdString();
    EXPECT_FALSE(recorder.isRecording());
    EXPECT_EQ(recorder.framesRecorded(), 4 * kSampleRate);
    EXPECT_EQ(framesIn(take), 4 * kSampleRate);
    EXPECT_EQ(progressCount, 40); // one per 100 ms block
    EXPECT_EQ(lastFrames, 4 * kSampleRate);
    const analysis::TakeReport& report = recorder.report();
    EXPECT_NEAR(report.durationS, 4.0, 1e-6);
    ASSERT_TRUE(report.speechStartS && report.speechEndS);
    EXPECT_NEAR(*report.speechStartS, 1.0, 0.08);
    EXPECT_NEAR(*report.speechEndS, 3.0, 0.08);
}

TEST(TakeRecorderTest, StopsByItselfAfterMaxFrames)
{
    QTemporaryDir dir;
    const QString source = writeSource(dir.filePath(QStringLiteral("source.wav")));
    audio::FileAudioSource file(source, 0);
    TakeRecorder recorder;
    const QString take = dir.filePath(QStringLiteral("take.wav"));
    ASSERT_TRUE(recorder.start(file, take, 25'000).ok());
    ASSERT_TRUE(waitForTake(recorder).ok());
    EXPECT_EQ(recorder.framesRecorded(), 25'000);
    EXPECT_EQ(framesIn(take), 25'000);
}

TEST(TakeRecorderTest, StopKeepsWhatWasRecorded)
{
    QTemporaryDir dir;
    const QString source = writeSource(dir.filePath(QStringLiteral("source.wav")));
    audio::FileAudioSource file(source, 0);
    TakeRecorder recorder;
    QObject::connect(&recorder, &TakeRecorder::progressed, &recorder, [&](qint64 frames) {
        if (frames >= 8'000)
            recorder.stop();
    });
    const QString take = dir.filePath(QStringLiteral("take.wav"));
    ASSERT_TRUE(recorder.start(file, take).ok());
    ASSERT_TRUE(waitForTake(recorder).ok());
    EXPECT_GE(recorder.framesRecorded(), 8'000);
    EXPECT_LT(recorder.framesRecorded(), 4 * kSampleRate);
    EXPECT_EQ(framesIn(take), recorder.framesRecorded());
}

TEST(TakeRecorderTest, ASourceThatCannotStartLeavesNoFile)
{
    QTemporaryDir dir;
    audio::FileAudioSource missing(dir.filePath(QStringLiteral("missing.wav")), 0);
    TakeRecorder recorder;
    const QString take = dir.filePath(QStringLiteral("take.wav"));
    const Status status = recorder.start(missing, take);
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().kind, ErrorKind::NotFound);
    EXPECT_FALSE(recorder.isRecording());
    EXPECT_FALSE(QFile::exists(take));
}

TEST(TakeRecorderTest, AnUnwritableTakeFileIsReportedBeforeRecording)
{
    QTemporaryDir dir;
    const QString source = writeSource(dir.filePath(QStringLiteral("source.wav")));
    audio::FileAudioSource file(source, 0);
    TakeRecorder recorder;
    const Status status = recorder.start(file, dir.filePath(QStringLiteral("no/such/take.wav")));
    ASSERT_FALSE(status.ok());
    EXPECT_FALSE(recorder.isRecording());
}

TEST(FileAudioSourceTest, RealTimePaceTakesAboutAsLongAsTheAudio)
{
    QTemporaryDir dir;
    const QString source = writeSource(dir.filePath(QStringLiteral("source.wav")));
    audio::FileAudioSource file(source, 8.0); // 4 s of audio at 8x: about 0.5 s
    TakeRecorder recorder;
    QElapsedTimer clock;
    clock.start();
    ASSERT_TRUE(recorder.start(file, dir.filePath(QStringLiteral("take.wav"))).ok());
    ASSERT_TRUE(waitForTake(recorder).ok());
    EXPECT_GE(clock.elapsed(), 400);
    EXPECT_EQ(recorder.framesRecorded(), 4 * kSampleRate);
}

} // namespace
} // namespace rapport::rehearsal
