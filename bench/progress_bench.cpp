// Progress at scale: ten years of heavy use — 100 000 takes with reports and ratings, 500 000
// card draws, 50 000 cards answered out loud, 20 000 logged conversations. Issue 6 targets: the
// 12-week dashboard query
// <= 20 ms, the all-time aggregation (~520 weeks) <= 200 ms. Also measured: refreshing and
// painting the Progress page, the database size, and exporting everything to CSV.
//
// Seeding takes a while, so the seeded data folder is kept in /tmp under a versioned name and
// reused by later runs; change kSeedVersion whenever the seeded data or the schema changes.
#include "app/gui/progress/progresspage.h"
#include "core/common/clock.h"
#include "core/data/exporter.h"
#include "core/progress/weeklystats.h"
#include "core/rehearsal/pitch.h"
#include "core/storage/sql.h"
#include "core/storage/store.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <benchmark/benchmark.h>
#include <cstdio>
#include <cstdlib>
#include <random>

namespace {

using namespace rapport;

constexpr const char* kSeedVersion = "progress-bench-v2-answers";
constexpr int kTakes = 100'000;
constexpr int kDraws = 500'000;
constexpr int kConversations = 20'000;
constexpr int kAnswers = 50'000; // cards answered out loud: about 14 a day
constexpr int kPitches = 12;
constexpr int kYears = 10;

// "Now" for every benchmark: Monday 23 November 2026, 09:00 UTC.
const QDateTime kNow(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC);

class BenchClock final : public Clock
{
public:
    QDateTime nowUtc() const override { return kNow; }
};

QTimeZone benchZone()
{
    return QTimeZone("Europe/Berlin");
}

[[noreturn]] void fail(const QString& what)
{
    std::fprintf(stderr, "progress_bench: %s\n", qPrintable(what));
    std::exit(1);
}

QString iso(const QDateTime& t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

// Runs a prepared statement once per row inside one transaction.
class Inserter
{
public:
    Inserter(const QSqlDatabase& db, const QString& sql)
        : m_query(db)
    {
        if (!m_query.prepare(sql))
            fail(m_query.lastError().text());
    }
    void row(const QVariantList& values)
    {
        for (qsizetype i = 0; i < values.size(); ++i)
            m_query.bindValue(static_cast<int>(i), values[i]);
        if (!m_query.exec())
            fail(m_query.lastError().text());
    }

private:
    QSqlQuery m_query;
};

void exec(const QSqlDatabase& db, const QString& sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        fail(query.lastError().text() + QStringLiteral(": ") + sql);
}

void seed(const storage::Database& database)
{
    const QSqlDatabase db = database.connection();
    std::mt19937 random(42);
    const qint64 span = QDateTime(kNow.date().addYears(-kYears), QTime(0, 0), Qt::UTC).secsTo(kNow);
    const QDateTime start = kNow.addSecs(-span);
    auto when = [&](int i, int count) {
        // Evenly spread with a little jitter, in time order.
        std::uniform_int_distribution<qint64> jitter(0, span / count);
        return start.addSecs(span * i / count + jitter(random) / 2);
    };
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::uniform_int_distribution<int> stars(1, 5);
    std::uniform_int_distribution<int> pitchPick(1, kPitches);

    exec(db, QStringLiteral("BEGIN"));
    Inserter pitches(db,
        QStringLiteral("INSERT INTO pitches (id, title, occasion, body, target_ms, green_ms, "
                       "yellow_ms, red_ms, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)"));
    for (int p = 1; p <= kPitches; ++p) {
        const qint64 target = rehearsal::kTargetPresetsMs[p % 4];
        const rehearsal::LightTimes lights = rehearsal::defaultLightsFor(target);
        pitches.row({ p, QStringLiteral("Pitch %1").arg(p), QStringLiteral("networking"),
            QStringLiteral("We help small schools share teachers. ").repeated(8), target,
            lights.greenMs, lights.yellowMs, lights.redMs, iso(start), iso(start) });
    }

    Inserter takes(db,
        QStringLiteral(
            "INSERT INTO takes (pitch_id, started_at, green_ms, yellow_ms, red_ms, audio_path, "
            "duration_s, speech_start_s, speech_end_s, speaking_time_s, phonation_time_s, pauses, "
            "pause_count, longest_pause_s, syllable_count, articulation_rate_sps, "
            "words_per_minute, pitch_median_hz, pitch_sd_semitones, monotone, loudness_lufs, "
            "peak_dbfs, clipped_ratio, analysis_ms, rating_overall, rating_connection, "
            "rating_listener, rating_no_assumptions, rating_language, rating_not_minimising, "
            "rating_passion, rating_genuine, note, rated_at, felt_timing, felt_pace) VALUES "
            "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    const QStringList feltTiming { QStringLiteral("short"), QStringLiteral("on-time"),
        QStringLiteral("long") };
    const QStringList feltPace { QStringLiteral("slow"), QStringLiteral("comfortable"),
        QStringLiteral("fast") };
    for (int i = 0; i < kTakes; ++i) {
        const int pitch = pitchPick(random);
        const qint64 target = rehearsal::kTargetPresetsMs[pitch % 4];
        const rehearsal::LightTimes lights = rehearsal::defaultLightsFor(target);
        const QDateTime at = when(i, kTakes);
        const double speaking = target / 1000.0 * (0.75 + 0.4 * unit(random));
        const double wpm = 95.0 + 90.0 * unit(random);
        const int pauses = 2 + static_cast<int>(speaking / 12.0);
        QString pauseJson = QStringLiteral("[");
        for (int p = 0; p < pauses; ++p) {
            pauseJson += (p ? QStringLiteral(",") : QString())
                + QStringLiteral("{\"start_s\":%1,\"end_s\":%2}")
                      .arg(1.0 + p * 11.0, 0, 'f', 2)
                      .arg(1.45 + p * 11.0, 0, 'f', 2);
        }
        pauseJson += QStringLiteral("]");
        const bool rated = unit(random) < 0.85;
        QVariantList row { pitch, iso(at), lights.greenMs, lights.yellowMs, lights.redMs,
            QStringLiteral("/home/user/.local/share/rapport/recordings/take-%1.wav").arg(i),
            speaking + 1.6, 0.8, 0.8 + speaking, speaking, speaking * 0.8, pauseJson, pauses,
            0.45 + unit(random), static_cast<int>(speaking * wpm / 60.0 * 1.45), 4.0 + unit(random),
            wpm, 110.0 + 80.0 * unit(random), 1.5 + 3.0 * unit(random), unit(random) < 0.2 ? 1 : 0,
            -23.0 + 6.0 * unit(random), -3.0 * unit(random), 0.0, 40.0 + 20.0 * unit(random) };
        if (rated) {
            for (int r = 0; r < 8; ++r)
                row << stars(random);
            row << QStringLiteral("Felt better than yesterday.") << iso(at.addSecs(120))
                << feltTiming[i % 3] << feltPace[(i / 3) % 3];
        } else {
            for (int r = 0; r < 8; ++r)
                row << QVariant(QMetaType(QMetaType::Int));
            row << QStringLiteral("") << QVariant(QMetaType(QMetaType::QString))
                << QVariant(QMetaType(QMetaType::QString))
                << QVariant(QMetaType(QMetaType::QString));
        }
        takes.row(row);
    }

    Inserter draws(db,
        QStringLiteral("INSERT INTO draws (deck_id, question_id, zone, text, drawn_at) "
                       "VALUES (?,?,?,?,?)"));
    const QStringList zones { QStringLiteral("small-talk"), QStringLiteral("fun"),
        QStringLiteral("deep"), QStringLiteral("interview") };
    for (int i = 0; i < kDraws; ++i) {
        const QString zone = zones[i % 4];
        draws.row({ QString(QStringLiteral("builtin-") + zone), QStringLiteral("q%1").arg(i % 120),
            zone, QStringLiteral("What was the best part of your week so far?"),
            iso(when(i, kDraws)) });
    }

    Inserter answers(db,
        QStringLiteral("INSERT INTO answers (deck_id, question_id, zone, card_text, started_at, "
                       "green_ms, yellow_ms, red_ms, duration_s, speech_start_s, speaking_time_s, "
                       "filler_count, rating_overall) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    for (int i = 0; i < kAnswers; ++i) {
        const QString zone = zones[i % 4];
        const double speakingS = 40.0 + 60.0 * unit(random);
        answers.row({ QString(QStringLiteral("builtin-") + zone),
            QStringLiteral("q%1").arg(i % 120), zone,
            QStringLiteral("What was the best part of your week so far?"), iso(when(i, kAnswers)),
            60'000, 90'000, 120'000, speakingS + 6.0, 0.5 + 5.0 * unit(random), speakingS,
            static_cast<int>(unit(random) * 8.0), stars(random) });
    }

    Inserter conversations(db,
        QStringLiteral("INSERT INTO conversations (id, happened_on, with_whom, rating, note, "
                       "created_at) VALUES (?,?,?,?,?,?)"));
    Inserter questions(db,
        QStringLiteral("INSERT INTO conversation_questions (conversation_id, position, deck_id, "
                       "question_id, text) VALUES (?,?,?,?,?)"));
    for (int i = 1; i <= kConversations; ++i) {
        const QDateTime at = when(i - 1, kConversations);
        conversations.row({ i, at.date().toString(Qt::ISODate), QStringLiteral("a colleague"),
            stars(random), QStringLiteral("Talked about their new project."), iso(at) });
        questions.row({ i, 0, QStringLiteral("builtin-fun"), QStringLiteral("q%1").arg(i % 120),
            QStringLiteral("What are you looking forward to?") });
    }
    exec(db, QStringLiteral("COMMIT"));
    exec(db, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    exec(db, QStringLiteral("ANALYZE"));
}

// The seeded data folder, made on first use.
storage::Store& seededStore()
{
    static std::unique_ptr<storage::Store> store = [] {
        const QString root
            = QDir::temp().filePath(QStringLiteral("rapport-") + QString::fromLatin1(kSeedVersion));
        const QString marker = QDir(root).filePath(QStringLiteral("seeded"));
        if (!QFile::exists(marker)) {
            QDir(root).removeRecursively();
            std::fprintf(stderr, "progress_bench: seeding %s (once)...\n", qPrintable(root));
        }
        Result<storage::Store> opened = storage::openStore(root);
        if (!opened)
            fail(opened.error().toString());
        auto result = std::make_unique<storage::Store>(std::move(*opened));
        if (!QFile::exists(marker)) {
            seed(*result->database);
            QFile done(marker);
            if (!done.open(QIODevice::WriteOnly))
                fail(QStringLiteral("cannot write ") + marker);
        }
        return result;
    }();
    return *store;
}

progress::IsoWeek currentWeek()
{
    return progress::IsoWeek::containing(kNow.toTimeZone(benchZone()).date());
}

void BM_DashboardQuery12Weeks(benchmark::State& state)
{
    const progress::WeeklyStatsQuery query(*seededStore().database, benchZone());
    const progress::IsoWeek last = currentWeek();
    const progress::IsoWeek first = progress::IsoWeek::containing(last.monday().addDays(-7 * 11));
    for (auto _ : state) {
        auto weeks = query.weeks(first, last, {});
        if (!weeks || weeks->size() != 12)
            state.SkipWithError("query failed");
        benchmark::DoNotOptimize(weeks);
    }
}
BENCHMARK(BM_DashboardQuery12Weeks)->Unit(benchmark::kMillisecond);

void BM_AllTimeAggregation(benchmark::State& state)
{
    const progress::WeeklyStatsQuery query(*seededStore().database, benchZone());
    auto first = query.firstActiveWeek();
    if (!first || !first->has_value()) {
        state.SkipWithError("no history");
        return;
    }
    qsizetype weeks = 0;
    for (auto _ : state) {
        // What "All weeks" costs: find the first active week, then add up every week since.
        auto firstNow = query.firstActiveWeek();
        auto all = query.weeks(firstNow ? firstNow->value_or(**first) : **first, currentWeek(), {});
        if (!all)
            state.SkipWithError("query failed");
        else
            weeks = all->size();
        benchmark::DoNotOptimize(all);
    }
    state.counters["weeks"] = static_cast<double>(weeks);
}
BENCHMARK(BM_AllTimeAggregation)->Unit(benchmark::kMillisecond);

// The same with the week cache emptied before every run: the first "All weeks" after a change
// to every week (or on a fresh database), i.e. adding up ten years from the tables.
void BM_AllTimeAggregationUncached(benchmark::State& state)
{
    const storage::Database& db = *seededStore().database;
    const progress::WeeklyStatsQuery query(db, benchZone());
    auto first = query.firstActiveWeek();
    if (!first || !first->has_value()) {
        state.SkipWithError("no history");
        return;
    }
    for (auto _ : state) {
        // Emptying the cache (a write and its commit) is not part of the figure: the time is
        // taken around the query alone.
        storage::Sql clear(db.connection(), QStringLiteral("DELETE FROM week_cache"));
        if (!clear.exec({}, {}))
            state.SkipWithError("could not clear the cache");
        QElapsedTimer timer;
        timer.start();
        auto all = query.weeks(**first, currentWeek(), {});
        state.SetIterationTime(static_cast<double>(timer.nsecsElapsed()) / 1e9);
        if (!all)
            state.SkipWithError("query failed");
        benchmark::DoNotOptimize(all);
    }
}
BENCHMARK(BM_AllTimeAggregationUncached)
    ->Unit(benchmark::kMillisecond)
    ->UseManualTime()
    ->Iterations(5);

// What the streak needs over all ~520 weeks: takes and conversations per week only.
void BM_AllTimeGoalWeeks(benchmark::State& state)
{
    const progress::WeeklyStatsQuery query(*seededStore().database, benchZone());
    auto first = query.firstActiveWeek();
    if (!first || !first->has_value()) {
        state.SkipWithError("no history");
        return;
    }
    for (auto _ : state) {
        auto all = query.goalWeeks(**first, currentWeek(), {});
        if (!all)
            state.SkipWithError("query failed");
        benchmark::DoNotOptimize(all);
    }
}
BENCHMARK(BM_AllTimeGoalWeeks)->Unit(benchmark::kMillisecond);

// Refresh (queries included) and paint the page offscreen, as when Progress is opened.
void BM_DashboardRender(benchmark::State& state)
{
    static BenchClock clock;
    gui::ProgressPage page(seededStore(), &clock, benchZone());
    page.resize(990, 760);
    page.setRange(static_cast<gui::ProgressPage::Range>(state.range(0)));
    for (auto _ : state) {
        page.refresh();
        QPixmap pixmap = page.grab();
        benchmark::DoNotOptimize(pixmap);
    }
    state.counters["weeks"] = static_cast<double>(page.shownWeeks().size());
}
BENCHMARK(BM_DashboardRender)
    ->ArgName("range")
    ->Arg(static_cast<int>(gui::ProgressPage::Range::Weeks12))
    ->Arg(static_cast<int>(gui::ProgressPage::Range::Weeks52))
    ->Arg(static_cast<int>(gui::ProgressPage::Range::All))
    ->Unit(benchmark::kMillisecond);

// First construction and paint of the page (what opening the section costs the first time).
void BM_DashboardFirstShow(benchmark::State& state)
{
    static BenchClock clock;
    for (auto _ : state) {
        gui::ProgressPage page(seededStore(), &clock, benchZone());
        page.resize(990, 760);
        page.refresh();
        QPixmap pixmap = page.grab();
        benchmark::DoNotOptimize(pixmap);
    }
}
BENCHMARK(BM_DashboardFirstShow)->Unit(benchmark::kMillisecond);

void BM_DatabaseSize(benchmark::State& state)
{
    const QString file = seededStore().paths.database();
    qint64 bytes = 0;
    for (auto _ : state) {
        bytes = QFileInfo(file).size();
        benchmark::DoNotOptimize(bytes);
    }
    state.counters["db_MiB"] = static_cast<double>(bytes) / (1024.0 * 1024.0);
    state.counters["takes"] = kTakes;
    state.counters["draws"] = kDraws;
    state.counters["conversations"] = kConversations;
    state.counters["answers"] = kAnswers;
}
BENCHMARK(BM_DatabaseSize)->Iterations(1);

void BM_ExportAllCsv(benchmark::State& state)
{
    QTemporaryDir dir;
    qint64 bytes = 0;
    for (auto _ : state) {
        auto summary = data::exportData(
            *seededStore().database, dir.filePath(QStringLiteral("out")), data::ExportFormat::Csv);
        if (!summary || summary->takes != kTakes) {
            state.SkipWithError("export failed");
            break;
        }
        bytes = 0;
        for (const QString& f : summary->files)
            bytes += QFileInfo(f).size();
    }
    state.counters["csv_MiB"] = static_cast<double>(bytes) / (1024.0 * 1024.0);
}
BENCHMARK(BM_ExportAllCsv)->Unit(benchmark::kMillisecond)->Iterations(3);

} // namespace

// Google Benchmark entry point with a QApplication (the page benchmarks paint widgets);
// without a display it runs on Qt's offscreen platform.
int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
