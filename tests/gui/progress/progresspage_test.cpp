#include "app/gui/progress/progresspage.h"
#include "app/gui/widgets/takelistmodel.h"
#include "core/answers/answerrepository.h"
#include "core/conversations/conversationrepository.h"
#include "core/decks/deckrepository.h"
#include "core/progress/goal.h"
#include "core/rehearsal/pitchrepository.h"
#include "core/rehearsal/takerepository.h"
#include "tests/support/fixedclock.h"
#include "tests/support/testtake.h"
#include "tests/support/widgetlookup.h"

#include <QAbstractItemView>
#include <QAreaSeries>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QGridLayout>
#include <QLabel>
#include <QLineSeries>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace rapport::gui {
namespace {

using progress::IsoWeek;

// The takes bars as the first chart draws them; nullptr when there are none.
QBarSet* takesBars(ProgressPage& page)
{
    for (QChartView* view : page.findChildren<QChartView*>()) {
        for (QAbstractSeries* series : view->chart()->series()) {
            if (auto* bars = qobject_cast<QBarSeries*>(series); bars && !bars->barSets().isEmpty())
                return bars->barSets().first();
        }
    }
    return nullptr;
}

// Every text the page shows or reads out: labels, buttons, tabs, lists, the progress bars,
// and the charts' titles, legends and axes.
QStringList visibleTexts(const ProgressPage& page)
{
    QStringList texts;
    for (const QWidget* widget : page.findChildren<QWidget*>()) {
        texts << widget->accessibleName() << widget->toolTip();
        if (const auto* label = qobject_cast<const QLabel*>(widget))
            texts << label->text();
        if (const auto* button = qobject_cast<const QAbstractButton*>(widget))
            texts << button->text();
        if (const auto* bar = qobject_cast<const QProgressBar*>(widget))
            texts << bar->format();
        if (const auto* box = qobject_cast<const QComboBox*>(widget)) {
            for (int i = 0; i < box->count(); ++i)
                texts << box->itemText(i);
        }
        if (const auto* tabs = qobject_cast<const QTabWidget*>(widget)) {
            for (int i = 0; i < tabs->count(); ++i)
                texts << tabs->tabText(i);
        }
        if (const auto* view = qobject_cast<const QAbstractItemView*>(widget)) {
            const QAbstractItemModel* model = view->model();
            for (int c = 0; model && c < model->columnCount(); ++c) {
                texts << model->headerData(c, Qt::Horizontal).toString()
                      << model->headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString();
                for (int r = 0; r < model->rowCount(); ++r)
                    texts << model->index(r, c).data().toString();
            }
        }
        if (const auto* chartView = qobject_cast<const QChartView*>(widget)) {
            const QChart* chart = chartView->chart();
            texts << chart->title();
            for (const QAbstractSeries* series : chart->series())
                texts << series->name();
            for (QAbstractAxis* axis : chart->axes()) {
                texts << axis->titleText();
                if (auto* weeks = qobject_cast<QCategoryAxis*>(axis))
                    texts << weeks->categoriesLabels();
            }
        }
    }
    texts.removeAll(QString());
    return texts;
}

// The fixed clock says Monday 23 November 2026, 10:00 in Berlin: the first hour of 2026-W48.
class ProgressPageTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        auto store = storage::openStore(m_dir.filePath(QStringLiteral("data")));
        ASSERT_TRUE(store.ok()) << store.error().toString().toStdString();
        m_store = std::make_unique<storage::Store>(std::move(*store));
        // Dates and numbers on the page follow the user's locale; the expectations are English.
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    }

    void TearDown() override { QLocale::setDefault(m_locale); }

    qint64 addPitch(const QString& title)
    {
        rehearsal::Pitch pitch;
        pitch.title = title;
        pitch.lights = rehearsal::defaultLightsFor(60'000); // green 50 s, red 60 s
        Result<qint64> id
            = rehearsal::PitchRepository(*m_store->database).add(pitch, m_clock.nowUtc());
        EXPECT_TRUE(id.ok());
        return id ? *id : 0;
    }

    void addTake(qint64 pitch, const QDateTime& startedAt, double speakingS = 55, double wpm = 150,
        std::optional<int> rating = 4)
    {
        rehearsal::Take take;
        take.pitchId = pitch;
        take.startedAt = startedAt;
        take.lights = rehearsal::defaultLightsFor(60'000);
        take.report.durationS = speakingS + 2;
        take.report.speakingTimeS = speakingS;
        take.report.pauseCount = 2;
        take.report.wordsPerMinute = wpm;
        take.rating.overall = rating;
        ASSERT_TRUE(rehearsal::TakeRepository(*m_store->database).add(take).ok());
    }

    void addConversation(const QDate& day)
    {
        conversations::Conversation c;
        c.happenedOn = day;
        c.rating = 4;
        ASSERT_TRUE(conversations::ConversationRepository(*m_store->database).add(c).ok());
    }

    void addDraw(const QDateTime& at)
    {
        ASSERT_TRUE(decks::DeckRepository(*m_store->database)
                        .recordDraw({ QStringLiteral("d"), QStringLiteral("q") },
                            decks::Zone::SmallTalk, QStringLiteral("Q?"), at)
                        .ok());
    }

    // Meets the default goal (3 takes, 2 conversations) in the week starting `monday`.
    void meetGoalInWeekOf(qint64 pitch, const QDate& monday)
    {
        for (int day = 0; day < 3; ++day)
            addTake(pitch, QDateTime(monday.addDays(day), QTime(12, 0), Qt::UTC));
        addConversation(monday.addDays(1));
        addConversation(monday.addDays(2));
    }

    std::unique_ptr<ProgressPage> makePage()
    {
        auto page = std::make_unique<ProgressPage>(*m_store, &m_clock, m_berlin);
        page->resize(1000, 800);
        page->refresh();
        return page;
    }

    QLocale m_locale;
    QTemporaryDir m_dir;
    std::unique_ptr<storage::Store> m_store;
    test::FixedClock m_clock { QDateTime(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC) };
    QTimeZone m_berlin { "Europe/Berlin" };
};

TEST_F(ProgressPageTest, EmptyDatabaseSaysWhatToDoFirst)
{
    auto page = makePage();
    EXPECT_TRUE(page->emptyStateShown());
    auto* empty = page->findChild<QLabel*>(QStringLiteral("progressEmptyState"));
    ASSERT_NE(empty, nullptr);
    EXPECT_TRUE(empty->text().contains(
        QStringLiteral("Rehearse a pitch or draw a few cards; your weeks appear here")));
    EXPECT_EQ(page->thisWeekTakesText(), QStringLiteral("0 of 3 takes"));
    EXPECT_EQ(page->thisWeekConversationsText(), QStringLiteral("0 of 2 conversations"));
    EXPECT_TRUE(page->streakText().startsWith(QStringLiteral("No streak yet")));
    EXPECT_TRUE(page->thisWeekAnswersText().startsWith(QStringLiteral("No card yet")));
    EXPECT_TRUE(page->messageText().isEmpty()) << page->messageText().toStdString();
}

TEST_F(ProgressPageTest, ShowsThisWeekAgainstTheGoalAndTheStreak)
{
    const qint64 pitch = addPitch(QStringLiteral("Intro"));
    meetGoalInWeekOf(pitch, QDate(2026, 11, 9)); // W46
    meetGoalInWeekOf(pitch, QDate(2026, 11, 16)); // W47
    // This week (W48) so far: one take, one conversation.
    addTake(pitch, QDateTime(QDate(2026, 11, 23), QTime(8, 0), Qt::UTC));
    addConversation(QDate(2026, 11, 23));
    auto page = makePage();
    EXPECT_FALSE(page->emptyStateShown());
    EXPECT_EQ(page->thisWeekTakesText(), QStringLiteral("1 of 3 takes"));
    EXPECT_EQ(page->thisWeekConversationsText(), QStringLiteral("1 of 2 conversations"));
    // The unfinished week neither counts nor breaks the streak.
    EXPECT_EQ(page->streakText(), QStringLiteral("Streak: 2 weeks meeting your goal"));

    addTake(pitch, QDateTime(QDate(2026, 11, 23), QTime(8, 10), Qt::UTC));
    addTake(pitch, QDateTime(QDate(2026, 11, 23), QTime(8, 20), Qt::UTC));
    addConversation(QDate(2026, 11, 23));
    page->refresh();
    EXPECT_EQ(page->thisWeekTakesText(), QStringLiteral("3 of 3 takes  ✓"));
    EXPECT_EQ(page->streakText(), QStringLiteral("Streak: 3 weeks meeting your goal"));
}

TEST_F(ProgressPageTest, StreakLongerThanTheRangeIsCountedInFull)
{
    const qint64 pitch = addPitch(QStringLiteral("Intro"));
    QDate monday(2026, 11, 16);
    for (int i = 0; i < 6; ++i, monday = monday.addDays(-7))
        meetGoalInWeekOf(pitch, monday);
    auto page = makePage();
    page->setRange(ProgressPage::Range::Weeks4);
    EXPECT_EQ(page->streakText(), QStringLiteral("Streak: 6 weeks meeting your goal"));
}

TEST_F(ProgressPageTest, RangeSelectorSetsTheNumberOfWeeksOnTheCharts)
{
    const qint64 pitch = addPitch(QStringLiteral("Intro"));
    addTake(pitch, QDateTime(QDate(2024, 3, 5), QTime(12, 0), Qt::UTC)); // 2024-W10
    addTake(pitch, QDateTime(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC), 58, 120);
    auto page = makePage();
    EXPECT_EQ(page->range(), ProgressPage::Range::Weeks12);
    for (const auto& [range, weeks] :
        { std::pair(ProgressPage::Range::Weeks4, 4), std::pair(ProgressPage::Range::Weeks12, 12),
            std::pair(ProgressPage::Range::Weeks52, 52) }) {
        page->setRange(range);
        EXPECT_EQ(page->shownWeeks().size(), weeks);
        EXPECT_EQ(page->chartData().takes.size(), weeks);
        EXPECT_EQ(page->shownWeeks().last().week.key(), QStringLiteral("2026-W48"));
        EXPECT_EQ(page->chartData().takes[weeks - 2], 1.0); // last week's take
    }
    page->setRange(ProgressPage::Range::All);
    const int all = IsoWeek { 2024, 10 }.weeksTo(IsoWeek { 2026, 48 }) + 1;
    EXPECT_EQ(page->shownWeeks().size(), all);
    EXPECT_EQ(page->chartData().takes.size(), all);
    EXPECT_EQ(page->shownWeeks().first().week.key(), QStringLiteral("2024-W10"));
    EXPECT_EQ(page->chartData().takes[0], 1.0);
}

TEST_F(ProgressPageTest, PaceChartShadesTheComfortableBand)
{
    const qint64 pitch = addPitch(QStringLiteral("Intro"));
    addTake(pitch, QDateTime(QDate(2026, 11, 18), QTime(12, 0), Qt::UTC), 55, 172);
    auto page = makePage();
    const WeeklyChartData* data = &page->chartData();
    ASSERT_EQ(data->paceBandHigh.size(), 2);
    ASSERT_EQ(data->paceBandLow.size(), 2);
    EXPECT_EQ(data->paceBandHigh[0].y(), 165.0);
    EXPECT_EQ(data->paceBandLow[0].y(), 100.0);
    // The band spans every week shown.
    EXPECT_EQ(data->paceBandHigh[0].x(), -0.5);
    EXPECT_EQ(data->paceBandHigh[1].x(), 11.5);
    // The pace chart draws it: an area between those two lines.
    QAreaSeries* band = nullptr;
    for (QChartView* view : page->findChildren<QChartView*>()) {
        for (QAbstractSeries* series : view->chart()->series()) {
            if (auto* area = qobject_cast<QAreaSeries*>(series))
                band = area;
        }
    }
    ASSERT_NE(band, nullptr);
    EXPECT_EQ(band->upperSeries()->points(), data->paceBandHigh);
    EXPECT_EQ(band->lowerSeries()->points(), data->paceBandLow);
    page->setRange(ProgressPage::Range::Weeks52);
    EXPECT_EQ(page->chartData().paceBandHigh[1].x(), 51.5);
    EXPECT_EQ(band->upperSeries()->points()[1].x(), 51.5);
    // The pace line has the one week with takes, at its measured wpm.
    EXPECT_EQ(page->chartData().wpm, QList<QPointF> { QPointF(50.0, 172.0) });
    bool found = false;
    for (QAbstractSeries* series : band->chart()->series()) {
        auto* lineSeries = qobject_cast<QLineSeries*>(series);
        if (lineSeries && lineSeries->count() == 1) {
            found = true;
            EXPECT_EQ(lineSeries->at(0), QPointF(50.0, 172.0));
        }
    }
    EXPECT_TRUE(found);
}

TEST_F(ProgressPageTest, TheWordsChartShowsFillersAndScriptSaidByWeek)
{
    const qint64 pitch = addPitch(QStringLiteral("Intro"));
    // Two weeks with words heard (4 and 1 fillers in a minute of speaking), one without.
    auto heard = [&](const QDateTime& at, const QString& said, const QString& script) {
        rehearsal::Take take;
        take.pitchId = pitch;
        take.startedAt = at;
        take.lights = rehearsal::defaultLightsFor(60'000);
        take.report.durationS = 62;
        take.report.speakingTimeS = 60;
        take.words = speech::makeWordReport(test::evenlySaid(said), 60.0, script);
        ASSERT_TRUE(rehearsal::TakeRepository(*m_store->database).add(take).ok());
    };
    heard(QDateTime(QDate(2026, 11, 4), QTime(12, 0), Qt::UTC),
        QStringLiteral("um we uh build um tools uh"),
        QStringLiteral("We build tools. We sell them."));
    heard(QDateTime(QDate(2026, 11, 18), QTime(12, 0), Qt::UTC),
        QStringLiteral("we build tools um we sell them"),
        QStringLiteral("We build tools. We sell them."));
    addTake(pitch, QDateTime(QDate(2026, 11, 11), QTime(12, 0), Qt::UTC));
    auto page = makePage();
    // The 12 weeks shown end with this week (index 11, 23 Nov): 4 Nov is index 8, 18 Nov 10.
    EXPECT_EQ(page->chartData().fillersPerMinute,
        (QList<QPointF> { QPointF(8.0, 4.0), QPointF(10.0, 1.0) }));
    EXPECT_EQ(page->chartData().scriptPercent,
        (QList<QPointF> { QPointF(8.0, 50.0), QPointF(10.0, 100.0) }));
    QLineSeries* fillers = nullptr;
    for (QChartView* view : page->findChildren<QChartView*>()) {
        for (QAbstractSeries* series : view->chart()->series()) {
            if (series->name() == QStringLiteral("Fillers, pitches"))
                fillers = qobject_cast<QLineSeries*>(series);
        }
    }
    ASSERT_NE(fillers, nullptr);
    EXPECT_EQ(fillers->points(), page->chartData().fillersPerMinute);
    if (const QString dir = qEnvironmentVariable("RAPPORT_SCREENSHOT_DIR"); !dir.isEmpty()) {
        page->resize(1000, 1100); // every chart in the picture
        page->grab().save(QDir(dir).filePath(QStringLiteral("progress-words.png")));
    }
}

TEST_F(ProgressPageTest, TheAnswersChartShowsCardsAnsweredAndTheWaitForTheFirstWord)
{
    answers::AnswerRepository repository(*m_store->database);
    auto answer = [&](const QDateTime& at, double firstWordS, const QString& said) {
        answers::Answer a;
        a.card = { QStringLiteral("rapport.fun"), QStringLiteral("fun-001"), decks::Zone::Fun,
            QStringLiteral("What was your worst date like?") };
        a.startedAt = at;
        a.lights = answers::defaultAnswerLights();
        a.report.durationS = 63;
        a.report.speechStartS = firstWordS;
        a.report.speakingTimeS = 60;
        a.words = speech::makeWordReport(test::evenlySaid(said), 60.0, QString());
        ASSERT_TRUE(repository.add(a).ok());
    };
    // 4 Nov (index 8): two answers, 1 s and 4 s to the first word, 3 fillers in 2 minutes.
    answer(QDateTime(QDate(2026, 11, 4), QTime(12, 0), Qt::UTC), 1.0,
        QStringLiteral("um it was at a uh bowling alley"));
    answer(QDateTime(QDate(2026, 11, 5), QTime(12, 0), Qt::UTC), 4.0,
        QStringLiteral("we um got lost"));
    // 18 Nov (index 10): one answer, no fillers.
    answer(QDateTime(QDate(2026, 11, 18), QTime(12, 0), Qt::UTC), 2.0,
        QStringLiteral("a picnic in the rain"));
    auto page = makePage();
    // With answers alone there is something to chart: not the empty page.
    EXPECT_FALSE(page->emptyStateShown());
    const WeeklyChartData& data = page->chartData();
    ASSERT_EQ(data.answers.size(), 12);
    EXPECT_EQ(data.answers[8], 2.0);
    EXPECT_EQ(data.answers[9], 0.0);
    EXPECT_EQ(data.answers[10], 1.0);
    EXPECT_EQ(data.firstWordS, (QList<QPointF> { QPointF(8.0, 2.5), QPointF(10.0, 2.0) }));
    EXPECT_EQ(
        data.answerFillersPerMinute, (QList<QPointF> { QPointF(8.0, 1.5), QPointF(10.0, 0.0) }));
    EXPECT_TRUE(data.fillersPerMinute.isEmpty()); // no take was heard: the takes' line is empty
    // Drawn as computed.
    QLineSeries* firstWord = nullptr;
    QLineSeries* answerFillers = nullptr;
    QBarSet* answerBars = nullptr;
    for (QChartView* view : page->findChildren<QChartView*>()) {
        for (QAbstractSeries* series : view->chart()->series()) {
            if (series->name() == QStringLiteral("Seconds to the first word"))
                firstWord = qobject_cast<QLineSeries*>(series);
            if (series->name() == QStringLiteral("Fillers, answers"))
                answerFillers = qobject_cast<QLineSeries*>(series);
            if (auto* bars = qobject_cast<QBarSeries*>(series);
                bars && bars->barSets().first()->label() == QStringLiteral("Answers"))
                answerBars = bars->barSets().first();
        }
    }
    ASSERT_NE(firstWord, nullptr);
    ASSERT_NE(answerFillers, nullptr);
    ASSERT_NE(answerBars, nullptr);
    EXPECT_EQ(firstWord->points(), data.firstWordS);
    EXPECT_EQ(answerFillers->points(), data.answerFillersPerMinute);
    EXPECT_EQ(answerBars->count(), 12);
    EXPECT_EQ(answerBars->at(8), 2.0);
    // Pointing at a week's bar tells its answers.
    emit answerBars->hovered(true, 8);
    EXPECT_EQ(page->weekSummary(8),
        QStringLiteral("Week of 2 Nov: 0 takes · 0 cards · 2 answered out loud · first word "
                       "after 2.5 s · 1.5 fillers a minute in answers · 0 conversations"));
    // This week's answers are under "This week".
    answer(QDateTime(QDate(2026, 11, 24), QTime(12, 0), Qt::UTC), 3.0, QStringLiteral("yes"));
    page->refresh();
    EXPECT_EQ(
        page->thisWeekAnswersText(), QStringLiteral("1 card · first word after 3.0 s on average"));
    if (const QString dir = qEnvironmentVariable("RAPPORT_SCREENSHOT_DIR"); !dir.isEmpty()) {
        page->resize(1000, 1100);
        page->show();
        QCoreApplication::processEvents();
        page->grab().save(QDir(dir).filePath(QStringLiteral("progress-answers.png")));
    }
}

TEST_F(ProgressPageTest, HoveringAWeekShowsItsValues)
{
    const qint64 pitch = addPitch(QStringLiteral("Intro"));
    addTake(pitch, QDateTime(QDate(2026, 11, 17), QTime(12, 0), Qt::UTC), 55, 140, 4);
    addTake(pitch, QDateTime(QDate(2026, 11, 18), QTime(12, 0), Qt::UTC), 67, 160, 2);
    addDraw(QDateTime(QDate(2026, 11, 18), QTime(13, 0), Qt::UTC));
    auto page = makePage();
    QBarSet* takes = takesBars(*page);
    ASSERT_NE(takes, nullptr);
    emit takes->hovered(true, 10);
    const QString expected = QStringLiteral(
        "Week of 16 Nov: 2 takes · 2.1 minutes · 50 % of takes inside the window · on average "
        "6.0 s from the target · 150 words a minute · your rating 3.0 of 5 stars · 1 card · "
        "0 conversations");
    EXPECT_EQ(page->weekSummary(10), expected);
    bool shown = false;
    for (QLabel* label : page->findChildren<QLabel*>())
        shown = shown || label->text() == expected;
    EXPECT_TRUE(shown);

    // This week is not over: it says so, its bar is the lighter one, its axis label is words.
    EXPECT_EQ(page->weekSummary(11),
        QStringLiteral("This week so far (week of 23 Nov): 0 takes · 0 cards · 0 conversations"));
    EXPECT_EQ(takes->selectedBars(), QList<int> { 11 });
    EXPECT_NE(takes->selectedColor(), takes->color());

    EXPECT_TRUE(page->chartData().minutesSoFar.isEmpty()); // nothing this week yet
    for (QChartView* view : page->findChildren<QChartView*>()) {
        const QList<QAbstractAxis*> axes = view->chart()->axes(Qt::Horizontal);
        ASSERT_FALSE(axes.isEmpty());
        auto* weeks = qobject_cast<QCategoryAxis*>(axes.first());
        ASSERT_NE(weeks, nullptr);
        EXPECT_EQ(weeks->categoriesLabels().last(), QStringLiteral("now"));
    }

    // With a take this week, its minutes are drawn dashed from last week's, not in the line.
    addTake(pitch, QDateTime(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC), 40);
    page->refresh();
    const QList<QPointF>& minutes = page->chartData().minutes;
    ASSERT_FALSE(minutes.isEmpty());
    EXPECT_EQ(minutes.last().x(), 10.0);
    const QList<QPointF> soFar = page->chartData().minutesSoFar;
    ASSERT_EQ(soFar.size(), 2);
    EXPECT_EQ(soFar[0], minutes.last());
    EXPECT_EQ(soFar[1].x(), 11.0);
    EXPECT_DOUBLE_EQ(soFar[1].y(), 42.0 / 60.0);
    // Drawn as shown: the chart's "Minutes so far" line holds those points, dashed.
    QLineSeries* drawn = nullptr;
    for (QChartView* view : page->findChildren<QChartView*>()) {
        for (QAbstractSeries* series : view->chart()->series()) {
            if (series->name() == QStringLiteral("Minutes so far"))
                drawn = qobject_cast<QLineSeries*>(series);
        }
    }
    ASSERT_NE(drawn, nullptr);
    EXPECT_EQ(drawn->points(), soFar);
    EXPECT_EQ(drawn->pen().style(), Qt::DashLine);
}

TEST_F(ProgressPageTest, SpeaksPlainlyWithoutWeekNumbersOrFormulae)
{
    const qint64 pitch = addPitch(QStringLiteral("Intro"));
    addTake(pitch, QDateTime(QDate(2026, 10, 27), QTime(12, 0), Qt::UTC), 55, 140, 4);
    addTake(pitch, QDateTime(QDate(2026, 11, 18), QTime(12, 0), Qt::UTC), 67, 160, 2);
    addTake(pitch, QDateTime(QDate(2025, 12, 2), QTime(12, 0), Qt::UTC), 45, 120, 3);
    auto page = makePage();
    page->setRange(ProgressPage::Range::Weeks52);
    page->showPitchHistory(pitch);
    // A week is named by its Monday; the year only when it is not this year's.
    const qsizetype last = page->shownWeeks().size() - 1;
    EXPECT_TRUE(page->weekSummary(last - 4).startsWith(QStringLiteral("Week of 26 Oct: 1 take")))
        << page->weekSummary(last - 4).toStdString();
    EXPECT_TRUE(page->weekSummary(0).startsWith(QStringLiteral("Week of 1 Dec 2025: 1 take")))
        << page->weekSummary(0).toStdString();
    QStringList texts = visibleTexts(*page);
    for (qsizetype i = 0; i < page->shownWeeks().size(); ++i)
        texts << page->weekSummary(i);
    ASSERT_GT(texts.size(), 40);
    EXPECT_TRUE(texts.contains(QStringLiteral("Average distance from the target")));
    EXPECT_TRUE(texts.contains(QStringLiteral("Inside the window")));
    const QRegularExpression isoWeek(QStringLiteral("W\\d\\d"));
    for (const QString& text : texts) {
        EXPECT_FALSE(text.contains(isoWeek)) << text.toStdString();
        for (const char* jargon :
            { "|error|", "mean error", "Mean", "on target", "×", " vs ", "self-rating" })
            EXPECT_FALSE(text.contains(QLatin1String(jargon))) << text.toStdString();
    }
    if (const QString dir = qEnvironmentVariable("RAPPORT_SCREENSHOT_DIR"); !dir.isEmpty()) {
        // The page in a 980-pixel window, beside the sections: the charts in one column.
        page->resize(800, 2200);
        page->show();
        QCoreApplication::processEvents(); // lays the charts out again
        page->grab().save(QDir(dir).filePath(QStringLiteral("progress-52-weeks.png")));
    }
}

// Side by side on a narrow page, a chart's legend and title would be cut off.
TEST_F(ProgressPageTest, ChartsStandInOneColumnOnANarrowPage)
{
    auto page = makePage(); // 1000 wide
    page->show(); // a hidden widget's resize events wait until it is shown
    const QList<QChartView*> views = page->findChildren<QChartView*>();
    ASSERT_EQ(views.size(), 6);
    QGridLayout* grid = nullptr;
    for (QGridLayout* layout : page->findChildren<QGridLayout*>()) {
        if (layout->indexOf(views.first()) >= 0)
            grid = layout;
    }
    ASSERT_NE(grid, nullptr);
    auto columnsUsed = [&] {
        QSet<int> columns;
        for (QChartView* view : views) {
            int row = 0, column = 0, rows = 0, spanned = 0;
            grid->getItemPosition(grid->indexOf(view), &row, &column, &rows, &spanned);
            columns << column;
        }
        return columns.size();
    };
    EXPECT_EQ(columnsUsed(), 2);
    page->resize(800, 800); // the page in a 980-pixel window, beside the sections
    EXPECT_EQ(columnsUsed(), 1);
    page->resize(1000, 800);
    EXPECT_EQ(columnsUsed(), 2);
}

TEST_F(ProgressPageTest, GoalEditsAreStoredAndRefused)
{
    auto page = makePage();
    test::widgetNamed<QSpinBox>(page.get(), QStringLiteral("Goal: takes per week"))->setValue(5);
    test::widgetNamed<QSpinBox>(page.get(), QStringLiteral("Goal: conversations per week"))
        ->setValue(1);
    ASSERT_TRUE(page->saveGoal()) << page->messageText().toStdString();
    Result<progress::WeeklyGoal> stored = progress::loadGoal(*m_store->database);
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(*stored, (progress::WeeklyGoal { 5, 1 }));
    EXPECT_EQ(page->thisWeekTakesText(), QStringLiteral("0 of 5 takes"));

    test::widgetNamed<QSpinBox>(page.get(), QStringLiteral("Goal: takes per week"))->setValue(0);
    test::widgetNamed<QSpinBox>(page.get(), QStringLiteral("Goal: conversations per week"))
        ->setValue(0);
    EXPECT_FALSE(page->saveGoal());
    EXPECT_FALSE(page->messageText().isEmpty());
    EXPECT_EQ(*progress::loadGoal(*m_store->database), (progress::WeeklyGoal { 5, 1 }));
    // A new page reads the stored goal.
    ProgressPage again(*m_store, &m_clock, m_berlin);
    again.refresh();
    EXPECT_EQ(
        test::widgetNamed<QSpinBox>(&again, QStringLiteral("Goal: takes per week"))->value(), 5);
    EXPECT_EQ(test::widgetNamed<QSpinBox>(&again, QStringLiteral("Goal: conversations per week"))
                  ->value(),
        1);
}

TEST_F(ProgressPageTest, PitchHistoryListsEveryTakeInTimeOrder)
{
    const qint64 intro = addPitch(QStringLiteral("Intro"));
    const qint64 other = addPitch(QStringLiteral("Other"));
    const QDateTime first(QDate(2026, 10, 1), QTime(8, 0), Qt::UTC);
    addTake(intro, first.addDays(20), 65, 170, 2);
    addTake(intro, first, 55, 150, 4);
    addTake(other, first.addDays(5));
    addTake(intro, first.addDays(3), 40, 90, std::nullopt);
    auto page = makePage();
    page->showPitchHistory(intro);
    const TakeListModel& list = page->takeHistory();
    auto cell = [&list](int row, TakeListModel::Column column, int role = Qt::DisplayRole) {
        return list.data(list.index(row, column), role).toString();
    };
    ASSERT_EQ(list.rowCount(), 3);
    EXPECT_TRUE(page->historyNoteText().isEmpty());
    for (int row = 1; row < 3; ++row) {
        EXPECT_LT(
            list.index(row - 1, TakeListModel::When).data(TakeListModel::SortRole).toDateTime(),
            list.index(row, TakeListModel::When).data(TakeListModel::SortRole).toDateTime());
    }
    // Berlin time; these takes were stored without audio.
    EXPECT_EQ(cell(0, TakeListModel::When), QStringLiteral("Thu 1 Oct 2026, 10:00 (no recording)"));
    EXPECT_EQ(cell(0, TakeListModel::SpeakingTime), QStringLiteral("0:55"));
    EXPECT_EQ(cell(0, TakeListModel::Timing), QStringLiteral("within the window"));
    EXPECT_EQ(cell(0, TakeListModel::Pace), QStringLiteral("150 wpm"));
    EXPECT_EQ(cell(0, TakeListModel::Rating), QStringLiteral("★★★★☆"));
    EXPECT_EQ(cell(0, TakeListModel::Rating, Qt::AccessibleTextRole), QStringLiteral("4 of 5"));
    EXPECT_EQ(cell(1, TakeListModel::Timing), QStringLiteral("10.0 s short of the green light"));
    EXPECT_EQ(cell(1, TakeListModel::Rating), QStringLiteral("not rated"));
    EXPECT_EQ(cell(2, TakeListModel::Timing), QStringLiteral("5.0 s over the red light"));

    page->showPitchHistory(other);
    EXPECT_EQ(list.rowCount(), 1);
}

TEST_F(ProgressPageTest, PitchHistorySaysWhyItListsNothing)
{
    auto page = makePage();
    page->showPitchHistory(0);
    EXPECT_EQ(page->takeHistory().rowCount(), 0);
    EXPECT_TRUE(page->historyNoteText().startsWith(QStringLiteral("No pitches yet")))
        << page->historyNoteText().toStdString();
    const qint64 intro = addPitch(QStringLiteral("Intro"));
    page->refresh();
    page->showPitchHistory(intro);
    EXPECT_EQ(page->takeHistory().rowCount(), 0);
    EXPECT_TRUE(page->historyNoteText().startsWith(QStringLiteral("No takes of this pitch yet")))
        << page->historyNoteText().toStdString();
    addTake(intro, QDateTime(QDate(2026, 11, 18), QTime(12, 0), Qt::UTC));
    page->showPitchHistory(intro);
    EXPECT_EQ(page->takeHistory().rowCount(), 1);
    EXPECT_TRUE(page->historyNoteText().isEmpty());
}

// Export, import, backup and restore live under Settings → Your data (DataSection).
TEST_F(ProgressPageTest, HasNoDataButtons)
{
    auto page = makePage();
    QStringList buttons;
    for (const QPushButton* b : page->findChildren<QPushButton*>())
        buttons << b->text();
    // The search does find the page's buttons: the one it should have is there.
    EXPECT_TRUE(buttons.contains(QStringLiteral("&Save goal"))) << buttons.join(u',').toStdString();
    for (const QString& gone : { QStringLiteral("export"), QStringLiteral("import"),
             QStringLiteral("back up"), QStringLiteral("restore") }) {
        for (const QPushButton* b : page->findChildren<QPushButton*>()) {
            EXPECT_FALSE(QString(b->text()).remove(u'&').contains(gone, Qt::CaseInsensitive))
                << b->text().toStdString();
            EXPECT_FALSE(b->accessibleName().contains(gone, Qt::CaseInsensitive))
                << b->accessibleName().toStdString();
        }
    }
    ASSERT_FALSE(page->findChildren<QComboBox*>().isEmpty()); // the range and pitch boxes
    for (const QComboBox* box : page->findChildren<QComboBox*>())
        EXPECT_FALSE(box->accessibleName().contains(QStringLiteral("format"), Qt::CaseInsensitive))
            << box->accessibleName().toStdString();
}

TEST_F(ProgressPageTest, ChartsFollowThePalette)
{
    auto page = makePage();
    QPalette dark = page->palette();
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x30));
    dark.setColor(QPalette::Base, QColor(0x1f, 0x20, 0x23));
    dark.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xea));
    page->setPalette(dark);
    const QList<QChartView*> views = page->findChildren<QChartView*>();
    ASSERT_EQ(views.size(), 6);
    for (QChartView* view : views) {
        EXPECT_EQ(view->chart()->backgroundBrush().color(), QColor(0x1f, 0x20, 0x23));
        EXPECT_EQ(view->chart()->titleBrush().color(), QColor(0xe8, 0xe8, 0xea));
    }
    QPalette light = page->palette();
    light.setColor(QPalette::Window, QColor(0xef, 0xef, 0xef));
    light.setColor(QPalette::Base, Qt::white);
    light.setColor(QPalette::Text, Qt::black);
    page->setPalette(light);
    for (QChartView* view : views)
        EXPECT_EQ(view->chart()->backgroundBrush().color(), QColor(Qt::white));
}

} // namespace
} // namespace rapport::gui
