#include "core/progress/weeklystats.h"

#include "core/rehearsal/timing.h"
#include "core/storage/sql.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <algorithm>

namespace rapport::progress {

using storage::Sql;

namespace {

// Where a local day begins, as a stored UTC time: week edges are local midnights.
QString localMidnightUtc(const QDate& day, const QTimeZone& zone)
{
    return storage::toStoredTime(QDateTime(day, QTime(0, 0), zone));
}

// Fills a per-connection temporary table with the weeks — (index, UTC start, UTC end, local
// first day, local day after) — and returns the WITH clause naming it `w` for the readers.
// A table keyed by the index is scanned in index order, so SQLite groups the joined rows as they
// come instead of sorting them (a quarter faster over ten years of draws than a VALUES list).
// Binding 500+ weeks as parameters would exceed SQLite's limit; the values are generated here
// from dates and numbers only, so building the text is safe.
Result<QString> weekTable(
    const QSqlDatabase& db, const QList<IsoWeek>& weeks, const QTimeZone& zone)
{
    QStringList rows;
    rows.reserve(weeks.size());
    auto utc = [&zone](const QDate& day) { return localMidnightUtc(day, zone); };
    for (qsizetype i = 0; i < weeks.size(); ++i) {
        const QDate monday = weeks[i].monday();
        rows << QStringLiteral("(%1,'%2','%3','%4','%5')")
                    .arg(i)
                    .arg(utc(monday), utc(monday.addDays(7)), monday.toString(Qt::ISODate),
                        monday.addDays(7).toString(Qt::ISODate));
    }
    const QString what = QStringLiteral("Could not prepare the list of weeks.");
    for (const QString& statement :
        { QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS progress_weeks (idx INTEGER PRIMARY KEY, "
                         "start_utc TEXT, end_utc TEXT, first_day TEXT, end_day TEXT)"),
            QStringLiteral("DELETE FROM temp.progress_weeks"),
            QString(QStringLiteral("INSERT INTO temp.progress_weeks VALUES ")
                + rows.join(QLatin1Char(','))) }) {
        if (Status s = Sql(db, statement).exec({}, what); !s)
            return s.error();
    }
    return QStringLiteral("WITH w AS (SELECT * FROM temp.progress_weeks) ");
}

std::optional<double> optionalDouble(const QVariant& v)
{
    return v.isNull() ? std::nullopt : std::optional<double>(v.toDouble());
}

Status readTakes(const QSqlDatabase& db, const QString& weeksSql, QList<WeekStats>& out)
{
    Sql sql(db,
        weeksSql
            + QStringLiteral(
                "SELECT w.idx, COUNT(*), SUM(t.duration_s), COUNT(DISTINCT t.pitch_id), "
                "AVG(t.rating_overall), AVG(t.rating_connection), AVG(t.rating_listener), "
                "AVG(t.rating_no_assumptions), AVG(t.rating_language), "
                "AVG(t.rating_not_minimising), AVG(t.rating_passion), AVG(t.rating_genuine), "
                "AVG(CASE WHEN t.speaking_time_s IS NULL THEN NULL "
                "    WHEN t.speaking_time_s * 1000 >= t.green_ms "
                "     AND t.speaking_time_s * 1000 <= t.red_ms THEN 1.0 ELSE 0.0 END), "
                "AVG(ABS(t.speaking_time_s - t.red_ms / 1000.0)), AVG(t.words_per_minute), "
                "SUM(t.pause_count), SUM(CASE WHEN t.pause_count IS NOT NULL "
                "    THEN t.speaking_time_s END), "
                "AVG(CASE WHEN t.felt_timing IS NULL OR t.speaking_time_s IS NULL THEN NULL "
                "    WHEN t.felt_timing = 'short' THEN t.speaking_time_s * 1000 < t.green_ms "
                "    WHEN t.felt_timing = 'long' THEN t.speaking_time_s * 1000 > t.red_ms "
                "    ELSE t.speaking_time_s * 1000 BETWEEN t.green_ms AND t.red_ms END), "
                "AVG(CASE WHEN t.felt_pace IS NULL OR t.words_per_minute IS NULL THEN NULL "
                "    WHEN t.felt_pace = 'slow' THEN t.words_per_minute < :slow "
                "    WHEN t.felt_pace = 'fast' THEN t.words_per_minute > :fast "
                "    ELSE t.words_per_minute BETWEEN :slow AND :fast END) "
                "FROM w JOIN takes t ON t.started_at >= w.start_utc AND t.started_at < w.end_utc "
                "GROUP BY w.idx")
                  .replace(QStringLiteral(":slow"), QString::number(rehearsal::kComfortableWpmMin))
                  .replace(
                      QStringLiteral(":fast"), QString::number(rehearsal::kComfortableWpmMax)));
    if (Status s = sql.exec({}, QStringLiteral("Could not add up your takes.")); !s)
        return s;
    while (sql.next()) {
        WeekStats& week = out[sql.value(0).toInt()];
        week.takes = sql.value(1).toInt();
        week.minutes = sql.value(2).toDouble() / 60.0;
        week.distinctPitches = sql.value(3).toInt();
        week.avgSelfRating = optionalDouble(sql.value(4));
        for (std::size_t i = 0; i < week.avgRubric.size(); ++i)
            week.avgRubric[i] = optionalDouble(sql.value(5 + static_cast<int>(i)));
        week.onTargetRatio = optionalDouble(sql.value(12));
        week.meanAbsTimingErrorS = optionalDouble(sql.value(13));
        week.avgWpm = optionalDouble(sql.value(14));
        const std::optional<double> pauses = optionalDouble(sql.value(15));
        const std::optional<double> speakingS = optionalDouble(sql.value(16));
        if (pauses && speakingS && *speakingS > 0)
            week.pausesPerMinute = *pauses / (*speakingS / 60.0);
        week.feltTimingAgreement = optionalDouble(sql.value(17));
        week.feltPaceAgreement = optionalDouble(sql.value(18));
    }
    return {};
}

Status readDraws(const QSqlDatabase& db, const QString& weeksSql, QList<WeekStats>& out)
{
    // One row per week with a sum per zone: the index (drawn_at, zone) covers it, and there is
    // no second grouping key to sort by (500 000 draws add up in about a third of the time).
    QStringList sums;
    for (decks::Zone zone : decks::kAllZones)
        sums << QStringLiteral("SUM(d.zone = '%1')").arg(decks::zoneKey(zone));
    Sql sql(db,
        weeksSql
            + QStringLiteral("SELECT w.idx, %1 FROM w JOIN draws d "
                             "ON d.drawn_at >= w.start_utc AND d.drawn_at < w.end_utc "
                             "GROUP BY w.idx")
                  .arg(sums.join(QStringLiteral(", "))));
    if (Status s = sql.exec({}, QStringLiteral("Could not add up your card draws.")); !s)
        return s;
    while (sql.next()) {
        WeekStats& week = out[sql.value(0).toInt()];
        for (std::size_t z = 0; z < week.cardsByZone.size(); ++z)
            week.cardsByZone[z] = sql.value(1 + static_cast<int>(z)).toInt();
    }
    return {};
}

// Takes per week from the index on started_at alone (no table rows read).
Status countTakes(const QSqlDatabase& db, const QString& weeksSql, QList<WeekStats>& out)
{
    Sql sql(db,
        weeksSql
            + QStringLiteral("SELECT w.idx, COUNT(*) FROM w JOIN takes t "
                             "ON t.started_at >= w.start_utc AND t.started_at < w.end_utc "
                             "GROUP BY w.idx"));
    if (Status s = sql.exec({}, QStringLiteral("Could not count your takes.")); !s)
        return s;
    while (sql.next())
        out[sql.value(0).toInt()].takes = sql.value(1).toInt();
    return {};
}

Status readConversations(const QSqlDatabase& db, const QString& weeksSql, QList<WeekStats>& out)
{
    Sql sql(db,
        weeksSql
            + QStringLiteral("SELECT w.idx, COUNT(*), AVG(c.rating) FROM w JOIN conversations c "
                             "ON c.happened_on >= w.first_day AND c.happened_on < w.end_day "
                             "GROUP BY w.idx"));
    if (Status s = sql.exec({}, QStringLiteral("Could not add up your conversations.")); !s)
        return s;
    while (sql.next()) {
        WeekStats& week = out[sql.value(0).toInt()];
        week.conversations = sql.value(1).toInt();
        week.avgConversationRating = optionalDouble(sql.value(2));
    }
    return {};
}

} // namespace

int WeekStats::cardsDrawn() const
{
    int total = 0;
    for (int n : cardsByZone)
        total += n;
    return total;
}

bool meetsGoal(const WeekStats& stats, const WeeklyGoal& goal)
{
    return stats.takes >= goal.takes && stats.conversations >= goal.conversations;
}

int goalStreak(const QList<WeekStats>& weeks, bool lastWeekIsCurrent)
{
    int streak = 0;
    for (qsizetype i = weeks.size() - 1; i >= 0; --i) {
        if (weeks[i].goalMet) {
            ++streak;
            continue;
        }
        if (lastWeekIsCurrent && i == weeks.size() - 1)
            continue; // this week is not over yet
        break;
    }
    return streak;
}

WeeklyStatsQuery::WeeklyStatsQuery(const storage::Database& database, QTimeZone zone)
    : m_database(database)
    , m_zone(std::move(zone))
{ }

IsoWeek WeeklyStatsQuery::weekOf(const QDateTime& utc) const
{
    return IsoWeek::containing(utc.toTimeZone(m_zone).date());
}

namespace {

QJsonValue optionalJson(const std::optional<double>& v)
{
    return v ? QJsonValue(*v) : QJsonValue();
}

std::optional<double> optionalFromJson(const QJsonValue& v)
{
    return v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt;
}

QString statsToJson(const WeekStats& w)
{
    QJsonArray zones;
    for (int n : w.cardsByZone)
        zones << n;
    QJsonArray rubric;
    for (const std::optional<double>& v : w.avgRubric)
        rubric << optionalJson(v);
    const QJsonObject o { { QStringLiteral("takes"), w.takes },
        { QStringLiteral("minutes"), w.minutes }, { QStringLiteral("pitches"), w.distinctPitches },
        { QStringLiteral("zones"), zones }, { QStringLiteral("conversations"), w.conversations },
        { QStringLiteral("conversationRating"), optionalJson(w.avgConversationRating) },
        { QStringLiteral("selfRating"), optionalJson(w.avgSelfRating) },
        { QStringLiteral("rubric"), rubric },
        { QStringLiteral("onTarget"), optionalJson(w.onTargetRatio) },
        { QStringLiteral("timingError"), optionalJson(w.meanAbsTimingErrorS) },
        { QStringLiteral("wpm"), optionalJson(w.avgWpm) },
        { QStringLiteral("pauses"), optionalJson(w.pausesPerMinute) },
        { QStringLiteral("feltTiming"), optionalJson(w.feltTimingAgreement) },
        { QStringLiteral("feltPace"), optionalJson(w.feltPaceAgreement) } };
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

std::optional<WeekStats> statsFromJson(const IsoWeek& week, const QString& text)
{
    const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
    const QJsonArray zones = o.value(QStringLiteral("zones")).toArray();
    const QJsonArray rubric = o.value(QStringLiteral("rubric")).toArray();
    WeekStats w;
    if (o.isEmpty() || zones.size() != qsizetype(w.cardsByZone.size())
        || rubric.size() != qsizetype(w.avgRubric.size()))
        return std::nullopt; // unreadable: add the week up again
    w.week = week;
    w.takes = o.value(QStringLiteral("takes")).toInt();
    w.minutes = o.value(QStringLiteral("minutes")).toDouble();
    w.distinctPitches = o.value(QStringLiteral("pitches")).toInt();
    for (std::size_t i = 0; i < w.cardsByZone.size(); ++i)
        w.cardsByZone[i] = zones[qsizetype(i)].toInt();
    w.conversations = o.value(QStringLiteral("conversations")).toInt();
    w.avgConversationRating = optionalFromJson(o.value(QStringLiteral("conversationRating")));
    w.avgSelfRating = optionalFromJson(o.value(QStringLiteral("selfRating")));
    for (std::size_t i = 0; i < w.avgRubric.size(); ++i)
        w.avgRubric[i] = optionalFromJson(rubric[qsizetype(i)]);
    w.onTargetRatio = optionalFromJson(o.value(QStringLiteral("onTarget")));
    w.meanAbsTimingErrorS = optionalFromJson(o.value(QStringLiteral("timingError")));
    w.avgWpm = optionalFromJson(o.value(QStringLiteral("wpm")));
    w.pausesPerMinute = optionalFromJson(o.value(QStringLiteral("pauses")));
    w.feltTimingAgreement = optionalFromJson(o.value(QStringLiteral("feltTiming")));
    w.feltPaceAgreement = optionalFromJson(o.value(QStringLiteral("feltPace")));
    return w;
}

} // namespace

Result<QList<WeekStats>> WeeklyStatsQuery::weeks(
    IsoWeek first, IsoWeek last, const WeeklyGoal& goal) const
{
    const QSqlDatabase db = m_database.connection();
    const QString zone = QString::fromUtf8(m_zone.id());
    auto utcStart = [this](const QDate& day) { return localMidnightUtc(day, m_zone); };
    QHash<QString, WeekStats> cached;
    {
        Sql sql(db,
            QStringLiteral("SELECT week, stats FROM week_cache WHERE zone = ? AND start_utc >= ? "
                           "AND start_utc <= ?"));
        if (Status s = sql.exec({ zone, utcStart(first.monday()), utcStart(last.monday()) },
                QStringLiteral("Could not read your weekly totals."));
            !s)
            return s.error();
        while (sql.next()) {
            const std::optional<IsoWeek> week = IsoWeek::fromKey(sql.value(0).toString());
            if (!week)
                continue;
            if (std::optional<WeekStats> stats = statsFromJson(*week, sql.value(1).toString()))
                cached.insert(week->key(), *stats);
        }
    }
    QList<IsoWeek> missing;
    for (IsoWeek w = first; w <= last; w = w.next()) {
        if (!cached.contains(w.key()))
            missing << w;
    }
    if (!missing.isEmpty()) {
        // Adding up and storing in one write transaction: a take saved meanwhile by another
        // program either is in the totals or clears them afterwards.
        storage::Transaction transaction(db);
        if (!transaction.begun())
            return transaction.begun().error();
        Result<QList<WeekStats>> added
            = addUp(missing, { &readTakes, &readDraws, &readConversations });
        if (!added)
            return added.error();
        const QString nowUtc = storage::toStoredTime(QDateTime::currentDateTimeUtc());
        Sql store(db,
            QStringLiteral("INSERT OR REPLACE INTO week_cache (zone, week, start_utc, end_utc, "
                           "first_day, end_day, stats) VALUES (?, ?, ?, ?, ?, ?, ?)"));
        for (const WeekStats& stats : *added) {
            cached.insert(stats.week.key(), stats);
            const QDate monday = stats.week.monday();
            const QString end = utcStart(monday.addDays(7));
            if (end > nowUtc)
                continue; // this week (or a later one) can still change without a trigger
            if (Status s = store.exec(
                    { zone, stats.week.key(), utcStart(monday), end, monday.toString(Qt::ISODate),
                        monday.addDays(7).toString(Qt::ISODate), statsToJson(stats) },
                    QStringLiteral("Could not keep your weekly totals."));
                !s)
                return s.error();
        }
        if (Status s = transaction.commit(); !s)
            return s.error();
    }
    QList<WeekStats> result;
    for (IsoWeek w = first; w <= last; w = w.next()) {
        WeekStats stats = cached.value(w.key());
        stats.goalMet = meetsGoal(stats, goal);
        result << stats;
    }
    return result;
}

Result<QList<WeekStats>> WeeklyStatsQuery::goalWeeks(
    IsoWeek first, IsoWeek last, const WeeklyGoal& goal) const
{
    return aggregate(first, last, goal, { &countTakes, &readConversations });
}

Result<QList<WeekStats>> WeeklyStatsQuery::aggregate(IsoWeek first, IsoWeek last,
    const WeeklyGoal& goal, std::initializer_list<Reader> readers) const
{
    QList<IsoWeek> weeks;
    for (IsoWeek w = first; w <= last; w = w.next())
        weeks << w;
    Result<QList<WeekStats>> result = addUp(weeks, readers);
    if (!result)
        return result;
    for (WeekStats& week : *result)
        week.goalMet = meetsGoal(week, goal);
    return result;
}

Result<QList<WeekStats>> WeeklyStatsQuery::addUp(
    const QList<IsoWeek>& weeks, std::initializer_list<Reader> readers) const
{
    QList<WeekStats> result;
    for (const IsoWeek& w : weeks) {
        WeekStats stats;
        stats.week = w;
        result << stats;
    }
    if (weeks.isEmpty())
        return result;
    const QSqlDatabase db = m_database.connection();
    const Result<QString> table = weekTable(db, weeks, m_zone);
    if (!table)
        return table.error();
    for (Reader read : readers) {
        if (Status s = read(db, *table, result); !s)
            return s.error();
    }
    return result;
}

Result<std::optional<IsoWeek>> WeeklyStatsQuery::firstActiveWeek() const
{
    Sql sql(m_database.connection(),
        QStringLiteral("SELECT (SELECT MIN(started_at) FROM takes), "
                       "(SELECT MIN(drawn_at) FROM draws), "
                       "(SELECT MIN(happened_on) FROM conversations)"));
    if (Status s = sql.exec({}, QStringLiteral("Could not read your history.")); !s)
        return s.error();
    if (!sql.next())
        return std::optional<IsoWeek>();
    std::optional<IsoWeek> earliest;
    auto consider = [&](const IsoWeek& w) {
        if (!earliest || w < *earliest)
            earliest = w;
    };
    for (int column : { 0, 1 }) {
        if (sql.value(column).isNull())
            continue;
        const QDateTime utc = storage::fromStoredTime(sql.value(column));
        if (utc.isValid())
            consider(weekOf(utc));
    }
    if (!sql.value(2).isNull()) {
        const QDate day = QDate::fromString(sql.value(2).toString(), Qt::ISODate);
        if (day.isValid())
            consider(IsoWeek::containing(day));
    }
    return earliest;
}

} // namespace rapport::progress
