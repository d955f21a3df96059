#include "core/rehearsal/pitchrepository.h"
#include "core/rehearsal/takerepository.h"
#include "core/storage/sql.h"
#include "core/storage/store.h"

#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace rapport::rehearsal {
namespace {

using rehearsal::Pitch;

const QDateTime kNow(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC);

class PitchRepositoryTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        auto store = storage::openStore(m_dir.path());
        ASSERT_TRUE(store.ok()) << store.error().toString().toStdString();
        m_store = std::make_unique<storage::Store>(std::move(*store));
        m_pitches = std::make_unique<PitchRepository>(*m_store->database);
    }

    Pitch pitch(const QString& title, qint64 targetMs = 60'000)
    {
        Pitch p;
        p.title = title;
        p.occasion = QStringLiteral("networking");
        p.text = QStringLiteral("We help small schools share teachers.");
        p.targetMs = targetMs;
        p.lights = rehearsal::defaultLightsFor(targetMs);
        return p;
    }

    void addTake(qint64 pitchId, const QDateTime& at, const QString& audio = {})
    {
        storage::Sql sql(m_store->database->connection(),
            QStringLiteral("INSERT INTO takes (pitch_id, started_at, green_ms, yellow_ms, red_ms, "
                           "audio_path) VALUES (?, ?, 1, 2, 3, ?)"));
        ASSERT_TRUE(sql.exec({ pitchId, at.toString(Qt::ISODateWithMs), audio }, {}).ok());
    }

    QTemporaryDir m_dir;
    std::unique_ptr<storage::Store> m_store;
    std::unique_ptr<PitchRepository> m_pitches;
};

TEST_F(PitchRepositoryTest, StoresEveryFieldAndReadsItBack)
{
    Pitch p = pitch(QStringLiteral("Team intro"), 90'000);
    p.lights.greenMs = 70'000;
    auto id = m_pitches->add(p, kNow);
    ASSERT_TRUE(id.ok());
    auto back = m_pitches->get(*id);
    ASSERT_TRUE(back.ok());
    p.id = *id;
    p.createdAt = kNow;
    p.updatedAt = kNow;
    EXPECT_EQ(*back, p);
}

TEST_F(PitchRepositoryTest, RefusesAPitchWithoutTitleAndStoresNothing)
{
    auto id = m_pitches->add(pitch(QStringLiteral(" ")), kNow);
    ASSERT_FALSE(id.ok());
    EXPECT_EQ(id.error().kind, ErrorKind::InvalidArgument);
    EXPECT_TRUE(m_pitches->list()->isEmpty());
}

TEST_F(PitchRepositoryTest, UpdateChangesFieldsAndTimeButNotCreation)
{
    const qint64 id = *m_pitches->add(pitch(QStringLiteral("Old")), kNow);
    Pitch p = *m_pitches->get(id);
    p.title = QStringLiteral("New");
    p.targetMs = 30'000;
    p.lights = rehearsal::defaultLightsFor(30'000);
    ASSERT_TRUE(m_pitches->update(p, kNow.addDays(1)).ok());
    const Pitch back = *m_pitches->get(id);
    EXPECT_EQ(back.title, QStringLiteral("New"));
    EXPECT_EQ(back.lights.redMs, 30'000);
    EXPECT_EQ(back.createdAt, kNow);
    EXPECT_EQ(back.updatedAt, kNow.addDays(1));
    p.id = 999;
    EXPECT_EQ(m_pitches->update(p, kNow).error().kind, ErrorKind::NoSuchRecord);
}

TEST_F(PitchRepositoryTest, ListPutsTheMostRecentlyActiveFirstWithTakeCounts)
{
    const qint64 a = *m_pitches->add(pitch(QStringLiteral("A")), kNow.addDays(-30));
    const qint64 b = *m_pitches->add(pitch(QStringLiteral("B")), kNow.addDays(-20));
    addTake(a, kNow.addDays(-1));
    addTake(a, kNow.addDays(-2));
    const QList<PitchSummary> list = *m_pitches->list();
    ASSERT_EQ(list.size(), 2);
    EXPECT_EQ(list[0].pitch.id, a);
    EXPECT_EQ(list[0].takeCount, 2);
    EXPECT_EQ(list[0].lastTakeAt, kNow.addDays(-1));
    EXPECT_FALSE(rehearsal::needsFreshening(list[0].lastActivity(), kNow));
    EXPECT_EQ(list[1].pitch.id, b);
    EXPECT_EQ(list[1].takeCount, 0);
    EXPECT_TRUE(rehearsal::needsFreshening(list[1].lastActivity(), kNow));
}

TEST_F(PitchRepositoryTest, FindsByIdTitleOrUniquePrefix)
{
    const qint64 intro = *m_pitches->add(pitch(QStringLiteral("Team intro")), kNow);
    const qint64 interview = *m_pitches->add(pitch(QStringLiteral("Team interview")), kNow);
    EXPECT_EQ(m_pitches->find(QString::number(intro))->id, intro);
    EXPECT_EQ(m_pitches->find(QStringLiteral("team INTRO"))->id, intro);
    EXPECT_EQ(m_pitches->find(QStringLiteral("Team intervi"))->id, interview);
    EXPECT_EQ(m_pitches->find(QStringLiteral("Team")).error().kind, ErrorKind::InvalidArgument);
    EXPECT_EQ(m_pitches->find(QStringLiteral("Nope")).error().kind, ErrorKind::NoSuchRecord);
}

TEST_F(PitchRepositoryTest, RemovingAPitchRemovesItsTakesAndReportsTheirAudio)
{
    const qint64 id = *m_pitches->add(pitch(QStringLiteral("A")), kNow);
    addTake(id, kNow, QStringLiteral("/data/recordings/1.wav"));
    addTake(id, kNow, QString());
    EXPECT_EQ(*TakeRepository(*m_store->database).audioPaths(id),
        QStringList { QStringLiteral("/data/recordings/1.wav") });
    ASSERT_TRUE(m_pitches->remove(id).ok());
    storage::Sql count(
        m_store->database->connection(), QStringLiteral("SELECT COUNT(*) FROM takes"));
    ASSERT_TRUE(count.exec({}, {}).ok() && count.next());
    EXPECT_EQ(count.value(0).toInt(), 0);
    EXPECT_EQ(m_pitches->remove(id).error().kind, ErrorKind::NoSuchRecord);
}

} // namespace
} // namespace rapport::rehearsal
