#pragma once

#include "core/analysis/takereport.h"
#include "core/rehearsal/timinglights.h"
#include "core/speech/wordreport.h"

#include <QList>
#include <QRectF>
#include <QWidget>

namespace rapport::gui {

/// One take drawn along a time axis: the take as a track, speech as filled stretches with the
/// pauses as gaps (labelled when 1 s or longer), filler words as orange marks, the target window
/// (green to red light) as a shaded band with ticks, and a marker where speech ended. Tooltips name
/// each stretch.
class TakeTimeline : public QWidget
{
    Q_OBJECT
public:
    /// A stretch of the take, in seconds from its start.
    struct Span
    {
        double startS = 0.0;
        double endS = 0.0;
        bool operator==(const Span&) const = default;
    };

    /// Pauses of at least this length get their length written under the gap.
    static constexpr double kLabelledPauseS = 1.0;

    explicit TakeTimeline(QWidget* parent = nullptr);

    void setTake(const analysis::TakeReport& report, const rehearsal::LightTimes& lights);
    /// Marks the take's filler words on the track ("um" at 0:12.3); empty: none marked.
    void setFillers(const std::vector<speech::Filler>& fillers);
    const std::vector<speech::Filler>& fillers() const { return m_fillers; }

    /// Speech from speechStartS to speechEndS with the pauses cut out (empty without speech).
    static QList<Span> speechSpans(const analysis::TakeReport& report);

    /// Seconds shown across the track: the take's length, or the red light when that is later
    /// (so a short take still shows the window it missed).
    double visibleSeconds() const;
    /// Where the speech stretches are painted when the widget is `width` pixels wide.
    QList<QRectF> segmentRects(int width) const;
    /// The pauses' gaps at `width` pixels.
    QList<QRectF> pauseRects(int width) const;
    /// Where the fillers are marked at `width` pixels: a thin bar across the track each.
    QList<QRectF> fillerRects(int width) const;
    /// The shaded window band (green to red light) at `width` pixels.
    QRectF windowRect(int width) const;
    /// x of `seconds` when the widget is `width` pixels wide.
    double xFor(double seconds, int width) const;
    /// The summary also given as the accessible description.
    QString summary() const;
    /// The tooltip shown at `pos` (empty where there is nothing to name).
    QString toolTipAt(const QPointF& pos) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    struct Geometry;
    Geometry geometry(int width) const;
    void paintWindow(QPainter& painter, const Geometry& g) const;
    QRectF paintTrackBackground(QPainter& painter, const Geometry& g) const;
    void paintTrack(QPainter& painter, const Geometry& g, const QRectF& track) const;

    analysis::TakeReport m_report;
    rehearsal::LightTimes m_lights;
    QList<Span> m_speech;
    std::vector<speech::Filler> m_fillers;
    bool m_hasTake = false;
};

} // namespace rapport::gui
