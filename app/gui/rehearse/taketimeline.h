#pragma once

#include "core/analysis/takereport.h"
#include "core/rehearsal/timinglights.h"
#include "core/speech/wordreport.h"

#include <QList>
#include <QRectF>
#include <QWidget>
#include <optional>

namespace rapport::gui {

/// One take drawn along a time axis: the take as a track, speech as filled stretches with the
/// pauses as gaps (labelled when 1 s or longer), filler words as orange marks, the target window
/// (green to red light) as a shaded band with ticks, and a marker where speech ended. Tooltips name
/// each stretch. While the take plays, a playhead shows where; a click on the track asks to play
/// from there (seekRequested()).
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

    /// Shows the playhead at `seconds` into the take; nullopt hides it.
    void setPlayhead(std::optional<double> seconds);
    std::optional<double> playhead() const { return m_playhead; }
    /// The time in the take under `x` at `width` pixels, inside the take (0 before it starts).
    double secondsAt(double x, int width) const;

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

Q_SIGNALS:
    /// The track was clicked at `seconds` into the take: play from there.
    void seekRequested(double seconds);

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    struct Geometry;
    Geometry geometry(int width) const;
    void paintWindow(QPainter& painter, const Geometry& g) const;
    QRectF paintTrackBackground(QPainter& painter, const Geometry& g) const;
    void paintTrack(QPainter& painter, const Geometry& g, const QRectF& track) const;
    void paintPlayhead(QPainter& painter, const Geometry& g) const;
    /// Whether `pos` is on the take's track (where a click plays from).
    bool onTrack(const QPointF& pos) const;

    analysis::TakeReport m_report;
    rehearsal::LightTimes m_lights;
    QList<Span> m_speech;
    std::vector<speech::Filler> m_fillers;
    bool m_hasTake = false;
    std::optional<double> m_playhead;
};

} // namespace rapport::gui
