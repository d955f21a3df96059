#include "app/gui/cards/answertimer.h"
#include "app/gui/cards/cardspage.h"
#include "app/gui/cards/conversationdialog.h"
#include "core/decks/decklibrary.h"
#include "tests/support/widgetlookup.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
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

// The level within a zone (issue 16): "3 · personal" on the deep zone draws only level-3 cards.
TEST(CardsPageTest, TheLevelChoiceDrawsOnlyCardsOfThatLevel)
{
    QTemporaryDir dir;
    auto store = openStore(dir.path());
    CardsPage page(*store);
    auto* zone = test::widgetNamed<QComboBox>(&page, QStringLiteral("Zone"));
    auto* level = test::widgetNamed<QComboBox>(&page, QStringLiteral("Level"));
    ASSERT_TRUE(zone && level);
    zone->setCurrentIndex(zone->findData(decks::zoneKey(decks::Zone::Deep)));
    level->setCurrentIndex(level->findData(3));
    // The level of each deep question, by its text.
    QHash<QString, int> levels;
    const auto built = decks::DeckLibrary::loadBuiltInDecks();
    ASSERT_TRUE(built.ok());
    for (const decks::Deck& deck : *built)
        for (const decks::Question& q : deck.questions)
            levels.insert(q.text, q.level.value_or(0));
    for (int i = 0; i < 12; ++i) {
        page.drawNext();
        ASSERT_TRUE(levels.contains(page.currentQuestion()))
            << page.currentQuestion().toStdString();
        EXPECT_EQ(levels.value(page.currentQuestion()), 3) << page.currentQuestion().toStdString();
    }
}

// "Practise for…" (issue 16): one click gives an occasion's cards up the ladder, starting light.
TEST(CardsPageTest, PractiseForAnOccasionClimbsItsCardsFromSmallTalk)
{
    QTemporaryDir dir;
    auto store = openStore(dir.path());
    CardsPage page(*store);
    auto* practise
        = test::widgetNamed<QPushButton>(&page, QStringLiteral("Practise for an occasion"));
    ASSERT_NE(practise, nullptr);
    ASSERT_NE(practise->menu(), nullptr);
    QStringList offered;
    for (QAction* action : practise->menu()->actions())
        offered << action->text();
    EXPECT_TRUE(offered.contains(QStringLiteral("A conference")));
    EXPECT_TRUE(offered.contains(QStringLiteral("Neighbours")));
    EXPECT_TRUE(offered.contains(QStringLiteral("An online call")));
    EXPECT_EQ(offered.size(), 8);

    // Each question's occasions and zone, by its text.
    QHash<QString, decks::Question> byText;
    const auto built = decks::DeckLibrary::loadBuiltInDecks();
    ASSERT_TRUE(built.ok());
    for (const decks::Deck& deck : *built)
        for (const decks::Question& q : deck.questions)
            byText.insert(q.text, q);
    for (QAction* action : practise->menu()->actions()) {
        if (action->text() == QStringLiteral("A conference"))
            action->trigger();
    }
    EXPECT_EQ(test::widgetNamed<QComboBox>(&page, QStringLiteral("Context"))->currentData(),
        QStringLiteral("conference"));
    QList<decks::Zone> zones;
    for (int i = 0; i < 5; ++i) {
        if (i > 0)
            page.drawNext();
        ASSERT_TRUE(byText.contains(page.currentQuestion()))
            << page.currentQuestion().toStdString();
        const decks::Question& q = byText.value(page.currentQuestion());
        EXPECT_TRUE(q.tags.contains(QStringLiteral("conference"))) << q.text.toStdString();
        zones << q.zone;
    }
    // The ladder's first round: two small talk, two fun, one deep.
    EXPECT_EQ(zones,
        (QList<decks::Zone> { decks::Zone::SmallTalk, decks::Zone::SmallTalk, decks::Zone::Fun,
            decks::Zone::Fun, decks::Zone::Deep }));
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
    decks::DeckRepository repository(*store->database);
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
    decks::DeckRepository repository(*store->database);
    int hiddenCount = 0;
    const auto states = repository.cardStates().value();
    for (const decks::CardState& state : states)
        hiddenCount += state.hidden ? 1 : 0;
    EXPECT_EQ(hiddenCount, 1);
}

TEST(CardsPageTest, LoggedConversationKeepsTheCardOnShowAndTheRating)
{
    QTemporaryDir dir;
    auto store = openStore(dir.path());
    CardsPage page(*store);
    page.drawNext();
    page.drawNext();
    const QString used = page.currentQuestion();

    std::unique_ptr<ConversationDialog> dialog = page.makeConversationDialog();
    QListWidget* questions = dialog->questionList();
    ASSERT_EQ(questions->count(), 2);
    int ticked = 0;
    for (int row = 0; row < questions->count(); ++row) {
        if (questions->item(row)->checkState() == Qt::Checked) {
            ++ticked;
            EXPECT_TRUE(questions->item(row)->text().endsWith(used));
        }
    }
    EXPECT_EQ(ticked, 1);

    dialog->accept(); // no rating yet: refused, with a reason
    EXPECT_EQ(dialog->result(), QDialog::Rejected);
    EXPECT_FALSE(dialog->problem().isEmpty());
    dialog->setRating(4);
    dialog->withWhomEdit()->setText(QStringLiteral("Sam"));
    dialog->noteEdit()->setPlainText(QStringLiteral("Asked about the trip; easy."));
    dialog->accept();
    ASSERT_EQ(dialog->result(), QDialog::Accepted);
    ASSERT_TRUE(page.logConversation(*dialog));

    conversations::ConversationRepository repository(*store->database);
    const QList<conversations::Conversation> logged = repository.list().value();
    ASSERT_EQ(logged.size(), 1);
    EXPECT_EQ(logged[0].rating, 4);
    EXPECT_EQ(logged[0].withWhom, QStringLiteral("Sam"));
    EXPECT_EQ(logged[0].note, QStringLiteral("Asked about the trip; easy."));
    EXPECT_EQ(logged[0].happenedOn, QDate::currentDate());
    ASSERT_EQ(logged[0].questions.size(), 1);
    EXPECT_EQ(logged[0].questions[0].text, used);
    ASSERT_EQ(page.conversationList()->count(), 1);
    EXPECT_TRUE(page.conversationList()->item(0)->text().contains(QStringLiteral("Sam")));
}

TEST(CardsPageTest, TKeyShowsAndStartsTheAnswerTimerAndANewCardResetsIt)
{
    QTemporaryDir dir;
    auto store = openStore(dir.path());
    CardsPage page(*store);
    page.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&page));
    page.activateWindow();
    page.setFocus();
    EXPECT_FALSE(page.answerTimer()->isVisible());
    QTest::keyClick(&page, Qt::Key_N);
    QTest::keyClick(&page, Qt::Key_T);
    EXPECT_TRUE(page.timerToggle()->isChecked());
    EXPECT_TRUE(page.answerTimer()->isVisible());
    EXPECT_TRUE(page.answerTimer()->isRunning());
    QTest::keyClick(&page, Qt::Key_N);
    EXPECT_FALSE(page.answerTimer()->isRunning());
    EXPECT_EQ(page.answerTimer()->elapsedMs(), 0);
}

} // namespace
} // namespace rapport::gui
