#include "core/decks/deckrepository.h"
#include "core/storage/store.h"

#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace rapport::decks {
namespace {

const QDateTime kNow(QDate(2026, 11, 23), QTime(10, 0), Qt::UTC);

Deck teamDeck()
{
    Deck deck;
    deck.id = QStringLiteral("user.team");
    deck.title = QStringLiteral("Team lunch");
    deck.description = QStringLiteral("For Fridays");
    deck.author = QStringLiteral("Me");
    deck.hints = { QStringLiteral("Listen more"), QStringLiteral("Ask back") };
    deck.questions = {
        { QStringLiteral("a"), Zone::SmallTalk, QStringLiteral("How was the week, really?"),
            { QStringLiteral("work") }, QStringLiteral("What made it so?"), {} },
        { QStringLiteral("b"), Zone::Deep, QStringLiteral("What are you proud of, lately?"),
            { QStringLiteral("work"), QStringLiteral("dinner") }, {}, QStringLiteral("Go slow"),
            3 },
    };
    return deck;
}

class DeckRepositoryTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        auto store = storage::openStore(m_dir.path());
        ASSERT_TRUE(store.ok());
        m_store = std::move(*store);
        m_repository = std::make_unique<DeckRepository>(*m_store.database);
    }
    QTemporaryDir m_dir;
    storage::Store m_store;
    std::unique_ptr<DeckRepository> m_repository;
};

TEST_F(DeckRepositoryTest, SavedDeckReadsBackFieldForField)
{
    {
        auto saved = m_repository->saveUserDeck(teamDeck(), kNow);
        ASSERT_TRUE(saved.ok()) << saved.error().toString().toStdString();
    }
    auto decks = m_repository->userDecks();
    ASSERT_TRUE(decks.ok());
    ASSERT_EQ(decks->size(), 1);
    EXPECT_EQ(decks->first(), teamDeck());
}

TEST_F(DeckRepositoryTest, ReplacingADeckKeepsStateOfSurvivingQuestions)
{
    {
        auto saved = m_repository->saveUserDeck(teamDeck(), kNow);
        ASSERT_TRUE(saved.ok()) << saved.error().toString().toStdString();
    }
    ASSERT_TRUE(
        m_repository->setFavourite({ QStringLiteral("user.team"), QStringLiteral("b") }, true)
            .ok());
    Deck edited = teamDeck();
    edited.questions[1].text = QStringLiteral("What are you proudest of this year?");
    edited.questions.removeFirst();
    ASSERT_TRUE(m_repository->saveUserDeck(edited, kNow).ok());
    EXPECT_EQ(m_repository->userDecks()->first().questions.size(), 1);
    EXPECT_TRUE(m_repository->cardStates()
                    ->value({ QStringLiteral("user.team"), QStringLiteral("b") })
                    .favourite);
}

TEST_F(DeckRepositoryTest, DeletingADeckRemovesItsQuestionsAndStateButKeepsHistoryText)
{
    {
        auto saved = m_repository->saveUserDeck(teamDeck(), kNow);
        ASSERT_TRUE(saved.ok()) << saved.error().toString().toStdString();
    }
    const CardKey key { QStringLiteral("user.team"), QStringLiteral("a") };
    ASSERT_TRUE(
        m_repository
            ->recordDraw(key, Zone::SmallTalk, QStringLiteral("How was the week, really?"), kNow)
            .ok());
    ASSERT_TRUE(m_repository->deleteUserDeck(QStringLiteral("user.team")).ok());
    EXPECT_TRUE(m_repository->userDecks()->isEmpty());
    EXPECT_FALSE(m_repository->cardStates()->contains(key));
    EXPECT_EQ(
        m_repository->recentDraws(1)->first().text, QStringLiteral("How was the week, really?"));
}

TEST_F(DeckRepositoryTest, DrawCountersAndSequenceAdvance)
{
    const CardKey key { QStringLiteral("rapport.small-talk"), QStringLiteral("small-talk-001") };
    auto first = m_repository->recordDraw(key, Zone::SmallTalk, QStringLiteral("x"), kNow);
    auto second
        = m_repository->recordDraw(key, Zone::SmallTalk, QStringLiteral("x"), kNow.addSecs(5));
    ASSERT_TRUE(first.ok() && second.ok());
    EXPECT_GT(second->seq, first->seq);
    const CardState state = m_repository->cardStates()->value(key);
    EXPECT_EQ(state.timesDrawn, 2);
    EXPECT_EQ(state.lastDrawSeq, second->seq);
    EXPECT_EQ(m_repository->recentDraws(10)->first().drawnAt, kNow.addSecs(5));
}

TEST_F(DeckRepositoryTest, FlagsToggleIndependently)
{
    const CardKey key { QStringLiteral("d"), QStringLiteral("q") };
    ASSERT_TRUE(m_repository->setHidden(key, true).ok());
    ASSERT_TRUE(m_repository->setFavourite(key, true).ok());
    ASSERT_TRUE(m_repository->setHidden(key, false).ok());
    const CardState state = m_repository->cardStates()->value(key);
    EXPECT_FALSE(state.hidden);
    EXPECT_TRUE(state.favourite);
}

} // namespace
} // namespace rapport::decks
