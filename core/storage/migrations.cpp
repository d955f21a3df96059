#include "core/storage/migrations.h"

#include "core/storage/sqlerror.h"

#include <QSqlQuery>
#include <QVariant>

namespace rapport::storage {

namespace {

// Append-only. Never edit or reorder a migration that has shipped.
const std::vector<Migration> kMigrations = {
    { 1, "application metadata",
        {
            "CREATE TABLE app_meta ("
            "  key TEXT PRIMARY KEY NOT NULL,"
            "  value TEXT NOT NULL)",
            "INSERT INTO app_meta (key, value) "
            "VALUES ('created_at', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
        } },
    { 2, "question decks, card state, draw history and logged conversations",
        {
            // User decks only; built-in decks ship in the program and are never copied here.
            "CREATE TABLE decks ("
            "  id TEXT PRIMARY KEY NOT NULL,"
            "  title TEXT NOT NULL,"
            "  description TEXT NOT NULL DEFAULT '',"
            "  language TEXT NOT NULL DEFAULT 'en',"
            "  author TEXT NOT NULL DEFAULT '',"
            "  license TEXT NOT NULL DEFAULT '',"
            "  version INTEGER NOT NULL DEFAULT 1,"
            "  hints TEXT NOT NULL DEFAULT '[]',"
            "  created_at TEXT NOT NULL,"
            "  updated_at TEXT NOT NULL)",
            "CREATE TABLE questions ("
            "  deck_id TEXT NOT NULL REFERENCES decks(id) ON DELETE CASCADE,"
            "  id TEXT NOT NULL,"
            "  position INTEGER NOT NULL,"
            "  zone TEXT NOT NULL CHECK (zone IN ('small-talk', 'fun', 'deep', 'interview')),"
            "  text TEXT NOT NULL CHECK (length(trim(text)) > 0),"
            "  tags TEXT NOT NULL DEFAULT '',"
            "  follow_up TEXT NOT NULL DEFAULT '',"
            "  hint TEXT NOT NULL DEFAULT '',"
            "  PRIMARY KEY (deck_id, id))",
            // Per-card memory for built-in and user cards alike, keyed by the stable ids.
            "CREATE TABLE card_state ("
            "  deck_id TEXT NOT NULL,"
            "  question_id TEXT NOT NULL,"
            "  favourite INTEGER NOT NULL DEFAULT 0,"
            "  hidden INTEGER NOT NULL DEFAULT 0,"
            "  times_drawn INTEGER NOT NULL DEFAULT 0,"
            "  last_draw_seq INTEGER NOT NULL DEFAULT 0,"
            "  PRIMARY KEY (deck_id, question_id))",
            "CREATE TABLE deck_settings ("
            "  deck_id TEXT PRIMARY KEY NOT NULL,"
            "  enabled INTEGER NOT NULL DEFAULT 1)",
            // History keeps the text it showed, so it stays readable after a deck changes.
            "CREATE TABLE draws ("
            "  seq INTEGER PRIMARY KEY AUTOINCREMENT,"
            "  deck_id TEXT NOT NULL,"
            "  question_id TEXT NOT NULL,"
            "  zone TEXT NOT NULL,"
            "  text TEXT NOT NULL,"
            "  drawn_at TEXT NOT NULL)",
            "CREATE INDEX draws_by_time ON draws (drawn_at)",
            "CREATE TABLE conversations ("
            "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
            "  happened_on TEXT NOT NULL,"
            "  with_whom TEXT NOT NULL DEFAULT '',"
            "  rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),"
            "  note TEXT NOT NULL DEFAULT '',"
            "  created_at TEXT NOT NULL)",
            "CREATE TABLE conversation_questions ("
            "  conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,"
            "  position INTEGER NOT NULL,"
            "  deck_id TEXT NOT NULL,"
            "  question_id TEXT NOT NULL,"
            "  text TEXT NOT NULL,"
            "  PRIMARY KEY (conversation_id, position))",
            "CREATE INDEX conversations_by_day ON conversations (happened_on)",
        } },
    { 3, "pitch scripts and rehearsal takes",
        {
            "CREATE TABLE pitches ("
            "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
            "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
            "  occasion TEXT NOT NULL DEFAULT '',"
            "  body TEXT NOT NULL DEFAULT '',"
            "  target_ms INTEGER NOT NULL CHECK (target_ms > 0),"
            "  green_ms INTEGER NOT NULL,"
            "  yellow_ms INTEGER NOT NULL,"
            "  red_ms INTEGER NOT NULL,"
            "  created_at TEXT NOT NULL,"
            "  updated_at TEXT NOT NULL,"
            "  CHECK (0 < green_ms AND green_ms < yellow_ms AND yellow_ms < red_ms))",
            // A take keeps the window it was timed against: editing the pitch later does not
            // rewrite history. Report columns are NULL where the analysis found no value.
            "CREATE TABLE takes ("
            "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
            "  pitch_id INTEGER NOT NULL REFERENCES pitches(id) ON DELETE CASCADE,"
            "  started_at TEXT NOT NULL,"
            "  green_ms INTEGER NOT NULL,"
            "  yellow_ms INTEGER NOT NULL,"
            "  red_ms INTEGER NOT NULL,"
            "  audio_path TEXT NOT NULL DEFAULT '',"
            "  starred INTEGER NOT NULL DEFAULT 0,"
            "  duration_s REAL,"
            "  speech_start_s REAL,"
            "  speech_end_s REAL,"
            "  speaking_time_s REAL,"
            "  phonation_time_s REAL,"
            "  pauses TEXT NOT NULL DEFAULT '[]',"
            "  pause_count INTEGER,"
            "  longest_pause_s REAL,"
            "  syllable_count INTEGER,"
            "  articulation_rate_sps REAL,"
            "  words_per_minute REAL,"
            "  pitch_median_hz REAL,"
            "  pitch_sd_semitones REAL,"
            "  monotone INTEGER,"
            "  loudness_lufs REAL,"
            "  peak_dbfs REAL,"
            "  clipped_ratio REAL,"
            "  analysis_ms REAL,"
            "  rating_overall INTEGER CHECK (rating_overall BETWEEN 1 AND 5),"
            "  rating_connection INTEGER CHECK (rating_connection BETWEEN 1 AND 5),"
            "  rating_listener INTEGER CHECK (rating_listener BETWEEN 1 AND 5),"
            "  rating_no_assumptions INTEGER CHECK (rating_no_assumptions BETWEEN 1 AND 5),"
            "  rating_language INTEGER CHECK (rating_language BETWEEN 1 AND 5),"
            "  rating_not_minimising INTEGER CHECK (rating_not_minimising BETWEEN 1 AND 5),"
            "  rating_passion INTEGER CHECK (rating_passion BETWEEN 1 AND 5),"
            "  rating_genuine INTEGER CHECK (rating_genuine BETWEEN 1 AND 5),"
            "  note TEXT NOT NULL DEFAULT '',"
            "  rated_at TEXT)",
            "CREATE INDEX takes_by_pitch ON takes (pitch_id, started_at)",
            "CREATE INDEX takes_by_time ON takes (started_at)",
        } },
    { 4, "how a take felt (timing, pace), for calibration against the measurements",
        {
            "ALTER TABLE takes ADD COLUMN felt_timing TEXT "
            "CHECK (felt_timing IN ('short', 'on-time', 'long'))",
            "ALTER TABLE takes ADD COLUMN felt_pace TEXT "
            "CHECK (felt_pace IN ('slow', 'comfortable', 'fast'))",
        } },
    { 5, "weekly card counts read from an index: draws by time with their zone",
        {
            // Covers the weekly progress query (500 000 draws: no table rows read) and anything
            // draws_by_time served, which it replaces.
            "CREATE INDEX draws_by_time_zone ON draws (drawn_at, zone)",
            "DROP INDEX draws_by_time",
        } },
    { 6, "a cache of the weekly totals of finished weeks, cleared by any change in the week",
        {
            // Weeks are local-time weeks, so the cache is per time zone. A finished week only
            // changes when something in it is added, edited or deleted; the triggers then drop
            // that week's rows (every zone's), and the next query adds it up again.
            "CREATE TABLE week_cache ("
            "  zone TEXT NOT NULL,"
            "  week TEXT NOT NULL,"
            "  start_utc TEXT NOT NULL,"
            "  end_utc TEXT NOT NULL,"
            "  first_day TEXT NOT NULL,"
            "  end_day TEXT NOT NULL,"
            "  stats TEXT NOT NULL,"
            "  PRIMARY KEY (zone, week))",
            "CREATE INDEX week_cache_by_time ON week_cache (start_utc)",
            "CREATE TRIGGER week_cache_take_added AFTER INSERT ON takes BEGIN "
            "DELETE FROM week_cache WHERE start_utc <= NEW.started_at AND NEW.started_at < "
            "end_utc; "
            "END",
            "CREATE TRIGGER week_cache_take_changed AFTER UPDATE ON takes BEGIN "
            "DELETE FROM week_cache WHERE (start_utc <= OLD.started_at AND OLD.started_at < "
            "end_utc) "
            "OR (start_utc <= NEW.started_at AND NEW.started_at < end_utc); END",
            "CREATE TRIGGER week_cache_take_removed AFTER DELETE ON takes BEGIN "
            "DELETE FROM week_cache WHERE start_utc <= OLD.started_at AND OLD.started_at < "
            "end_utc; "
            "END",
            "CREATE TRIGGER week_cache_draw_added AFTER INSERT ON draws BEGIN "
            "DELETE FROM week_cache WHERE start_utc <= NEW.drawn_at AND NEW.drawn_at < end_utc; "
            "END",
            "CREATE TRIGGER week_cache_draw_removed AFTER DELETE ON draws BEGIN "
            "DELETE FROM week_cache WHERE start_utc <= OLD.drawn_at AND OLD.drawn_at < end_utc; "
            "END",
            "CREATE TRIGGER week_cache_conversation_added AFTER INSERT ON conversations BEGIN "
            "DELETE FROM week_cache WHERE first_day <= NEW.happened_on AND NEW.happened_on < "
            "end_day; "
            "END",
            "CREATE TRIGGER week_cache_conversation_changed AFTER UPDATE ON conversations BEGIN "
            "DELETE FROM week_cache WHERE (first_day <= OLD.happened_on AND OLD.happened_on < "
            "end_day) "
            "OR (first_day <= NEW.happened_on AND NEW.happened_on < end_day); END",
            "CREATE TRIGGER week_cache_conversation_removed AFTER DELETE ON conversations BEGIN "
            "DELETE FROM week_cache WHERE first_day <= OLD.happened_on AND OLD.happened_on < "
            "end_day; "
            "END",
        } },
    { 7, "weekly take totals read from an index: takes by time with the columns they add up",
        {
            // The weekly totals (progress/weeklystats.cpp, readTakes) read exactly these
            // columns: ten years of takes then come from a 9 MB index instead of 58 MB of rows
            // (the pauses and notes make a row ~600 bytes). Serves whatever takes_by_time did.
            "CREATE INDEX takes_by_time_totals ON takes (started_at, duration_s, pitch_id, "
            "rating_overall, rating_connection, rating_listener, rating_no_assumptions, "
            "rating_language, rating_not_minimising, rating_passion, rating_genuine, "
            "speaking_time_s, green_ms, red_ms, words_per_minute, pause_count, felt_timing, "
            "felt_pace)",
            "DROP INDEX takes_by_time",
        } },
    { 8, "the background's level and the caveats of a take's report",
        {
            // NULL in takes stored before this schema (not measured then) and in takes imported
            // from exports without them. caveats: the keys of analysis::caveatKey() joined by
            // commas, '' for none. The weekly totals read neither, so takes_by_time_totals stays
            // as it is; the week_cache triggers fire on any change of a take row, whatever its
            // columns, so they need nothing either.
            "ALTER TABLE takes ADD COLUMN signal_to_noise_db REAL",
            "ALTER TABLE takes ADD COLUMN caveats TEXT",
        } },
    { 9, "the words of a take: its transcript, fillers, repeated phrases and script coverage",
        {
            // words: speech::wordReportToJson() as compact JSON text, NULL when the take's words
            // were not heard; the three figures beside it are read from it, kept as columns for
            // the weekly charts.
            "ALTER TABLE takes ADD COLUMN words TEXT",
            "ALTER TABLE takes ADD COLUMN filler_count INTEGER",
            "ALTER TABLE takes ADD COLUMN fillers_per_minute REAL",
            "ALTER TABLE takes ADD COLUMN script_coverage REAL",
        } },
    { 10, "fillers per minute and script coverage in the weekly totals",
        {
            // The weekly totals read two more columns; the index that serves them holds them too.
            // Weeks added up before are added up again, with them.
            "DROP INDEX takes_by_time_totals",
            "CREATE INDEX takes_by_time_totals ON takes (started_at, duration_s, pitch_id, "
            "rating_overall, rating_connection, rating_listener, rating_no_assumptions, "
            "rating_language, rating_not_minimising, rating_passion, rating_genuine, "
            "speaking_time_s, green_ms, red_ms, words_per_minute, pause_count, felt_timing, "
            "felt_pace, filler_count, script_coverage)",
            "DELETE FROM week_cache",
        } },
    { 11, "a question's level within its zone in the user's decks",
        {
            // NULL: no level (decks saved before this schema, and questions given none).
            "ALTER TABLE questions ADD COLUMN level INTEGER CHECK (level BETWEEN 1 AND 3)",
        } },
    { 12, "answers to cards given out loud: the card, its draw, the recording and its report",
        {
            // The card is kept by id and by the text shown, so that the answer stays readable
            // after its deck changes or goes (as draws do). draw_seq: the draw it answered
            // (draws.seq), NULL when answered without one (rapport-cli answer --card).
            // The measurement columns are the takes' (rehearsal/takecolumns.h).
            "CREATE TABLE answers ("
            "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
            "  deck_id TEXT NOT NULL,"
            "  question_id TEXT NOT NULL,"
            "  zone TEXT NOT NULL,"
            "  card_text TEXT NOT NULL,"
            "  draw_seq INTEGER,"
            "  started_at TEXT NOT NULL,"
            "  green_ms INTEGER NOT NULL,"
            "  yellow_ms INTEGER NOT NULL,"
            "  red_ms INTEGER NOT NULL,"
            "  audio_path TEXT NOT NULL DEFAULT '',"
            "  duration_s REAL,"
            "  speech_start_s REAL,"
            "  speech_end_s REAL,"
            "  speaking_time_s REAL,"
            "  phonation_time_s REAL,"
            "  pauses TEXT NOT NULL DEFAULT '[]',"
            "  pause_count INTEGER,"
            "  longest_pause_s REAL,"
            "  syllable_count INTEGER,"
            "  articulation_rate_sps REAL,"
            "  words_per_minute REAL,"
            "  pitch_median_hz REAL,"
            "  pitch_sd_semitones REAL,"
            "  monotone INTEGER,"
            "  loudness_lufs REAL,"
            "  peak_dbfs REAL,"
            "  clipped_ratio REAL,"
            "  signal_to_noise_db REAL,"
            "  caveats TEXT,"
            "  analysis_ms REAL,"
            "  rating_overall INTEGER CHECK (rating_overall BETWEEN 1 AND 5),"
            "  rating_answered INTEGER CHECK (rating_answered BETWEEN 1 AND 5),"
            "  rating_one_point INTEGER CHECK (rating_one_point BETWEEN 1 AND 5),"
            "  rating_story INTEGER CHECK (rating_story BETWEEN 1 AND 5),"
            "  rating_ended INTEGER CHECK (rating_ended BETWEEN 1 AND 5),"
            "  rating_asked_back INTEGER CHECK (rating_asked_back BETWEEN 1 AND 5),"
            "  note TEXT NOT NULL DEFAULT '',"
            "  rated_at TEXT,"
            "  words TEXT,"
            "  filler_count INTEGER,"
            "  fillers_per_minute REAL,"
            "  script_coverage REAL)",
            "CREATE INDEX answers_by_card ON answers (deck_id, question_id, started_at)",
            "CREATE INDEX answers_by_time ON answers (started_at)",
        } },
    { 13, "answers in the weekly totals: how many, the time to the first word, fillers",
        {
            // The weekly totals read these columns of answers; the index holds them, so no table
            // row is read (as takes_by_time_totals does for takes). It replaces answers_by_time,
            // which it starts with.
            "DROP INDEX answers_by_time",
            "CREATE INDEX answers_by_time_totals ON answers (started_at, speech_start_s, "
            "speaking_time_s, filler_count, rating_overall)",
            // A change to an answer clears the weeks it was and is in, as for takes.
            "CREATE TRIGGER week_cache_answer_added AFTER INSERT ON answers BEGIN "
            "DELETE FROM week_cache WHERE start_utc <= NEW.started_at AND NEW.started_at < "
            "end_utc; END",
            "CREATE TRIGGER week_cache_answer_changed AFTER UPDATE ON answers BEGIN "
            "DELETE FROM week_cache WHERE (start_utc <= OLD.started_at AND OLD.started_at < "
            "end_utc) OR (start_utc <= NEW.started_at AND NEW.started_at < end_utc); END",
            "CREATE TRIGGER week_cache_answer_removed AFTER DELETE ON answers BEGIN "
            "DELETE FROM week_cache WHERE start_utc <= OLD.started_at AND OLD.started_at < "
            "end_utc; END",
            // Weeks added up before are added up again, with their answers.
            "DELETE FROM week_cache",
        } },
};

Status exec(QSqlDatabase& db, const QString& sql, int version)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return {};
    return sqlFailure(query.lastError(), db.databaseName(),
        QStringLiteral("Upgrading the database to schema %1 failed; it was left at the previous "
                       "version, unchanged.")
            .arg(version));
}

Status applyStep(QSqlDatabase& db, const Migration& step)
{
    // BEGIN IMMEDIATE takes the write lock up front, so a busy database fails before any change.
    if (Status s = exec(db, QStringLiteral("BEGIN IMMEDIATE"), step.version); !s)
        return s;
    for (const char* statement : step.statements) {
        if (Status s = exec(db, QString::fromUtf8(statement), step.version); !s) {
            QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
            return s;
        }
    }
    // user_version lives in the database header and is rolled back with the transaction.
    Status s = exec(db, QStringLiteral("PRAGMA user_version = %1").arg(step.version), step.version);
    if (s)
        s = exec(db, QStringLiteral("COMMIT"), step.version);
    if (!s)
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
    return s;
}

} // namespace

std::span<const Migration> schemaMigrations()
{
    return kMigrations;
}

int latestVersion(std::span<const Migration> migrations)
{
    return migrations.empty() ? 0 : migrations.back().version;
}

Result<int> schemaVersion(const QSqlDatabase& db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return sqlFailure(query.lastError(), db.databaseName(),
            QStringLiteral("Could not read the database's schema version."));
    return query.value(0).toInt();
}

Result<MigrationOutcome> migrate(QSqlDatabase& db, std::span<const Migration> migrations)
{
    Result<int> current = schemaVersion(db);
    if (!current)
        return current.error();
    MigrationOutcome outcome { *current, *current };
    const int latest = latestVersion(migrations);
    if (outcome.fromVersion > latest) {
        return Error { ErrorKind::NewerSchema,
            QStringLiteral("The database %1 was written by a newer version of Rapport (schema %2; "
                           "this version knows up to schema %3). It was not changed.")
                .arg(db.databaseName())
                .arg(outcome.fromVersion)
                .arg(latest),
            QStringLiteral("Install the newer Rapport again, or use another data folder with "
                           "--data-dir or RAPPORT_DATA_DIR."),
            {} };
    }
    for (const Migration& step : migrations) {
        if (step.version <= outcome.toVersion)
            continue;
        if (Status s = applyStep(db, step); !s)
            return s.error();
        outcome.toVersion = step.version;
    }
    return outcome;
}

} // namespace rapport::storage
