#include "app/gui/progress/progresspage.h"

#include "app/gui/progress/weeklycharts.h"
#include "app/gui/widgets/pageheader.h"
#include "app/gui/widgets/takelistmodel.h"
#include "app/gui/widgets/theme.h"
#include "app/gui/widgets/wording.h"
#include "core/progress/goal.h"
#include "core/rehearsal/pitchrepository.h"
#include "core/rehearsal/takerepository.h"
#include "core/rehearsal/timing.h"

#include <QAreaSeries>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCursor>
#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QResizeEvent>
#include <QScrollArea>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTabWidget>
#include <QToolTip>
#include <QTreeView>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <functional>

namespace rapport::gui {

using progress::IsoWeek;
using progress::WeekStats;

namespace {

constexpr int kChartMinHeight = 210;
// Below this page width the charts stand in one column: side by side, each would be too narrow
// for its legend and title, which Qt Charts cuts ("Average distance from th…").
constexpr int kTwoChartColumnsMinWidth = 900;

int weeksIn(ProgressPage::Range range)
{
    switch (range) {
    case ProgressPage::Range::Weeks4:
        return 4;
    case ProgressPage::Range::Weeks12:
        return 12;
    case ProgressPage::Range::Weeks52:
        return 52;
    case ProgressPage::Range::All:
        break;
    }
    return 0;
}

// Fixed series colours, chosen per palette so they read on both light and dark backgrounds.
struct SeriesColours
{
    QColor primary; // takes, on target, wpm, self-rating
    QColor secondary; // minutes, timing error, measured
    QColor band; // the comfortable pace band
    QColor tertiary; // answers' fillers, beside the takes' (primary) and the script (secondary)
};

SeriesColours coloursFor(bool dark)
{
    if (dark)
        return { QColor(0x6c, 0xb6, 0xff), QColor(0xff, 0xb3, 0x4d), QColor(0x4c, 0xc3, 0x8a, 70),
            QColor(0x5d, 0xd3, 0x9a) };
    return { QColor(0x1f, 0x6f, 0xc5), QColor(0xd0, 0x6a, 0x00), QColor(0x2e, 0x9e, 0x5b, 55),
        QColor(0x1d, 0x80, 0x48) };
}

QString percent(double share)
{
    return QString::number(qRound(share * 100.0)) + QStringLiteral(" %");
}

QString oneDecimal(double value)
{
    return QLocale().toString(value, 'f', 1);
}

// Points for the weeks that have a value; weeks without one are left out (no invented zeros).
QPushButton* button(const QString& text, const QString& accessible, QWidget* parent)
{
    auto* b = new QPushButton(text, parent);
    b->setAccessibleName(accessible);
    return b;
}

// A value axis on `side` of `chart`, its labels in `format`.
QValueAxis* addValueAxis(QChart* chart, Qt::Alignment side, const QString& format)
{
    auto* axis = new QValueAxis(chart);
    axis->setLabelFormat(format);
    chart->addAxis(axis, side);
    return axis;
}

} // namespace

ProgressPage::ProgressPage(
    storage::Store& store, const Clock* clock, QTimeZone zone, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
    , m_clock(clock ? *clock : m_systemClock)
    , m_zone(std::move(zone))
    , m_query(*store.database, m_zone)
    , m_message(new QLabel(this))
    , m_takesBar(new QProgressBar(this))
    , m_conversationsBar(new QProgressBar(this))
    , m_streak(new QLabel(this))
    , m_answersThisWeek(new QLabel(this))
    , m_goalTakes(new QSpinBox(this))
    , m_goalConversations(new QSpinBox(this))
    , m_range(new QComboBox(this))
    , m_hover(new QLabel(this))
    , m_chartsOrEmpty(new QStackedWidget(this))
    , m_calibration(new QLabel(this))
    , m_pitchChoice(new QComboBox(this))
    , m_historyModel(new TakeListModel(m_zone, this))
    , m_history(new QTreeView(this))
    , m_historyNote(new QLabel(this))
{
    setAccessibleName(tr("Progress"));
    // The content scrolls, so the charts never force a minimum size on the window.
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* content = new QWidget(scroll);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(32, 28, 32, 20);
    layout->setSpacing(12);
    layout->addWidget(
        new PageHeader(tr("Progress"), tr("Are you practising, and getting better?"), this));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setAccessibleName(tr("Progress messages"));
    m_message->hide();
    layout->addWidget(m_message);
    layout->addWidget(buildThisWeek());

    auto* tabs = new QTabWidget(this);
    tabs->setDocumentMode(true);
    tabs->addTab(buildCharts(), tr("&Weeks"));
    tabs->addTab(buildHistory(), tr("Takes of a &pitch"));
    connect(tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == 1)
            showPitchHistory(m_pitchChoice->currentData().toLongLong());
    });
    layout->addWidget(tabs, 1);
    scroll->setWidget(content);
    // Tab reads the page down: the goal, the tabs and range, the charts row by row (the order
    // arrangeCharts() places them in, in one column or two), the history.
    QWidget* previous = m_goalTakes;
    for (QWidget* next : std::initializer_list<QWidget*> {
             m_goalConversations, m_saveGoal, tabs->tabBar(), m_range }) {
        setTabOrder(previous, next);
        previous = next;
    }
    for (QChartView* view : m_views) {
        setTabOrder(previous, view);
        previous = view;
    }
    setTabOrder(previous, m_pitchChoice);
    setTabOrder(m_pitchChoice, m_history);
    applyPalette();
}

ProgressPage::~ProgressPage() = default;

QWidget* ProgressPage::buildThisWeek()
{
    auto* card = new QFrame(this);
    card->setFrameShape(QFrame::StyledPanel);
    auto* grid = new QGridLayout(card);
    grid->setContentsMargins(18, 12, 18, 12);
    grid->setHorizontalSpacing(14);
    grid->setVerticalSpacing(8);

    auto* title = new QLabel(tr("This week"), card);
    QFont bold = title->font();
    bold.setWeight(QFont::DemiBold);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    title->setFont(bold);
    m_streak->setFont(bold);
    m_streak->setAccessibleName(tr("Streak"));
    grid->addWidget(title, 0, 0);
    grid->addWidget(m_streak, 0, 1, 1, 2);

    m_takesBar->setAccessibleName(tr("Takes this week"));
    m_conversationsBar->setAccessibleName(tr("Conversations this week"));
    for (QProgressBar* bar : { m_takesBar, m_conversationsBar }) {
        bar->setTextVisible(true);
        bar->setMinimumWidth(260);
    }
    grid->addWidget(new QLabel(tr("Takes"), card), 1, 0);
    grid->addWidget(m_takesBar, 1, 1);
    grid->addWidget(new QLabel(tr("Real conversations"), card), 2, 0);
    grid->addWidget(m_conversationsBar, 2, 1);
    // Cards answered out loud have no goal: a line, not a bar.
    m_answersThisWeek->setAccessibleName(tr("Cards answered out loud this week"));
    grid->addWidget(new QLabel(tr("Answered out loud"), card), 3, 0);
    grid->addWidget(m_answersThisWeek, 3, 1);

    // The goal editor sits to the right of the bars.
    auto* goal = new QWidget(card);
    auto* goalLayout = new QGridLayout(goal);
    goalLayout->setContentsMargins(24, 0, 0, 0);
    goalLayout->setVerticalSpacing(8);
    auto* goalTitle = new QLabel(tr("Weekly goal"), goal);
    goalTitle->setFont(bold);
    goalLayout->addWidget(goalTitle, 0, 0, 1, 3);
    m_goalTakes->setRange(0, 100);
    m_goalTakes->setAccessibleName(tr("Goal: takes per week"));
    m_goalConversations->setRange(0, 100);
    m_goalConversations->setAccessibleName(tr("Goal: conversations per week"));
    auto* takesLabel = new QLabel(tr("&Takes:"), goal);
    takesLabel->setBuddy(m_goalTakes);
    auto* conversationsLabel = new QLabel(tr("C&onversations:"), goal);
    conversationsLabel->setBuddy(m_goalConversations);
    auto* save = button(tr("&Save goal"), tr("Save the weekly goal"), goal);
    m_saveGoal = save;
    connect(save, &QPushButton::clicked, this, &ProgressPage::saveGoal);
    goalLayout->addWidget(takesLabel, 1, 0);
    goalLayout->addWidget(m_goalTakes, 1, 1);
    goalLayout->addWidget(conversationsLabel, 2, 0);
    goalLayout->addWidget(m_goalConversations, 2, 1);
    goalLayout->addWidget(save, 1, 2, 2, 1, Qt::AlignVCenter);
    grid->addWidget(goal, 1, 2, 3, 1);
    grid->setColumnStretch(1, 1);
    return card;
}

QWidget* ProgressPage::buildCharts()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->setSpacing(8);

    auto* row = new QHBoxLayout;
    auto* rangeLabel = new QLabel(tr("&Range:"), page);
    rangeLabel->setBuddy(m_range);
    m_range->addItem(tr("Last 4 weeks"), static_cast<int>(Range::Weeks4));
    m_range->addItem(tr("Last 12 weeks"), static_cast<int>(Range::Weeks12));
    m_range->addItem(tr("Last 52 weeks"), static_cast<int>(Range::Weeks52));
    m_range->addItem(tr("All weeks"), static_cast<int>(Range::All));
    m_range->setCurrentIndex(1);
    m_range->setAccessibleName(tr("Range of weeks"));
    connect(m_range, &QComboBox::currentIndexChanged, this, &ProgressPage::refresh);
    m_hover->setForegroundRole(QPalette::PlaceholderText);
    m_hover->setText(tr("Point at a bar or a point to see that week."));
    m_hover->setAccessibleName(tr("Week under the pointer"));
    m_hover->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_hover->setWordWrap(true);
    // Room for two lines, so the charts do not jump when a long summary wraps.
    m_hover->setMinimumHeight(2 * m_hover->fontMetrics().lineSpacing());
    row->addWidget(rangeLabel);
    row->addWidget(m_range);
    row->addSpacing(16);
    row->addWidget(m_hover, 1);
    layout->addLayout(row);

    auto* empty = new QLabel(tr("<p style=\"font-size:large\"><b>Rehearse a pitch or draw a few "
                                "cards; your weeks appear here.</b></p><p>Then log the real "
                                "conversations you have. Set a weekly goal above to start a "
                                "streak — three takes and two conversations is a good start.</p>"),
        page);
    empty->setObjectName(QStringLiteral("progressEmptyState"));
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    empty->setTextFormat(Qt::RichText);
    empty->setContentsMargins(40, 20, 40, 20);
    m_chartsOrEmpty->addWidget(empty);

    auto* chartGrid = new QWidget(page);
    m_chartGrid = new QGridLayout(chartGrid);
    m_chartGrid->setContentsMargins(0, 0, 0, 0);
    m_chartGrid->setSpacing(10);

    // Practice: takes as bars, minutes as a line on the right-hand axis.
    QChartView* practice = addChart(tr("Takes and minutes per week"));
    QChart* chart = practice->chart();
    m_takesAxis = addValueAxis(chart, Qt::AlignLeft, QStringLiteral("%d"));
    m_minutesAxis = addValueAxis(chart, Qt::AlignRight, QStringLiteral("%d"));
    m_takesAxis->setTitleText(tr("takes"));
    m_minutesAxis->setTitleText(tr("minutes"));
    m_takesSet = addBars(chart, tr("Takes"), m_takesAxis);
    m_minutes = addLine(chart, tr("Minutes"), m_minutesAxis);
    // This week's minutes are a sum still growing: joined to the last week by a dashed line, so
    // they do not read as a drop. No legend entry of their own.
    m_minutesSoFar = addLine(chart, tr("Minutes so far"), m_minutesAxis);
    for (QLegendMarker* marker : chart->legend()->markers(m_minutesSoFar))
        marker->setVisible(false);

    // Timing accuracy: the share of takes inside their window, and the average distance from the
    // target (the red light).
    QChartView* timing = addChart(tr("Timing: inside the window, and how far off"));
    chart = timing->chart();
    QValueAxis* shareAxis = addValueAxis(chart, Qt::AlignLeft, QStringLiteral("%d %%"));
    shareAxis->setRange(0, 100);
    m_errorAxis = addValueAxis(chart, Qt::AlignRight, QStringLiteral("%d s"));
    // The axes carry the units: a legend line longer than half the page is cut ("targ…").
    m_onTarget = addLine(chart, tr("Inside the window"), shareAxis);
    m_timingError = addLine(chart, tr("Average distance from the target"), m_errorAxis);

    // Pace, with the comfortable band shaded between two flat lines.
    QChartView* pace = addChart(tr("Pace: words per minute"));
    chart = pace->chart();
    m_wpmAxis = addValueAxis(chart, Qt::AlignLeft, QStringLiteral("%d"));
    m_bandLow = new QLineSeries(chart);
    m_bandHigh = new QLineSeries(chart);
    m_paceBand = new QAreaSeries(m_bandHigh, m_bandLow);
    m_paceBand->setName(tr("Comfortable pace, %1–%2")
                            .arg(rehearsal::kComfortableWpmMin)
                            .arg(rehearsal::kComfortableWpmMax));
    chart->addSeries(m_paceBand);
    m_paceBand->attachAxis(m_weekAxes.last());
    m_paceBand->attachAxis(m_wpmAxis);
    m_wpm = addLine(chart, tr("Your pace"), m_wpmAxis);

    // Self-rating against a measurement on the same 0-5 scale.
    QChartView* rating = addChart(tr("Your rating and your timing"));
    chart = rating->chart();
    QValueAxis* ratingAxis = addValueAxis(chart, Qt::AlignLeft, QStringLiteral("%d"));
    ratingAxis->setRange(0, 5);
    ratingAxis->setTickCount(6);
    m_selfRating = addLine(chart, tr("Your rating"), ratingAxis);
    // The share of takes inside the window on the rating's scale: every take inside reads 5.
    m_measured = addLine(chart, tr("Inside the window (5 = every take)"), ratingAxis);

    // The words: fillers a minute, and how much of the script was said.
    QChartView* words = addChart(tr("Words: fillers, and how much of the script you said"));
    chart = words->chart();
    m_fillersAxis = addValueAxis(chart, Qt::AlignLeft, QStringLiteral("%d"));
    QValueAxis* saidAxis = addValueAxis(chart, Qt::AlignRight, QStringLiteral("%d %%"));
    saidAxis->setRange(0, 100);
    m_fillers = addLine(chart, tr("Fillers, pitches"), m_fillersAxis);
    m_answerFillers = addLine(chart, tr("Fillers, answers"), m_fillersAxis);
    m_scriptSaid = addLine(chart, tr("Script said (%)"), saidAxis);
    m_fillersAxis->setTitleText(tr("a minute"));

    // Answering cards out loud: answers as bars, the silence before the first word as a line.
    QChartView* answering = addChart(tr("Cards answered out loud, and the wait for a first word"));
    chart = answering->chart();
    m_answersAxis = addValueAxis(chart, Qt::AlignLeft, QStringLiteral("%d"));
    m_firstWordAxis = addValueAxis(chart, Qt::AlignRight, QStringLiteral("%d s"));
    m_answersAxis->setTitleText(tr("answers"));
    m_answersSet = addBars(chart, tr("Answers"), m_answersAxis);
    m_firstWord = addLine(chart, tr("Seconds to the first word"), m_firstWordAxis);

    arrangeCharts(2);
    m_chartsOrEmpty->addWidget(chartGrid);
    layout->addWidget(m_chartsOrEmpty, 1);

    m_calibration->setWordWrap(true);
    m_calibration->setAccessibleName(tr("Your feeling and the measurement"));
    m_calibration->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_calibration);
    return page;
}

QLineSeries* ProgressPage::addLine(QChart* chart, const QString& name, QValueAxis* axis)
{
    auto* series = new QLineSeries(chart);
    series->setName(name);
    chart->addSeries(series);
    series->attachAxis(m_weekAxes.last());
    series->attachAxis(axis);
    connectHover(series);
    return series;
}

QBarSet* ProgressPage::addBars(QChart* chart, const QString& name, QValueAxis* axis)
{
    auto* bars = new QBarSeries(chart);
    auto* set = new QBarSet(name, bars);
    bars->append(set);
    bars->setBarWidth(0.6);
    chart->addSeries(bars);
    bars->attachAxis(m_weekAxes.last());
    bars->attachAxis(axis);
    connect(set, &QBarSet::hovered, this, [this](bool on, int index) {
        if (on)
            showHover(index);
    });
    return set;
}

void ProgressPage::showBars(QBarSet* set, const QList<qreal>& values)
{
    set->remove(0, set->count());
    set->append(values);
    // This week's bar is lighter: it is not over yet, so it is not a drop.
    set->deselectAllBars();
    if (!values.isEmpty())
        set->selectBar(static_cast<int>(values.size() - 1));
}

QChartView* ProgressPage::addChart(const QString& title)
{
    auto* chart = new QChart;
    chart->setTitle(title);
    QFont titleFont = font();
    titleFont.setWeight(QFont::DemiBold);
    chart->setTitleFont(titleFont);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(6);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setFont(font());
    // Charts are rebuilt from data in place; animation would only slow refreshes down.
    chart->setAnimationOptions(QChart::NoAnimation);
    auto* weeks = new QCategoryAxis(chart);
    weeks->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    weeks->setGridLineVisible(false);
    chart->addAxis(weeks, Qt::AlignBottom);
    m_weekAxes << weeks;

    auto* view = new QChartView(chart, this);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(kChartMinHeight);
    view->setAccessibleName(title);
    view->setFrameShape(QFrame::NoFrame);
    m_views << view;
    return view;
}

void ProgressPage::connectHover(QXYSeries* series)
{
    series->setPointsVisible(true);
    connect(series, &QXYSeries::hovered, this, [this](const QPointF& point, bool on) {
        if (on)
            showHover(qRound(point.x()));
    });
}

QWidget* ProgressPage::buildHistory()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 8, 0, 0);
    auto* row = new QHBoxLayout;
    auto* label = new QLabel(tr("Pitc&h:"), page);
    label->setBuddy(m_pitchChoice);
    m_pitchChoice->setAccessibleName(tr("Pitch whose takes are listed"));
    m_pitchChoice->setMinimumContentsLength(24);
    m_pitchChoice->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    connect(m_pitchChoice, &QComboBox::currentIndexChanged, this,
        [this] { showPitchHistory(m_pitchChoice->currentData().toLongLong()); });
    row->addWidget(label);
    row->addWidget(m_pitchChoice);
    row->addStretch(1);
    layout->addLayout(row);

    m_history->setModel(m_historyModel);
    m_history->setAccessibleName(tr("Takes of the pitch, oldest first"));
    m_history->setRootIsDecorated(false);
    m_history->setUniformRowHeights(true);
    m_history->setAlternatingRowColors(true);
    m_history->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_history->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_history->header()->setSectionResizeMode(TakeListModel::When, QHeaderView::Stretch);
    m_history->header()->setStretchLastSection(false);
    layout->addWidget(m_history, 1);
    m_historyNote->setWordWrap(true);
    m_historyNote->setTextFormat(Qt::PlainText);
    m_historyNote->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_historyNote->hide();
    layout->addWidget(m_historyNote, 1);
    return page;
}

void ProgressPage::setRange(Range range)
{
    const int index = m_range->findData(static_cast<int>(range));
    if (index == m_range->currentIndex())
        refresh();
    else
        m_range->setCurrentIndex(index); // refreshes
}

ProgressPage::Range ProgressPage::range() const
{
    return static_cast<Range>(m_range->currentData().toInt());
}

IsoWeek ProgressPage::currentWeek() const
{
    return m_query.weekOf(m_clock.nowUtc());
}

QDate ProgressPage::today() const
{
    return m_clock.nowUtc().toTimeZone(m_zone).date();
}

void ProgressPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    refresh();
}

void ProgressPage::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    arrangeCharts(width() >= kTwoChartColumnsMinWidth ? 2 : 1);
}

void ProgressPage::arrangeCharts(int columns)
{
    if (m_chartGrid->count() == m_views.size() && columns == m_chartColumns)
        return;
    m_chartColumns = columns;
    for (QChartView* view : m_views)
        m_chartGrid->removeWidget(view);
    for (qsizetype i = 0; i < m_views.size(); ++i)
        m_chartGrid->addWidget(m_views[i], int(i / columns), int(i % columns));
    for (int c = 0; c < 2; ++c)
        m_chartGrid->setColumnStretch(c, c < columns ? 1 : 0);
}

void ProgressPage::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void ProgressPage::refresh()
{
    m_message->hide();
    if (Result<progress::WeeklyGoal> goal = progress::loadGoal(*m_store.database); goal)
        m_goal = *goal;
    else
        showMessage(goal.error().toString(), true);
    m_goalTakes->setValue(m_goal.takes);
    m_goalConversations->setValue(m_goal.conversations);

    const IsoWeek current = currentWeek();
    Result<std::optional<IsoWeek>> firstActive = m_query.firstActiveWeek();
    if (!firstActive) {
        showMessage(firstActive.error().toString(), true);
        return;
    }
    const int count = weeksIn(range());
    IsoWeek first = count > 0 ? IsoWeek::containing(current.monday().addDays(-7 * (count - 1)))
                              : firstActive->value_or(current);
    // "All" still shows at least four weeks, and never starts after this week.
    const IsoWeek fourBack = IsoWeek::containing(current.monday().addDays(-21));
    if (count == 0)
        first = std::min(first, fourBack);
    Result<QList<WeekStats>> weeks = m_query.weeks(first, current, m_goal);
    if (!weeks) {
        showMessage(weeks.error().toString(), true);
        return;
    }
    m_weeks = std::move(*weeks);

    // The streak may reach back past the range: count it over every week since the first,
    // from the cheap counts-only query.
    int streak = progress::goalStreak(m_weeks, true);
    if (firstActive->has_value() && **firstActive < first) {
        Result<QList<WeekStats>> all = m_query.goalWeeks(**firstActive, current, m_goal);
        if (all)
            streak = progress::goalStreak(*all, true);
        else
            showMessage(all.error().toString(), true);
    }
    updateThisWeek(m_weeks.last(), streak);
    m_chartsOrEmpty->setCurrentIndex(firstActive->has_value() ? 1 : 0);
    m_calibration->setVisible(firstActive->has_value());
    m_hover->setVisible(firstActive->has_value());
    updateCharts();
    reloadPitches();
}

void ProgressPage::updateThisWeek(const WeekStats& week, int streak)
{
    auto fill = [](QProgressBar* bar, int done, int goal, const QString& text) {
        bar->setRange(0, std::max(goal, 1));
        bar->setValue(std::min(done, std::max(goal, 1)));
        bar->setFormat(text);
    };
    const auto goalText = [](int done, int goal, const QString& one, const QString& many,
                              const QString& noGoal) -> QString {
        if (goal == 0)
            return counted(done, one, many) + QStringLiteral(" · ") + noGoal;
        return tr("%1 of %2").arg(done).arg(counted(goal, one, many))
            + (done >= goal ? QStringLiteral("  ✓") : QString());
    };
    fill(m_takesBar, week.takes, m_goal.takes,
        goalText(week.takes, m_goal.takes, tr("%1 take"), tr("%1 takes"), tr("no goal set")));
    fill(m_conversationsBar, week.conversations, m_goal.conversations,
        goalText(week.conversations, m_goal.conversations, tr("%1 conversation"),
            tr("%1 conversations"), tr("no goal set")));

    if (week.answers == 0) {
        m_answersThisWeek->setText(tr("No card yet: answer one out loud on the Conversation "
                                      "cards page (A)"));
    } else {
        QString text = counted(week.answers, tr("%1 card"), tr("%1 cards"));
        if (week.avgFirstWordS)
            text += tr(" · first word after %1 s on average").arg(oneDecimal(*week.avgFirstWordS));
        m_answersThisWeek->setText(text);
    }

    if (streak > 0) {
        m_streak->setText(counted(streak, tr("Streak: %1 week meeting your goal"),
            tr("Streak: %1 weeks meeting your goal")));
    } else {
        m_streak->setText(tr("No streak yet: meet this week's goal to start one"));
    }
}

void ProgressPage::updateAxis()
{
    const qsizetype n = m_weeks.size();
    // About four labels, counted back from this week (every week of 4, every third of 12, every
    // quarter of 52); beyond a year, the first week of each year.
    const qsizetype step = n <= 4 ? 1 : (n + 3) / 4;
    const bool years = n > 52;
    QList<std::pair<QString, qreal>> labels;
    const QDate now = today();
    int yearStep = 1;
    if (years)
        yearStep = static_cast<int>(n / 52 / 10) + 1;
    for (qsizetype i = 0; i < n; ++i) {
        const QDate monday = m_weeks[i].week.monday();
        if (years) {
            const int year = m_weeks[i].week.year;
            if (m_weeks[i].week.week == 1 && year % yearStep == 0)
                labels.append({ QString::number(year), static_cast<qreal>(i) });
        } else if (i == n - 1) {
            // One short word: a category label longer than its share of a small chart is cut
            // ("this we…").
            labels.append({ tr("now"), static_cast<qreal>(i) });
        } else if ((n - 1 - i) % step == 0) {
            labels.append({ shortDate(monday, now), static_cast<qreal>(i) });
        }
    }
    for (QCategoryAxis* axis : m_weekAxes) {
        for (const QString& label : axis->categoriesLabels())
            axis->remove(label);
        axis->setStartValue(-0.5);
        for (const auto& [label, at] : labels)
            axis->append(label, at);
        axis->setRange(-0.5, static_cast<qreal>(n) - 0.5);
    }
}

void ProgressPage::updateCharts()
{
    updateAxis();
    const qsizetype n = m_weeks.size();
    const bool markers = n <= 52;
    m_chartData = weeklyChartData(m_weeks, m_goal);
    const WeeklyChartData& chart = m_chartData;

    showBars(m_takesSet, chart.takes);
    m_minutes->replace(chart.minutes);
    m_minutesSoFar->replace(chart.minutesSoFar);
    m_takesAxis->setRange(0, chart.takesAxisMax);
    m_takesAxis->applyNiceNumbers();
    m_minutesAxis->setRange(0, chart.minutesAxisMax);
    m_minutesAxis->applyNiceNumbers();

    m_onTarget->replace(chart.onTargetPercent);
    m_timingError->replace(chart.timingErrorS);
    m_errorAxis->setRange(0, chart.errorAxisMax);
    m_errorAxis->applyNiceNumbers();

    m_wpm->replace(chart.wpm);
    m_bandLow->replace(chart.paceBandLow);
    m_bandHigh->replace(chart.paceBandHigh);
    m_wpmAxis->setRange(chart.wpmAxisMin, chart.wpmAxisMax);
    m_wpmAxis->setTickCount(static_cast<int>((chart.wpmAxisMax - chart.wpmAxisMin) / 40.0) + 1);

    m_fillers->replace(chart.fillersPerMinute);
    m_answerFillers->replace(chart.answerFillersPerMinute);
    m_scriptSaid->replace(chart.scriptPercent);
    m_fillersAxis->setRange(0, chart.fillersAxisMax);
    m_fillersAxis->applyNiceNumbers();

    m_selfRating->replace(chart.selfRating);
    m_measured->replace(chart.measured);

    showBars(m_answersSet, chart.answers);
    m_answersAxis->setRange(0, chart.answersAxisMax);
    m_answersAxis->applyNiceNumbers();
    m_firstWord->replace(chart.firstWordS);
    m_firstWordAxis->setRange(0, chart.firstWordAxisMax);
    m_firstWordAxis->applyNiceNumbers();
    for (QXYSeries* series : std::initializer_list<QXYSeries*> { m_minutes, m_minutesSoFar,
             m_onTarget, m_timingError, m_wpm, m_fillers, m_answerFillers, m_scriptSaid,
             m_selfRating, m_measured, m_firstWord })
        series->setPointsVisible(markers);

    // Calibration over the range: the mean of the weekly agreement shares.
    auto mean = [this](auto member) -> std::optional<double> {
        double sum = 0;
        int weeks = 0;
        for (const WeekStats& w : m_weeks) {
            if (const std::optional<double> v = w.*member) {
                sum += *v;
                ++weeks;
            }
        }
        return weeks ? std::optional(sum / weeks) : std::nullopt;
    };
    const std::optional<double> timing = mean(&WeekStats::feltTimingAgreement);
    const std::optional<double> pace = mean(&WeekStats::feltPaceAgreement);
    if (!timing && !pace) {
        m_calibration->setText(
            tr("When you rate a take, say how long and how fast it felt: this line then shows "
               "how often your feeling matches the measurement."));
    } else {
        m_calibration->setText(tr("Your feeling matched the measurement: timing %1, pace %2 "
                                  "(average of the weeks shown).")
                                   .arg(timing ? percent(*timing) : tr("not rated"),
                                       pace ? percent(*pace) : tr("not rated")));
    }
}

QString ProgressPage::weekSummary(qsizetype index) const
{
    if (index < 0 || index >= m_weeks.size())
        return {};
    const WeekStats& w = m_weeks[index];
    QStringList parts;
    parts << counted(w.takes, tr("%1 take"), tr("%1 takes"));
    if (w.takes > 0)
        parts << tr("%1 minutes").arg(oneDecimal(w.minutes));
    // A share, not a count: takes without speech have no timing, so they are not in it.
    if (w.onTargetRatio)
        parts << tr("%1 of takes inside the window").arg(percent(*w.onTargetRatio));
    if (w.meanAbsTimingErrorS)
        parts << tr("on average %1 s from the target").arg(oneDecimal(*w.meanAbsTimingErrorS));
    if (w.avgWpm)
        parts << tr("%1 words a minute").arg(qRound(*w.avgWpm));
    if (w.fillersPerMinute)
        parts << tr("%1 fillers a minute in pitches").arg(oneDecimal(*w.fillersPerMinute));
    if (w.scriptCoverage)
        parts << tr("%1 of the script said").arg(percent(*w.scriptCoverage));
    if (w.avgSelfRating)
        parts << tr("your rating %1 of 5 stars").arg(oneDecimal(*w.avgSelfRating));
    parts << counted(w.cardsDrawn(), tr("%1 card"), tr("%1 cards"));
    if (w.answers > 0)
        parts << counted(w.answers, tr("%1 answered out loud"), tr("%1 answered out loud"));
    if (w.avgFirstWordS)
        parts << tr("first word after %1 s").arg(oneDecimal(*w.avgFirstWordS));
    if (w.answerFillersPerMinute)
        parts << tr("%1 fillers a minute in answers").arg(oneDecimal(*w.answerFillersPerMinute));
    parts << counted(w.conversations, tr("%1 conversation"), tr("%1 conversations"));
    // The last week shown is this week, not over yet.
    const QString values = parts.join(QStringLiteral(" · "));
    if (index == m_weeks.size() - 1)
        return tr("This week so far (%1): %2").arg(weekOf(w.week.monday(), today()), values);
    return tr("Week of %1: %2").arg(shortDate(w.week.monday(), today()), values);
}

void ProgressPage::showHover(qsizetype index)
{
    const QString text = weekSummary(index);
    if (text.isEmpty())
        return;
    m_hover->setText(text);
    QToolTip::showText(QCursor::pos(), text, this);
}

void ProgressPage::reloadPitches()
{
    const qint64 selected = m_pitchChoice->currentData().toLongLong();
    Result<QList<rehearsal::PitchSummary>> pitches
        = rehearsal::PitchRepository(*m_store.database).list();
    if (!pitches) {
        showMessage(pitches.error().toString(), true);
        return;
    }
    {
        const QSignalBlocker blocker(m_pitchChoice);
        m_pitchChoice->clear();
        for (const rehearsal::PitchSummary& p : *pitches) {
            m_pitchChoice->addItem(p.pitch.title + QStringLiteral("  (")
                    + counted(p.takeCount, tr("%1 take"), tr("%1 takes")) + QStringLiteral(")"),
                p.pitch.id);
        }
        const int index = m_pitchChoice->findData(selected);
        m_pitchChoice->setCurrentIndex(index >= 0 ? index : 0);
    }
    // The list of takes is read when its tab is open, not on every refresh.
    if (m_pitchChoice->isVisible())
        showPitchHistory(m_pitchChoice->currentData().toLongLong());
}

void ProgressPage::showPitchHistory(qint64 pitchId)
{
    auto showNote = [this](const QString& note) {
        m_historyNote->setText(note);
        m_historyNote->setVisible(!note.isEmpty());
        m_history->setVisible(note.isEmpty());
    };
    if (pitchId <= 0) {
        m_historyModel->setTakes({});
        showNote(tr("No pitches yet. Write one under Pitches and rehearse it; every take is "
                    "listed here."));
        return;
    }
    const int index = m_pitchChoice->findData(pitchId);
    if (index >= 0 && index != m_pitchChoice->currentIndex()) {
        m_pitchChoice->setCurrentIndex(index); // shows the history through the signal
        return;
    }
    Result<QList<rehearsal::Take>> takes
        = rehearsal::TakeRepository(*m_store.database).list(pitchId);
    if (!takes) {
        showMessage(takes.error().toString(), true);
        return;
    }
    m_historyModel->setTakes(std::move(*takes));
    showNote(m_historyModel->rowCount() == 0
            ? tr("No takes of this pitch yet. Rehearse it and each take appears here.")
            : QString());
}

QString ProgressPage::historyNoteText() const
{
    return m_historyNote->isHidden() ? QString() : m_historyNote->text();
}

bool ProgressPage::saveGoal()
{
    const progress::WeeklyGoal goal { m_goalTakes->value(), m_goalConversations->value() };
    if (Status s = progress::saveGoal(*m_store.database, goal); !s) {
        showMessage(s.error().toString(), true);
        return false;
    }
    refresh();
    showMessage(tr("Goal saved: %1 and %2 a week.")
                    .arg(counted(goal.takes, tr("%1 take"), tr("%1 takes")),
                        counted(goal.conversations, tr("%1 conversation"), tr("%1 conversations"))),
        false);
    return true;
}

void ProgressPage::showMessage(const QString& text, bool problem)
{
    showStatus(m_message, text, problem);
}

void ProgressPage::applyPalette()
{
    const QPalette p = palette();
    const bool dark = ThemeManager::isDark(p);
    const QColor text = p.color(QPalette::Text);
    const QColor grid = dark ? QColor(0x3a, 0x3c, 0x40) : QColor(0xe2, 0xe4, 0xe8);
    const QColor axisLine = p.color(QPalette::PlaceholderText);
    for (QChartView* view : m_views) {
        QChart* chart = view->chart();
        view->setBackgroundBrush(p.color(QPalette::Window));
        chart->setBackgroundBrush(p.color(QPalette::Base));
        chart->setBackgroundPen(QPen(grid));
        chart->setTitleBrush(text);
        chart->legend()->setLabelColor(text);
        for (QAbstractAxis* axis : chart->axes()) {
            axis->setLabelsColor(text);
            axis->setTitleBrush(text);
            axis->setGridLineColor(grid);
            axis->setLinePenColor(axisLine);
        }
    }
    const SeriesColours colours = coloursFor(dark);
    if (!m_takesSet)
        return;
    QColor unfinished = colours.primary;
    unfinished.setAlphaF(0.45f);
    for (QBarSet* set : { m_takesSet, m_answersSet }) {
        set->setColor(colours.primary);
        set->setBorderColor(colours.primary);
        set->setSelectedColor(unfinished);
    }
    auto style = [](QXYSeries* series, const QColor& colour) {
        QPen pen(colour);
        pen.setWidthF(2.0);
        series->setPen(pen);
        series->setColor(colour);
    };
    style(m_minutes, colours.secondary);
    style(m_minutesSoFar, colours.secondary);
    QPen dashed = m_minutesSoFar->pen();
    dashed.setStyle(Qt::DashLine);
    m_minutesSoFar->setPen(dashed);
    style(m_onTarget, colours.primary);
    style(m_timingError, colours.secondary);
    style(m_wpm, colours.primary);
    style(m_fillers, colours.primary);
    style(m_answerFillers, colours.tertiary);
    style(m_firstWord, colours.secondary);
    style(m_scriptSaid, colours.secondary);
    style(m_selfRating, colours.primary);
    style(m_measured, colours.secondary);
    m_paceBand->setBrush(colours.band);
    m_paceBand->setPen(QPen(colours.band.darker(dark ? 80 : 130), 1.0));
}

QString ProgressPage::thisWeekTakesText() const
{
    return m_takesBar->format();
}

QString ProgressPage::thisWeekConversationsText() const
{
    return m_conversationsBar->format();
}

QString ProgressPage::thisWeekAnswersText() const
{
    return m_answersThisWeek->text();
}

QString ProgressPage::streakText() const
{
    return m_streak->text();
}

QString ProgressPage::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

bool ProgressPage::emptyStateShown() const
{
    return m_chartsOrEmpty->currentIndex() == 0;
}

} // namespace rapport::gui
