#include "core/answers/answerrepository.h"
#include "core/conversations/conversationrepository.h"
#include "core/decks/deckrepository.h"
#include "core/progress/weeklystats.h"
#include "core/rehearsal/pitchrepository.h"
#include "core/rehearsal/takerepository.h"
#include "core/storage/sql.h"
#include "core/storage/store.h"
#include "tests/support/testtake.h"

#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace rapport::progress {
namespace {

QDateTime utc(const char* iso)
{
    QDateTime t = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    t.setTimeSpec(Qt::UTC);
    return t;
}

class WeeklyStatsTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        auto store = storage::openStore(m_dir.path());
        ASSERT_TRUE(store.ok());
        m_store = std::make_unique<storage::Store>(std::move(*store));
        rehearsal::Pitch pitch;
        pitch.title = QStringLiteral("A");
        pitch.lights = rehearsal::defaultLightsFor(60'000); // green 50 s, red 60 s
        rehearsal::PitchRepository pitches(*m_store->database);
        m_pitchA = *pitches.add(pitch, utc("2026-01-01T00:00:00"));
        pitch.title = QStringLiteral("B");
        m_pitchB = *pitches.add(pitch, utc("2026-01-01T00:00:00"));
    }

    void addTake(const char* startedAt, double speakingS = 55, std::optional<int> rating = {},
        qint64 pitch = 0, int pauses = 2, double wpm = 150,
        std::optional<rehearsal::FeltTiming> feltTiming = {},
        std::optional<rehearsal::FeltPace> feltPace = {})
    {
        rehearsal::Take take;
        take.pitchId = pitch ? pitch : m_pitchA;
        take.startedAt = utc(startedAt);
        take.lights = rehearsal::defaultLightsFor(60'000);
        take.report.durationS = speakingS + 2;
        take.report.speakingTimeS = speakingS;
        take.report.pauseCount = pauses;
        take.report.wordsPerMinute = wpm;
        take.rating.overall = rating;
        take.rating.feltTiming = feltTiming;
        take.rating.feltPace = feltPace;
        ASSERT_TRUE(rehearsal::TakeRepository(*m_store->database).add(take).ok());
    }

    void addDraw(const char* at, decks::Zone zone)
    {
        decks::DeckRepository decks(*m_store->database);
        ASSERT_TRUE(decks
                        .recordDraw({ QStringLiteral("d"), QStringLiteral("q") }, zone,
                            QStringLiteral("Q?"), utc(at))
                        .ok());
    }

    void addConversation(QDate day, int rating)
    {
        conversations::ConversationRepository conversations(*m_store->database);
        conversations::Conversation c;
        c.happenedOn = day;
        c.rating = rating;
        ASSERT_TRUE(conversations.add(c).ok());
    }

    QList<WeekStats> weeks(const char* first, const char* last, WeeklyGoal goal = {})
    {
        WeeklyStatsQuery query(*m_store->database, m_berlin);
        auto result = query.weeks(*IsoWeek::fromKey(QString::fromLatin1(first)),
            *IsoWeek::fromKey(QString::fromLatin1(last)), goal);
        EXPECT_TRUE(result.ok());
        return result ? *result : QList<WeekStats> {};
    }

    QTemporaryDir m_dir;
    std::unique_ptr<storage::Store> m_store;
    QTimeZone m_berlin { "Europe/Berlin" };
    qint64 m_pitchA = 0;
    qint64 m_pitchB = 0;
};

TEST_F(WeeklyStatsTest, EmptyDatabaseGivesEmptyWeeks)
{
    const QList<WeekStats> all = weeks("2026-W45", "2026-W48");
    ASSERT_EQ(all.size(), 4);
    for (const WeekStats& w : all) {
        EXPECT_EQ(w.takes, 0);
        EXPECT_EQ(w.cardsDrawn(), 0);
        EXPECT_EQ(w.conversations, 0);
        EXPECT_FALSE(w.avgSelfRating.has_value());
        EXPECT_FALSE(w.onTargetRatio.has_value());
        EXPECT_FALSE(w.goalMet);
    }
    EXPECT_EQ(all[0].week.key(), QStringLiteral("2026-W45"));
    EXPECT_EQ(all[3].week.key(), QStringLiteral("2026-W48"));
    auto first = WeeklyStatsQuery(*m_store->database, m_berlin).firstActiveWeek();
    ASSERT_TRUE(first.ok());
    EXPECT_FALSE(first->has_value());
}

TEST_F(WeeklyStatsTest, WeeksFollowLocalMidnightNotUtc)
{
    addTake("2026-11-22T22:30:00"); // Sunday 23:30 in Berlin: week 47
    addTake("2026-11-22T23:30:00"); // Monday 00:30 in Berlin: week 48
    const QList<WeekStats> all = weeks("2026-W47", "2026-W48");
    EXPECT_EQ(all[0].takes, 1);
    EXPECT_EQ(all[1].takes, 1);
}

TEST_F(WeeklyStatsTest, DaylightSavingWeeksLoseNothing)
{
    // Autumn: clocks go back on Sunday 25 October 2026, so week 43 lasts 169 hours.
    addTake("2026-10-18T22:30:00"); // Monday 19 Oct 00:30 CEST: first hour of week 43
    addTake("2026-10-25T22:30:00"); // Sunday 25 Oct 23:30 CET: last hour of week 43
    addTake("2026-10-25T23:30:00"); // Monday 26 Oct 00:30 CET: week 44
    // Spring: clocks go forward on Sunday 29 March 2026, so week 13 lasts 167 hours.
    addTake("2026-03-29T21:30:00"); // Sunday 23:30 CEST: week 13
    addTake("2026-03-29T22:30:00"); // Monday 30 Mar 00:30 CEST: week 14
    const QList<WeekStats> autumn = weeks("2026-W42", "2026-W44");
    EXPECT_EQ(autumn[0].takes, 0);
    EXPECT_EQ(autumn[1].takes, 2);
    EXPECT_EQ(autumn[2].takes, 1);
    const QList<WeekStats> spring = weeks("2026-W13", "2026-W14");
    EXPECT_EQ(spring[0].takes, 1);
    EXPECT_EQ(spring[1].takes, 1);
}

TEST_F(WeeklyStatsTest, Week53IsItsOwnWeek)
{
    addTake("2027-01-02T12:00:00"); // Saturday 2 January 2027 is in 2026-W53
    addTake("2027-01-04T12:00:00"); // 2027-W01
    const QList<WeekStats> all = weeks("2026-W52", "2027-W01");
    ASSERT_EQ(all.size(), 3);
    EXPECT_EQ(all[1].week.key(), QStringLiteral("2026-W53"));
    EXPECT_EQ(all[0].takes, 0);
    EXPECT_EQ(all[1].takes, 1);
    EXPECT_EQ(all[2].takes, 1);
}

TEST_F(WeeklyStatsTest, AggregatesTakesRatingsTimingAndPace)
{
    addTake("2026-11-23T10:00:00", 55, 4, m_pitchA, 2, 140); // within the window, 5 s short of red
    addTake("2026-11-24T10:00:00", 65, 2, m_pitchB, 4, 160); // 5 s over
    addTake("2026-11-25T10:00:00", 40, {}, m_pitchA, 0, 120); // 10 s under green, unrated
    const WeekStats w = weeks("2026-W48", "2026-W48").first();
    EXPECT_EQ(w.takes, 3);
    EXPECT_NEAR(w.minutes, (57.0 + 67.0 + 42.0) / 60.0, 1e-9);
    EXPECT_EQ(w.distinctPitches, 2);
    ASSERT_TRUE(w.avgSelfRating);
    EXPECT_DOUBLE_EQ(*w.avgSelfRating, 3.0);
    ASSERT_TRUE(w.onTargetRatio);
    EXPECT_NEAR(*w.onTargetRatio, 1.0 / 3.0, 1e-9);
    ASSERT_TRUE(w.meanAbsTimingErrorS);
    EXPECT_NEAR(*w.meanAbsTimingErrorS, (5.0 + 5.0 + 20.0) / 3.0, 1e-9);
    ASSERT_TRUE(w.avgWpm);
    EXPECT_NEAR(*w.avgWpm, 140.0, 1e-9);
    ASSERT_TRUE(w.pausesPerMinute);
    EXPECT_NEAR(*w.pausesPerMinute, 6.0 / (160.0 / 60.0), 1e-9);
}

TEST_F(WeeklyStatsTest, FillersAndScriptSaidOverTheTakesWhoseWordsWereHeard)
{
    // Two takes heard (one with a script), one not: the rate is over the heard takes' speaking.
    auto heard = [this](const char* at, double speakingS, const char* said, const QString& script) {
        rehearsal::Take take;
        take.pitchId = m_pitchA;
        take.startedAt = utc(at);
        take.lights = rehearsal::defaultLightsFor(60'000);
        take.report.durationS = speakingS + 2;
        take.report.speakingTimeS = speakingS;
        take.words
            = speech::makeWordReport(test::evenlySaid(QString::fromUtf8(said)), speakingS, script);
        ASSERT_TRUE(rehearsal::TakeRepository(*m_store->database).add(take).ok());
    };
    heard("2026-11-23T10:00:00", 60, "um we build uh tools um", QString()); // 3 fillers
    heard("2026-11-24T10:00:00", 30, "we build uh tools",
        QStringLiteral("We build tools. We sell them.")); // 1 filler, half the script
    addTake("2026-11-25T10:00:00", 90); // not heard: counts for nothing here
    const WeekStats w = weeks("2026-W48", "2026-W48").first();
    EXPECT_EQ(w.takes, 3);
    ASSERT_TRUE(w.fillersPerMinute);
    EXPECT_NEAR(*w.fillersPerMinute, 4.0 / (90.0 / 60.0), 1e-9);
    ASSERT_TRUE(w.scriptCoverage);
    EXPECT_NEAR(*w.scriptCoverage, 0.5, 1e-9);
    // A week without heard takes has neither.
    addTake("2026-12-01T10:00:00");
    const WeekStats next = weeks("2026-W49", "2026-W49").first();
    EXPECT_FALSE(next.fillersPerMinute);
    EXPECT_FALSE(next.scriptCoverage);
}

TEST_F(WeeklyStatsTest, CountsCardsByZoneAndConversationsByLocalDay)
{
    addDraw("2026-11-23T08:00:00", decks::Zone::SmallTalk);
    addDraw("2026-11-23T08:01:00", decks::Zone::SmallTalk);
    addDraw("2026-11-23T08:02:00", decks::Zone::Deep);
    addDraw("2026-11-29T23:30:00", decks::Zone::Fun); // Monday 00:30 local: next week
    addConversation(QDate(2026, 11, 29), 5);
    addConversation(QDate(2026, 11, 23), 3);
    addConversation(QDate(2026, 11, 30), 1);
    const QList<WeekStats> all = weeks("2026-W48", "2026-W49");
    EXPECT_EQ(all[0].cardsByZone[0], 2);
    EXPECT_EQ(all[0].cardsByZone[2], 1);
    EXPECT_EQ(all[0].cardsDrawn(), 3);
    EXPECT_EQ(all[1].cardsByZone[1], 1);
    EXPECT_EQ(all[0].conversations, 2);
    EXPECT_DOUBLE_EQ(*all[0].avgConversationRating, 4.0);
    EXPECT_EQ(all[1].conversations, 1);
}

TEST_F(WeeklyStatsTest, GoalAndStreak)
{
    const WeeklyGoal goal { 2, 1 };
    // W45 met, W46 met, W47 not, W48 met, W49 met, W50 (current) not yet.
    for (const char* day : { "2026-11-02", "2026-11-09", "2026-11-23", "2026-11-30" }) {
        const QDate d = QDate::fromString(QString::fromLatin1(day), Qt::ISODate);
        addConversation(d, 4);
        addTake((d.toString(Qt::ISODate) + QStringLiteral("T10:00:00")).toLatin1().constData());
        addTake((d.toString(Qt::ISODate) + QStringLiteral("T11:00:00")).toLatin1().constData());
    }
    addTake("2026-11-17T10:00:00"); // W47: one take only
    const QList<WeekStats> all = weeks("2026-W45", "2026-W50", goal);
    ASSERT_EQ(all.size(), 6);
    EXPECT_TRUE(all[0].goalMet);
    EXPECT_TRUE(all[1].goalMet);
    EXPECT_FALSE(all[2].goalMet);
    EXPECT_TRUE(all[3].goalMet);
    EXPECT_TRUE(all[4].goalMet);
    EXPECT_FALSE(all[5].goalMet);
    EXPECT_EQ(goalStreak(all, true), 2); // the unfinished week does not break it
    EXPECT_EQ(goalStreak(all, false), 0);
    EXPECT_EQ(goalStreak(all.mid(0, 2), false), 2);
    auto first = WeeklyStatsQuery(*m_store->database, m_berlin).firstActiveWeek();
    ASSERT_TRUE(first.ok() && first->has_value());
    EXPECT_EQ((*first)->key(), QStringLiteral("2026-W45"));
}

TEST_F(WeeklyStatsTest, GoalWeeksCountTakesAndConversationsLikeTheFullQuery)
{
    const WeeklyGoal goal { 2, 1 };
    addTake("2026-11-16T10:00:00", 55, 4);
    addTake("2026-11-22T22:30:00", 65, 2); // Sunday 23:30 in Berlin: still week 47
    addTake("2026-11-22T23:30:00"); // Monday 00:30 in Berlin: week 48
    addConversation(QDate(2026, 11, 17), 4);
    addDraw("2026-11-17T08:00:00", decks::Zone::Fun);
    WeeklyStatsQuery query(*m_store->database, m_berlin);
    auto counts = query.goalWeeks(*IsoWeek::fromKey(QStringLiteral("2026-W46")),
        *IsoWeek::fromKey(QStringLiteral("2026-W48")), goal);
    ASSERT_TRUE(counts.ok());
    const QList<WeekStats> full = weeks("2026-W46", "2026-W48", goal);
    ASSERT_EQ(counts->size(), 3);
    for (qsizetype i = 0; i < 3; ++i) {
        EXPECT_EQ((*counts)[i].week, full[i].week);
        EXPECT_EQ((*counts)[i].takes, full[i].takes);
        EXPECT_EQ((*counts)[i].conversations, full[i].conversations);
        EXPECT_EQ((*counts)[i].goalMet, full[i].goalMet);
        EXPECT_EQ((*counts)[i].cardsDrawn(), 0); // not read
    }
    EXPECT_EQ((*counts)[1].takes, 2);
    EXPECT_TRUE((*counts)[1].goalMet);
    EXPECT_EQ((*counts)[2].takes, 1);
    EXPECT_EQ(full[1].cardsByZone[1], 1);
}

TEST_F(WeeklyStatsTest, CalibrationComparesHowTakesFeltWithWhatWasMeasured)
{
    using rehearsal::FeltPace;
    using rehearsal::FeltTiming;
    // Felt on time and was (55 s in 50-60); felt short but was long (65 s); felt long and was.
    addTake("2026-11-23T10:00:00", 55, 4, 0, 2, 150, FeltTiming::OnTime, FeltPace::Comfortable);
    addTake("2026-11-23T11:00:00", 65, 4, 0, 2, 170, FeltTiming::Short, FeltPace::Comfortable);
    addTake("2026-11-23T12:00:00", 70, 4, 0, 2, 90, FeltTiming::Long, FeltPace::Slow);
    addTake("2026-11-23T13:00:00", 52, 4); // said nothing about how it felt
    const WeekStats w = weeks("2026-W48", "2026-W48").first();
    ASSERT_TRUE(w.feltTimingAgreement && w.feltPaceAgreement);
    EXPECT_NEAR(*w.feltTimingAgreement, 2.0 / 3.0, 1e-9);
    EXPECT_NEAR(*w.feltPaceAgreement, 2.0 / 3.0, 1e-9);
    const WeekStats empty = weeks("2026-W47", "2026-W47").first();
    EXPECT_FALSE(empty.feltTimingAgreement.has_value());
}

// Answers to cards: how many a week, the mean time to the first word (over answers with speech),
// fillers a minute over the answers whose words were heard (beside the takes' own figure) and the
// mean rating; a change to an answer clears its cached week.
TEST_F(WeeklyStatsTest, AnswersCountTheTimeToTheFirstWordAndTheirOwnFillers)
{
    answers::AnswerRepository repository(*m_store->database);
    auto answer = [&](const char* at, std::optional<double> firstWordS, double speakingS,
                      const char* said, std::optional<int> rating) {
        answers::Answer a;
        a.card = { QStringLiteral("rapport.small-talk"), QStringLiteral("small-talk-001"),
            decks::Zone::SmallTalk, QStringLiteral("How was your weekend?") };
        a.startedAt = utc(at);
        a.lights = answers::defaultAnswerLights();
        a.report.durationS = speakingS + 3;
        a.report.speechStartS = firstWordS;
        a.report.speakingTimeS = firstWordS ? std::optional(speakingS) : std::nullopt;
        if (said)
            a.words = speech::makeWordReport(
                test::evenlySaid(QString::fromUtf8(said)), speakingS, QString());
        a.rating.overall = rating;
        Result<qint64> id = repository.add(a);
        EXPECT_TRUE(id.ok());
        return id ? *id : 0;
    };
    // Week 46: three answers; the third found no speech. The first two were heard: 4 fillers
    // over 90 s of speaking.
    answer("2026-11-10T10:00:00", 1.5, 60, "um so I went uh hiking um", 4);
    answer("2026-11-11T10:00:00", 3.5, 30, "we uh cooked", 2);
    const qint64 silent = answer("2026-11-12T10:00:00", std::nullopt, 0, nullptr, {});
    // A take in the same week with its own fillers, which must not mix with the answers'.
    rehearsal::Take take;
    take.pitchId = m_pitchA;
    take.startedAt = utc("2026-11-12T12:00:00");
    take.lights = rehearsal::defaultLightsFor(60'000);
    take.report.durationS = 62;
    take.report.speakingTimeS = 60;
    take.words = speech::makeWordReport(test::evenlySaid(QStringLiteral("we build tools")), 60, {});
    ASSERT_TRUE(rehearsal::TakeRepository(*m_store->database).add(take).ok());

    QList<WeekStats> all = weeks("2026-W45", "2026-W47");
    const WeekStats& w = all[1];
    EXPECT_EQ(all[0].answers, 0);
    EXPECT_FALSE(all[0].avgFirstWordS);
    EXPECT_EQ(w.answers, 3);
    ASSERT_TRUE(w.avgFirstWordS);
    EXPECT_NEAR(*w.avgFirstWordS, 2.5, 1e-9);
    ASSERT_TRUE(w.answerFillersPerMinute);
    EXPECT_NEAR(*w.answerFillersPerMinute, 4.0 / (90.0 / 60.0), 1e-9);
    ASSERT_TRUE(w.fillersPerMinute);
    EXPECT_DOUBLE_EQ(*w.fillersPerMinute, 0.0); // the take's, without the answers'
    ASSERT_TRUE(w.avgAnswerRating);
    EXPECT_DOUBLE_EQ(*w.avgAnswerRating, 3.0);
    EXPECT_EQ(w.takes, 1);

    // The week was cached (it is over); the same figures read back from the cache.
    const WeekStats cached = weeks("2026-W46", "2026-W46").first();
    EXPECT_EQ(cached.answers, w.answers);
    EXPECT_EQ(cached.avgFirstWordS, w.avgFirstWordS);
    EXPECT_EQ(cached.answerFillersPerMinute, w.answerFillersPerMinute);
    EXPECT_EQ(cached.avgAnswerRating, w.avgAnswerRating);

    // Rating, deleting and adding an answer each show in the next query.
    answers::AnswerRating rating;
    rating.overall = 5;
    ASSERT_TRUE(repository.setRating(silent, rating).ok());
    EXPECT_NEAR(*weeks("2026-W46", "2026-W46").first().avgAnswerRating, 11.0 / 3.0, 1e-9);
    ASSERT_TRUE(repository.remove(silent).ok());
    EXPECT_EQ(weeks("2026-W46", "2026-W46").first().answers, 2);
    answer("2026-11-13T10:00:00", 0.5, 20, "yes", 3);
    const WeekStats after = weeks("2026-W46", "2026-W46").first();
    EXPECT_EQ(after.answers, 3);
    EXPECT_NEAR(*after.avgFirstWordS, 5.5 / 3.0, 1e-9);

    // The earliest answer makes the first active week when nothing else came before it.
    answer("2026-10-01T10:00:00", 1.0, 10, nullptr, {});
    WeeklyStatsQuery query(*m_store->database, m_berlin);
    Result<std::optional<IsoWeek>> first = query.firstActiveWeek();
    ASSERT_TRUE(first.ok() && first->has_value());
    EXPECT_EQ((*first)->key(), QStringLiteral("2026-W40"));
}

TEST_F(WeeklyStatsTest, FinishedWeeksAreCachedAndAnyChangeInThemIsSeen)
{
    addTake("2026-11-10T10:00:00", 55, 4);
    addDraw("2026-11-10T08:00:00", decks::Zone::Fun);
    addConversation(QDate(2026, 11, 11), 2);
    QList<WeekStats> before = weeks("2026-W45", "2026-W47");
    EXPECT_EQ(before[1].takes, 1);
    auto cachedRows = [&] {
        storage::Sql sql(
            m_store->database->connection(), QStringLiteral("SELECT COUNT(*) FROM week_cache"));
        EXPECT_TRUE(sql.exec({}, {}).ok() && sql.next());
        return sql.value(0).toInt();
    };
    EXPECT_EQ(cachedRows(), 3); // finished weeks only (the test runs after 2026-W47)

    // Each change inside a cached week shows in the next query.
    addTake("2026-11-11T10:00:00", 65, 2);
    EXPECT_EQ(cachedRows(), 2);
    WeekStats w = weeks("2026-W46", "2026-W46").first();
    EXPECT_EQ(w.takes, 2);
    EXPECT_DOUBLE_EQ(*w.avgSelfRating, 3.0);
    rehearsal::TakeRepository takes(*m_store->database);
    const rehearsal::Take first = takes.list()->first();
    rehearsal::SelfRating rating;
    rating.overall = 2;
    ASSERT_TRUE(takes.setRating(first.id, rating).ok());
    EXPECT_DOUBLE_EQ(*weeks("2026-W46", "2026-W46").first().avgSelfRating, 2.0);
    ASSERT_TRUE(takes.remove(first.id).ok());
    EXPECT_EQ(weeks("2026-W46", "2026-W46").first().takes, 1);
    addDraw("2026-11-12T08:00:00", decks::Zone::Deep);
    EXPECT_EQ(weeks("2026-W46", "2026-W46").first().cardsDrawn(), 2);
    addConversation(QDate(2026, 11, 12), 4);
    w = weeks("2026-W46", "2026-W46").first();
    EXPECT_EQ(w.conversations, 2);
    EXPECT_DOUBLE_EQ(*w.avgConversationRating, 3.0);

    // A cached week reads back exactly what was added up.
    const QList<WeekStats> fresh = weeks("2026-W45", "2026-W47");
    const QList<WeekStats> again = weeks("2026-W45", "2026-W47");
    for (qsizetype i = 0; i < fresh.size(); ++i) {
        EXPECT_EQ(again[i].takes, fresh[i].takes);
        EXPECT_EQ(again[i].minutes, fresh[i].minutes);
        EXPECT_EQ(again[i].cardsByZone, fresh[i].cardsByZone);
        EXPECT_EQ(again[i].avgSelfRating, fresh[i].avgSelfRating);
        EXPECT_EQ(again[i].avgRubric, fresh[i].avgRubric);
        EXPECT_EQ(again[i].onTargetRatio, fresh[i].onTargetRatio);
        EXPECT_EQ(again[i].avgConversationRating, fresh[i].avgConversationRating);
        EXPECT_EQ(again[i].pausesPerMinute, fresh[i].pausesPerMinute);
    }
}

// Over many weeks the takes are added up on a second connection in another thread (see
// WeeklyStatsQuery::addUp); every field must come out as when each week is added up alone.
TEST_F(WeeklyStatsTest, AYearAddedUpAtOnceMatchesEachWeekAddedUpAlone)
{
    using rehearsal::FeltPace;
    using rehearsal::FeltTiming;
    const IsoWeek first = *IsoWeek::fromKey(QStringLiteral("2025-W40"));
    const int weekCount = 60; // to 2026-W47, across both 2025/2026 daylight-saving changes
    QList<int> takesIn;
    IsoWeek week = first;
    for (int i = 0; i < weekCount; ++i, week = week.next()) {
        const QDate monday = week.monday();
        const int takes = i % 4; // some weeks have none
        takesIn << takes;
        for (int t = 0; t < takes; ++t) {
            const QByteArray at = QDateTime(monday.addDays(t * 2), QTime(9 + t, 15), m_berlin)
                                      .toUTC()
                                      .toString(Qt::ISODate)
                                      .toLatin1();
            addTake(at.constData(), 45.0 + i % 20, 1 + (i + t) % 5, t % 2 ? m_pitchB : m_pitchA, t,
                110.0 + 3 * i, t == 1 ? std::optional(FeltTiming::Long) : std::nullopt,
                t == 2 ? std::optional(FeltPace::Fast) : std::nullopt);
        }
        // Sunday 23:30 local time belongs to this week, whatever the UTC date.
        const QByteArray lateSunday = QDateTime(monday.addDays(6), QTime(23, 30), m_berlin)
                                          .toUTC()
                                          .toString(Qt::ISODate)
                                          .toLatin1();
        addDraw(
            lateSunday.constData(), decks::kAllZones[std::size_t(i) % std::size(decks::kAllZones)]);
        if (i % 3 == 0)
            addConversation(monday.addDays(6), 1 + i % 5);
    }
    const IsoWeek last = *IsoWeek::fromKey(QStringLiteral("2026-W47"));
    ASSERT_EQ(first.weeksTo(last), weekCount - 1);

    const WeeklyStatsQuery query(*m_store->database, m_berlin);
    auto clearCache = [&] {
        storage::Sql clear(
            m_store->database->connection(), QStringLiteral("DELETE FROM week_cache"));
        ASSERT_TRUE(clear.exec({}, {}).ok());
    };
    clearCache();
    const auto all = query.weeks(first, last, {});
    ASSERT_TRUE(all.ok());
    ASSERT_EQ(all->size(), weekCount);
    for (int i = 0; i < weekCount; ++i) {
        const WeekStats& together = (*all)[i];
        clearCache();
        const auto alone = query.weeks(together.week, together.week, {});
        ASSERT_TRUE(alone.ok());
        const WeekStats& w = alone->first();
        SCOPED_TRACE(together.week.key().toStdString());
        EXPECT_EQ(together.takes, takesIn[i]); // as seeded
        EXPECT_EQ(together.cardsDrawn(), 1);
        EXPECT_EQ(together.conversations, i % 3 == 0 ? 1 : 0);
        EXPECT_EQ(together.takes, w.takes);
        EXPECT_DOUBLE_EQ(together.minutes, w.minutes);
        EXPECT_EQ(together.distinctPitches, w.distinctPitches);
        EXPECT_EQ(together.cardsByZone, w.cardsByZone);
        EXPECT_EQ(together.conversations, w.conversations);
        EXPECT_EQ(together.avgConversationRating, w.avgConversationRating);
        EXPECT_EQ(together.avgSelfRating, w.avgSelfRating);
        EXPECT_EQ(together.avgRubric, w.avgRubric);
        EXPECT_EQ(together.onTargetRatio, w.onTargetRatio);
        EXPECT_EQ(together.meanAbsTimingErrorS, w.meanAbsTimingErrorS);
        EXPECT_EQ(together.avgWpm, w.avgWpm);
        EXPECT_EQ(together.pausesPerMinute, w.pausesPerMinute);
        EXPECT_EQ(together.feltTimingAgreement, w.feltTimingAgreement);
        EXPECT_EQ(together.feltPaceAgreement, w.feltPaceAgreement);
    }
}

} // namespace
} // namespace rapport::progress
