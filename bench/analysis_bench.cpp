// Take analysis cost (issue 11 targets): a 60 s take analysed at >= 1000x real time (<= 60 ms, in
// process; the pitch tracker runs on a second thread); the report ready within 50 ms of the last
// block (finish() alone); peak memory while analysing a 10-minute file under 50 MB (that file is
// at 22 050 Hz, so its time includes libsamplerate's conversion).
#include "core/analysis/analysispipeline.h"

#include <QFile>
#include <QTemporaryDir>
#include <benchmark/benchmark.h>
#include <cmath>
#include <numbers>
#include <random>
#include <sys/resource.h>

namespace {

using namespace rapport;

constexpr int kBlockFrames = 1024; ///< 64 ms, about what the microphone delivers

// A speech-like signal at `rate` Hz: a 120-180 Hz gliding buzz with three harmonics,
// amplitude-modulated at 4 Hz like syllables, 2.5 s phrases separated by 0.6 s pauses, over noise
// at -50 dBFS.
float speechLike(std::int64_t frame, int rate, std::mt19937& random)
{
    static std::normal_distribution<double> noise(0.0, std::pow(10.0, -50.0 / 20.0));
    const double t = static_cast<double>(frame) / rate;
    const double phrase = std::fmod(t, 3.1);
    double x = noise(random);
    if (phrase < 2.5) {
        const double envelope = 0.55 - 0.45 * std::cos(2.0 * std::numbers::pi * 4.0 * phrase);
        // F0 = 150 + 30 sin(2 pi 0.3 t) Hz; the phase is its integral.
        const double phase = 2.0 * std::numbers::pi * 150.0 * t
            - 30.0 / 0.3 * std::cos(2.0 * std::numbers::pi * 0.3 * t);
        for (int h = 1; h <= 4; ++h)
            x += envelope * 0.15 / h * std::sin(h * phase);
    }
    return static_cast<float>(x);
}

std::vector<audio::AudioBlock> makeTake(double seconds)
{
    std::mt19937 random(1);
    std::vector<audio::AudioBlock> blocks;
    const auto frames = static_cast<std::int64_t>(seconds * audio::kSampleRate);
    for (std::int64_t start = 0; start < frames; start += kBlockFrames) {
        audio::AudioBlock block;
        block.startFrame = start;
        for (std::int64_t f = start; f < std::min(frames, start + kBlockFrames); ++f)
            block.samples.push_back(speechLike(f, audio::kSampleRate, random));
        blocks.push_back(std::move(block));
    }
    return blocks;
}

void BM_AnalyseTake60s(benchmark::State& state)
{
    const std::vector<audio::AudioBlock> take = makeTake(60.0);
    analysis::AnalysisPipeline pipeline;
    for (auto _ : state) {
        pipeline.reset();
        for (const audio::AudioBlock& block : take)
            pipeline.process(block);
        analysis::TakeReport report = pipeline.finish();
        benchmark::DoNotOptimize(report);
    }
    state.counters["realtime_x"] = benchmark::Counter(
        60.0 * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_AnalyseTake60s)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_ReportAfterLastBlock60s(benchmark::State& state)
{
    const std::vector<audio::AudioBlock> take = makeTake(60.0);
    analysis::AnalysisPipeline pipeline;
    for (auto _ : state) {
        state.PauseTiming();
        pipeline.reset();
        for (const audio::AudioBlock& block : take)
            pipeline.process(block);
        state.ResumeTiming();
        analysis::TakeReport report = pipeline.finish();
        benchmark::DoNotOptimize(report);
    }
}
BENCHMARK(BM_ReportAfterLastBlock60s)->Unit(benchmark::kMillisecond)->UseRealTime();

double maxRssMb()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0; // ru_maxrss is in KiB on Linux
}

// Writes a 16-bit PCM WAV at `rate` Hz, mono, streaming (the file never sits in memory).
bool writeWav(const QString& path, double seconds, int rate)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    const auto frames = static_cast<std::uint32_t>(seconds * rate);
    const std::uint32_t dataBytes = frames * 2;
    const auto u32 = [&](std::uint32_t v) { file.write(reinterpret_cast<const char*>(&v), 4); };
    const auto u16 = [&](std::uint16_t v) { file.write(reinterpret_cast<const char*>(&v), 2); };
    file.write("RIFF", 4);
    u32(36 + dataBytes);
    file.write("WAVEfmt ", 8);
    u32(16);
    u16(1);
    u16(1);
    u32(static_cast<std::uint32_t>(rate));
    u32(static_cast<std::uint32_t>(rate) * 2);
    u16(2);
    u16(16);
    file.write("data", 4);
    u32(dataBytes);
    std::mt19937 random(2);
    std::vector<std::int16_t> chunk;
    for (std::uint32_t f = 0; f < frames;) {
        chunk.clear();
        for (; f < frames && chunk.size() < 65536; ++f)
            chunk.push_back(static_cast<std::int16_t>(
                std::lround(std::clamp(speechLike(f, rate, random), -1.0f, 1.0f) * 32767.0f)));
        file.write(reinterpret_cast<const char*>(chunk.data()),
            static_cast<qint64>(chunk.size() * sizeof(std::int16_t)));
    }
    return file.error() == QFile::NoError;
}

// A 10-minute take at 22 050 Hz (espeak-ng's rate, so the resampler runs too), from disk.
void BM_AnalyseFile10MinPeakMemory(benchmark::State& state)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("take.wav"));
    if (!writeWav(path, 600.0, 22050)) {
        state.SkipWithError("cannot write the test file");
        return;
    }
    const double before = maxRssMb();
    for (auto _ : state) {
        Result<analysis::TakeReport> report = analysis::analyseFile(path);
        if (!report)
            state.SkipWithError("analysis failed");
        benchmark::DoNotOptimize(report);
    }
    state.counters["max_rss_mb"] = maxRssMb();
    state.counters["rss_before_mb"] = before;
}
BENCHMARK(BM_AnalyseFile10MinPeakMemory)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->UseRealTime();

} // namespace
