#pragma once

#include "core/rehearsal/timinglights.h"

#include <QWidget>
#include <functional>

class QLabel;
class QPushButton;
class QSettings;
class QTimer;

namespace rapport::storage {
class Database;
}

namespace rapport::gui {

class LightIndicator;

/// Times an answer given out loud, Table Topics style: a clock and a light that turns green,
/// yellow and red at configurable times (default 1:00, 1:30, 2:00).
class AnswerTimer : public QWidget
{
    Q_OBJECT
public:
    /// `settings` (may be null) keeps the light times between runs.
    explicit AnswerTimer(QSettings* settings, QWidget* parent = nullptr);

    /// Keeps the light times in `database` (answers::saveAnswerLights), where rapport-cli answer
    /// reads them too, and shows those stored there. Times kept in the settings by an earlier
    /// Rapport move there once. `database` must outlive this timer; null keeps them in the
    /// settings only.
    void keepTimesIn(const storage::Database* database);

    /// Replaces the monotonic clock (milliseconds), for tests.
    void setTimeSource(std::function<qint64()> nowMs);

    bool isRunning() const { return m_running; }
    qint64 elapsedMs() const;
    rehearsal::Light light() const;
    const rehearsal::LightTimes& times() const { return m_times; }
    /// Ignored unless times.valid(); saved to the database (see keepTimesIn()) or the settings.
    void setTimes(const rehearsal::LightTimes& times);
    QString clockText() const;
    QString lightText() const;

public slots:
    void start();
    void stop();
    void toggle(); ///< T
    void reset();
    void refresh(); ///< updates clock and light from the time source
    void editTimes(); ///< opens the light-times dialog

private:
    std::function<qint64()> m_nowMs;
    QSettings* m_settings;
    const storage::Database* m_database = nullptr;
    rehearsal::LightTimes m_times;
    bool m_running = false;
    qint64 m_startedAtMs = 0;
    qint64 m_accumulatedMs = 0;
    QTimer* m_ticker;
    QLabel* m_clock;
    LightIndicator* m_light;
    QPushButton* m_startStop;
    QPushButton* m_reset;
};

} // namespace rapport::gui
