#pragma once

#include "app/gui/progress/weeklycharts.h"
#include "core/common/clock.h"
#include "core/progress/weeklystats.h"
#include "core/storage/store.h"

#include <QTimeZone>
#include <QWidget>
#include <memory>

class QAreaSeries;
class QBarSet;
class QCategoryAxis;
class QChart;
class QChartView;
class QComboBox;
class QGridLayout;
class QLabel;
class QLineSeries;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTabWidget;
class QTreeView;
class QValueAxis;
class QXYSeries;

namespace rapport::gui {

class TakeListModel;

/// Progress: this week against the weekly goal, the streak, charts of the chosen range of weeks
/// (practice, timing accuracy, pace against the comfortable band, self-rating against the
/// measurements), and every take of a pitch. Reads the database again whenever it is shown.
/// Export, import, backup and restore are under Settings → Your data (DataSection).
class ProgressPage : public QWidget
{
    Q_OBJECT
public:
    /// How many weeks the charts show; All starts at the first week with any activity.
    enum class Range { Weeks4, Weeks12, Weeks52, All };

    /// `clock` (may be null: the system clock) says which week is "this week"; weeks run
    /// Monday to Sunday in `zone`.
    explicit ProgressPage(storage::Store& store, const Clock* clock = nullptr,
        QTimeZone zone = QTimeZone::systemTimeZone(), QWidget* parent = nullptr);
    ~ProgressPage() override;

    void setRange(Range range);
    Range range() const;
    /// The weeks on the charts, oldest first (after the last refresh).
    const QList<progress::WeekStats>& shownWeeks() const { return m_weeks; }

    // For tests and the benchmark.
    bool emptyStateShown() const;
    QString thisWeekTakesText() const;
    QString thisWeekConversationsText() const;
    /// "2 cards · first word after 2.5 s on average", or how to answer one.
    QString thisWeekAnswersText() const;
    QString streakText() const;
    QString messageText() const;
    QString weekSummary(qsizetype index) const; ///< what hovering week `index` shows
    /// What the charts draw for the weeks shown.
    const WeeklyChartData& chartData() const { return m_chartData; }
    /// The takes of the pitch whose history is shown, oldest first.
    const TakeListModel& takeHistory() const { return *m_historyModel; }
    /// What the history says instead of a list (no pitches, no takes); empty when it lists takes.
    QString historyNoteText() const;

public slots:
    /// Reads the weeks, the goal, the streak and the pitch list again and updates the charts.
    void refresh();
    bool saveGoal(); ///< stores the goal in the spin boxes; false with a message when refused
    void showPitchHistory(qint64 pitchId);

protected:
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    QWidget* buildThisWeek();
    QWidget* buildCharts();
    QWidget* buildHistory();
    /// Places the charts in `columns` columns (1 or 2), in the order they were made.
    void arrangeCharts(int columns);
    QChartView* addChart(const QString& title);
    /// A line named `name` on `chart` (the chart addChart() made last), against the weeks and
    /// `axis`, showing its week when pointed at.
    QLineSeries* addLine(QChart* chart, const QString& name, QValueAxis* axis);
    /// Bars named `name` on `chart` (the chart addChart() made last), one a week against
    /// `axis`, showing their week when pointed at.
    QBarSet* addBars(QChart* chart, const QString& name, QValueAxis* axis);
    /// Puts `values` (one a week, this week last) in `set`, this week's bar drawn lighter.
    static void showBars(QBarSet* set, const QList<qreal>& values);
    void connectHover(QXYSeries* series);
    void updateThisWeek(const progress::WeekStats& week, int streak);
    void updateCharts();
    void updateAxis();
    void reloadPitches();
    void applyPalette();
    void showMessage(const QString& text, bool problem);
    void showHover(qsizetype index);
    progress::IsoWeek currentWeek() const;
    QDate today() const; ///< in the page's time zone

    storage::Store& m_store;
    SystemClock m_systemClock;
    const Clock& m_clock;
    QTimeZone m_zone;
    progress::WeeklyStatsQuery m_query;
    progress::WeeklyGoal m_goal;
    QList<progress::WeekStats> m_weeks;
    WeeklyChartData m_chartData;

    QLabel* m_message;
    QProgressBar* m_takesBar;
    QProgressBar* m_conversationsBar;
    QLabel* m_streak;
    QLabel* m_answersThisWeek;
    QSpinBox* m_goalTakes;
    QSpinBox* m_goalConversations;
    QPushButton* m_saveGoal = nullptr;
    QComboBox* m_range;
    QLabel* m_hover;
    QStackedWidget* m_chartsOrEmpty;
    QLabel* m_calibration;

    QGridLayout* m_chartGrid = nullptr;
    int m_chartColumns = 0; ///< as arranged; 0 before the first arrangement
    QList<QChartView*> m_views;
    QList<QCategoryAxis*> m_weekAxes;
    QBarSet* m_takesSet = nullptr;
    QLineSeries* m_minutes = nullptr; ///< finished weeks
    QLineSeries* m_minutesSoFar = nullptr; ///< the last finished week to this week, dashed
    QValueAxis* m_takesAxis = nullptr;
    QValueAxis* m_minutesAxis = nullptr;
    QLineSeries* m_onTarget = nullptr;
    QLineSeries* m_timingError = nullptr;
    QValueAxis* m_errorAxis = nullptr;
    QLineSeries* m_wpm = nullptr;
    QLineSeries* m_fillers = nullptr; ///< in takes of a pitch
    QLineSeries* m_answerFillers = nullptr; ///< in answers to cards
    QLineSeries* m_scriptSaid = nullptr;
    QValueAxis* m_fillersAxis = nullptr;
    QLineSeries* m_bandLow = nullptr;
    QLineSeries* m_bandHigh = nullptr;
    QAreaSeries* m_paceBand = nullptr;
    QValueAxis* m_wpmAxis = nullptr;
    QLineSeries* m_selfRating = nullptr;
    QLineSeries* m_measured = nullptr;
    QBarSet* m_answersSet = nullptr;
    QValueAxis* m_answersAxis = nullptr;
    QLineSeries* m_firstWord = nullptr;
    QValueAxis* m_firstWordAxis = nullptr;

    QComboBox* m_pitchChoice;
    TakeListModel* m_historyModel;
    QTreeView* m_history;
    QLabel* m_historyNote; ///< shown instead of the list when it would be empty
};

} // namespace rapport::gui
