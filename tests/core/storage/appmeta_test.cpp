// The key-value table, and the weekly goal kept in it.
#include "core/progress/goal.h"
#include "core/storage/appmeta.h"
#include "core/storage/sql.h"
#include "core/storage/store.h"

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

} // namespace
} // namespace rapport::storage
