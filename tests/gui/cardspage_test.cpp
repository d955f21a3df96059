#include "app/gui/cardspage.h"

#include <QTemporaryDir>
#include <QTest>
#include <gtest/gtest.h>

namespace rapport::gui {
namespace {

std::unique_ptr<storage::Store> openStore(const QString& dir)
{
    auto store = storage::openStore(dir);
    EXPECT_TRUE(store.ok());
    return store ? std::make_unique<storage::Store>(std::move(*store)) : nullptr;
}

TEST(CardsPageTest, PressingNShowsADifferentCard)
{
    QTemporaryDir dir;
    auto store = openStore(dir.path());
    CardsPage page(*store);
    page.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&page));
    page.activateWindow();
    page.setFocus();
    QTest::keyClick(&page, Qt::Key_N);
    const QString first = page.currentQuestion();
    ASSERT_FALSE(first.isEmpty());
    QTest::keyClick(&page, Qt::Key_N);
    EXPECT_FALSE(page.currentQuestion().isEmpty());
    EXPECT_NE(page.currentQuestion(), first);
    page.goBack();
    EXPECT_EQ(page.currentQuestion(), first);
}

TEST(CardsPageTest, FavouriteSurvivesARestart)
{
    QTemporaryDir dir;
    QString favourite;
    {
        auto store = openStore(dir.path());
        CardsPage page(*store);
        page.drawNext();
        favourite = page.currentQuestion();
        page.toggleFavourite();
        EXPECT_TRUE(page.currentIsFavourite());
    }
    auto store = openStore(dir.path());
    storage::DeckRepository repository(*store->database);
    auto library = decks::DeckLibrary::load(repository);
    ASSERT_TRUE(library.ok());
    int favourites = 0;
    const auto states = repository.cardStates().value();
    for (auto it = states.cbegin(); it != states.cend(); ++it) {
        if (it.value().favourite) {
            ++favourites;
            EXPECT_EQ(library->question(it.key())->text, favourite);
        }
    }
    EXPECT_EQ(favourites, 1);
}

TEST(CardsPageTest, HiddenCardIsReplacedAndRemembered)
{
    QTemporaryDir dir;
    auto store = openStore(dir.path());
    CardsPage page(*store);
    page.drawNext();
    const QString hidden = page.currentQuestion();
    page.hideCurrent();
    EXPECT_NE(page.currentQuestion(), hidden);
    storage::DeckRepository repository(*store->database);
    int hiddenCount = 0;
    const auto states = repository.cardStates().value();
    for (const storage::CardState& state : states)
        hiddenCount += state.hidden ? 1 : 0;
    EXPECT_EQ(hiddenCount, 1);
}

} // namespace
} // namespace rapport::gui
