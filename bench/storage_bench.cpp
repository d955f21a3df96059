// Start-up cost of the storage layer: creating a data folder from nothing, and reopening one.
#include "core/storage/store.h"

#include <QTemporaryDir>
#include <benchmark/benchmark.h>

namespace {

void BM_CreateFreshStore(benchmark::State& state)
{
    for (auto _ : state) {
        state.PauseTiming();
        QTemporaryDir dir;
        state.ResumeTiming();
        auto store = rapport::storage::openStore(dir.filePath(QStringLiteral("data")));
        if (!store)
            state.SkipWithError("openStore failed");
        benchmark::DoNotOptimize(store);
    }
}
BENCHMARK(BM_CreateFreshStore)->Unit(benchmark::kMillisecond);

void BM_ReopenCurrentStore(benchmark::State& state)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("data"));
    {
        auto first = rapport::storage::openStore(path);
    }
    for (auto _ : state) {
        auto store = rapport::storage::openStore(path);
        if (!store)
            state.SkipWithError("openStore failed");
        benchmark::DoNotOptimize(store);
    }
}
BENCHMARK(BM_ReopenCurrentStore)->Unit(benchmark::kMillisecond);

} // namespace
