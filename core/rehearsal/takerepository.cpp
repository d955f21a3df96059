#include "core/rehearsal/takerepository.h"

#include "core/analysis/reportjson.h"
#include "core/storage/sql.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace rapport::rehearsal {

using analysis::TakeReport;

namespace {

// Report and rating columns, in the order takeValues() binds and readTake() reads them.
const QString kReportColumns = QStringLiteral(
    "duration_s, speech_start_s, speech_end_s, speaking_time_s, phonation_time_s, pauses, "
    "pause_count, longest_pause_s, syllable_count, articulation_rate_sps, words_per_minute, "
    "pitch_median_hz, pitch_sd_semitones, monotone, loudness_lufs, peak_dbfs, clipped_ratio, "
    "signal_to_noise_db, caveats, analysis_ms");
const QString kRatingColumns = QStringLiteral(
    "rating_overall, rating_connection, rating_listener, rating_no_assumptions, rating_language, "
    "rating_not_minimising, rating_passion, rating_genuine, note, felt_timing, felt_pace, "
    "rated_at");
const QString kWordColumns
    = QStringLiteral("words, filler_count, fillers_per_minute, script_coverage");

template <typename T> QVariant optional(const std::optional<T>& value)
{
    return value ? QVariant::fromValue(*value) : QVariant();
}

std::optional<double> readDouble(const QVariant& v)
{
    return v.isNull() ? std::nullopt : std::optional<double>(v.toDouble());
}

std::optional<int> readInt(const QVariant& v)
{
    return v.isNull() ? std::nullopt : std::optional<int>(v.toInt());
}

QString pausesJson(const std::vector<analysis::Pause>& pauses)
{
    QJsonArray array;
    for (const analysis::Pause& p : pauses)
        array << QJsonArray { p.startS, p.endS };
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

std::vector<analysis::Pause> readPauses(const QVariant& v)
{
    std::vector<analysis::Pause> pauses;
    for (const QJsonValue& p : QJsonDocument::fromJson(v.toString().toUtf8()).array())
        pauses.push_back({ p.toArray().at(0).toDouble(), p.toArray().at(1).toDouble() });
    return pauses;
}

// NULL (a take stored before schema 8) and '' both mean none; keys this version does not know
// are left out.
std::vector<analysis::Caveat> readCaveats(const QVariant& v)
{
    std::vector<analysis::Caveat> caveats;
    for (const QString& key : v.toString().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (const std::optional<analysis::Caveat> caveat = analysis::caveatFromKey(key))
            caveats.push_back(*caveat);
    }
    return caveats;
}

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
    TakeReport& r = t.report;
    r.durationS = sql.value(c++).toDouble();
    r.speechStartS = readDouble(sql.value(c++));
    r.speechEndS = readDouble(sql.value(c++));
    r.speakingTimeS = readDouble(sql.value(c++));
    r.phonationTimeS = readDouble(sql.value(c++));
    r.pauses = readPauses(sql.value(c++));
    r.pauseCount = readInt(sql.value(c++));
    r.longestPauseS = readDouble(sql.value(c++));
    r.syllableCount = readInt(sql.value(c++));
    r.articulationRateSps = readDouble(sql.value(c++));
    r.wordsPerMinute = readDouble(sql.value(c++));
    r.pitchMedianHz = readDouble(sql.value(c++));
    r.pitchSdSemitones = readDouble(sql.value(c++));
    const std::optional<int> monotone = readInt(sql.value(c++));
    r.monotone = monotone ? std::optional<bool>(*monotone != 0) : std::nullopt;
    r.loudnessLufs = readDouble(sql.value(c++));
    r.peakDbfs = readDouble(sql.value(c++));
    r.clippedRatio = readDouble(sql.value(c++));
    r.signalToNoiseDb = readDouble(sql.value(c++));
    r.caveats = readCaveats(sql.value(c++));
    r.analysisMs = sql.value(c++).toDouble();
    t.rating.overall = readInt(sql.value(c++));
    for (RubricItem item : rehearsal::kRubricItems)
        t.rating.item(item) = readInt(sql.value(c++));
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
        .arg(kReportColumns, kRatingColumns, kWordColumns, where);
}

// The columns kept beside a take's words, so that charts need not read the JSON.
QVariant fillerCount(const std::optional<speech::WordReport>& words)
{
    return words ? QVariant(int(words->fillers.size())) : QVariant();
}

QVariant fillersPerMinute(const std::optional<speech::WordReport>& words)
{
    return words ? optional(words->fillersPerMinute) : QVariant();
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
    const TakeReport& r = t.report;
    storage::Sql insert(db,
        QStringLiteral("INSERT INTO takes (pitch_id, started_at, green_ms, yellow_ms, red_ms, "
                       "audio_path, starred, %1, %2, %3) VALUES (%4)")
            .arg(kReportColumns, kRatingColumns, kWordColumns,
                QStringList(7 + 20 + 12 + 4, QStringLiteral("?")).join(QLatin1Char(','))));
    const rehearsal::SelfRating& g = t.rating;
    const QVariant monotone = r.monotone ? QVariant(*r.monotone ? 1 : 0) : QVariant();
    if (Status s = insert.exec(
            { t.pitchId, storage::toStoredTime(t.startedAt), t.lights.greenMs, t.lights.yellowMs,
                t.lights.redMs, t.audioPath, t.starred ? 1 : 0, r.durationS,
                optional(r.speechStartS), optional(r.speechEndS), optional(r.speakingTimeS),
                optional(r.phonationTimeS), pausesJson(r.pauses), optional(r.pauseCount),
                optional(r.longestPauseS), optional(r.syllableCount),
                optional(r.articulationRateSps), optional(r.wordsPerMinute),
                optional(r.pitchMedianHz), optional(r.pitchSdSemitones), monotone,
                optional(r.loudnessLufs), optional(r.peakDbfs), optional(r.clippedRatio),
                optional(r.signalToNoiseDb), storedCaveats(r.caveats), r.analysisMs,
                optional(g.overall), optional(g.item(RubricItem::Connection)),
                optional(g.item(RubricItem::Listener)), optional(g.item(RubricItem::NoAssumptions)),
                optional(g.item(RubricItem::Language)), optional(g.item(RubricItem::NotMinimising)),
                optional(g.item(RubricItem::Passion)), optional(g.item(RubricItem::Genuine)),
                g.note, feltTiming(g), feltPace(g),
                g.ratedAt.isValid() ? QVariant(storage::toStoredTime(g.ratedAt)) : QVariant(),
                storedWords(t.words), fillerCount(t.words), fillersPerMinute(t.words),
                scriptCoverage(t.words) },
            QStringLiteral("Could not save the take."));
        !s)
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
    if (Status s = sql.exec(
            { optional(g.overall), optional(g.item(RubricItem::Connection)),
                optional(g.item(RubricItem::Listener)), optional(g.item(RubricItem::NoAssumptions)),
                optional(g.item(RubricItem::Language)), optional(g.item(RubricItem::NotMinimising)),
                optional(g.item(RubricItem::Passion)), optional(g.item(RubricItem::Genuine)),
                g.note, feltTiming(g), feltPace(g), storage::toStoredTime(ratedAt), id },
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
    if (Status s = sql.exec({ storedWords(words), fillerCount(words), fillersPerMinute(words),
                                scriptCoverage(words), id },
            QStringLiteral("Could not save the take's words."));
        !s)
        return s;
    if (sql.rowsAffected() != 1)
        return takeNotFound(id);
    return {};
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
        QStringLiteral("SELECT audio_path FROM takes WHERE audio_path <> '' "
                       "AND (? = 0 OR pitch_id = ?)"));
    if (Status s = sql.exec({ pitchId, pitchId }, QStringLiteral("Could not read your takes.")); !s)
        return s.error();
    QStringList paths;
    while (sql.next())
        paths << sql.value(0).toString();
    return paths;
}

} // namespace rapport::rehearsal
