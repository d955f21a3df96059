#include "core/analysis/analysispipeline.h"
#include "core/audio/fileaudiosource.h"
#include "core/audio/wavfilesource.h"
#include "core/rehearsal/takerecorder.h"
#include "tests/support/testtake.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>
#include <cmath>
#include <cstdint>
#include <gtest/gtest.h>
#include <iomanip>
#include <numbers>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

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

// A live source playing samples held in memory, one 100 ms block per event-loop turn like a
// microphone: the recorder gets these floats unquantised, as it gets a sound card's.
class MemoryAudioSource final : public audio::AudioSource
{
public:
    static constexpr std::int64_t kBlockFrames = 1600;

    explicit MemoryAudioSource(std::vector<float> samples)
        : m_samples(std::move(samples))
    { }

    Status start() override
    {
        m_running = true;
        QTimer::singleShot(0, this, [this] { deliverNext(); });
        return {};
    }
    void stop() override { m_stopping = true; }
    QString name() const override { return QStringLiteral("memory"); }

private:
    void deliverNext()
    {
        if (!m_running)
            return;
        const auto total = static_cast<std::int64_t>(m_samples.size());
        if (m_stopping || m_nextFrame >= total) {
            m_running = false;
            emit finished({});
            return;
        }
        audio::AudioBlock block;
        block.startFrame = m_nextFrame;
        const std::int64_t end = std::min(m_nextFrame + kBlockFrames, total);
        block.samples.assign(m_samples.begin() + m_nextFrame, m_samples.begin() + end);
        m_nextFrame = end;
        emit blockReady(block);
        QTimer::singleShot(0, this, [this] { deliverNext(); });
    }

    std::vector<float> m_samples;
    std::int64_t m_nextFrame = 0;
    bool m_running = false;
    bool m_stopping = false;
};

// Deterministic pseudo-random numbers (a fixed linear congruential generator, the same everywhere).
class Lcg
{
public:
    explicit Lcg(std::uint32_t seed)
        : m_state(seed)
    { }
    /// Uniform in [0, 1).
    double uniform()
    {
        m_state = m_state * 1664525u + 1013904223u;
        return static_cast<double>(m_state >> 8) / static_cast<double>(1u << 24);
    }
    double between(double low, double high) { return low + (high - low) * uniform(); }

private:
    std::uint32_t m_state;
};

// Adds a voiced syllable at `startFrame`: eight harmonics (falling as 1/k) of an F0 gliding from
// `f0Hz` by `glideHz`, rising as sin² over the first 40 ms, then decaying exponentially (25 ms) to
// far below one 16-bit step: the tail leaves samples that quantisation turns into zeros.
void addSyllable(std::vector<float>& samples, std::int64_t startFrame, std::int64_t frames,
    double f0Hz, double glideHz, double amplitude)
{
    const double attackFrames = 0.04 * kSampleRate;
    const double tauFrames = 0.025 * kSampleRate;
    double phase = 0.0;
    for (std::int64_t i = 0;; ++i) {
        const double decay = i < attackFrames
            ? std::pow(std::sin(std::numbers::pi / 2 * i / attackFrames), 2.0)
            : std::exp(-(i - attackFrames) / tauFrames);
        const double envelope = amplitude * decay;
        if ((i >= attackFrames && envelope < 1e-8)
            || startFrame + i >= static_cast<std::int64_t>(samples.size()))
            break;
        const double f0 = f0Hz + glideHz * std::min(1.0, static_cast<double>(i) / frames);
        phase += 2.0 * std::numbers::pi * f0 / kSampleRate;
        double voice = 0.0;
        for (int k = 1; k <= 8; ++k)
            voice += std::sin(k * phase) / k;
        samples[static_cast<std::size_t>(startFrame + i)] += static_cast<float>(envelope * voice);
    }
}

// Speech-like phrases of 3 to 6 syllables (120–260 ms apart, F0 110–190 Hz) separated by pauses
// of 0.45–0.9 s, written from `startFrame` into `samples` (which must be long enough); returns the
// frame where the last syllable's tail has died away.
std::int64_t addPhrases(std::vector<float>& samples, std::int64_t startFrame, int phrases,
    double amplitude, Lcg& random)
{
    std::int64_t frame = startFrame;
    for (int p = 0; p < phrases; ++p) {
        const int syllables = 3 + static_cast<int>(random.uniform() * 4);
        for (int s = 0; s < syllables; ++s) {
            const auto frames = static_cast<std::int64_t>(random.between(0.12, 0.26) * kSampleRate);
            addSyllable(samples, frame, frames, random.between(110.0, 190.0),
                random.between(-30.0, 30.0), amplitude * random.between(0.5, 1.0));
            frame += frames;
        }
        if (p + 1 < phrases)
            frame += static_cast<std::int64_t>(random.between(0.45, 0.9) * kSampleRate);
    }
    // Until the last tail is below 1e-8: 0.04 s of attack plus ln(amplitude / 1e-8) time constants.
    return frame
        + static_cast<std::int64_t>((0.04 + 0.025 * std::log(amplitude / 1e-8)) * kSampleRate);
}

// `value` with every digit a double has, or "unset": reports that differ in the last bit must not
// print as equal.
template <typename T> std::string exact(const T& value)
{
    std::ostringstream out;
    out << std::setprecision(17) << value;
    return out.str();
}
template <typename T> std::string exact(const std::optional<T>& value)
{
    return value ? exact(*value) : std::string("unset");
}

// Every field of TakeReport but analysisMs (wall time), compared exactly, optional fields
// including whether they are set. A field added to TakeReport must be added here too.
void expectSameReport(const analysis::TakeReport& live, const analysis::TakeReport& offline)
{
#define RAPPORT_EXPECT_SAME_FIELD(field)                                                           \
    EXPECT_EQ(live.field, offline.field) << "TakeReport::" #field ": live " << exact(live.field)   \
                                         << ", offline " << exact(offline.field)
    RAPPORT_EXPECT_SAME_FIELD(durationS);
    RAPPORT_EXPECT_SAME_FIELD(speechStartS);
    RAPPORT_EXPECT_SAME_FIELD(speechEndS);
    RAPPORT_EXPECT_SAME_FIELD(speakingTimeS);
    RAPPORT_EXPECT_SAME_FIELD(phonationTimeS);
    RAPPORT_EXPECT_SAME_FIELD(pauses.size());
    for (std::size_t i = 0; i < std::min(live.pauses.size(), offline.pauses.size()); ++i) {
        RAPPORT_EXPECT_SAME_FIELD(pauses[i].startS) << " pause " << i;
        RAPPORT_EXPECT_SAME_FIELD(pauses[i].endS) << " pause " << i;
    }
    RAPPORT_EXPECT_SAME_FIELD(pauseCount);
    RAPPORT_EXPECT_SAME_FIELD(longestPauseS);
    RAPPORT_EXPECT_SAME_FIELD(syllableCount);
    RAPPORT_EXPECT_SAME_FIELD(articulationRateSps);
    RAPPORT_EXPECT_SAME_FIELD(wordsPerMinute);
    RAPPORT_EXPECT_SAME_FIELD(pitchMedianHz);
    RAPPORT_EXPECT_SAME_FIELD(pitchSdSemitones);
    RAPPORT_EXPECT_SAME_FIELD(monotone);
    RAPPORT_EXPECT_SAME_FIELD(loudnessLufs);
    RAPPORT_EXPECT_SAME_FIELD(peakDbfs);
    RAPPORT_EXPECT_SAME_FIELD(clippedRatio);
    RAPPORT_EXPECT_SAME_FIELD(signalToNoiseDb);
    EXPECT_TRUE(live.caveats == offline.caveats) << "TakeReport::caveats differ";
#undef RAPPORT_EXPECT_SAME_FIELD
}

// Records `samples` through a TakeRecorder, then analyses the saved WAV as the app does for a file,
// and expects the two reports to be the same, field for field.
void expectLiveReportIsTheSavedFilesReport(std::vector<float> samples)
{
    QTemporaryDir dir;
    const auto frames = static_cast<std::int64_t>(samples.size());
    MemoryAudioSource source(std::move(samples));
    TakeRecorder recorder;
    ASSERT_TRUE(recorder.start(source, dir.filePath(QStringLiteral("take.wav"))).ok());
    const Status status = waitForTake(recorder);
    ASSERT_TRUE(status.ok()) << status.error().toString().toStdString();
    ASSERT_EQ(recorder.framesRecorded(), frames);

    const Result<analysis::TakeReport> offline = analysis::analyseFile(recorder.wavPath());
    ASSERT_TRUE(offline) << offline.error().toString().toStdString();
    const analysis::TakeReport& live = recorder.report();
    // The signal must exercise the analysers, or equal reports would prove little.
    ASSERT_TRUE(live.speechStartS && offline->speechStartS);
    ASSERT_FALSE(live.pauses.empty());
    ASSERT_TRUE(live.pitchMedianHz && live.syllableCount && live.loudnessLufs);
    expectSameReport(live, *offline);
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

TEST(TakeRecorderTest, ReportIsTheSavedFilesReportWithDigitalZerosAroundTheSpeech)
{
    // 1 s of zeros, speech-like phrases, 1.5 s of zeros, as a microphone that starts and ends
    // muted delivers them; the phrases' tails fade to far below one 16-bit step.
    Lcg random(20240611);
    std::vector<float> samples(static_cast<std::size_t>(20 * kSampleRate), 0.0f);
    const std::int64_t speechEnd = addPhrases(samples, kSampleRate, 4, 0.4, random);
    samples.resize(static_cast<std::size_t>(speechEnd + 3 * kSampleRate / 2), 0.0f);
    expectLiveReportIsTheSavedFilesReport(std::move(samples));
}

TEST(TakeRecorderTest, ReportIsTheSavedFilesReportWithLowNoiseAndSpeechBursts)
{
    // Noise within ±1.3 steps of 16-bit PCM all through, and soft speech-like bursts in it.
    Lcg random(7);
    std::vector<float> samples(static_cast<std::size_t>(20 * kSampleRate));
    for (float& sample : samples)
        sample = static_cast<float>(random.between(-4e-5, 4e-5));
    const std::int64_t speechEnd = addPhrases(samples, kSampleRate / 2, 5, 0.05, random);
    samples.resize(static_cast<std::size_t>(speechEnd + kSampleRate));
    expectLiveReportIsTheSavedFilesReport(std::move(samples));
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
