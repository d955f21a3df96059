// The key-value table, and the weekly goal kept in it.
#include "core/progress/goal.h"
#include "core/storage/appmeta.h"
#include "core/storage/sql.h"
#include "core/storage/store.h"

#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace rapport::storage {
namespace {

class AppMetaTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        auto store = openStore(m_dir.path());
        ASSERT_TRUE(store.ok()) << store.error().toString().toStdString();
        m_store = std::make_unique<Store>(std::move(*store));
    }
    const Database& db() const { return *m_store->database; }

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
};

TEST_F(AppMetaTest, WritesReplaceAndReadsReturnOnlyWhatIsStored)
{
    ASSERT_TRUE(writeMeta(db(),
        { { QStringLiteral("a"), QStringLiteral("1") },
            { QStringLiteral("b"), QStringLiteral("two") } },
        QStringLiteral("Saving."))
                    .ok());
    ASSERT_TRUE(
        writeMeta(db(), { { QStringLiteral("a"), QStringLiteral("3") } }, QStringLiteral("Saving."))
            .ok());
    const auto read
        = readMeta(db(), { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") }, {});
    ASSERT_TRUE(read.ok());
    EXPECT_EQ(read->size(), 2);
    EXPECT_EQ(read->value(QStringLiteral("a")), QStringLiteral("3"));
    EXPECT_EQ(read->value(QStringLiteral("b")), QStringLiteral("two"));
    const auto none = readMeta(db(), {}, {});
    ASSERT_TRUE(none.ok());
    EXPECT_TRUE(none->isEmpty());
}

TEST_F(AppMetaTest, AGoalRoundTripsAndADamagedValueFallsBackToTheDefault)
{
    const progress::WeeklyGoal defaults;
    ASSERT_TRUE(progress::saveGoal(db(), { 5, 0 }).ok());
    auto goal = progress::loadGoal(db());
    ASSERT_TRUE(goal.ok());
    EXPECT_EQ(goal->takes, 5);
    EXPECT_EQ(goal->conversations, 0);

    ASSERT_TRUE(writeMeta(db(),
        { { QStringLiteral("goal_takes"), QStringLiteral("lots") },
            { QStringLiteral("goal_conversations"), QStringLiteral("101") } },
        {})
                    .ok());
    goal = progress::loadGoal(db());
    ASSERT_TRUE(goal.ok());
    EXPECT_EQ(goal->takes, defaults.takes);
    EXPECT_EQ(goal->conversations, defaults.conversations);

    const Status refused = progress::saveGoal(db(), { 0, 0 });
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().kind, ErrorKind::InvalidArgument);
}

TEST_F(AppMetaTest, ATransactionInsideAnotherIsASavepointOfIt)
{
    const auto value = [&](const QString& key) { return readMeta(db(), { key }, {})->value(key); };
    {
        // The inner one commits, the outer one does not: nothing stays.
        Transaction outer(db().connection());
        ASSERT_TRUE(outer.begun().ok());
        ASSERT_TRUE(writeMeta(db(), { { QStringLiteral("k"), QStringLiteral("inner") } }, {}).ok());
        EXPECT_EQ(value(QStringLiteral("k")), QStringLiteral("inner"));
    }
    EXPECT_EQ(value(QStringLiteral("k")), QString());
    {
        // The inner one is rolled back, the outer one commits: only the outer write stays.
        Transaction outer(db().connection());
        ASSERT_TRUE(outer.begun().ok());
        ASSERT_TRUE(writeMeta(db(), { { QStringLiteral("a"), QStringLiteral("outer") } }, {}).ok());
        {
            Transaction inner(db().connection());
            ASSERT_TRUE(inner.begun().ok());
            Sql sql(db().connection(),
                QStringLiteral("INSERT OR REPLACE INTO app_meta (key, value) VALUES ('b', 'x')"));
            ASSERT_TRUE(sql.exec({}, {}).ok());
        }
        ASSERT_TRUE(outer.commit().ok());
    }
    EXPECT_EQ(value(QStringLiteral("a")), QStringLiteral("outer"));
    EXPECT_EQ(value(QStringLiteral("b")), QString());
    // And a new outermost transaction begins as one again.
    Transaction next(db().connection());
    EXPECT_TRUE(next.begun().ok());
    EXPECT_TRUE(next.commit().ok());
}

TEST_F(AppMetaTest, DamagedPagesAreFoundAtTheWeeklyCheckAndNamed)
{
    // Enough rows for pages beyond the schema's (in a table of their own, so that what is
    // damaged is only them).
    {
        Sql create(db().connection(), QStringLiteral("CREATE TABLE filler (key TEXT, value TEXT)"));
        ASSERT_TRUE(create.exec({}, {}).ok());
        Sql insert(
            db().connection(), QStringLiteral("INSERT INTO filler (key, value) VALUES (?, ?)"));
        Transaction all(db().connection());
        ASSERT_TRUE(all.begun().ok());
        for (int i = 0; i < 2000; ++i)
            ASSERT_TRUE(
                insert.exec({ QStringLiteral("filler-%1").arg(i), QString(200, u'x') }, {}).ok());
        ASSERT_TRUE(all.commit().ok());
    }
    const QString path = m_store->database->filePath();
    // A check ran at the first opening: the next one is a week later.
    ASSERT_FALSE(readMeta(db(), { QStringLiteral("last_quick_check") }, {})->isEmpty());
    m_store.reset();
    {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::ReadWrite));
        ASSERT_GT(file.size(), 40 * 4096);
        file.seek(file.size() - 20 * 4096 + 8); // inside a leaf page, past its header
        file.write(QByteArray(3000, '\xff'));
    }
    // Within the week nothing is checked, so the opening is as fast as ever.
    {
        auto store = openStore(m_dir.path());
        ASSERT_TRUE(store.ok()) << store.error().toString().toStdString();
        ASSERT_TRUE(writeMeta(*store->database,
            { { QStringLiteral("last_quick_check"),
                QDateTime::currentDateTimeUtc().addDays(-8).toString(Qt::ISODate) } },
            {})
                        .ok());
    }
    auto checked = openStore(m_dir.path());
    ASSERT_FALSE(checked.ok());
    EXPECT_EQ(checked.error().kind, ErrorKind::NotADatabase);
    EXPECT_TRUE(checked.error().what.contains(QStringLiteral("damaged")))
        << checked.error().what.toStdString();
    EXPECT_TRUE(checked.error().fix.contains(QStringLiteral("Restore your latest backup")));
}

} // namespace
} // namespace rapport::storage
