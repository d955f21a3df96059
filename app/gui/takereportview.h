#pragma once

#include "core/analysis/takereport.h"
#include "core/rehearsal/timinglights.h"

#include <QWidget>

class QGridLayout;
class QLabel;

namespace rapport::gui {

class TakeTimeline;

/// The measured report of one take, shown after the self-rating: speaking time against the
/// target window, a timeline of speech and pauses, pauses, pace, pitch variation, loudness and
/// warnings (clipping, no speech). Values the report does not have are shown as "—".
class TakeReportView : public QWidget
{
    Q_OBJECT
public:
    /// The comfortable speaking rate (product brief), inclusive.
    static constexpr int kComfortableMinWpm = 100;
    static constexpr int kComfortableMaxWpm = 165;
    /// More than this share of clipped samples, or a peak above kLoudPeakDbfs, is "too loud".
    static constexpr double kClippedRatioLimit = 0.001;
    static constexpr double kLoudPeakDbfs = -1.0;

    explicit TakeReportView(QWidget* parent = nullptr);

    void setReport(const analysis::TakeReport& report, const rehearsal::LightTimes& lights);

    /// The texts shown, for tests and for the view that embeds this one.
    QString speakingTimeText() const;
    QString pausesText() const;
    QString paceText() const;
    QString pitchText() const;
    QString loudnessText() const;
    /// The warnings, one per line (empty when there are none).
    QString warningText() const;
    TakeTimeline* timeline() const { return m_timeline; }

private:
    QLabel* addRow(QGridLayout* grid, int row, const QString& name);

    TakeTimeline* m_timeline;
    QLabel* m_speakingTime;
    QLabel* m_pauses;
    QLabel* m_pace;
    QLabel* m_pitch;
    QLabel* m_loudness;
    QLabel* m_warnings;
};

} // namespace rapport::gui
