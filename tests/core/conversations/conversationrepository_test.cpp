#include "core/conversations/conversationrepository.h"
#include "core/storage/store.h"

#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace rapport::conversations {
namespace {

const QDateTime kNow(QDate(2026, 11, 23), QTime(10, 0), Qt::UTC);

class ConversationRepositoryTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        auto store = storage::openStore(m_dir.path());
        ASSERT_TRUE(store.ok());
        m_store = std::move(*store);
    }
    QTemporaryDir m_dir;
    storage::Store m_store;
};

TEST_F(ConversationRepositoryTest, ConversationsRoundTripNewestFirst)
{
    ConversationRepository conversations(*m_store.database);
    Conversation older { 0, QDate(2026, 11, 2), QStringLiteral("Sam"), 4, QStringLiteral("Good"),
        { { { QStringLiteral("rapport.fun-zone"), QStringLiteral("fun-001") },
            QStringLiteral("First job?") } },
        kNow };
    Conversation newer { 0, QDate(2026, 11, 20), {}, 2, {}, {}, kNow };
    ASSERT_TRUE(conversations.add(older).ok());
    ASSERT_TRUE(conversations.add(newer).ok());
    auto list = conversations.list();
    ASSERT_TRUE(list.ok());
    ASSERT_EQ(list->size(), 2);
    EXPECT_EQ(list->at(0).happenedOn, QDate(2026, 11, 20));
    EXPECT_EQ(list->at(1).withWhom, QStringLiteral("Sam"));
    EXPECT_EQ(list->at(1).questions, older.questions);
    EXPECT_EQ(list->at(1).createdAt, kNow);
}

TEST_F(ConversationRepositoryTest, ConversationWithBadRatingIsRefused)
{
    ConversationRepository conversations(*m_store.database);
    auto result = conversations.add(Conversation { 0, QDate(2026, 11, 2), {}, 6, {}, {}, kNow });
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().kind, ErrorKind::InvalidArgument);
    EXPECT_TRUE(conversations.list()->isEmpty());
}

} // namespace
} // namespace rapport::conversations
