// The key-value table, and the weekly goal kept in it.
#include "core/progress/goal.h"
#include "core/storage/appmeta.h"
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

} // namespace
} // namespace rapport::storage
