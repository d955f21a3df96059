// Answering a card out loud on the Cards page (issue 17), driven from a WAV source: record,
// rate on the impromptu rubric, see the report, find it in the Answers list, delete it.
#include "app/gui/cards/answerpanel.h"
#include "app/gui/cards/answertimer.h"
#include "app/gui/cards/cardspage.h"
#include "app/gui/rehearse/selfratingpanel.h"
#include "app/gui/rehearse/takereportview.h"
#include "app/gui/widgets/theme.h"
#include "core/answers/answerrepository.h"
#include "core/audio/fileaudiosource.h"
#include "tests/support/testtake.h"
#include "tests/support/widgetlookup.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <gtest/gtest.h>

namespace rapport::gui {
namespace {

// With RAPPORT_SCREENSHOT_DIR set, saves `window` there for a person to look at, in the light
// and the dark palette.
void save(QWidget& window, const QString& name)
{
    const QString dir = qEnvironmentVariable("RAPPORT_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    ThemeManager theme(*qApp);
    for (const auto& [appearance, suffix] :
        { std::pair { Appearance::Light, "-light" }, std::pair { Appearance::Dark, "-dark" } }) {
        theme.apply(appearance);
        QCoreApplication::processEvents();
        window.grab().save(
            QDir(dir).filePath(name + QString::fromLatin1(suffix) + QStringLiteral(".png")));
    }
    theme.apply(Appearance::System);
}

class AnswerPanelTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        auto store = storage::openStore(m_dir.filePath(QStringLiteral("data")));
        ASSERT_TRUE(store.ok());
        m_store = std::make_unique<storage::Store>(std::move(*store));
        m_source = m_dir.filePath(QStringLiteral("answer.wav"));
        // 2 s of thinking, 3 s of "speech", 1 s of silence.
        ASSERT_EQ(test::writeToneTake(m_source, 2 * 16000, 3 * 16000, 16000), QString());
    }

    std::unique_ptr<CardsPage> page()
    {
        const QString source = m_source;
        return std::make_unique<CardsPage>(*m_store, nullptr, nullptr,
            [source] { return std::make_unique<audio::FileAudioSource>(source, 0.0); });
    }

    QList<answers::Answer> stored()
    {
        auto all = answers::AnswerRepository(*m_store->database).list();
        return all ? *all : QList<answers::Answer> {};
    }

    QTemporaryDir m_dir;
    std::unique_ptr<storage::Store> m_store;
    QString m_source;
};

TEST_F(AnswerPanelTest, ACardIsAnsweredOutLoudRatedFirstThenReportedAndListed)
{
    auto view = page();
    // The page's room in a 1024x640 window, beside the sidebar and under the menu bar.
    view->resize(840, 600);
    view->show();
    AnswerPanel* panel = view->answerPanel();
    // Nothing to answer before a card is drawn.
    EXPECT_FALSE(panel->answerButton()->isEnabled());
    view->drawNext();
    const QString question = view->currentQuestion();
    ASSERT_FALSE(question.isEmpty());
    EXPECT_TRUE(panel->answerButton()->isEnabled());
    EXPECT_TRUE(panel->answeredText().startsWith(QStringLiteral("Not answered yet")))
        << panel->answeredText().toStdString();

    // The answer timer's light times are the window.
    view->answerTimer()->setTimes(rehearsal::LightTimes { 2'000, 3'000, 4'000, 0 });
    panel->startOrStop();
    ASSERT_EQ(panel->stage(), AnswerPanel::Stage::Recording);
    EXPECT_TRUE(panel->isBusy());
    // The card cannot change under the answer.
    auto* next = test::widgetNamed<QPushButton>(view.get(), QStringLiteral("Next card"));
    ASSERT_NE(next, nullptr);
    EXPECT_FALSE(next->isEnabled());
    view->drawNext();
    EXPECT_EQ(view->currentQuestion(), question);
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return panel->stage() == AnswerPanel::Stage::Rating; }, 20'000));
    EXPECT_EQ(panel->clockText(), QStringLiteral("0:06"));
    EXPECT_EQ(panel->light(), rehearsal::Light::Red); // past 4 s

    // Stored as soon as it ended, with its card and draw, unrated.
    QList<answers::Answer> answers = stored();
    ASSERT_EQ(answers.size(), 1);
    EXPECT_EQ(answers[0].card.text, question);
    EXPECT_TRUE(answers[0].drawSeq.has_value());
    EXPECT_EQ(answers[0].lights, rehearsal::LightTimes::pitch(2'000, 3'000, 4'000));
    EXPECT_FALSE(answers[0].rating.rated());
    EXPECT_TRUE(QFile::exists(answers[0].audioPath));

    // Rated first, on the impromptu rubric.
    save(*view, QStringLiteral("answer-rating"));
    // The form fits a 1024x640 window without it growing (issue 15).
    EXPECT_LE(view->minimumSizeHint().height(), 600);
    SelfRatingPanel* rating = panel->ratingPanel();
    EXPECT_EQ(rating->rubric(), SelfRatingPanel::Rubric::Answer);
    EXPECT_EQ(rating->itemButton(rehearsal::RubricItem::Connection, 3), nullptr);
    EXPECT_FALSE(rating->submitButton()->isEnabled()); // overall is required
    rating->overallButton(4)->click();
    rating->answerItemButton(answers::AnswerItem::AskedBack, 2)->click();
    ASSERT_TRUE(rating->submit());
    ASSERT_EQ(panel->stage(), AnswerPanel::Stage::Report);
    EXPECT_FALSE(panel->isBusy());
    EXPECT_TRUE(next->isEnabled());
    answers = stored();
    EXPECT_EQ(answers[0].rating.overall, 4);
    EXPECT_EQ(answers[0].rating.item(answers::AnswerItem::AskedBack), 2);

    save(*view, QStringLiteral("answer-report"));
    EXPECT_LE(view->minimumSizeHint().height(), 600);
    // The report: the first word after the 2 s of thinking, and the take's figures.
    EXPECT_TRUE(panel->summaryText().contains(QStringLiteral("First word after 2.0 s")))
        << panel->summaryText().toStdString();
    EXPECT_TRUE(panel->summaryText().contains(QStringLiteral("your rating 4 of 5")));
    EXPECT_TRUE(panel->report().speakingTimeText().contains(QStringLiteral("0:03")))
        << panel->report().speakingTimeText().toStdString();

    // Listed under the card and in the Answers list.
    panel->closeReport();
    EXPECT_TRUE(panel->answeredText().startsWith(QStringLiteral("Answered once, today")))
        << panel->answeredText().toStdString();
    QListWidget* list = view->answerList();
    ASSERT_EQ(list->count(), 1);
    view->findChild<QTabWidget*>()->setCurrentWidget(list);
    save(*view, QStringLiteral("answer-idle"));
    EXPECT_LE(view->minimumSizeHint().height(), 600);
    EXPECT_TRUE(list->item(0)->text().contains(question)) << list->item(0)->text().toStdString();
    EXPECT_TRUE(list->item(0)->text().contains(QStringLiteral("★★★★")));
    list->setCurrentRow(0);
    EXPECT_EQ(panel->stage(), AnswerPanel::Stage::Report);
    EXPECT_EQ(panel->shownAnswerId(), answers[0].id);

    // Deleted with its audio, after the question.
    bool asked = false;
    QTimer::singleShot(0, [&asked] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        ASSERT_NE(box, nullptr);
        asked = true;
        box->button(QMessageBox::Yes)->click();
    });
    panel->deleteShown();
    EXPECT_TRUE(asked);
    EXPECT_TRUE(stored().isEmpty());
    EXPECT_FALSE(QFile::exists(answers[0].audioPath));
    EXPECT_EQ(panel->stage(), AnswerPanel::Stage::Idle);
    EXPECT_TRUE(panel->answeredText().startsWith(QStringLiteral("Not answered yet")));
    ASSERT_EQ(list->count(), 1);
    EXPECT_FALSE(list->item(0)->flags() & Qt::ItemIsSelectable); // the empty state
}

// "Before the event" (issue 17): five cards up the ladder answered in a row, then a summary.
TEST_F(AnswerPanelTest, BeforeTheEventClimbsFiveCardsAndSumsThemUp)
{
    auto view = page();
    AnswerPanel* panel = view->answerPanel();
    view->startBeforeTheEvent();
    ASSERT_EQ(view->eventCardsLeft(), answers::kEventCards);
    QList<decks::Zone> zones;
    for (int card = 1; card <= answers::kEventCards; ++card) {
        EXPECT_TRUE(panel->noteText().contains(
            QStringLiteral("card %1 of %2").arg(card).arg(answers::kEventCards)))
            << panel->noteText().toStdString();
        const QString question = view->currentQuestion();
        panel->startOrStop();
        ASSERT_TRUE(
            QTest::qWaitFor([&] { return panel->stage() == AnswerPanel::Stage::Rating; }, 20'000));
        panel->ratingPanel()->overallButton(card == 2 ? 5 : 3)->click();
        ASSERT_TRUE(panel->ratingPanel()->submit());
        const QList<answers::Answer> all = stored();
        ASSERT_EQ(all.size(), card);
        EXPECT_EQ(all.last().card.text, question);
        zones << all.last().card.zone;
    }
    EXPECT_EQ(zones,
        (QList<decks::Zone> { decks::Zone::SmallTalk, decks::Zone::SmallTalk, decks::Zone::Fun,
            decks::Zone::Fun, decks::Zone::Deep }));
    EXPECT_EQ(view->eventCardsLeft(), 0);
    const QString summary = view->eventSummary();
    EXPECT_TRUE(summary.contains(QStringLiteral("5 answers"))) << summary.toStdString();
    EXPECT_TRUE(summary.contains(QStringLiteral("first word: 2.0 s"))) << summary.toStdString();
    // The best is the one rated 5 (the second card); all others tie, the last is to try again.
    const QList<answers::Answer> all = stored();
    EXPECT_TRUE(summary.contains(QStringLiteral("Best: \u201c") + all[1].card.text))
        << summary.toStdString();
    EXPECT_TRUE(summary.contains(QStringLiteral("Answer again: \u201c") + all[4].card.text))
        << summary.toStdString();
    EXPECT_EQ(panel->noteText(), summary);
    // Drawing a card of one's own clears it.
    view->drawNext();
    EXPECT_TRUE(panel->noteText().isEmpty());
}

// A and Space stop an answer being recorded; Space does nothing otherwise.
TEST_F(AnswerPanelTest, TheKeysAStartAndStopAnAnswerAndSpaceStopsIt)
{
    // Played at real time, so that the answer is still recording when the key comes.
    const QString source = m_source;
    CardsPage view(*m_store, nullptr, nullptr,
        [source] { return std::make_unique<audio::FileAudioSource>(source, 1.0); });
    view.show();
    view.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&view));
    view.drawNext();
    AnswerPanel* panel = view.answerPanel();
    QTest::keyClick(&view, Qt::Key_A);
    ASSERT_EQ(panel->stage(), AnswerPanel::Stage::Recording);
    QTest::qWait(300);
    QTest::keyClick(&view, Qt::Key_Space);
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return panel->stage() == AnswerPanel::Stage::Rating; }, 5'000));
    const QList<answers::Answer> answers = stored();
    ASSERT_EQ(answers.size(), 1);
    EXPECT_LT(answers[0].report.durationS, 3.0); // stopped early, kept
}

// Closing the window while an answer records stops it and stores it (MainWindow::closeEvent
// calls finishRecording()): nothing is left as a recording to recover.
TEST_F(AnswerPanelTest, FinishingWhileRecordingStoresTheAnswerAtOnce)
{
    const QString source = m_source;
    CardsPage view(*m_store, nullptr, nullptr,
        [source] { return std::make_unique<audio::FileAudioSource>(source, 1.0); });
    view.drawNext();
    AnswerPanel* panel = view.answerPanel();
    EXPECT_FALSE(panel->finishRecording()) << "nothing was recording";
    panel->startOrStop();
    ASSERT_EQ(panel->stage(), AnswerPanel::Stage::Recording);
    QTest::qWait(400);
    EXPECT_TRUE(panel->finishRecording());
    // Stored by the time finishRecording() returns, without waiting for the rest of the file.
    const QList<answers::Answer> answers = stored();
    ASSERT_EQ(answers.size(), 1);
    EXPECT_GT(answers[0].report.durationS, 0.2);
    EXPECT_LT(answers[0].report.durationS, 3.0);
    EXPECT_TRUE(QFile::exists(answers[0].audioPath));
    rehearsal::TakeRepository takes(*m_store->database);
    Result<QList<rehearsal::OrphanRecording>> orphans
        = rehearsal::Recordings(m_store->paths, takes).orphans();
    ASSERT_TRUE(orphans.ok());
    EXPECT_TRUE(orphans->isEmpty());
}

} // namespace
} // namespace rapport::gui
