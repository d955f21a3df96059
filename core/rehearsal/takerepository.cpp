#include "core/rehearsal/takerepository.h"

#include "core/analysis/reportjson.h"
#include "core/rehearsal/takecolumns.h"
#include "core/storage/sql.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace rapport::rehearsal {

using analysis::TakeReport;

namespace {

// Rating columns, in the order add() binds and readTake() reads them.
const QString kRatingColumns = QStringLiteral(
    "rating_overall, rating_connection, rating_listener, rating_no_assumptions, rating_language, "
    "rating_not_minimising, rating_passion, rating_genuine, note, felt_timing, felt_pace, "
    "rated_at");

QVariant feltTiming(const rehearsal::SelfRating& g)
{
    return g.feltTiming ? QVariant(rehearsal::feltTimingKey(*g.feltTiming)) : QVariant();
}

QVariant feltPace(const rehearsal::SelfRating& g)
{
    return g.feltPace ? QVariant(rehearsal::feltPaceKey(*g.feltPace)) : QVariant();
}

Error takeNotFound(qint64 id)
{
    return { ErrorKind::NoSuchRecord, QStringLiteral("There is no take %1.").arg(id),
        QStringLiteral("See your takes with 'rapport-cli takes list'."), {} };
}

// Columns: id, pitch_id, started_at, green, yellow, red, audio_path, starred, report..., rating...
Take readTake(const storage::Sql& sql)
{
    Take t;
    t.id = sql.value(0).toLongLong();
    t.pitchId = sql.value(1).toLongLong();
    t.startedAt = storage::fromStoredTime(sql.value(2));
    t.lights = LightTimes::pitch(
        sql.value(3).toLongLong(), sql.value(4).toLongLong(), sql.value(5).toLongLong());
    t.audioPath = sql.value(6).toString();
    t.starred = sql.value(7).toBool();
    int c = 8;
    t.report = readReport(sql, c);
    t.rating.overall = readOptionalInt(sql.value(c++));
    for (RubricItem item : rehearsal::kRubricItems)
        t.rating.item(item) = readOptionalInt(sql.value(c++));
    t.rating.note = sql.value(c++).toString();
    t.rating.feltTiming = rehearsal::feltTimingFromKey(sql.value(c++).toString());
    t.rating.feltPace = rehearsal::feltPaceFromKey(sql.value(c++).toString());
    t.rating.ratedAt = storage::fromStoredTime(sql.value(c++));
    t.words = wordsFromStored(sql.value(c++));
    return t;
}

QString selectTakes(const QString& where)
{
    return QStringLiteral("SELECT id, pitch_id, started_at, green_ms, yellow_ms, red_ms, "
                          "audio_path, starred, %1, %2, %3 FROM takes %4")
        .arg(reportColumns(), kRatingColumns, wordColumns(), where);
}

// The columns kept beside a take's words, so that charts need not read the JSON.
QVariant fillerCount(const std::optional<speech::WordReport>& words)
{
    return words ? QVariant(int(words->fillers.size())) : QVariant();
}

QVariant fillersPerMinute(const std::optional<speech::WordReport>& words)
{
    return words ? optionalValue(words->fillersPerMinute) : QVariant();
}

QVariant scriptCoverage(const std::optional<speech::WordReport>& words)
{
    return words && words->script ? QVariant(words->script->coverage) : QVariant();
}

} // namespace

std::optional<speech::WordReport> wordsFromStored(const QVariant& stored)
{
    if (stored.isNull())
        return std::nullopt;
    Result<speech::WordReport> words
        = speech::wordReportFromJson(QJsonDocument::fromJson(stored.toString().toUtf8()).object());
    return words ? std::optional(std::move(*words)) : std::nullopt;
}

QVariantList storedWordFigures(const std::optional<speech::WordReport>& words)
{
    return { fillerCount(words), fillersPerMinute(words), scriptCoverage(words) };
}

QVariant storedWords(const std::optional<speech::WordReport>& words)
{
    if (!words)
        return {};
    return QString::fromUtf8(
        QJsonDocument(speech::wordReportToJson(*words)).toJson(QJsonDocument::Compact));
}

QString storedCaveats(const std::vector<analysis::Caveat>& caveats)
{
    QStringList keys;
    for (const analysis::Caveat caveat : caveats)
        keys << analysis::caveatKey(caveat);
    return keys.join(QLatin1Char(','));
}

TakeRepository::TakeRepository(const storage::Database& database)
    : m_database(database)
{ }

Result<qint64> TakeRepository::add(const Take& t)
{
    const QSqlDatabase db = m_database.connection();
    {
        storage::Sql pitch(db, QStringLiteral("SELECT 1 FROM pitches WHERE id = ?"));
        if (Status s = pitch.exec({ t.pitchId }, QStringLiteral("Could not save the take.")); !s)
            return s.error();
        if (!pitch.next()) {
            return Error { ErrorKind::NoSuchRecord,
                QStringLiteral("The take's pitch (%1) no longer exists.").arg(t.pitchId),
                QStringLiteral("Choose another pitch and record again."), {} };
        }
    }
    storage::Sql insert(db,
        QStringLiteral("INSERT INTO takes (pitch_id, started_at, green_ms, yellow_ms, red_ms, "
                       "audio_path, starred, %1, %2, %3) VALUES (%4)")
            .arg(reportColumns(), kRatingColumns, wordColumns(),
                QStringList(7 + 20 + 12 + 4, QStringLiteral("?")).join(QLatin1Char(','))));
    const rehearsal::SelfRating& g = t.rating;
    QVariantList values { t.pitchId, storage::toStoredTime(t.startedAt), t.lights.greenMs,
        t.lights.yellowMs, t.lights.redMs, t.audioPath, t.starred ? 1 : 0 };
    values << reportValues(t.report);
    values << QVariantList { optionalValue(g.overall),
        optionalValue(g.item(RubricItem::Connection)), optionalValue(g.item(RubricItem::Listener)),
        optionalValue(g.item(RubricItem::NoAssumptions)),
        optionalValue(g.item(RubricItem::Language)),
        optionalValue(g.item(RubricItem::NotMinimising)),
        optionalValue(g.item(RubricItem::Passion)), optionalValue(g.item(RubricItem::Genuine)),
        g.note, feltTiming(g), feltPace(g),
        g.ratedAt.isValid() ? QVariant(storage::toStoredTime(g.ratedAt)) : QVariant() };
    values << wordValues(t.words);
    if (Status s = insert.exec(values, QStringLiteral("Could not save the take.")); !s)
        return s.error();
    return insert.lastInsertId().toLongLong();
}

Result<Take> TakeRepository::get(qint64 id) const
{
    storage::Sql sql(m_database.connection(), selectTakes(QStringLiteral("WHERE id = ?")));
    if (Status s = sql.exec({ id }, QStringLiteral("Could not read the take.")); !s)
        return s.error();
    if (!sql.next())
        return takeNotFound(id);
    return readTake(sql);
}

Result<QList<Take>> TakeRepository::list(qint64 pitchId) const
{
    storage::Sql sql(m_database.connection(),
        selectTakes(pitchId > 0 ? QStringLiteral("WHERE pitch_id = ? ORDER BY started_at, id")
                                : QStringLiteral("WHERE ? = 0 ORDER BY started_at, id")));
    if (Status s = sql.exec({ pitchId }, QStringLiteral("Could not read your takes.")); !s)
        return s.error();
    QList<Take> takes;
    while (sql.next())
        takes << readTake(sql);
    return takes;
}

Status TakeRepository::setRating(qint64 id, const rehearsal::SelfRating& g)
{
    if (const QString problem = g.problem(); !problem.isEmpty())
        return Error { ErrorKind::InvalidArgument, problem, {}, {} };
    storage::Sql sql(m_database.connection(),
        QStringLiteral("UPDATE takes SET rating_overall = ?, rating_connection = ?, "
                       "rating_listener = ?, rating_no_assumptions = ?, rating_language = ?, "
                       "rating_not_minimising = ?, rating_passion = ?, rating_genuine = ?, "
                       "note = ?, felt_timing = ?, felt_pace = ?, rated_at = ? WHERE id = ?"));
    const QDateTime ratedAt = g.ratedAt.isValid() ? g.ratedAt : QDateTime::currentDateTimeUtc();
    if (Status s
        = sql.exec({ optionalValue(g.overall), optionalValue(g.item(RubricItem::Connection)),
                       optionalValue(g.item(RubricItem::Listener)),
                       optionalValue(g.item(RubricItem::NoAssumptions)),
                       optionalValue(g.item(RubricItem::Language)),
                       optionalValue(g.item(RubricItem::NotMinimising)),
                       optionalValue(g.item(RubricItem::Passion)),
                       optionalValue(g.item(RubricItem::Genuine)), g.note, feltTiming(g),
                       feltPace(g), storage::toStoredTime(ratedAt), id },
            QStringLiteral("Could not save the rating."));
        !s)
        return s;
    if (sql.rowsAffected() != 1)
        return takeNotFound(id);
    return {};
}

Status TakeRepository::setWords(qint64 id, const std::optional<speech::WordReport>& words)
{
    storage::Sql sql(m_database.connection(),
        QStringLiteral("UPDATE takes SET words = ?, filler_count = ?, fillers_per_minute = ?, "
                       "script_coverage = ? WHERE id = ?"));
    if (Status s
        = sql.exec(wordValues(words) << id, QStringLiteral("Could not save the take's words."));
        !s)
        return s;
    if (sql.rowsAffected() != 1)
        return takeNotFound(id);
    return {};
}

QString TakeRepository::storeLaterHint(const QString& audioPath) const
{
    return QStringLiteral("The recording is kept as %1; store it later with "
                          "'rapport-cli takes recover FILE --pitch ID'.")
        .arg(QDir::toNativeSeparators(audioPath));
}

QJsonObject TakeRepository::recordingLabel(const Take& take) const
{
    return { { QStringLiteral("kind"), QStringLiteral("take") },
        { QStringLiteral("pitch_id"), take.pitchId } };
}

std::optional<qint64> takeLabelPitch(const QJsonObject& label)
{
    const QJsonValue pitch = label.value(QStringLiteral("pitch_id"));
    if (label.value(QStringLiteral("kind")).toString() != QLatin1String("take") || !pitch.isDouble()
        || pitch.toDouble() < 1)
        return std::nullopt;
    return static_cast<qint64>(pitch.toDouble());
}

Status TakeRepository::setStarred(qint64 id, bool starred)
{
    const QSqlDatabase db = m_database.connection();
    storage::Transaction transaction(db);
    if (!transaction.begun())
        return transaction.begun();
    const QString what = QStringLiteral("Could not star the take.");
    if (starred) {
        storage::Sql others(db,
            QStringLiteral("UPDATE takes SET starred = 0 WHERE pitch_id = "
                           "(SELECT pitch_id FROM takes WHERE id = ?)"));
        if (Status s = others.exec({ id }, what); !s)
            return s;
    }
    storage::Sql sql(db, QStringLiteral("UPDATE takes SET starred = ? WHERE id = ?"));
    if (Status s = sql.exec({ starred ? 1 : 0, id }, what); !s)
        return s;
    if (sql.rowsAffected() != 1)
        return takeNotFound(id);
    return transaction.commit();
}

Result<QString> TakeRepository::remove(qint64 id)
{
    Result<Take> take = get(id);
    if (!take)
        return take.error();
    storage::Sql sql(m_database.connection(), QStringLiteral("DELETE FROM takes WHERE id = ?"));
    if (Status s = sql.exec({ id }, QStringLiteral("Could not delete the take.")); !s)
        return s.error();
    return take->audioPath;
}

Result<QStringList> TakeRepository::audioPaths(qint64 pitchId) const
{
    storage::Sql sql(m_database.connection(),
        QStringLiteral(
            "SELECT audio_path FROM takes WHERE audio_path <> '' "
            "AND (? = 0 OR pitch_id = ?) "
            // Answers to cards are recorded into the same folder (schema 12).
            "UNION ALL SELECT audio_path FROM answers WHERE audio_path <> '' AND ? = 0"));
    if (Status s = sql.exec(
            { pitchId, pitchId, pitchId }, QStringLiteral("Could not read your recordings."));
        !s)
        return s.error();
    QStringList paths;
    while (sql.next())
        paths << sql.value(0).toString();
    return paths;
}

} // namespace rapport::rehearsal
