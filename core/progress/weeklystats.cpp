#include "core/progress/weeklystats.h"

#include "core/rehearsal/timing.h"
#include "core/storage/rowscan.h"
#include "core/storage/sql.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <algorithm>
#include <cmath>
#include <future>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

namespace rapport::progress {

using storage::Sql;

namespace {

// Where a local day begins, as a stored UTC time: week edges are local midnights.
QString localMidnightUtc(const QDate& day, const QTimeZone& zone)
{
    return storage::toStoredTime(QDateTime(day, QTime(0, 0), zone));
}

} // namespace

// The weeks being added up, in order, with their edges as stored text: UTC instants for takes
// and draws (local midnights converted), local days for conversations. Stored times are fixed
// width ISO 8601, so text order is time order and a row finds its week by comparing text.
class WeekSlots
{
public:
    WeekSlots(const QList<IsoWeek>& weeks, const QTimeZone& zone)
    {
        m_instants.reserve(weeks.size() + 1);
        m_days.reserve(weeks.size() + 1);
        for (const IsoWeek& week : weeks) {
            const QDate monday = week.monday();
            m_instants.push_back({ localMidnightUtc(monday, zone).toUtf8(),
                localMidnightUtc(monday.addDays(7), zone).toUtf8() });
            m_days.push_back({ monday.toString(Qt::ISODate).toUtf8(),
                monday.addDays(7).toString(Qt::ISODate).toUtf8() });
        }
    }

    /// The first and (exclusive) last edge, to select the rows.
    QByteArray firstInstant() const { return m_instants.front().start; }
    QByteArray endInstant() const { return m_instants.back().end; }
    QByteArray firstDay() const { return m_days.front().start; }
    QByteArray endDay() const { return m_days.back().end; }

    /// The index of the week holding a stored UTC time or local day; -1 when none does (the
    /// weeks need not be consecutive). `last` is the caller's previous answer: rows read in
    /// time order mostly fall in the same week, which is then found without a search.
    qsizetype weekOfInstant(std::string_view time, qsizetype& last) const
    {
        return find(m_instants, time, last);
    }
    qsizetype weekOfDay(std::string_view day, qsizetype& last) const
    {
        return find(m_days, day, last);
    }

private:
    struct Span
    {
        QByteArray start;
        QByteArray end;
    };

    static std::string_view view(const QByteArray& bytes)
    {
        return { bytes.constData(), std::size_t(bytes.size()) };
    }

    static bool holds(const Span& span, std::string_view key)
    {
        return view(span.start) <= key && key < view(span.end);
    }

    static qsizetype find(const std::vector<Span>& spans, std::string_view key, qsizetype& last)
    {
        if (last >= 0 && last < qsizetype(spans.size()) && holds(spans[std::size_t(last)], key))
            return last;
        // The last span starting at or before `key`.
        auto after = std::upper_bound(spans.begin(), spans.end(), key,
            [](std::string_view k, const Span& span) { return k < view(span.start); });
        if (after == spans.begin() || !holds(*(after - 1), key))
            return -1;
        return last = (after - 1) - spans.begin();
    }

    std::vector<Span> m_instants;
    std::vector<Span> m_days;
};

namespace {

// A mean that skips missing values, like SQL's AVG.
struct Mean
{
    double sum = 0.0;
    int count = 0;

    void add(double value)
    {
        sum += value;
        ++count;
    }
    std::optional<double> value() const
    {
        return count > 0 ? std::optional<double>(sum / count) : std::nullopt;
    }
};

// A sum that is missing when nothing was added, like SQL's SUM.
struct Sum
{
    double total = 0.0;
    bool any = false;

    void add(double value)
    {
        total += value;
        any = true;
    }
};

// Ten years of takes are about 100 000 rows: they are read once and added into their week here.
// The columns read are those of the index takes_by_time_totals (schema 7), so no table row is
// read; keep the two lists the same.
Status readTakes(const storage::ScanSource& db, const WeekSlots& spans, std::span<WeekStats> out)
{
    enum Column {
        kStartedAt,
        kDuration,
        kPitch,
        kRatings, // kRubricItems.size() + 1 columns: overall, then the rubric in order
        kSpeaking = kRatings + 1 + int(rehearsal::kRubricItems.size()),
        kGreen,
        kRed,
        kWpm,
        kPauseCount,
        kFeltTiming,
        kFeltPace,
        kFillerCount,
        kCoverage,
    };
    storage::RowScan rows(db,
        "SELECT started_at, duration_s, pitch_id, rating_overall, rating_connection, "
        "rating_listener, rating_no_assumptions, rating_language, rating_not_minimising, "
        "rating_passion, rating_genuine, speaking_time_s, green_ms, red_ms, words_per_minute, "
        "pause_count, felt_timing, felt_pace, filler_count, script_coverage FROM takes "
        "WHERE started_at >= ? AND started_at < ?");
    static_assert(rehearsal::kRubricItems.size() == 7, "one rating column per rubric item");

    struct Totals
    {
        double durationS = 0.0;
        std::vector<qint64> pitches;
        std::array<Mean, rehearsal::kRubricItems.size() + 1> ratings {};
        Mean onTarget, absError, wpm, feltTiming, feltPace, coverage;
        Sum pauses, pausedSpeakingS, fillers, heardSpeakingS;
    };
    std::vector<Totals> totals(out.size());
    if (Status s = rows.start({ spans.firstInstant(), spans.endInstant() },
            QStringLiteral("Could not add up your takes."));
        !s)
        return s;
    const double slowWpm = rehearsal::kComfortableWpmMin;
    const double fastWpm = rehearsal::kComfortableWpmMax;
    qsizetype last = -1;
    while (rows.next()) {
        const qsizetype index = spans.weekOfInstant(rows.text(kStartedAt), last);
        if (index < 0)
            continue;
        WeekStats& week = out[std::size_t(index)];
        Totals& t = totals[std::size_t(index)];
        ++week.takes;
        t.durationS += rows.real(kDuration);
        t.pitches.push_back(rows.integer(kPitch));
        for (std::size_t i = 0; i < t.ratings.size(); ++i) {
            if (!rows.isNull(kRatings + int(i)))
                t.ratings[i].add(rows.real(kRatings + int(i)));
        }
        const bool hasSpeaking = !rows.isNull(kSpeaking);
        const double speakingMs = rows.real(kSpeaking) * 1000.0;
        const double green = rows.real(kGreen);
        const double red = rows.real(kRed);
        const bool inWindow = speakingMs >= green && speakingMs <= red;
        if (hasSpeaking) {
            t.onTarget.add(inWindow ? 1.0 : 0.0);
            t.absError.add(std::abs(rows.real(kSpeaking) - red / 1000.0));
        }
        const bool hasWpm = !rows.isNull(kWpm);
        const double wpm = rows.real(kWpm);
        if (hasWpm)
            t.wpm.add(wpm);
        if (!rows.isNull(kPauseCount)) {
            t.pauses.add(rows.real(kPauseCount));
            if (hasSpeaking)
                t.pausedSpeakingS.add(rows.real(kSpeaking));
        }
        if (!rows.isNull(kFillerCount) && hasSpeaking) {
            t.fillers.add(rows.real(kFillerCount));
            t.heardSpeakingS.add(rows.real(kSpeaking));
        }
        if (!rows.isNull(kCoverage))
            t.coverage.add(rows.real(kCoverage));
        if (hasSpeaking && !rows.isNull(kFeltTiming)) {
            const std::string_view felt = rows.text(kFeltTiming);
            const bool agrees = felt == "short" ? speakingMs < green
                : felt == "long"                ? speakingMs > red
                                                : inWindow;
            t.feltTiming.add(agrees ? 1.0 : 0.0);
        }
        if (hasWpm && !rows.isNull(kFeltPace)) {
            const std::string_view felt = rows.text(kFeltPace);
            const bool agrees = felt == "slow" ? wpm < slowWpm
                : felt == "fast"               ? wpm > fastWpm
                                               : wpm >= slowWpm && wpm <= fastWpm;
            t.feltPace.add(agrees ? 1.0 : 0.0);
        }
    }
    if (!rows.status())
        return rows.status();
    for (std::size_t i = 0; i < out.size(); ++i) {
        WeekStats& week = out[i];
        Totals& t = totals[i];
        week.minutes = t.durationS / 60.0;
        std::sort(t.pitches.begin(), t.pitches.end());
        week.distinctPitches
            = int(std::unique(t.pitches.begin(), t.pitches.end()) - t.pitches.begin());
        week.avgSelfRating = t.ratings[0].value();
        for (std::size_t r = 0; r < week.avgRubric.size(); ++r)
            week.avgRubric[r] = t.ratings[r + 1].value();
        week.onTargetRatio = t.onTarget.value();
        week.meanAbsTimingErrorS = t.absError.value();
        week.avgWpm = t.wpm.value();
        if (t.pauses.any && t.pausedSpeakingS.any && t.pausedSpeakingS.total > 0)
            week.pausesPerMinute = t.pauses.total / (t.pausedSpeakingS.total / 60.0);
        week.feltTimingAgreement = t.feltTiming.value();
        week.feltPaceAgreement = t.feltPace.value();
        if (t.fillers.any && t.heardSpeakingS.total > 0)
            week.fillersPerMinute = t.fillers.total / (t.heardSpeakingS.total / 60.0);
        week.scriptCoverage = t.coverage.value();
    }
    return {};
}

// Answers to cards per week: how many, the time to the first word, fillers and the rating. The
// columns read are those of the index answers_by_time_totals (schema 13); keep the two lists the
// same.
Status readAnswers(const storage::ScanSource& db, const WeekSlots& spans, std::span<WeekStats> out)
{
    enum Column { kStartedAt, kFirstWord, kSpeaking, kFillerCount, kRating };
    storage::RowScan rows(db,
        "SELECT started_at, speech_start_s, speaking_time_s, filler_count, rating_overall "
        "FROM answers WHERE started_at >= ? AND started_at < ?");
    struct Totals
    {
        Mean firstWord, rating;
        Sum fillers, heardSpeakingS;
    };
    std::vector<Totals> totals(out.size());
    if (Status s = rows.start({ spans.firstInstant(), spans.endInstant() },
            QStringLiteral("Could not add up your answers."));
        !s)
        return s;
    qsizetype last = -1;
    while (rows.next()) {
        const qsizetype index = spans.weekOfInstant(rows.text(kStartedAt), last);
        if (index < 0)
            continue;
        ++out[std::size_t(index)].answers;
        Totals& t = totals[std::size_t(index)];
        if (!rows.isNull(kFirstWord))
            t.firstWord.add(rows.real(kFirstWord));
        if (!rows.isNull(kFillerCount) && !rows.isNull(kSpeaking)) {
            t.fillers.add(rows.real(kFillerCount));
            t.heardSpeakingS.add(rows.real(kSpeaking));
        }
        if (!rows.isNull(kRating))
            t.rating.add(rows.real(kRating));
    }
    if (!rows.status())
        return rows.status();
    for (std::size_t i = 0; i < out.size(); ++i) {
        const Totals& t = totals[i];
        out[i].avgFirstWordS = t.firstWord.value();
        out[i].avgAnswerRating = t.rating.value();
        if (t.fillers.any && t.heardSpeakingS.total > 0)
            out[i].answerFillersPerMinute = t.fillers.total / (t.heardSpeakingS.total / 60.0);
    }
    return {};
}

// Draws per week and zone, read from the index on (drawn_at, zone) alone.
Status readDraws(const storage::ScanSource& db, const WeekSlots& spans, std::span<WeekStats> out)
{
    std::array<QByteArray, std::size(decks::kAllZones)> zoneKeys;
    for (std::size_t z = 0; z < zoneKeys.size(); ++z)
        zoneKeys[z] = decks::zoneKey(decks::kAllZones[z]).toUtf8();
    storage::RowScan rows(
        db, "SELECT drawn_at, zone FROM draws WHERE drawn_at >= ? AND drawn_at < ?");
    if (Status s = rows.start({ spans.firstInstant(), spans.endInstant() },
            QStringLiteral("Could not add up your card draws."));
        !s)
        return s;
    qsizetype last = -1;
    while (rows.next()) {
        const qsizetype index = spans.weekOfInstant(rows.text(0), last);
        if (index < 0)
            continue;
        const std::string_view zone = rows.text(1);
        for (std::size_t z = 0; z < zoneKeys.size(); ++z) {
            if (zone
                == std::string_view(zoneKeys[z].constData(), std::size_t(zoneKeys[z].size()))) {
                ++out[std::size_t(index)].cardsByZone[z];
                break;
            }
        }
    }
    return rows.status();
}

// Takes per week from the index on started_at alone (no table rows read).
Status countTakes(const storage::ScanSource& db, const WeekSlots& spans, std::span<WeekStats> out)
{
    storage::RowScan rows(
        db, "SELECT started_at FROM takes WHERE started_at >= ? AND started_at < ?");
    if (Status s = rows.start({ spans.firstInstant(), spans.endInstant() },
            QStringLiteral("Could not count your takes."));
        !s)
        return s;
    qsizetype last = -1;
    while (rows.next()) {
        if (const qsizetype index = spans.weekOfInstant(rows.text(0), last); index >= 0)
            ++out[std::size_t(index)].takes;
    }
    return rows.status();
}

Status readConversations(
    const storage::ScanSource& db, const WeekSlots& spans, std::span<WeekStats> out)
{
    storage::RowScan rows(db,
        "SELECT happened_on, rating FROM conversations WHERE happened_on >= ? AND "
        "happened_on < ?");
    if (Status s = rows.start({ spans.firstDay(), spans.endDay() },
            QStringLiteral("Could not add up your conversations."));
        !s)
        return s;
    std::vector<Mean> ratings(out.size());
    qsizetype last = -1;
    while (rows.next()) {
        const qsizetype index = spans.weekOfDay(rows.text(0), last);
        if (index < 0)
            continue;
        ++out[std::size_t(index)].conversations;
        ratings[std::size_t(index)].add(rows.real(1));
    }
    if (!rows.status())
        return rows.status();
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i].avgConversationRating = ratings[i].value();
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
        { QStringLiteral("feltPace"), optionalJson(w.feltPaceAgreement) },
        { QStringLiteral("fillers"), optionalJson(w.fillersPerMinute) },
        { QStringLiteral("coverage"), optionalJson(w.scriptCoverage) },
        { QStringLiteral("answers"), w.answers },
        { QStringLiteral("firstWord"), optionalJson(w.avgFirstWordS) },
        { QStringLiteral("answerFillers"), optionalJson(w.answerFillersPerMinute) },
        { QStringLiteral("answerRating"), optionalJson(w.avgAnswerRating) } };
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
    w.fillersPerMinute = optionalFromJson(o.value(QStringLiteral("fillers")));
    w.scriptCoverage = optionalFromJson(o.value(QStringLiteral("coverage")));
    if (!o.contains(QStringLiteral("answers")))
        return std::nullopt; // kept before answers were counted: add the week up again
    w.answers = o.value(QStringLiteral("answers")).toInt();
    w.avgFirstWordS = optionalFromJson(o.value(QStringLiteral("firstWord")));
    w.answerFillersPerMinute = optionalFromJson(o.value(QStringLiteral("answerFillers")));
    w.avgAnswerRating = optionalFromJson(o.value(QStringLiteral("answerRating")));
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
    if (!missing.isEmpty() && m_database.isReadOnly()) {
        // A data folder the user cannot write to: add the weeks up, keep nothing.
        Result<QList<WeekStats>> added
            = addUp(missing, { &readTakes, &readDraws, &readAnswers, &readConversations },
                Concurrency::OneConnection);
        if (!added)
            return added.error();
        for (const WeekStats& stats : *added)
            cached.insert(stats.week.key(), stats);
    } else if (!missing.isEmpty()) {
        // Adding up and storing in one write transaction: a take saved meanwhile by another
        // program either is in the totals or clears them afterwards.
        storage::Transaction transaction(db);
        if (!transaction.begun())
            return transaction.begun().error();
        Result<QList<WeekStats>> added
            = addUp(missing, { &readTakes, &readDraws, &readAnswers, &readConversations },
                Concurrency::SecondConnection);
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
    Result<QList<WeekStats>> result = addUp(weeks, readers, Concurrency::OneConnection);
    if (!result)
        return result;
    for (WeekStats& week : *result)
        week.goalMet = meetsGoal(week, goal);
    return result;
}

Result<QList<WeekStats>> WeeklyStatsQuery::addUp(const QList<IsoWeek>& weeks,
    std::initializer_list<Reader> readers, Concurrency concurrency) const
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
    const storage::ScanSource own = storage::ScanSource::of(db);
    const WeekSlots spans(weeks, m_zone);
    const std::span<WeekStats> out(result.data(), std::size_t(result.size()));
    const Reader* next = readers.begin();
    // Over many weeks the first reader (the takes: the most work) runs in a second thread, on a
    // read-only connection of its own, while this thread reads the rest; on two cores that
    // nearly halves the time. Each reader fills only its own fields of the weeks, so the threads
    // share no memory. Only with the write lock held (weeks()) do both connections see the same
    // data: nobody else can commit in between.
    std::future<Status> background;
    std::unique_ptr<storage::ReadConnection> second;
    if (concurrency == Concurrency::SecondConnection && readers.size() > 1
        && weeks.size() >= kWeeksWorthASecondThread) {
        if (Result<std::unique_ptr<storage::ReadConnection>> opened
            = storage::ReadConnection::open(db.databaseName(), 5000)) {
            second = std::move(*opened);
            background = std::async(
                std::launch::async, [read = *next, source = second->source(), &spans, out] {
                    return read(source, spans, out);
                });
            ++next;
        } // else: read everything here
    }
    Status status;
    for (; next != readers.end() && status; ++next)
        status = (*next)(own, spans, out);
    if (background.valid()) {
        if (Status s = background.get(); status && !s)
            status = s;
    }
    if (!status)
        return status.error();
    return result;
}

Result<std::optional<IsoWeek>> WeeklyStatsQuery::firstActiveWeek() const
{
    Sql sql(m_database.connection(),
        QStringLiteral("SELECT (SELECT MIN(started_at) FROM takes), "
                       "(SELECT MIN(drawn_at) FROM draws), "
                       "(SELECT MIN(happened_on) FROM conversations), "
                       "(SELECT MIN(started_at) FROM answers)"));
    if (Status s = sql.exec({}, QStringLiteral("Could not read your history.")); !s)
        return s.error();
    if (!sql.next())
        return std::optional<IsoWeek>();
    std::optional<IsoWeek> earliest;
    auto consider = [&](const IsoWeek& w) {
        if (!earliest || w < *earliest)
            earliest = w;
    };
    for (int column : { 0, 1, 3 }) {
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
