#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "tests/support/sqlitefile.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace rapport::storage {
namespace {

TEST(MigrationsTest, VersionsStartAtOneAndHaveNoGaps)
{
    const std::span<const Migration> history = schemaMigrations();
    ASSERT_FALSE(history.empty());
    for (std::size_t i = 0; i < history.size(); ++i) {
        EXPECT_EQ(history[i].version, static_cast<int>(i) + 1);
        EXPECT_FALSE(QString::fromUtf8(history[i].description).trimmed().isEmpty());
        EXPECT_FALSE(history[i].statements.empty());
    }
    EXPECT_EQ(latestVersion(history), static_cast<int>(history.size()));
}

TEST(MigrationsTest, StatementsAreSingleStatements)
{
    // Qt's SQLite driver runs only the first statement of a string: a ';' would silently drop SQL.
    for (const Migration& step : schemaMigrations()) {
        for (const char* statement : step.statements) {
            const QString sql = QString::fromUtf8(statement).trimmed();
            if (sql.startsWith(QLatin1String("CREATE TRIGGER"))) {
                // A trigger is one statement; its body here is exactly one statement too.
                EXPECT_TRUE(sql.endsWith(QLatin1String("; END")))
                    << "schema " << step.version << ": " << statement;
                EXPECT_EQ(sql.count(QLatin1Char(';')), 1)
                    << "schema " << step.version << ": " << statement;
                continue;
            }
            EXPECT_FALSE(sql.contains(QLatin1Char(';')))
                << "schema " << step.version << ": " << statement;
        }
    }
}

// Opens (and migrates) `path` with the first `version` steps of Rapport's schema history.
std::unique_ptr<Database> openAt(const QString& path, int version)
{
    OpenOptions options;
    options.migrations = schemaMigrations().first(static_cast<std::size_t>(version));
    auto db = Database::open(path, options);
    EXPECT_TRUE(db.ok()) << db.error().toString().toStdString();
    return db ? std::move(*db) : nullptr;
}

// Makes `path` at schema `version` with pitch 1 and its take 1 (58.5 s long), the take's
// `column` set to the SQL `value`.
void addPitchAndTake(const QString& path, int version, const QString& column, const QString& value)
{
    auto db = openAt(path, version);
    ASSERT_TRUE(db);
    QSqlQuery query(db->connection());
    ASSERT_TRUE(query.exec(QStringLiteral(
        "INSERT INTO pitches (id, title, target_ms, green_ms, yellow_ms, red_ms, created_at, "
        "updated_at) VALUES (1, 'Intro', 60000, 50000, 55000, 60000, "
        "'2026-11-23T09:00:00.000Z', '2026-11-23T09:00:00.000Z')")));
    ASSERT_TRUE(query.exec(
        QStringLiteral("INSERT INTO takes (id, pitch_id, started_at, green_ms, yellow_ms, red_ms, "
                       "duration_s, %1) VALUES (1, 1, '2026-11-23T09:01:00.000Z', 50000, 55000, "
                       "60000, 58.5, %2)")
            .arg(column, value)));
}

// The rows left in the weekly cache after a cached week of take 1 and `update`: 0 when the
// change cleared it, as every change of a take must.
int weekCacheRowsAfter(QSqlQuery& query, const QString& update)
{
    EXPECT_TRUE(query.exec(QStringLiteral(
        "INSERT INTO week_cache VALUES ('UTC', '2026-W48', '2026-11-23T00:00:00.000Z', "
        "'2026-11-30T00:00:00.000Z', '2026-11-23', '2026-11-30', '{}')")));
    EXPECT_TRUE(query.exec(update)) << update.toStdString();
    EXPECT_TRUE(query.exec(QStringLiteral("SELECT COUNT(*) FROM week_cache")) && query.next());
    return query.value(0).toInt();
}

// How SQLite would read a year of takes' columns for the weekly totals (schema 7's, then
// `moreColumns`): the detail of EXPLAIN QUERY PLAN.
QString weeklyTotalsPlan(QSqlQuery& query, const QString& moreColumns)
{
    const bool explained
        = query.exec(QStringLiteral(
              "EXPLAIN QUERY PLAN SELECT started_at, duration_s, pitch_id, rating_overall, "
              "speaking_time_s, green_ms, red_ms, words_per_minute, pause_count, "
              "felt_timing, felt_pace%1 FROM takes WHERE started_at >= '2026' AND "
              "started_at < '2027'")
                         .arg(moreColumns))
        && query.next();
    EXPECT_TRUE(explained) << query.lastError().text().toStdString();
    return explained ? query.value(3).toString() : QString();
}

TEST(MigrationsTest, Schema8AddsTheBackgroundLevelAndCaveatsAndKeepsIndexAndTriggers)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("rapport.sqlite"));
    ASSERT_NO_FATAL_FAILURE(
        addPitchAndTake(path, 7, QStringLiteral("words_per_minute"), QStringLiteral("141.0")));
    auto db = openAt(path, 8);
    ASSERT_TRUE(db);
    EXPECT_EQ(db->openedAtVersion(), 7);
    QSqlQuery query(db->connection());

    // The take is kept; its new columns are NULL (nothing was measured then).
    ASSERT_TRUE(query.exec(QStringLiteral(
                    "SELECT duration_s, words_per_minute, signal_to_noise_db, caveats FROM takes"))
        && query.next());
    EXPECT_EQ(query.value(0).toDouble(), 58.5);
    EXPECT_EQ(query.value(1).toDouble(), 141.0);
    EXPECT_TRUE(query.value(2).isNull());
    EXPECT_TRUE(query.value(3).isNull());
    ASSERT_TRUE(query.exec(QStringLiteral(
        "UPDATE takes SET signal_to_noise_db = 9.5, caveats = 'noisy' WHERE id = 1")));

    // The weekly totals still read only the covering index of schema 7.
    const QString plan = weeklyTotalsPlan(query, QString());
    EXPECT_TRUE(plan.contains(QStringLiteral("COVERING INDEX takes_by_time_totals")))
        << plan.toStdString();

    // Changing the new columns of a take still clears the cached week it falls in.
    EXPECT_EQ(
        weekCacheRowsAfter(query, QStringLiteral("UPDATE takes SET caveats = 'noisy,clipped'")), 0);
}

TEST(MigrationsTest, Schema10PutsFillersAndScriptSaidInTheWeeklyIndexAndAddsWeeksUpAgain)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("rapport.sqlite"));
    ASSERT_NO_FATAL_FAILURE(
        addPitchAndTake(path, 9, QStringLiteral("filler_count"), QStringLiteral("3")));
    {
        auto at9 = openAt(path, 9);
        ASSERT_TRUE(at9);
        QSqlQuery query(at9->connection());
        // A week added up before fillers were counted.
        ASSERT_TRUE(query.exec(QStringLiteral(
            "INSERT INTO week_cache VALUES ('UTC', '2026-W48', '2026-11-23T00:00:00.000Z', "
            "'2026-11-30T00:00:00.000Z', '2026-11-23', '2026-11-30', '{}')")));
    }
    auto db = openAt(path, 10);
    ASSERT_TRUE(db);
    EXPECT_EQ(db->openedAtVersion(), 9);
    QSqlQuery query(db->connection());
    ASSERT_TRUE(query.exec(QStringLiteral("SELECT COUNT(*) FROM week_cache")) && query.next());
    EXPECT_EQ(query.value(0).toInt(), 0);
    ASSERT_TRUE(query.exec(QStringLiteral("SELECT filler_count FROM takes")) && query.next());
    EXPECT_EQ(query.value(0).toInt(), 3);
    const QString plan = weeklyTotalsPlan(query, QStringLiteral(", filler_count, script_coverage"));
    EXPECT_TRUE(plan.contains(QStringLiteral("COVERING INDEX takes_by_time_totals")))
        << plan.toStdString();
}

TEST(MigrationsTest, Schema13PutsAnswersInTheWeeklyTotals)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("rapport.sqlite"));
    {
        auto at12 = openAt(path, 12);
        ASSERT_TRUE(at12);
        QSqlQuery query(at12->connection());
        ASSERT_TRUE(query.exec(QStringLiteral(
            "INSERT INTO answers (id, deck_id, question_id, zone, card_text, started_at, "
            "green_ms, yellow_ms, red_ms, speech_start_s) VALUES (1, 'd', 'q', 'small-talk', "
            "'How was your weekend?', '2026-11-23T09:01:00.000Z', 60000, 90000, 120000, 2.5)")));
        // A week added up before answers were counted.
        ASSERT_TRUE(query.exec(QStringLiteral(
            "INSERT INTO week_cache VALUES ('UTC', '2026-W48', '2026-11-23T00:00:00.000Z', "
            "'2026-11-30T00:00:00.000Z', '2026-11-23', '2026-11-30', '{}')")));
    }
    auto db = openAt(path, 13);
    ASSERT_TRUE(db);
    EXPECT_EQ(db->openedAtVersion(), 12);
    QSqlQuery query(db->connection());
    // Added up again, with the answer.
    ASSERT_TRUE(query.exec(QStringLiteral("SELECT COUNT(*) FROM week_cache")) && query.next());
    EXPECT_EQ(query.value(0).toInt(), 0);
    ASSERT_TRUE(query.exec(QStringLiteral("SELECT speech_start_s FROM answers")) && query.next());
    EXPECT_EQ(query.value(0).toDouble(), 2.5);
    // The weekly totals read the index alone.
    ASSERT_TRUE(query.exec(QStringLiteral(
                    "EXPLAIN QUERY PLAN SELECT started_at, speech_start_s, speaking_time_s, "
                    "filler_count, rating_overall FROM answers WHERE started_at >= '2026' AND "
                    "started_at < '2027'"))
        && query.next());
    EXPECT_TRUE(
        query.value(3).toString().contains(QStringLiteral("COVERING INDEX answers_by_time_totals")))
        << query.value(3).toString().toStdString();
    // Adding, changing and deleting an answer each clear the cached week it falls in.
    EXPECT_EQ(weekCacheRowsAfter(query,
                  QStringLiteral("INSERT INTO answers (deck_id, question_id, zone, card_text, "
                                 "started_at, green_ms, yellow_ms, red_ms) VALUES ('d', 'q', "
                                 "'fun', 'Q?', '2026-11-24T09:01:00.000Z', 1, 2, 3)")),
        0);
    EXPECT_EQ(
        weekCacheRowsAfter(query, QStringLiteral("UPDATE answers SET rating_overall = 4")), 0);
    EXPECT_EQ(weekCacheRowsAfter(query, QStringLiteral("DELETE FROM answers WHERE id = 1")), 0);
    // An answer in another week leaves this one cached.
    EXPECT_EQ(weekCacheRowsAfter(query,
                  QStringLiteral("INSERT INTO answers (deck_id, question_id, zone, card_text, "
                                 "started_at, green_ms, yellow_ms, red_ms) VALUES ('d', 'q', "
                                 "'fun', 'Q?', '2026-12-24T09:01:00.000Z', 1, 2, 3)")),
        1);
}

TEST(MigrationsTest, Schema9AddsTheWordsOfATakeAndKeepsTheTakesThere)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("rapport.sqlite"));
    ASSERT_NO_FATAL_FAILURE(
        addPitchAndTake(path, 8, QStringLiteral("caveats"), QStringLiteral("'noisy'")));
    auto db = openAt(path, 9);
    ASSERT_TRUE(db);
    EXPECT_EQ(db->openedAtVersion(), 8);
    QSqlQuery query(db->connection());
    // The take is kept; it was not heard, so its words are NULL.
    ASSERT_TRUE(query.exec(QStringLiteral("SELECT duration_s, caveats, words, filler_count, "
                                          "fillers_per_minute, script_coverage FROM takes"))
        && query.next());
    EXPECT_EQ(query.value(0).toDouble(), 58.5);
    EXPECT_EQ(query.value(1).toString(), QStringLiteral("noisy"));
    for (int i = 2; i < 6; ++i)
        EXPECT_TRUE(query.value(i).isNull()) << i;
    // Storing words in a cached week clears it, as any change of a take does.
    EXPECT_EQ(weekCacheRowsAfter(query, QStringLiteral("UPDATE takes SET filler_count = 3")), 0);
}

TEST(MigrationsTest, EmptyHistoryHasVersionZero)
{
    EXPECT_EQ(latestVersion({}), 0);
}

} // namespace
} // namespace rapport::storage
