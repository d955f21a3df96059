// The words of a take (issue 14): how long after a 60 s take stops its words are ready when they
// are heard while it records (blocks fed at real-time pace, as a microphone delivers them), what
// loading the recogniser costs once per program run, and the memory it holds.
//
//   build/app/bench/words_bench --benchmark_counters_tabular=true
#include "core/speech/wordlistener.h"
#include "tests/support/realspeech.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <benchmark/benchmark.h>
#include <chrono>
#include <thread>

namespace {

using namespace rapport;

// Peak resident memory of this process so far, in MiB (VmHWM).
double peakMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0.0;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return 0.0;
}

// 60 s of real read speech: the LibriVox clips of pocketsphinx-testdata, one after another.
const test::Samples& minuteOfSpeech()
{
    static const test::Samples samples = [] {
        QTemporaryDir dir;
        test::SpeechCorpus corpus(dir.path());
        test::Samples all;
        const std::size_t wanted = 60 * audio::kSampleRate;
        while (all.size() < wanted) {
            for (const test::SpeechClip& clip : test::SpeechCorpus::librivoxClips()) {
                const std::optional<test::Samples> one = corpus.load(clip);
                if (!one)
                    qFatal("%s", qPrintable(corpus.error()));
                all.insert(all.end(), one->begin(), one->end());
            }
        }
        all.resize(wanted);
        return all;
    }();
    return samples;
}

void BM_RecogniserLoad(benchmark::State& state)
{
    for (auto _ : state) {
        Result<speech::SpeechModel> model = speech::findSpeechModel();
        if (!model)
            state.SkipWithError(qPrintable(model.error().toString()));
        Result<std::unique_ptr<speech::Recogniser>> made = speech::makeRecogniser(*model);
        if (!made)
            state.SkipWithError(qPrintable(made.error().toString()));
        benchmark::DoNotOptimize(made);
    }
    state.counters["peak_MiB"] = peakMiB();
}
BENCHMARK(BM_RecogniserLoad)->Unit(benchmark::kMillisecond)->Iterations(3);

// A 60 s take heard while it records: blocks of 100 ms at real-time pace from another thread;
// the time measured is from the take's end (its last block queued and finish()) to its words.
void BM_WordsReadyAfterA60sTake(benchmark::State& state)
{
    const test::Samples& samples = minuteOfSpeech();
    speech::WordListener listener;
    listener.warmUp(); // as the window does at the count-in; loading is measured above
    const double mibBefore = peakMiB();
    double lastWords = 0;
    for (auto _ : state) {
        QEventLoop loop;
        QElapsedTimer sinceStop;
        double readyMs = 0.0;
        QObject::connect(&listener, &speech::WordListener::finished, &loop,
            [&](quint64, const Result<speech::Transcript>& words) {
                readyMs = static_cast<double>(sinceStop.nsecsElapsed()) / 1e6;
                lastWords = words ? static_cast<double>(words->words.size()) : -1.0;
                loop.quit();
            });
        listener.start({});
        std::thread microphone([&] {
            const std::size_t block = audio::kSampleRate / 10;
            auto next = std::chrono::steady_clock::now();
            for (std::size_t at = 0; at < samples.size(); at += block) {
                next += std::chrono::milliseconds(100);
                std::this_thread::sleep_until(next);
                const auto end = std::min(samples.size(), at + block);
                listener.process({ static_cast<std::int64_t>(at),
                    std::vector<float>(samples.begin() + static_cast<std::ptrdiff_t>(at),
                        samples.begin() + static_cast<std::ptrdiff_t>(end)) });
            }
        });
        microphone.join();
        sinceStop.start();
        listener.finish();
        loop.exec();
        state.SetIterationTime(readyMs / 1000.0);
    }
    state.counters["words"] = lastWords;
    state.counters["peak_MiB"] = peakMiB();
    state.counters["MiB_before_take"] = mibBefore;
}
BENCHMARK(BM_WordsReadyAfterA60sTake)
    ->Unit(benchmark::kMillisecond)
    ->UseManualTime()
    ->Iterations(2);

} // namespace
