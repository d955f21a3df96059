#include "app/gui/rehearse/rehearsepage.h"
#include "app/gui/rehearse/selfratingpanel.h"
#include "app/gui/rehearse/takecomparedialog.h"
#include "app/gui/rehearse/takereportview.h"
#include "app/gui/rehearse/taketimeline.h"
#include "app/gui/widgets/takelistmodel.h"
#include "core/answers/answerrepository.h"
#include "core/audio/fileaudiosource.h"
#include "core/rehearsal/recordings.h"
#include "tests/support/fakerecogniser.h"
#include "tests/support/fixedclock.h"
#include "tests/support/sqlitefile.h"
#include "tests/support/testtake.h"
#include "tests/support/widgetlookup.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <future>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace rapport::gui {
namespace {

using audio::kSampleRate;

// What the takes list shows in `column` of `row` (in `role`).
QString cell(
    const RehearsePage& page, int row, TakeListModel::Column column, int role = Qt::DisplayRole)
{
    const TakeListModel& model = page.takeModel();
    return model.data(model.index(row, column), role).toString();
}

// `leadS` of silence, `toneS` of the test tone (the "speech"), `tailS` of silence.
void writeTake(const QString& path, double leadS, double toneS, double tailS)
{
    auto frames = [](double seconds) { return std::llround(seconds * kSampleRate); };
    ASSERT_EQ(test::writeToneTake(path, frames(leadS), frames(toneS), frames(tailS)), QString());
}

class RehearsePageTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        auto store = storage::openStore(m_dir.filePath(QStringLiteral("data")));
        ASSERT_TRUE(store.ok());
        m_store = std::make_unique<storage::Store>(std::move(*store));
        m_source = m_dir.filePath(QStringLiteral("speech.wav"));
        writeTake(m_source, 1.0, 2.0, 1.0);
    }

    qint64 addPitch(qint64 targetMs = 10'000)
    {
        rehearsal::Pitch pitch;
        pitch.title = QStringLiteral("Elevator");
        pitch.text = QStringLiteral("We help small schools share teachers.");
        pitch.targetMs = targetMs;
        pitch.lights = rehearsal::defaultLightsFor(targetMs);
        return *rehearsal::PitchRepository(*m_store->database).add(pitch, m_clock.nowUtc());
    }

    /// `speed` 0: the source's blocks as fast as the event loop turns; 4.0: four times real time.
    std::unique_ptr<RehearsePage> page(double speed = 0.0)
    {
        const QString source = m_source;
        return std::make_unique<RehearsePage>(
            *m_store,
            [source, speed] { return std::make_unique<audio::FileAudioSource>(source, speed); },
            &m_clock);
    }

    // Starts a take and waits for it to reach the rating step.
    void recordTake(RehearsePage& page)
    {
        page.startOrStop();
        ASSERT_EQ(page.stage(), RehearsePage::Stage::Recording);
        ASSERT_TRUE(
            QTest::qWaitFor([&] { return page.stage() == RehearsePage::Stage::Rating; }, 20'000));
    }

    void rate(RehearsePage& page, int overall)
    {
        test::onlyChild<SelfRatingPanel>(&page)->overallButton(overall)->click();
        ASSERT_TRUE(test::onlyChild<SelfRatingPanel>(&page)->submit());
    }

    QList<rehearsal::Take> takes()
    {
        auto all = rehearsal::TakeRepository(*m_store->database).list();
        return all ? *all : QList<rehearsal::Take> {};
    }

    QTemporaryDir m_dir;
    std::unique_ptr<storage::Store> m_store;
    QString m_source;
    test::FixedClock m_clock;
};

TEST_F(RehearsePageTest, WithoutAPitchItOffersToWriteOne)
{
    auto view = page();
    EXPECT_EQ(test::widgetNamed<QComboBox>(view.get(), QStringLiteral("Pitch"))->count(), 0);
    EXPECT_TRUE(view->statusText().contains(QStringLiteral("first pitch")));
    view->startOrStop();
    EXPECT_EQ(view->stage(), RehearsePage::Stage::Ready);
}

TEST_F(RehearsePageTest, ATakeIsRatedFirstThenReportedAndStored)
{
    const qint64 pitchId = addPitch();
    auto view = page();
    ASSERT_EQ(test::widgetNamed<QComboBox>(view.get(), QStringLiteral("Pitch"))->count(), 1);
    recordTake(*view);
    EXPECT_EQ(view->clockText(), QStringLiteral("0:04")); // counted in audio frames

    // The take is stored as soon as it ends, unrated, with its audio.
    QList<rehearsal::Take> stored = takes();
    ASSERT_EQ(stored.size(), 1);
    const rehearsal::Take& take = stored.first();
    EXPECT_EQ(take.pitchId, pitchId);
    EXPECT_EQ(take.startedAt, m_clock.nowUtc());
    EXPECT_EQ(take.lights, rehearsal::defaultLightsFor(10'000));
    EXPECT_FALSE(take.rating.rated());
    EXPECT_TRUE(QFile::exists(take.audioPath));
    EXPECT_EQ(test::permissionBits(take.audioPath), 0600);
    EXPECT_TRUE(take.audioPath.startsWith(m_store->paths.recordings()));
    ASSERT_TRUE(take.report.speakingTimeS);
    EXPECT_NEAR(*take.report.speakingTimeS, 2.0, 0.1);

    // Rating comes first; the report only after submitting.
    EXPECT_FALSE(test::onlyChild<SelfRatingPanel>(view.get())->submit());
    EXPECT_EQ(view->stage(), RehearsePage::Stage::Rating);
    rate(*view, 4);
    EXPECT_EQ(view->stage(), RehearsePage::Stage::Report);
    EXPECT_EQ(takes().first().rating.overall, 4);
    EXPECT_EQ(takes().first().rating.ratedAt, m_clock.nowUtc());
    EXPECT_TRUE(test::onlyChild<TakeReportView>(view.get())
                    ->speakingTimeText()
                    .startsWith(QStringLiteral("0:02")))
        << test::onlyChild<TakeReportView>(view.get())->speakingTimeText().toStdString();
    EXPECT_TRUE(test::onlyChild<TakeReportView>(view.get())
                    ->speakingTimeText()
                    .contains(QStringLiteral("short")))
        << test::onlyChild<TakeReportView>(view.get())->speakingTimeText().toStdString();
    ASSERT_EQ(view->takeModel().rowCount(), 1);
    EXPECT_EQ(cell(*view, 0, TakeListModel::Rating), QStringLiteral("★★★★☆"));
    EXPECT_EQ(
        cell(*view, 0, TakeListModel::Rating, Qt::AccessibleTextRole), QStringLiteral("4 of 5"));
    EXPECT_EQ(cell(*view, 0, TakeListModel::SpeakingTime), QStringLiteral("0:02"));
}

TEST_F(RehearsePageTest, AWithheldPaceSaysWhyInTheReportAndTheTakeList)
{
    addPitch();
    auto view = page();
    recordTake(*view); // 2 s of speech: too little for a pace
    rate(*view, 3);
    ASSERT_EQ(takes().size(), 1);
    const analysis::TakeReport report = takes().first().report;
    ASSERT_FALSE(report.wordsPerMinute);
    ASSERT_TRUE(report.caveats == std::vector { analysis::Caveat::TooShortForPace });
    EXPECT_EQ(test::onlyChild<TakeReportView>(view.get())->paceText(),
        QStringLiteral("— too little speech (under 3 s) to estimate the pace"));
    EXPECT_EQ(cell(*view, 0, TakeListModel::Pace), QStringLiteral("—"));
    EXPECT_EQ(cell(*view, 0, TakeListModel::Pace, Qt::ToolTipRole),
        QStringLiteral("Too little speech (under 3 s) to estimate the pace."));
}

TEST_F(RehearsePageTest, TheReportListensForTheWordsThenShowsThemWithTheirFillers)
{
    addPitch();
    auto log = std::make_shared<test::RecogniserLog>();
    log->say = QStringList { QStringLiteral("we"), QStringLiteral("help"), QStringLiteral("um"),
        QStringLiteral("small") };
    // The model is slow to load this time: the take ends before any word is heard.
    std::promise<void> loaded;
    std::shared_future<void> ready = loaded.get_future().share();
    speech::WordListener listener([log, ready]() -> Result<std::unique_ptr<speech::Recogniser>> {
        ready.wait();
        return std::unique_ptr<speech::Recogniser>(std::make_unique<test::FakeRecogniser>(log));
    });
    // Released however the test ends, so the listener's worker is never left waiting.
    struct Release
    {
        std::promise<void>& promise;
        bool done = false;
        void now()
        {
            if (!std::exchange(done, true))
                promise.set_value();
        }
        ~Release() { now(); }
    } release { loaded };
    auto view = page();
    view->setWordListener(&listener);
    recordTake(*view);
    rate(*view, 4);
    const TakeReportView& report = view->report();
    // The figures at once; the words said to be coming.
    EXPECT_FALSE(report.speakingTimeText().isEmpty());
    EXPECT_TRUE(report.isListening());
    EXPECT_EQ(report.wordsStatusText(), QStringLiteral("Listening to your words…"));
    EXPECT_TRUE(report.fillersText().isEmpty());

    release.now();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !report.isListening(); }, 20'000));
    EXPECT_TRUE(report.wordsStatusText().isEmpty());
    EXPECT_EQ(report.transcriptText(), QStringLiteral("we help [um] small"));
    EXPECT_TRUE(report.fillersText().startsWith(QStringLiteral("1 (")))
        << report.fillersText().toStdString();
    EXPECT_TRUE(report.fillersText().endsWith(QStringLiteral("“um”")))
        << report.fillersText().toStdString();
    EXPECT_EQ(report.repeatsText(), QStringLiteral("None"));
    // The pitch's one sentence: its words "we help small" of six, partly said.
    EXPECT_TRUE(report.scriptText().contains(QStringLiteral("◐ partly — We help small schools")))
        << report.scriptText().toStdString();
    // The filler marked on the timeline where it was said (third second).
    ASSERT_EQ(report.timeline()->fillers().size(), 1U);
    EXPECT_DOUBLE_EQ(report.timeline()->fillers().front().startS, 2.0);
    ASSERT_EQ(report.timeline()->fillerRects(600).size(), 1);
    EXPECT_TRUE(report.timeline()->summary().contains(QStringLiteral("1 filler word")));
    // ... and stored with the take, and shown in the list.
    ASSERT_EQ(takes().size(), 1);
    ASSERT_TRUE(takes().first().words);
    EXPECT_EQ(takes().first().words->fillers.size(), 1U);
    EXPECT_NE(cell(*view, 0, TakeListModel::Fillers), QStringLiteral("—"));
    EXPECT_EQ(cell(*view, 0, TakeListModel::Script), QStringLiteral("50 %"));
    if (const QString dir = qEnvironmentVariable("RAPPORT_SCREENSHOT_DIR"); !dir.isEmpty()) {
        view->resize(1024, 640);
        view->show();
        QTest::qWait(50);
        view->grab().save(QDir(dir).filePath(QStringLiteral("rehearse-words.png")));
    }
}

TEST_F(RehearsePageTest, WithoutASpeechModelTheReportSaysWhatToInstall)
{
    addPitch();
    speech::WordListener listener([]() -> Result<std::unique_ptr<speech::Recogniser>> {
        return Error { ErrorKind::NotFound, QStringLiteral("The speech model is not installed."),
            QStringLiteral("Install it with: apt-get install pocketsphinx-en-us"), {} };
    });
    auto view = page();
    view->setWordListener(&listener);
    recordTake(*view);
    rate(*view, 3);
    const TakeReportView& report = view->report();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !report.isListening(); }, 20'000));
    EXPECT_TRUE(report.wordsStatusText().contains(QStringLiteral("pocketsphinx-en-us")))
        << report.wordsStatusText().toStdString();
    EXPECT_FALSE(report.speakingTimeText().isEmpty());
    ASSERT_EQ(takes().size(), 1);
    EXPECT_FALSE(takes().first().words);
}

TEST_F(RehearsePageTest, WithWordsTurnedOffTheReportSaysSoAndTheTakeKeepsNone)
{
    addPitch();
    auto log = std::make_shared<test::RecogniserLog>();
    speech::WordListener listener(test::fakeRecogniserFactory(log));
    auto view = page();
    view->setWordListener(&listener);
    view->setWordListener(nullptr); // Settings: "Hear my words" off
    recordTake(*view);
    rate(*view, 3);
    EXPECT_FALSE(view->report().isListening());
    EXPECT_EQ(
        view->report().wordsStatusText(), QStringLiteral("Words are off (Settings, Microphone)."));
    QTest::qWait(100);
    EXPECT_EQ(log->starts, 0);
    ASSERT_EQ(takes().size(), 1);
    EXPECT_FALSE(takes().first().words);
}

TEST_F(RehearsePageTest, TheTeleprompterFollowsTheVoiceSentenceBySentence)
{
    rehearsal::Pitch pitch;
    pitch.title = QStringLiteral("Schools");
    pitch.text = QStringLiteral("We help small schools share teachers. Our app matches a school "
                                "with a teacher nearby. Call me to try it.");
    pitch.targetMs = 20'000;
    pitch.lights = rehearsal::defaultLightsFor(pitch.targetMs);
    ASSERT_TRUE(rehearsal::PitchRepository(*m_store->database).add(pitch, m_clock.nowUtc()));
    writeTake(m_source, 0.5, 6.0, 2.0); // long enough to be heard while it records
    auto log = std::make_shared<test::RecogniserLog>();
    log->say = QStringList { QStringLiteral("we"), QStringLiteral("help"), QStringLiteral("small"),
        QStringLiteral("our"), QStringLiteral("app"), QStringLiteral("matches") };
    speech::WordListener listener(test::fakeRecogniserFactory(log));
    auto view = page(4.0);
    view->setWordListener(&listener);
    EXPECT_EQ(view->teleprompterSentence(), -1);
    view->startOrStop();
    ASSERT_EQ(view->stage(), RehearsePage::Stage::Recording);
    ASSERT_TRUE(QTest::qWaitFor([&] { return view->teleprompterSentence() == 0; }, 20'000));
    ASSERT_TRUE(QTest::qWaitFor([&] { return view->teleprompterSentence() == 1; }, 20'000));
    EXPECT_EQ(view->stage(), RehearsePage::Stage::Recording);
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return view->stage() == RehearsePage::Stage::Rating; }, 20'000));
    EXPECT_EQ(view->teleprompterSentence(), -1); // the take is over: nothing highlighted
}

TEST_F(RehearsePageTest, TwoTakesCanBeComparedAndOneDeleted)
{
    addPitch();
    auto view = page();
    recordTake(*view);
    rate(*view, 2);
    m_clock.advance(60);
    recordTake(*view);
    rate(*view, 5);
    QList<rehearsal::Take> stored = takes();
    ASSERT_EQ(stored.size(), 2);

    TakeCompareDialog compare(stored[0], stored[1]);
    QTableWidget* table = compare.table();
    ASSERT_EQ(table->columnCount(), 2);
    // Each take is named as the takes list names it (the list shows the newest first).
    ASSERT_EQ(view->takeModel().rowCount(), 2);
    EXPECT_EQ(table->horizontalHeaderItem(0)->text(), cell(*view, 1, TakeListModel::When));
    EXPECT_EQ(table->horizontalHeaderItem(1)->text(), cell(*view, 0, TakeListModel::When));
    EXPECT_NE(table->horizontalHeaderItem(0)->text(), table->horizontalHeaderItem(1)->text());
    int ratingRow = -1;
    for (int r = 0; r < table->rowCount(); ++r) {
        if (table->verticalHeaderItem(r)->text() == QStringLiteral("Your rating"))
            ratingRow = r;
    }
    ASSERT_GE(ratingRow, 0);
    EXPECT_EQ(table->item(ratingRow, 0)->text(), QStringLiteral("★★☆☆☆"));
    EXPECT_EQ(table->item(ratingRow, 1)->text(), QStringLiteral("★★★★★  ✓"));

    // Starring a take marks it Best and keeps it selected.
    view->selectTakes({ stored[0].id });
    view->starSelected();
    const int starred = view->takeModel().rowOf(stored[0].id);
    ASSERT_EQ(starred, 1);
    EXPECT_EQ(cell(*view, starred, TakeListModel::Best), QStringLiteral("★"));
    EXPECT_EQ(cell(*view, 0, TakeListModel::Best), QString());
    EXPECT_TRUE(takes().first().starred);
    view->starSelected(); // still the selected take: starring again unstars it
    EXPECT_EQ(cell(*view, starred, TakeListModel::Best), QString());
    EXPECT_FALSE(takes().first().starred);

    const QString audio = stored[0].audioPath;
    ASSERT_TRUE(view->deleteTake(stored[0].id));
    EXPECT_FALSE(QFile::exists(audio));
    EXPECT_EQ(takes().size(), 1);
    ASSERT_EQ(view->takeModel().rowCount(), 1);
    EXPECT_EQ(view->takeModel().take(0).id, stored[1].id);
}

TEST_F(RehearsePageTest, SelectingAnyTakeShowsItsReport)
{
    addPitch();
    auto view = page();
    recordTake(*view);
    rate(*view, 2);
    const qint64 first = view->lastTakeId();
    writeTake(m_source, 1.0, 5.0, 1.0); // the second take speaks for 5 s
    m_clock.advance(60);
    recordTake(*view);
    rate(*view, 4);
    const qint64 second = view->lastTakeId();
    ASSERT_NE(first, second);
    const TakeReportView& report = view->report();
    EXPECT_EQ(view->shownTakeId(), second);
    EXPECT_TRUE(report.speakingTimeText().startsWith(QStringLiteral("0:05")))
        << report.speakingTimeText().toStdString();

    // Clicking the older take in the list shows its report, not the last one recorded.
    auto* list = test::widgetNamed<QTreeView>(view.get(), QStringLiteral("Takes of this pitch"));
    ASSERT_NE(list, nullptr);
    const int row = view->takeModel().rowOf(first);
    ASSERT_EQ(row, 1);
    list->setCurrentIndex(view->takeModel().index(row, 0));
    EXPECT_EQ(view->stage(), RehearsePage::Stage::Report);
    EXPECT_EQ(view->shownTakeId(), first);
    EXPECT_TRUE(report.speakingTimeText().startsWith(QStringLiteral("0:02")))
        << report.speakingTimeText().toStdString();
    // The take buttons act on that take: its star.
    auto* best = test::widgetNamed<QPushButton>(view.get(), QStringLiteral("Best take"));
    ASSERT_NE(best, nullptr);
    EXPECT_FALSE(best->isChecked());
    best->click();
    EXPECT_TRUE(best->isChecked());
    EXPECT_EQ(best->text(), QStringLiteral("★ &Best take"));
    EXPECT_TRUE(rehearsal::TakeRepository(*m_store->database).get(first)->starred);
    EXPECT_FALSE(rehearsal::TakeRepository(*m_store->database).get(second)->starred);

    // From the report, Space starts a new take as before.
    view->startOrStop();
    EXPECT_EQ(view->stage(), RehearsePage::Stage::Recording);
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return view->stage() == RehearsePage::Stage::Rating; }, 20'000));
    // While rating, the list cannot change the report under the form.
    EXPECT_FALSE(list->isEnabled());
}

// At the smallest window the rating form fits without scrolling: 1024x640 less the sidebar
// (about 210 px), the menu and the status bar (about 20 px each), as WindowSizesTest shows it.
TEST_F(RehearsePageTest, TheRatingFormFitsASmallWindowWithoutScrolling)
{
    addPitch();
    auto view = page();
    view->resize(810, 595);
    view->show();
    recordTake(*view);
    QCoreApplication::processEvents();
    auto* panel = test::onlyChild<SelfRatingPanel>(view.get());
    ASSERT_NE(panel, nullptr);
    QScrollArea* area = nullptr;
    for (QWidget* up = panel->parentWidget(); up && !area; up = up->parentWidget())
        area = qobject_cast<QScrollArea*>(up);
    ASSERT_NE(area, nullptr);
    EXPECT_EQ(area->verticalScrollBar()->maximum(), 0)
        << "the form needs " << panel->minimumSizeHint().height() << " px, has "
        << area->viewport()->height();
    if (const QString dir = qEnvironmentVariable("RAPPORT_SCREENSHOT_DIR"); !dir.isEmpty())
        view->grab().save(QDir(dir).filePath(QStringLiteral("rating-810x595.png")));
    rate(*view, 3);
    // The takes come back with the report.
    EXPECT_TRUE(test::widgetNamed<QTreeView>(view.get(), QStringLiteral("Takes of this pitch"))
                    ->isVisible());
}

// A take recorded while words were off (or imported, or recovered) can be heard again from
// its recording in the window; the words are stored with it.
TEST_F(RehearsePageTest, AnOldTakesWordsCanBeHeardFromTheReport)
{
    addPitch();
    auto view = page();
    recordTake(*view); // words off: no listener
    rate(*view, 3);
    ASSERT_FALSE(takes().first().words);
    const TakeReportView& report = view->report();
    EXPECT_FALSE(report.hearWordsButton()->isVisibleTo(view.get()))
        << "without a listener there is nothing to hear with";

    auto log = std::make_shared<test::RecogniserLog>();
    log->say = QStringList { QStringLiteral("we"), QStringLiteral("help"), QStringLiteral("uh"),
        QStringLiteral("schools") };
    speech::WordListener listener([log]() -> Result<std::unique_ptr<speech::Recogniser>> {
        return std::unique_ptr<speech::Recogniser>(std::make_unique<test::FakeRecogniser>(log));
    });
    view->setWordListener(&listener);
    view->showTake(takes().first().id);
    ASSERT_TRUE(report.hearWordsButton()->isVisibleTo(view.get()));
    report.hearWordsButton()->click();
    EXPECT_TRUE(report.isListening());
    ASSERT_TRUE(QTest::qWaitFor([&] { return !report.isListening(); }, 20'000));
    EXPECT_EQ(report.transcriptText(), QStringLiteral("we help [uh] schools"));
    EXPECT_FALSE(report.hearWordsButton()->isVisibleTo(view.get()));
    ASSERT_TRUE(takes().first().words);
    EXPECT_EQ(takes().first().words->fillers.size(), 1U);
    EXPECT_NE(cell(*view, 0, TakeListModel::Fillers), QStringLiteral("—"));
    view->setWordListener(nullptr);
}

TEST_F(RehearsePageTest, SwitchingPitchShowsItsLatestTakeOrAnEmptyState)
{
    addPitch();
    rehearsal::Pitch other;
    other.title = QStringLiteral("Investor pitch with a long title that must not be cut");
    other.text = QStringLiteral("We sell bread.");
    other.targetMs = 20'000;
    other.lights = rehearsal::defaultLightsFor(20'000);
    ASSERT_TRUE(rehearsal::PitchRepository(*m_store->database).add(other, m_clock.nowUtc()));
    auto view = page();
    auto* chooser = test::widgetNamed<QComboBox>(view.get(), QStringLiteral("Pitch"));
    ASSERT_EQ(chooser->count(), 2);
    chooser->setCurrentIndex(chooser->findText(QStringLiteral("Elevator"), Qt::MatchStartsWith));
    recordTake(*view);
    rate(*view, 3);
    const qint64 take = view->lastTakeId();

    chooser->setCurrentIndex(chooser->findText(QStringLiteral("Investor"), Qt::MatchStartsWith));
    EXPECT_EQ(view->stage(), RehearsePage::Stage::Ready);
    EXPECT_EQ(view->shownTakeId(), 0);
    EXPECT_EQ(view->takeModel().rowCount(), 0);
    EXPECT_TRUE(view->statusText().startsWith(QStringLiteral("No takes of this pitch yet")))
        << view->statusText().toStdString();
    // The chooser is wide enough for a long title.
    EXPECT_GE(chooser->minimumSizeHint().width(),
        chooser->fontMetrics().horizontalAdvance(QStringLiteral("Investor pitch with a long ")));

    chooser->setCurrentIndex(chooser->findText(QStringLiteral("Elevator"), Qt::MatchStartsWith));
    EXPECT_EQ(view->stage(), RehearsePage::Stage::Report);
    EXPECT_EQ(view->shownTakeId(), take);
}

TEST_F(RehearsePageTest, ButtonsAreEnabledOnlyWhenTheyCanAct)
{
    {
        auto empty = page();
        EXPECT_FALSE(test::widgetNamed<QPushButton>(empty.get(), QStringLiteral("Before a meeting"))
                         ->isEnabled());
        EXPECT_FALSE(
            test::widgetNamed<QPushButton>(empty.get(), QStringLiteral("Compare two takes"))
                ->isEnabled());
    }
    addPitch();
    auto view = page();
    auto* compare = test::widgetNamed<QPushButton>(view.get(), QStringLiteral("Compare two takes"));
    auto* play = test::widgetNamed<QPushButton>(view.get(), QStringLiteral("Play the take"));
    auto* remove = test::widgetNamed<QPushButton>(view.get(), QStringLiteral("Delete the take"));
    ASSERT_TRUE(compare && play && remove);
    EXPECT_TRUE(test::widgetNamed<QPushButton>(view.get(), QStringLiteral("Before a meeting"))
                    ->isEnabled());
    EXPECT_FALSE(compare->isEnabled());
    recordTake(*view);
    rate(*view, 3);
    EXPECT_FALSE(compare->isEnabled()) << "one take cannot be compared";
    EXPECT_TRUE(play->isEnabled());
    EXPECT_TRUE(remove->isEnabled());
    recordTake(*view);
    rate(*view, 4);
    const QList<rehearsal::Take> both = takes();
    view->selectTakes({ both[0].id, both[1].id });
    EXPECT_TRUE(compare->isEnabled());
    EXPECT_TRUE(remove->toolTip().contains(QStringLiteral("2 selected takes")))
        << remove->toolTip().toStdString();
    // Mnemonics on the take buttons, and no '&' shown as text.
    for (QPushButton* button : view->findChildren<QPushButton*>()) {
        if (!button->isVisibleTo(view.get()) || button->text().isEmpty())
            continue;
        EXPECT_FALSE(button->text().contains(QStringLiteral("&&"))) << button->text().toStdString();
    }
    for (QPushButton* button : { compare, play, remove })
        EXPECT_TRUE(button->text().contains(QLatin1Char('&'))) << button->text().toStdString();
    // A take whose recording is gone cannot be played.
    view->selectTakes({ both[0].id });
    ASSERT_TRUE(QFile::remove(both[0].audioPath));
    view->reloadPitches();
    view->showTake(both[0].id);
    EXPECT_FALSE(play->isEnabled());
}

TEST_F(RehearsePageTest, TheDeleteKeyDeletesTheSelectedTakeAfterAsking)
{
    addPitch();
    auto view = page();
    view->show();
    recordTake(*view);
    rate(*view, 3);
    recordTake(*view);
    rate(*view, 4);
    const QList<rehearsal::Take> before = takes();
    ASSERT_EQ(before.size(), 2);
    auto* list = test::widgetNamed<QTreeView>(view.get(), QStringLiteral("Takes of this pitch"));
    view->selectTakes({ before[0].id });
    view->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(view.get()));
    list->setFocus();
    // The first time the question is cancelled, the second time it is answered yes.
    for (const auto answer : { QMessageBox::Cancel, QMessageBox::Yes }) {
        bool asked = false;
        QTimer::singleShot(0, [&asked, answer] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            ASSERT_NE(box, nullptr);
            asked = true;
            box->button(answer)->click();
        });
        QTest::keyClick(list, Qt::Key_Delete);
        EXPECT_TRUE(asked);
    }
    const QList<rehearsal::Take> after = takes();
    ASSERT_EQ(after.size(), 1);
    EXPECT_EQ(after.first().id, before[1].id);
    EXPECT_FALSE(QFile::exists(before[0].audioPath));
    // The report shows the take that is left.
    EXPECT_EQ(view->shownTakeId(), before[1].id);
}

TEST(TakeCompareDialogTest, SaysTheTakesInTheTakeListsWordsAndMarksOnlyVisibleDifferences)
{
    rehearsal::Take a;
    a.id = 1;
    a.startedAt = QDateTime(QDate(2026, 10, 1), QTime(8, 0), Qt::UTC);
    a.lights = rehearsal::defaultLightsFor(60'000);
    a.report.speakingTimeS = 40;
    a.report.pitchSdSemitones = 1.62;
    a.report.loudnessLufs = -20.25;
    a.rating.overall = 3;
    rehearsal::Take b = a;
    b.id = 2;
    b.startedAt = a.startedAt.addDays(1);
    b.report.speakingTimeS = 65;
    b.report.pitchSdSemitones = 1.58; // reads "1.6" too
    b.rating.overall.reset();

    TakeCompareDialog compare(a, b);
    const QTableWidget* table = compare.table();
    QHash<QString, int> rowOf;
    for (int r = 0; r < table->rowCount(); ++r)
        rowOf[table->verticalHeaderItem(r)->text()] = r;
    auto cellText = [&](const char* row, int column) {
        return table->item(rowOf.value(QString::fromLatin1(row), -1), column)->text();
    };
    ASSERT_TRUE(rowOf.contains(QStringLiteral("Timing")));
    for (int column = 0; column < 2; ++column) {
        const rehearsal::Take& take = column == 0 ? a : b;
        EXPECT_EQ(table->horizontalHeaderItem(column)->text(),
            TakeListModel::text(take, TakeListModel::When, QTimeZone::systemTimeZone(), false));
        EXPECT_TRUE(table->horizontalHeaderItem(column)->text().endsWith(u"(no recording)"));
    }
    // 5 s over is closer to the window than 10 s short.
    EXPECT_EQ(cellText("Timing", 0), QStringLiteral("under by 0:10"));
    EXPECT_EQ(cellText("Timing", 1), QStringLiteral("over by 0:05  ✓"));
    EXPECT_EQ(cellText("Pitch variation", 0), QStringLiteral("1.6 semitones"));
    EXPECT_EQ(cellText("Pitch variation", 1), QStringLiteral("1.6 semitones"));
    EXPECT_EQ(cellText("Loudness", 0), QStringLiteral("−20.3 LUFS"));
    EXPECT_EQ(cellText("Your rating", 0), QStringLiteral("★★★☆☆"));
    EXPECT_EQ(cellText("Your rating", 1), QStringLiteral("not rated"));
    EXPECT_EQ(cellText("Pace", 0), QStringLiteral("—"));
}

TEST(TakeCompareDialogTest, FiguresThatReadTheSameAreATieNotAWin)
{
    rehearsal::Take a;
    a.id = 1;
    a.startedAt = QDateTime(QDate(2026, 10, 1), QTime(8, 0), Qt::UTC);
    a.lights = rehearsal::defaultLightsFor(60'000); // green 50 s, red 60 s
    a.report.speakingTimeS = 64.2; // reads "1:04": over by 0:04
    a.report.pitchSdSemitones = 1.62;
    a.rating.overall = 4;
    rehearsal::Take b = a;
    b.id = 2;
    b.startedAt = a.startedAt.addDays(1);
    b.report.speakingTimeS = 46.3; // reads "0:46": under by 0:04 too
    b.report.pitchSdSemitones = 1.58; // reads "1.6" too
    b.rating.overall = 4;

    TakeCompareDialog compare(a, b);
    const QTableWidget* table = compare.table();
    int judged = 0;
    for (int r = 0; r < table->rowCount(); ++r) {
        const QString row = table->verticalHeaderItem(r)->text();
        if (row != u"Timing" && row != u"Pitch variation" && row != u"Your rating")
            continue;
        ++judged;
        for (int c = 0; c < 2; ++c) {
            const QTableWidgetItem* item = table->item(r, c);
            ASSERT_NE(item, nullptr);
            EXPECT_FALSE(item->text().contains(u'✓')) << row.toStdString();
            EXPECT_FALSE(item->font().bold()) << row.toStdString();
            EXPECT_TRUE(item->data(Qt::AccessibleTextRole).toString().endsWith(u", a tie"))
                << row.toStdString();
            EXPECT_FALSE(item->toolTip().isEmpty());
        }
    }
    EXPECT_EQ(judged, 3);
    EXPECT_EQ(TakeCompareDialog::timingText(a), QStringLiteral("over by 0:04"));
    EXPECT_EQ(TakeCompareDialog::timingText(b), QStringLiteral("under by 0:04"));
}

TEST(TakeCompareDialogTest, OutsideTheWindowSaysOverOrUnderAndByHowMuch)
{
    rehearsal::Take take;
    take.lights = rehearsal::defaultLightsFor(60'000); // green 50 s, red 60 s
    take.report.speakingTimeS = 72;
    EXPECT_EQ(TakeCompareDialog::timingText(take), QStringLiteral("over by 0:12"));
    take.report.speakingTimeS = 42;
    EXPECT_EQ(TakeCompareDialog::timingText(take), QStringLiteral("under by 0:08"));
    take.report.speakingTimeS = 72.9; // reads "1:12", as the speaking time row shows it
    EXPECT_EQ(TakeCompareDialog::timingText(take), QStringLiteral("over by 0:12"));
    take.report.speakingTimeS = 60.3; // reads "1:00", yet over: not "over by 0:00"
    EXPECT_EQ(TakeCompareDialog::timingText(take), QStringLiteral("over by less than a second"));
    take.report.speakingTimeS = 49.8;
    EXPECT_EQ(TakeCompareDialog::timingText(take), QStringLiteral("under by 0:01"));
    take.report.speakingTimeS = 55;
    EXPECT_EQ(TakeCompareDialog::timingText(take), QStringLiteral("within the window"));
    take.report.speakingTimeS.reset();
    EXPECT_EQ(TakeCompareDialog::timingText(take), QStringLiteral("no speech"));
}

TEST(TakeCompareDialogTest, EachTakeHasAPlayButtonDisabledWithoutItsRecording)
{
    QTemporaryDir dir;
    const QString wav = dir.filePath(QStringLiteral("take.wav"));
    QFile file(wav);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.close();
    rehearsal::Take a;
    a.id = 1;
    a.startedAt = QDateTime(QDate(2026, 10, 1), QTime(8, 0), Qt::UTC);
    a.lights = rehearsal::defaultLightsFor(60'000);
    a.report.speakingTimeS = 72;
    a.rating.overall = 4;
    a.audioPath = wav;
    rehearsal::Take b = a;
    b.id = 2;
    b.audioPath.clear(); // not kept
    b.report.speakingTimeS = 42;
    b.rating.overall = 4;
    rehearsal::Take c = a;
    c.id = 3;
    c.audioPath = dir.filePath(QStringLiteral("gone.wav"));

    TakeCompareDialog compare(a, b);
    ASSERT_NE(compare.playButton(0), nullptr);
    ASSERT_NE(compare.playButton(1), nullptr);
    EXPECT_EQ(compare.playButton(0)->text(), QStringLiteral("Play"));
    EXPECT_TRUE(compare.playButton(0)->isEnabled());
    EXPECT_TRUE(compare.playButton(0)->toolTip().isEmpty());
    EXPECT_FALSE(compare.playButton(1)->isEnabled());
    EXPECT_TRUE(compare.playButton(1)->toolTip().contains(u"not kept"))
        << compare.playButton(1)->toolTip().toStdString();
    // The buttons sit in the table, one under each take's column.
    const QTableWidget* table = compare.table();
    const int last = table->rowCount() - 1;
    EXPECT_TRUE(table->cellWidget(last, 0)->isAncestorOf(compare.playButton(0)));
    EXPECT_TRUE(table->cellWidget(last, 1)->isAncestorOf(compare.playButton(1)));

    if (const QString shots = qEnvironmentVariable("RAPPORT_SCREENSHOT_DIR"); !shots.isEmpty())
        compare.grab().save(QDir(shots).filePath(QStringLiteral("take-compare.png")));

    TakeCompareDialog missing(a, c);
    EXPECT_FALSE(missing.playButton(1)->isEnabled());
    EXPECT_TRUE(missing.playButton(1)->toolTip().contains(u"gone.wav"))
        << missing.playButton(1)->toolTip().toStdString();
}

TEST_F(RehearsePageTest, ATakeWithoutItsRecordingIsMarkedInTheList)
{
    addPitch();
    auto view = page();
    recordTake(*view);
    rate(*view, 4);
    ASSERT_EQ(view->takeModel().rowCount(), 1);
    EXPECT_FALSE(cell(*view, 0, TakeListModel::When).contains(QStringLiteral("no recording")));
    EXPECT_TRUE(cell(*view, 0, TakeListModel::When, Qt::ToolTipRole).isEmpty());
    // As after an import, or after the file was deleted by hand.
    ASSERT_TRUE(QFile::remove(takes().first().audioPath));
    view->reloadPitches();
    ASSERT_EQ(view->takeModel().rowCount(), 1);
    EXPECT_TRUE(cell(*view, 0, TakeListModel::When).endsWith(QStringLiteral("(no recording)")))
        << cell(*view, 0, TakeListModel::When).toStdString();
    EXPECT_TRUE(cell(*view, 0, TakeListModel::When, Qt::ToolTipRole)
                    .contains(QStringLiteral("cannot be played")));
}

TEST_F(RehearsePageTest, WarmUpSetEndsWithASummary)
{
    addPitch();
    auto view = page();
    test::widgetNamed<QSpinBox>(view.get(), QStringLiteral("Takes in a warm-up set"))->setValue(2);
    view->startWarmUp();
    // What will happen is said first; Space starts the first take.
    EXPECT_EQ(view->stage(), RehearsePage::Stage::Ready);
    EXPECT_TRUE(view->statusText().contains(QStringLiteral("2 takes of this pitch in a row")))
        << view->statusText().toStdString();
    EXPECT_TRUE(view->statusText().contains(QStringLiteral("take 1 of 2")));
    recordTake(*view);
    rate(*view, 3);
    EXPECT_EQ(view->stage(), RehearsePage::Stage::Report);
    view->startOrStop();
    ASSERT_EQ(view->stage(), RehearsePage::Stage::Recording);
    EXPECT_TRUE(view->statusText().startsWith(QStringLiteral("Take 2 of 2.")))
        << view->statusText().toStdString();
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return view->stage() == RehearsePage::Stage::Rating; }, 20'000));
    rate(*view, 4);
    EXPECT_EQ(view->stage(), RehearsePage::Stage::SetSummary);
    EXPECT_TRUE(view->summaryText().contains(QStringLiteral("Take 1")));
    EXPECT_TRUE(view->summaryText().contains(QStringLiteral("Take 2")));
    // A conclusion: the best take (rated 4 over 3), what changed, what to watch.
    EXPECT_TRUE(view->summaryText().contains(QStringLiteral("Best: take 2.")))
        << view->summaryText().toStdString();
    EXPECT_TRUE(view->summaryText().contains(QStringLiteral("From take 1 to take 2: ")));
    EXPECT_TRUE(view->summaryText().contains(QStringLiteral("To watch in the meeting: ")));
    EXPECT_EQ(takes().size(), 2);
}

TEST_F(RehearsePageTest, PastTheRedLightTheTakeIsOverTimeAndKeepsCounting)
{
    writeTake(m_source, 0.5, 11.0, 0.5); // 12 s against a 10 s window
    addPitch(10'000);
    auto view = page();
    recordTake(*view);
    EXPECT_EQ(view->clockText(), QStringLiteral("0:12"));
    EXPECT_EQ(view->light(), rehearsal::Light::Red);
    rate(*view, 3);
    EXPECT_TRUE(test::onlyChild<TakeReportView>(view.get())
                    ->speakingTimeText()
                    .contains(QStringLiteral("over")))
        << test::onlyChild<TakeReportView>(view.get())->speakingTimeText().toStdString();
}

TEST_F(RehearsePageTest, CountInWaitsThreeSecondsBeforeRecording)
{
    addPitch();
    auto view = page();
    test::widgetNamed<QCheckBox>(view.get(), QStringLiteral("3-2-1 count-in"))->setChecked(true);
    view->startOrStop();
    EXPECT_EQ(view->stage(), RehearsePage::Stage::CountIn);
    EXPECT_EQ(view->clockText(), QStringLiteral("3"));
    EXPECT_TRUE(takes().isEmpty());
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return view->stage() != RehearsePage::Stage::CountIn; }, 5'000));
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return view->stage() == RehearsePage::Stage::Rating; }, 20'000));
    EXPECT_EQ(takes().size(), 1);
}

TEST_F(RehearsePageTest, RecordingsOfTakesCutShortAreOfferedBack)
{
    addPitch();
    rehearsal::TakeRepository repository(*m_store->database);
    rehearsal::Recordings recordings(m_store->paths, repository);
    const QString first = recordings.newTakePath(m_clock.nowUtc().addSecs(-3600));
    const QString second = recordings.newTakePath(m_clock.nowUtc().addSecs(-60));
    writeTake(first, 0.5, 2.0, 0.5);
    writeTake(second, 0.5, 1.0, 0.5);

    auto view = page();
    EXPECT_TRUE(view->orphanText().contains(QStringLiteral("was not saved")))
        << view->orphanText().toStdString();
    EXPECT_TRUE(view->orphanText().contains(QStringLiteral("0:03 long")));
    EXPECT_TRUE(view->orphanText().contains(QStringLiteral("1 more")));
    ASSERT_TRUE(view->keepOrphan());
    ASSERT_EQ(takes().size(), 1);
    EXPECT_EQ(takes().first().audioPath, first);
    ASSERT_TRUE(takes().first().report.speakingTimeS);
    EXPECT_NEAR(*takes().first().report.speakingTimeS, 2.0, 0.1);
    EXPECT_FALSE(view->orphanText().contains(QStringLiteral("more")));
    ASSERT_TRUE(view->discardOrphan());
    EXPECT_FALSE(QFile::exists(second));
    EXPECT_TRUE(view->orphanText().isEmpty());
    EXPECT_EQ(view->takeModel().rowCount(), 1);
}

TEST_F(RehearsePageTest, ATakeInProgressIsNotAnOrphan)
{
    addPitch();
    writeTake(m_source, 0.5, 1.0, 10.0); // long enough to still be recording below
    const QString source = m_source;
    RehearsePage view(
        *m_store, [source] { return std::make_unique<audio::FileAudioSource>(source, 1.0); },
        &m_clock);
    view.startOrStop();
    ASSERT_EQ(view.stage(), RehearsePage::Stage::Recording);
    QTest::qWait(300);
    rehearsal::TakeRepository repository(*m_store->database);
    rehearsal::Recordings recordings(m_store->paths, repository);
    auto orphans = recordings.orphans();
    ASSERT_TRUE(orphans.ok());
    EXPECT_TRUE(orphans->isEmpty());
    view.startOrStop();
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return view.stage() == RehearsePage::Stage::Rating; }, 5'000));
    EXPECT_TRUE(recordings.orphans()->isEmpty());
    EXPECT_EQ(takes().size(), 1);
}

// A recording cut short says what it was (its lock file's label): an answer comes back as the
// answer to its card, a take as a take of its own pitch whichever pitch is chosen.
TEST_F(RehearsePageTest, RecordingsCutShortComeBackAsWhatTheyWere)
{
    addPitch();
    rehearsal::Pitch other;
    other.title = QStringLiteral("Investor intro");
    other.targetMs = 30'000;
    other.lights = rehearsal::defaultLightsFor(30'000);
    const qint64 otherId
        = *rehearsal::PitchRepository(*m_store->database).add(other, m_clock.nowUtc());
    rehearsal::TakeRepository repository(*m_store->database);
    rehearsal::Recordings recordings(m_store->paths, repository);
    answers::AnswerRepository answerRepository(*m_store->database);
    answers::AnswerTakeStore answerStore(answerRepository);
    const answers::CardRef card { QStringLiteral("rapport.deep-zone"), QStringLiteral("deep-001"),
        decks::Zone::Deep, QStringLiteral("What is the most vivid memory from your childhood?") };
    answerStore.setCard(card, std::nullopt);
    // As killed programs leave them: the WAV, and a lock file holding the label.
    auto cutShort = [&](const QDateTime& at, const QJsonObject& label) {
        const QString wav = recordings.newTakePath(at);
        writeTake(wav, 0.5, 1.5, 0.5);
        const QFileInfo info(wav);
        QFile lock(
            info.absolutePath() + QStringLiteral("/.") + info.fileName() + QStringLiteral(".lock"));
        EXPECT_TRUE(lock.open(QIODevice::WriteOnly));
        lock.write(QJsonDocument(label).toJson(QJsonDocument::Compact));
        return wav;
    };
    rehearsal::Take answerTake;
    answerTake.lights = answers::defaultAnswerLights();
    const QString answerWav
        = cutShort(m_clock.nowUtc().addSecs(-3600), answerStore.recordingLabel(answerTake));
    rehearsal::Take take;
    take.pitchId = otherId;
    const QString takeWav
        = cutShort(m_clock.nowUtc().addSecs(-60), repository.recordingLabel(take));

    auto view = page();
    bool answersChanged = false;
    QObject::connect(
        view.get(), &RehearsePage::answersChanged, [&answersChanged] { answersChanged = true; });
    EXPECT_TRUE(view->orphanText().startsWith(QStringLiteral(
        "Your answer to \u201cWhat is the most vivid memory from your childhood?\u201d")))
        << view->orphanText().toStdString();
    bool offered = false;
    for (const QPushButton* button : view->findChildren<QPushButton*>())
        offered = offered || button->text().remove(QLatin1Char('&')) == u"Keep as that answer"_s;
    EXPECT_TRUE(offered);
    ASSERT_TRUE(view->keepOrphan());
    EXPECT_TRUE(answersChanged);
    Result<QList<answers::Answer>> kept = answerRepository.list();
    ASSERT_TRUE(kept.ok());
    ASSERT_EQ(kept->size(), 1);
    EXPECT_EQ(kept->first().card, card);
    EXPECT_EQ(kept->first().audioPath, answerWav);
    EXPECT_EQ(kept->first().lights, answers::defaultAnswerLights());
    EXPECT_TRUE(takes().isEmpty());

    // The take, of the other pitch although "Elevator" is chosen.
    EXPECT_TRUE(
        view->orphanText().startsWith(QStringLiteral("A take of \u201cInvestor intro\u201d")))
        << view->orphanText().toStdString();
    ASSERT_TRUE(view->keepOrphan());
    ASSERT_EQ(takes().size(), 1);
    EXPECT_EQ(takes().first().pitchId, otherId);
    EXPECT_EQ(takes().first().audioPath, takeWav);
    EXPECT_EQ(takes().first().lights, other.lights);
    EXPECT_TRUE(view->orphanText().isEmpty());
}

// Closing the window while a take records stops it and stores it (MainWindow::closeEvent).
TEST_F(RehearsePageTest, FinishingWhileRecordingStoresTheTakeAtOnce)
{
    addPitch();
    writeTake(m_source, 0.5, 1.0, 10.0);
    auto view = page(1.0);
    EXPECT_FALSE(view->finishRecording()) << "nothing was recording";
    view->startOrStop();
    ASSERT_EQ(view->stage(), RehearsePage::Stage::Recording);
    QTest::qWait(400);
    EXPECT_TRUE(view->finishRecording());
    ASSERT_EQ(takes().size(), 1);
    EXPECT_GT(takes().first().report.durationS, 0.2);
    EXPECT_LT(takes().first().report.durationS, 5.0);
    rehearsal::TakeRepository repository(*m_store->database);
    EXPECT_TRUE(rehearsal::Recordings(m_store->paths, repository).orphans()->isEmpty());
}

} // namespace
} // namespace rapport::gui
