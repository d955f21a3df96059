#include "core/decks/drawer.h"
#include "core/storage/store.h"
#include "tests/support/fixedclock.h"

#include <QSet>
#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace rapport::decks {
namespace {

using decks::CardKey;

Deck makeDeck(const QString& id, Zone zone, int count, const QStringList& tags = {})
{
    Deck deck;
    deck.id = id;
    deck.title = id;
    for (int i = 1; i <= count; ++i) {
        deck.questions << Question { QStringLiteral("q%1").arg(i), zone,
            QStringLiteral("%1 question %2?").arg(id).arg(i), tags, {}, {} };
    }
    return deck;
}

class DrawerTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        openDatabase();
        // 10 small talk (work), 7 fun (social), 5 deep (work + social): 22 cards.
        m_library = DeckLibrary(
            { makeDeck(QStringLiteral("st"), Zone::SmallTalk, 10, { QStringLiteral("work") }),
                makeDeck(QStringLiteral("fun"), Zone::Fun, 7, { QStringLiteral("social") }),
                makeDeck(QStringLiteral("deep"), Zone::Deep, 5,
                    { QStringLiteral("work"), QStringLiteral("social") }) });
    }

    void openDatabase()
    {
        m_repository.reset();
        m_store = {};
        auto store = storage::openStore(m_dir.path());
        ASSERT_TRUE(store.ok()) << store.error().toString().toStdString();
        m_store = std::move(*store);
        m_repository = std::make_unique<decks::DeckRepository>(*m_store.database);
    }

    // Draws `n` cards and returns their keys as "deck/question".
    QStringList drawMany(Drawer& drawer, int n, const DrawFilter& filter = {})
    {
        QStringList keys;
        for (int i = 0; i < n; ++i) {
            auto card = drawer.draw(filter);
            EXPECT_TRUE(card.ok());
            if (!card.ok() || !card->has_value())
                break;
            keys << (*card)->key.toString();
        }
        return keys;
    }

    QTemporaryDir m_dir;
    storage::Store m_store;
    std::unique_ptr<decks::DeckRepository> m_repository;
    DeckLibrary m_library;
    test::FixedClock m_clock;
};

TEST_F(DrawerTest, NeverRepeatsBeforeThePoolIsExhaustedOver10000Draws)
{
    Drawer drawer(m_library, *m_repository, m_clock, 42);
    const QStringList keys = drawMany(drawer, 10000);
    ASSERT_EQ(keys.size(), 10000);
    constexpr int kPool = 22;
    for (int start = 0; start + kPool <= keys.size(); start += kPool) {
        const QStringList round = keys.mid(start, kPool);
        ASSERT_EQ(QSet<QString>(round.cbegin(), round.cend()).size(), kPool)
            << "round at " << start;
        if (start > 0) {
            EXPECT_NE(keys[start], keys[start - 1]) << "a new round began with the card just drawn";
        }
    }
}

TEST_F(DrawerTest, RoundsAreShuffledDifferently)
{
    Drawer drawer(m_library, *m_repository, m_clock, 7);
    const QStringList keys = drawMany(drawer, 66);
    EXPECT_NE(keys.mid(0, 22), keys.mid(22, 22));
    EXPECT_NE(keys.mid(22, 22), keys.mid(44, 22));
}

TEST_F(DrawerTest, HiddenCardsAreNeverDrawn)
{
    const QList<CardKey> hidden { { QStringLiteral("st"), QStringLiteral("q1") },
        { QStringLiteral("fun"), QStringLiteral("q7") },
        { QStringLiteral("deep"), QStringLiteral("q3") } };
    for (const CardKey& key : hidden)
        ASSERT_TRUE(m_repository->setHidden(key, true).ok());
    Drawer drawer(m_library, *m_repository, m_clock, 1);
    const QStringList keys = drawMany(drawer, 10000);
    for (const CardKey& key : hidden)
        EXPECT_FALSE(keys.contains(key.toString())) << key.toString().toStdString();
    const QStringList round = keys.mid(0, 19);
    EXPECT_EQ(QSet<QString>(round.cbegin(), round.cend()).size(), 19);
    EXPECT_EQ(drawer.poolSize({}).value(), 19);

    ASSERT_TRUE(m_repository->setHidden(hidden[0], false).ok());
    EXPECT_EQ(drawMany(drawer, 1).value(0), hidden[0].toString())
        << "an unhidden card is the least drawn";
}

TEST_F(DrawerTest, FavouritesOnlyDrawsFavourites)
{
    const QStringList favourites { QStringLiteral("st/q2"), QStringLiteral("deep/q1") };
    ASSERT_TRUE(
        m_repository->setFavourite({ QStringLiteral("st"), QStringLiteral("q2") }, true).ok());
    ASSERT_TRUE(
        m_repository->setFavourite({ QStringLiteral("deep"), QStringLiteral("q1") }, true).ok());
    Drawer drawer(m_library, *m_repository, m_clock, 3);
    DrawFilter filter;
    filter.favouritesOnly = true;
    const QStringList keys = drawMany(drawer, 100, filter);
    ASSERT_EQ(keys.size(), 100);
    for (int i = 0; i < keys.size(); ++i) {
        EXPECT_TRUE(favourites.contains(keys[i]));
        if (i > 0) {
            EXPECT_NE(keys[i], keys[i - 1]) << "two favourites must alternate";
        }
    }
}

TEST_F(DrawerTest, ZoneContextAndDeckFiltersRestrictThePool)
{
    Drawer drawer(m_library, *m_repository, m_clock, 5);
    DrawFilter zones;
    zones.zones = { Zone::Fun };
    for (const QString& key : drawMany(drawer, 30, zones))
        EXPECT_TRUE(key.startsWith(QStringLiteral("fun/")));
    DrawFilter work;
    work.context = QStringLiteral("Work");
    EXPECT_EQ(drawer.poolSize(work).value(), 15);
    for (const QString& key : drawMany(drawer, 30, work))
        EXPECT_FALSE(key.startsWith(QStringLiteral("fun/")));
    DrawFilter deck;
    deck.deckIds = { QStringLiteral("deep") };
    EXPECT_EQ(drawer.poolSize(deck).value(), 5);
}

TEST_F(DrawerTest, TheLevelFilterKeepsOnlyQuestionsOfThatLevel)
{
    // Levels 1, 2, 3, 1, 2, ... on the small-talk deck; the other decks have none.
    Deck levelled = makeDeck(QStringLiteral("lv"), Zone::SmallTalk, 9, {});
    for (qsizetype i = 0; i < levelled.questions.size(); ++i)
        levelled.questions[i].level = int(i % 3) + 1;
    DeckLibrary library({ levelled, makeDeck(QStringLiteral("fun"), Zone::Fun, 4, {}) });
    Drawer drawer(library, *m_repository, m_clock, 7);
    DrawFilter personal;
    personal.level = 3;
    EXPECT_EQ(drawer.poolSize(personal).value(), 3) << "questions without a level are left out";
    for (const QString& key : drawMany(drawer, 9, personal)) {
        const int n = key.section(QLatin1Char('q'), -1).toInt(); // "lv/q3" -> 3
        EXPECT_TRUE(key.startsWith(QStringLiteral("lv/"))) << key.toStdString();
        EXPECT_EQ((n - 1) % 3 + 1, 3) << key.toStdString();
    }
    EXPECT_EQ(drawer.poolSize({}).value(), 13) << "no level: every question";
}

TEST_F(DrawerTest, SwitchedOffDecksAreLeftOutUnlessAskedFor)
{
    ASSERT_TRUE(m_repository->setDeckEnabled(QStringLiteral("st"), false).ok());
    Drawer drawer(m_library, *m_repository, m_clock, 5);
    EXPECT_EQ(drawer.poolSize({}).value(), 12);
    DrawFilter explicitDeck;
    explicitDeck.deckIds = { QStringLiteral("st") };
    EXPECT_EQ(drawer.poolSize(explicitDeck).value(), 10);
}

TEST_F(DrawerTest, EmptyPoolGivesNoCardAndWritesNothing)
{
    Drawer drawer(m_library, *m_repository, m_clock, 5);
    DrawFilter filter;
    filter.context = QStringLiteral("date");
    auto card = drawer.draw(filter);
    ASSERT_TRUE(card.ok());
    EXPECT_FALSE(card->has_value());
    EXPECT_TRUE(m_repository->recentDraws(10).value().isEmpty());
}

TEST_F(DrawerTest, LadderClimbsTwoSmallTalkTwoFunOneDeep)
{
    Drawer drawer(m_library, *m_repository, m_clock, 9);
    Ladder ladder;
    const QList<Zone> pattern { Zone::SmallTalk, Zone::SmallTalk, Zone::Fun, Zone::Fun,
        Zone::Deep };
    for (int i = 0; i < 10000; ++i) {
        auto card = drawer.drawLadderStep(ladder, {});
        ASSERT_TRUE(card.ok() && card->has_value());
        ASSERT_EQ((*card)->question.zone, pattern[i % 5]) << "draw " << i;
    }
}

TEST_F(DrawerTest, LadderIsConfigurableAndSkipsEmptyZones)
{
    EXPECT_EQ(Ladder(1, 3, 2).round(),
        (QList<Zone> { Zone::SmallTalk, Zone::Fun, Zone::Fun, Zone::Fun, Zone::Deep, Zone::Deep }));
    Drawer drawer(m_library, *m_repository, m_clock, 9);
    Ladder ladder(1, 1, 1);
    DrawFilter work; // no fun card is tagged work
    work.context = QStringLiteral("work");
    QList<Zone> zones;
    for (int i = 0; i < 4; ++i)
        zones << drawer.drawLadderStep(ladder, work)->value().question.zone;
    EXPECT_EQ(zones, (QList<Zone> { Zone::SmallTalk, Zone::Deep, Zone::SmallTalk, Zone::Deep }));
}

// Issue 16: the ladder climbs inside a zone too, from its lightest cards up.
TEST_F(DrawerTest, LadderClimbsTheLevelsInsideEachZone)
{
    EXPECT_EQ(Ladder(2, 2, 1).steps(),
        (QList<LadderStep> { { Zone::SmallTalk, 1 }, { Zone::SmallTalk, 2 }, { Zone::Fun, 1 },
            { Zone::Fun, 2 }, { Zone::Deep, 1 } }));
    EXPECT_EQ(Ladder(0, 4, 0).steps(),
        (QList<LadderStep> {
            { Zone::Fun, 1 }, { Zone::Fun, 2 }, { Zone::Fun, 3 }, { Zone::Fun, 3 } }));

    // Three cards of each level in each zone.
    QList<Deck> decks;
    for (const Zone zone : { Zone::SmallTalk, Zone::Fun, Zone::Deep }) {
        Deck deck = makeDeck(zoneKey(zone), zone, 9);
        for (qsizetype i = 0; i < deck.questions.size(); ++i)
            deck.questions[i].level = int(i % 3) + 1;
        decks << deck;
    }
    const DeckLibrary library(decks);
    Drawer drawer(library, *m_repository, m_clock, 5);
    Ladder ladder;
    for (int i = 0; i < 20; ++i) {
        const LadderStep expected = ladder.steps()[i % 5];
        auto card = drawer.drawLadderStep(ladder, {});
        ASSERT_TRUE(card.ok() && card->has_value()) << "draw " << i;
        EXPECT_EQ((*card)->question.zone, expected.zone) << "draw " << i;
        EXPECT_EQ((*card)->question.level, expected.level) << "draw " << i;
    }

    // A level chosen in the filter holds for every rung.
    ladder.reset();
    DrawFilter personal;
    personal.level = 3;
    QList<Zone> zones;
    for (int i = 0; i < 5; ++i) {
        auto card = drawer.drawLadderStep(ladder, personal);
        ASSERT_TRUE(card.ok() && card->has_value());
        EXPECT_EQ((*card)->question.level, 3);
        zones << (*card)->question.zone;
    }
    EXPECT_EQ(zones, ladder.round());
}

// A user deck without levels still climbs the zones; a level with no card passes to the zone's
// other cards rather than to the next zone.
TEST_F(DrawerTest, LadderStepsWithoutCardsOfTheirLevelDrawFromTheWholeZone)
{
    Deck smallTalk = makeDeck(QStringLiteral("st"), Zone::SmallTalk, 4);
    smallTalk.questions[0].level = 3; // no level 1 or 2 anywhere
    Deck fun = makeDeck(QStringLiteral("fun"), Zone::Fun, 4); // no levels at all
    const DeckLibrary library({ smallTalk, fun });
    Drawer drawer(library, *m_repository, m_clock, 5);
    Ladder ladder(2, 2, 0);
    QList<Zone> zones;
    for (int i = 0; i < 8; ++i) {
        auto card = drawer.drawLadderStep(ladder, {});
        ASSERT_TRUE(card.ok() && card->has_value()) << "draw " << i;
        zones << (*card)->question.zone;
    }
    EXPECT_EQ(zones,
        (QList<Zone> { Zone::SmallTalk, Zone::SmallTalk, Zone::Fun, Zone::Fun, Zone::SmallTalk,
            Zone::SmallTalk, Zone::Fun, Zone::Fun }));

    // With a level asked for, a zone without it is passed over, not drawn at another level.
    ladder.reset();
    DrawFilter personal;
    personal.level = 3;
    for (int i = 0; i < 3; ++i) {
        auto card = drawer.drawLadderStep(ladder, personal);
        ASSERT_TRUE(card.ok() && card->has_value());
        EXPECT_EQ((*card)->question.id, QStringLiteral("q1")) << "draw " << i;
    }
}

TEST_F(DrawerTest, HistorySurvivesReopeningTheDatabase)
{
    QStringList first;
    {
        Drawer drawer(m_library, *m_repository, m_clock, 11);
        first = drawMany(drawer, 10);
    }
    openDatabase();
    Drawer drawer(m_library, *m_repository, m_clock, 99);
    const QStringList rest = drawMany(drawer, 12);
    QSet<QString> all(first.cbegin(), first.cend());
    all.unite(QSet<QString>(rest.cbegin(), rest.cend()));
    EXPECT_EQ(all.size(), 22) << "the second session repeated a card from the first";
    EXPECT_EQ(m_repository->recentDraws(100).value().size(), 22);
}

TEST_F(DrawerTest, SameSeedGivesTheSameSequence)
{
    QStringList a;
    {
        Drawer drawer(m_library, *m_repository, m_clock, 1234);
        a = drawMany(drawer, 30);
    }
    QTemporaryDir other;
    auto store = storage::openStore(other.path());
    ASSERT_TRUE(store.ok());
    decks::DeckRepository repository(*store->database);
    Drawer drawer(m_library, repository, m_clock, 1234);
    EXPECT_EQ(drawMany(drawer, 30), a);
}

TEST_F(DrawerTest, NewCardsComeFirstAsUnseen)
{
    Drawer drawer(m_library, *m_repository, m_clock, 5);
    drawMany(drawer, 27);
    DeckLibrary grown({ m_library.decks()[0], m_library.decks()[1], m_library.decks()[2],
        makeDeck(QStringLiteral("new"), Zone::Fun, 3) });
    Drawer next(grown, *m_repository, m_clock, 5);
    const QStringList keys = drawMany(next, 3);
    for (const QString& key : keys)
        EXPECT_TRUE(key.startsWith(QStringLiteral("new/"))) << key.toStdString();
}

TEST_F(DrawerTest, NarrowingThenWideningTheFilterStillAvoidsRepeats)
{
    Drawer drawer(m_library, *m_repository, m_clock, 8);
    DrawFilter smallTalk;
    smallTalk.zones = { Zone::SmallTalk };
    const QStringList narrow = drawMany(drawer, 4, smallTalk);
    const QStringList wide = drawMany(drawer, 18);
    for (const QString& key : wide)
        EXPECT_FALSE(narrow.contains(key)) << key.toStdString();
}

TEST_F(DrawerTest, EveryDrawIsWrittenToTheHistoryWithTheClockTime)
{
    Drawer drawer(m_library, *m_repository, m_clock, 8);
    auto card = drawer.draw({});
    ASSERT_TRUE(card.ok() && card->has_value());
    const auto history = m_repository->recentDraws(5).value();
    ASSERT_EQ(history.size(), 1);
    EXPECT_EQ(history[0].key, (*card)->key);
    EXPECT_EQ(history[0].text, (*card)->question.text);
    EXPECT_EQ(history[0].drawnAt, m_clock.nowUtc());
}

} // namespace
} // namespace rapport::decks
