#include "app/gui/cards/deckeditor.h"
#include "app/gui/cards/decksdialog.h"
#include "core/decks/deckformat.h"
#include "core/decks/decklibrary.h"
#include "core/decks/drawer.h"
#include "core/storage/store.h"
#include "tests/support/fixedclock.h"
#include "tests/support/sqlitefile.h"

#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <gtest/gtest.h>

namespace rapport::gui {
namespace {

using namespace rapport::decks;

class DecksDialogTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        auto store = storage::openStore(m_dir.filePath(QStringLiteral("data")));
        ASSERT_TRUE(store.ok());
        m_store = std::make_unique<storage::Store>(std::move(*store));
        m_repository = std::make_unique<decks::DeckRepository>(*m_store->database);
    }

    QString writeFile(const QString& name, const QByteArray& bytes)
    {
        const QString path = m_dir.filePath(name);
        test::writeFile(path, bytes);
        return path;
    }

    QTreeWidgetItem* itemFor(DecksDialog& dialog, const QString& title)
    {
        for (int i = 0; i < dialog.deckList()->topLevelItemCount(); ++i) {
            if (dialog.deckList()->topLevelItem(i)->text(0) == title)
                return dialog.deckList()->topLevelItem(i);
        }
        return nullptr;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<storage::Store> m_store;
    std::unique_ptr<decks::DeckRepository> m_repository;
    test::FixedClock m_clock;
};

TEST_F(DecksDialogTest, ListsTheBuiltInDecksWithTheirQuestionCounts)
{
    DecksDialog dialog(*m_repository, m_clock);
    ASSERT_EQ(dialog.deckList()->topLevelItemCount(), 4);
    for (int i = 0; i < 4; ++i) {
        const QTreeWidgetItem* item = dialog.deckList()->topLevelItem(i);
        EXPECT_GE(item->text(1).toInt(), 30);
        EXPECT_EQ(item->checkState(0), Qt::Checked);
    }
}

TEST_F(DecksDialogTest, UntickingADeckKeepsItsCardsOutOfDrawsAfterARestart)
{
    QString smallTalkTitle;
    {
        DecksDialog dialog(*m_repository, m_clock);
        QSignalSpy changed(&dialog, &DecksDialog::decksChanged);
        QTreeWidgetItem* item = dialog.deckList()->topLevelItem(0);
        smallTalkTitle = item->text(0);
        item->setCheckState(0, Qt::Unchecked);
        EXPECT_EQ(changed.count(), 1);
    }
    DecksDialog reopened(*m_repository, m_clock);
    QTreeWidgetItem* item = itemFor(reopened, smallTalkTitle);
    ASSERT_NE(item, nullptr);
    EXPECT_EQ(item->checkState(0), Qt::Unchecked);
    const QString deckId = item->data(0, Qt::UserRole).toString();
    Drawer drawer(reopened.library(), *m_repository, m_clock, 7);
    for (int i = 0; i < 200; ++i) {
        auto card = drawer.draw({});
        ASSERT_TRUE(card.ok() && card->has_value());
        EXPECT_NE((*card)->key.deckId, deckId);
    }
}

TEST_F(DecksDialogTest, MalformedImportNamesTheFileAndChangesNothing)
{
    DecksDialog dialog(*m_repository, m_clock);
    const QString path = writeFile(QStringLiteral("broken.csv"),
        "zone,text,tags\nsmall-talk,What made you smile today?,social\nnowhere,Bad zone,work\n");
    EXPECT_FALSE(dialog.importFile(path));
    EXPECT_TRUE(dialog.message().contains(QStringLiteral("broken.csv")))
        << dialog.message().toStdString();
    EXPECT_TRUE(dialog.message().contains(QStringLiteral("line 3")))
        << dialog.message().toStdString();
    EXPECT_EQ(dialog.deckList()->topLevelItemCount(), 4);
    EXPECT_TRUE(m_repository->userDecks()->isEmpty());
}

TEST_F(DecksDialogTest, ADeckWithATakenIdIsAddedBesideItOrReplacesItAsChosen)
{
    DecksDialog dialog(*m_repository, m_clock);
    const QString path = writeFile(QStringLiteral("team.csv"),
        "zone,text\nsmall-talk,What are you looking forward to this week?\n"
        "deep,What would you like to get better at this year?\n");
    ASSERT_TRUE(dialog.importFile(path)) << dialog.message().toStdString();
    // The same id again, chosen to add: a second deck, the first untouched.
    ASSERT_TRUE(dialog.importFile(path, decks::DeckImportMode::AddNew))
        << dialog.message().toStdString();
    EXPECT_EQ(m_repository->userDecks()->size(), 2);
    EXPECT_TRUE(dialog.message().contains(QStringLiteral("added beside it")))
        << dialog.message().toStdString();
    // The window's words, not the command line's; and the two decks can be told apart.
    EXPECT_FALSE(dialog.message().contains(QStringLiteral("--replace")));
    QStringList titles;
    const QList<Deck> decks = m_repository->userDecks().value();
    for (const Deck& deck : decks)
        titles << deck.title;
    titles.sort();
    EXPECT_EQ(titles, (QStringList { QStringLiteral("team"), QStringLiteral("team (2)") }));
    // Chosen to replace: still two decks, the first one updated, and the message says so.
    ASSERT_TRUE(dialog.importFile(path, decks::DeckImportMode::Replace))
        << dialog.message().toStdString();
    EXPECT_EQ(m_repository->userDecks()->size(), 2);
    EXPECT_TRUE(dialog.message().contains(QStringLiteral("2 of its 2 questions")))
        << dialog.message().toStdString();
}

TEST_F(DecksDialogTest, ImportedDeckAppearsAndExportsBackUnchanged)
{
    DecksDialog dialog(*m_repository, m_clock);
    const QString path = writeFile(QStringLiteral("team.csv"),
        "zone,text,tags\nsmall-talk,What are you looking forward to this week?,work\n"
        "deep,What would you like to get better at this year?,work;social\n");
    ASSERT_TRUE(dialog.importFile(path)) << dialog.message().toStdString();
    EXPECT_EQ(dialog.deckList()->topLevelItemCount(), 5);
    const QList<Deck> decks = m_repository->userDecks().value();
    ASSERT_EQ(decks.size(), 1);
    EXPECT_EQ(decks[0].questions.size(), 2);

    const QString out = m_dir.filePath(QStringLiteral("out.json"));
    ASSERT_TRUE(dialog.exportTo(decks[0].id, out)) << dialog.message().toStdString();
    EXPECT_EQ(test::permissionBits(out), 0600);
    const Result<Deck> back = parseDeckJson(test::fileBytes(out), out);
    ASSERT_TRUE(back.ok()) << back.error().toString().toStdString();
    Deck expected = decks[0];
    expected.builtIn = false;
    EXPECT_EQ(*back, expected);
}

TEST_F(DecksDialogTest, ExportToAnUnwritablePlaceSaysSo)
{
    DecksDialog dialog(*m_repository, m_clock);
    const QString deckId = dialog.library().decks().first().id;
    EXPECT_FALSE(dialog.exportTo(deckId, m_dir.filePath(QStringLiteral("missing/dir/x.csv"))));
    EXPECT_TRUE(dialog.message().contains(QStringLiteral("Could not write")));
}

TEST_F(DecksDialogTest, EditorCreatesADeckWhoseQuestionsCanBeDrawn)
{
    DecksDialog dialog(*m_repository, m_clock);
    Deck start;
    DeckEditor editor(start, {});
    editor.titleEdit()->setText(QStringLiteral("Team lunch"));
    EXPECT_FALSE(editor.problem().isEmpty()); // no questions yet
    editor.addQuestion(QStringLiteral("What is the best lunch spot near here?"), Zone::SmallTalk,
        { QStringLiteral("work") });
    const int empty = editor.addQuestion();
    EXPECT_TRUE(editor.problem().contains(QStringLiteral("no text")));
    editor.table()->item(empty, 0)->setText(QStringLiteral("What is a project you are proud of?"));
    EXPECT_EQ(editor.problem(), QString());
    const Deck deck = editor.deck();
    EXPECT_EQ(deck.id, QStringLiteral("user.team-lunch"));
    ASSERT_EQ(deck.questions.size(), 2);
    EXPECT_NE(deck.questions[0].id, deck.questions[1].id);
    ASSERT_TRUE(dialog.saveDeck(deck)) << dialog.message().toStdString();

    Drawer drawer(dialog.library(), *m_repository, m_clock, 1);
    DrawFilter filter;
    filter.deckIds = { deck.id };
    QSet<QString> drawn;
    for (int i = 0; i < 2; ++i)
        drawn.insert((*drawer.draw(filter))->question.text);
    EXPECT_EQ(drawn.size(), 2);
}

TEST_F(DecksDialogTest, EditingKeepsQuestionIdsSoFavouritesFollow)
{
    DecksDialog dialog(*m_repository, m_clock);
    Deck deck;
    deck.id = QStringLiteral("user.mine");
    deck.title = QStringLiteral("Mine");
    deck.questions = { Question { QStringLiteral("a"), Zone::Fun, QStringLiteral("What is fun?"),
                           {}, {}, {} },
        Question { QStringLiteral("b"), Zone::Deep, QStringLiteral("What matters?"), {}, {}, {} } };
    ASSERT_TRUE(dialog.saveDeck(deck));
    ASSERT_TRUE(m_repository->setFavourite({ deck.id, QStringLiteral("b") }, true).ok());

    DeckEditor editor(deck, { QStringLiteral("rapport.small-talk") });
    editor.table()->selectRow(0);
    editor.removeSelectedQuestions();
    editor.table()->item(0, 0)->setText(QStringLiteral("What matters most to you?"));
    editor.addQuestion(QStringLiteral("What is new?"));
    ASSERT_EQ(editor.problem(), QString());
    const Deck edited = editor.deck();
    EXPECT_EQ(edited.id, deck.id);
    ASSERT_EQ(edited.questions.size(), 2);
    EXPECT_EQ(edited.questions[0].id, QStringLiteral("b"));
    EXPECT_NE(edited.questions[1].id, QStringLiteral("a")); // a removed id is never reused
    ASSERT_TRUE(dialog.saveDeck(edited));
    EXPECT_TRUE(m_repository->cardStates()->value({ deck.id, QStringLiteral("b") }).favourite);
    EXPECT_EQ(dialog.library().deck(deck.id)->questions[0].text,
        QStringLiteral("What matters most to you?"));
}

// Issue 16: the editor shows each question's level, lets the user set or clear it, and the
// saved deck keeps it.
TEST_F(DecksDialogTest, TheEditorShowsAndSetsEachQuestionsLevel)
{
    DecksDialog dialog(*m_repository, m_clock);
    Deck deck;
    deck.id = QStringLiteral("user.levels");
    deck.title = QStringLiteral("Levels");
    deck.questions = { Question { QStringLiteral("a"), Zone::Fun, QStringLiteral("What is fun?"),
                           {}, {}, {}, 2 },
        Question { QStringLiteral("b"), Zone::Deep, QStringLiteral("What matters?"), {}, {}, {} } };
    DeckEditor editor(deck, {});
    const auto levelOf = [&](int row) {
        auto* combo = qobject_cast<QComboBox*>(editor.table()->cellWidget(row, 2));
        return combo ? combo->currentData().toInt() : -1;
    };
    EXPECT_EQ(levelOf(0), 2);
    EXPECT_EQ(levelOf(1), 0);
    auto* first = qobject_cast<QComboBox*>(editor.table()->cellWidget(0, 2));
    auto* second = qobject_cast<QComboBox*>(editor.table()->cellWidget(1, 2));
    ASSERT_TRUE(first && second);
    EXPECT_EQ(first->currentText(), QStringLiteral("2 · warmer"));
    first->setCurrentIndex(first->findData(0));
    second->setCurrentIndex(second->findData(3));
    const Deck edited = editor.deck();
    EXPECT_FALSE(edited.questions[0].level);
    EXPECT_EQ(edited.questions[1].level, 3);
    ASSERT_TRUE(dialog.saveDeck(edited));
    const auto saved = m_repository->userDecks();
    ASSERT_TRUE(saved.ok() && saved->size() == 1);
    EXPECT_EQ(saved->first().questions, edited.questions);
}

TEST_F(DecksDialogTest, CopyOfABuiltInDeckGetsItsOwnId)
{
    DecksDialog dialog(*m_repository, m_clock);
    Deck builtIn = dialog.library().decks().first();
    QStringList taken;
    for (const Deck& d : dialog.library().decks())
        taken << d.id;
    builtIn.id.clear();
    builtIn.title = QStringLiteral("Small talk (my copy)");
    DeckEditor editor(builtIn, taken);
    const Deck copy = editor.deck();
    EXPECT_FALSE(copy.builtIn);
    EXPECT_FALSE(taken.contains(copy.id));
    EXPECT_TRUE(copy.id.startsWith(QStringLiteral("user.")));
    EXPECT_EQ(copy.questions.size(), dialog.library().decks().first().questions.size());
}

TEST_F(DecksDialogTest, DeletingAUserDeckRemovesIt)
{
    DecksDialog dialog(*m_repository, m_clock);
    Deck deck;
    deck.id = QStringLiteral("user.gone");
    deck.title = QStringLiteral("Gone");
    deck.questions
        = { Question { QStringLiteral("a"), Zone::Fun, QStringLiteral("Why?"), {}, {}, {} } };
    ASSERT_TRUE(dialog.saveDeck(deck));
    EXPECT_EQ(dialog.deckList()->topLevelItemCount(), 5);
    EXPECT_FALSE(dialog.deleteDeck(dialog.library().decks().first().id)); // built in
    ASSERT_TRUE(dialog.deleteDeck(deck.id));
    EXPECT_EQ(dialog.deckList()->topLevelItemCount(), 4);
    EXPECT_TRUE(m_repository->userDecks()->isEmpty());
}

// Every column is at least as wide as its header (issue 15, item 11): no "Questi..." headers.
void expectHeadersFit(const QWidget& dialog, const char* what)
{
    for (QHeaderView* header : dialog.findChildren<QHeaderView*>()) {
        if (header->orientation() != Qt::Horizontal || !header->isVisible())
            continue;
        for (int i = 0; i < header->count(); ++i) {
            if (header->isSectionHidden(i))
                continue;
            EXPECT_GE(header->sectionSize(i), header->sectionSizeHint(i))
                << what << ": column \""
                << header->model()->headerData(i, Qt::Horizontal).toString().toStdString()
                << "\" is narrower than its header";
        }
    }
}

TEST_F(DecksDialogTest, ColumnsFitTheirHeaders)
{
    DecksDialog dialog(*m_repository, m_clock);
    dialog.show();
    QCoreApplication::processEvents();
    expectHeadersFit(dialog, "Decks");
    Result<QList<decks::Deck>> all = DeckLibrary::loadBuiltInDecks();
    ASSERT_TRUE(all.ok());
    ASSERT_FALSE(all->isEmpty());
    DeckEditor editor(all->first(), {});
    editor.show();
    QCoreApplication::processEvents();
    expectHeadersFit(editor, "Deck editor");
}

} // namespace
} // namespace rapport::gui
