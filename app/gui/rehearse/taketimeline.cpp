#include "app/gui/rehearse/taketimeline.h"

#include "app/gui/widgets/lightindicator.h"
#include "app/gui/widgets/wording.h"

#include <QHelpEvent>
#include <QLinearGradient>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>
#include <cmath>

namespace rapport::gui {

using rehearsal::Light;

namespace {

constexpr double kSidePx = 16.0; // room for labels centred on the first and last second
constexpr double kTickPx = 6.0;
constexpr double kTrackPx = 24.0;
constexpr double kGapPx = 3.0;

qint64 toMs(double seconds)
{
    return std::llround(seconds * 1000.0);
}

// "0:03.2" — a time on the take to a tenth of a second.
QString formatTenths(double seconds)
{
    const qint64 tenths = std::llround(std::max(seconds, 0.0) * 10.0);
    return QStringLiteral("%1:%2.%3")
        .arg(tenths / 600)
        .arg((tenths / 10) % 60, 2, 10, QLatin1Char('0'))
        .arg(tenths % 10);
}

QString formatLength(double seconds)
{
    return QObject::tr("%1 s").arg(seconds, 0, 'f', 1);
}

// Lays text labels out along one row, dropping any that would overlap a label placed before it.
class LabelRow
{
public:
    LabelRow(const QFontMetricsF& metrics, double top, double left, double right)
        : m_metrics(metrics)
        , m_top(top)
        , m_left(left)
        , m_right(right)
    { }

    /// The rectangle for `text` at `x`: centred, else ending or starting there if that is free
    /// (always kept inside the row); a null rect when all three overlap labels placed before.
    QRectF place(const QString& text, double x)
    {
        const double width = m_metrics.horizontalAdvance(text) + 4.0;
        for (double left : { x - width / 2.0, x - width, x }) {
            left = std::clamp(left, m_left, std::max(m_left, m_right - width));
            const QRectF rect(left, m_top, width, m_metrics.height());
            const bool free
                = std::none_of(m_taken.cbegin(), m_taken.cend(), [&rect](const QRectF& taken) {
                      return taken.adjusted(-4, 0, 4, 0).intersects(rect);
                  });
            if (free) {
                m_taken << rect;
                return rect;
            }
        }
        return {};
    }

private:
    QFontMetricsF m_metrics;
    double m_top;
    double m_left;
    double m_right;
    QList<QRectF> m_taken;
};

} // namespace

struct TakeTimeline::Geometry
{
    int width = 0;
    double left = 0.0;
    double right = 0.0;
    double labelTop = 0.0; ///< the window's tick labels
    double tickTop = 0.0;
    double trackTop = 0.0;
    double trackBottom = 0.0;
    double belowTop = 0.0; ///< pause lengths, the end-of-speech label, the axis
    double height = 0.0;
};

TakeTimeline::TakeTimeline(QWidget* parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Timeline of the take"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setMouseTracking(true);
    setAccessibleDescription(summary());
}

void TakeTimeline::setTake(const analysis::TakeReport& report, const rehearsal::LightTimes& lights)
{
    m_report = report;
    m_lights = lights;
    m_speech = speechSpans(report);
    m_fillers.clear();
    m_playhead.reset();
    m_hasTake = true;
    setAccessibleDescription(summary());
    update();
}

void TakeTimeline::setFillers(const std::vector<speech::Filler>& fillers)
{
    m_fillers = fillers;
    setAccessibleDescription(summary());
    update();
}

void TakeTimeline::setPlayhead(std::optional<double> seconds)
{
    if (seconds == m_playhead)
        return;
    m_playhead = seconds;
    update();
}

double TakeTimeline::secondsAt(double x, int width) const
{
    const Geometry g = geometry(width);
    const double share = std::clamp((x - g.left) / std::max(g.right - g.left, 1.0), 0.0, 1.0);
    return std::min(share * visibleSeconds(), m_report.durationS);
}

bool TakeTimeline::onTrack(const QPointF& pos) const
{
    if (!m_hasTake || m_report.durationS <= 0.0)
        return false;
    const Geometry g = geometry(width());
    return pos.y() >= g.tickTop && pos.y() <= g.belowTop && pos.x() >= g.left - 4.0
        && pos.x() <= xFor(m_report.durationS, width()) + 4.0;
}

void TakeTimeline::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton && onTrack(event->position())) {
        Q_EMIT seekRequested(secondsAt(event->position().x(), width()));
        event->accept();
        return;
    }
    QWidget::mousePressEvent(event);
}

void TakeTimeline::mouseMoveEvent(QMouseEvent* event)
{
    // The hand says the track can be clicked.
    if (onTrack(event->position()))
        setCursor(Qt::PointingHandCursor);
    else
        unsetCursor();
    QWidget::mouseMoveEvent(event);
}

QList<TakeTimeline::Span> TakeTimeline::speechSpans(const analysis::TakeReport& report)
{
    QList<Span> spans;
    if (!report.speechStartS || !report.speechEndS || *report.speechEndS <= *report.speechStartS)
        return spans;
    const double end = *report.speechEndS;
    double from = *report.speechStartS;
    for (const analysis::Pause& pause : report.pauses) {
        const double pauseStart = std::clamp(pause.startS, from, end);
        if (pauseStart > from)
            spans << Span { from, pauseStart };
        from = std::max(from, std::min(pause.endS, end));
    }
    if (end > from)
        spans << Span { from, end };
    return spans;
}

double TakeTimeline::visibleSeconds() const
{
    double seconds = m_report.durationS;
    if (m_lights.valid())
        seconds = std::max(seconds, m_lights.redMs / 1000.0);
    return seconds > 0.0 ? seconds : 1.0;
}

TakeTimeline::Geometry TakeTimeline::geometry(int width) const
{
    const double lineHeight = QFontMetricsF(font()).height();
    Geometry g;
    g.width = width;
    g.left = kSidePx;
    g.right = std::max(g.left + 1.0, width - kSidePx);
    g.labelTop = 0.0;
    g.tickTop = lineHeight + kGapPx;
    g.trackTop = g.tickTop + kTickPx;
    g.trackBottom = g.trackTop + kTrackPx;
    g.belowTop = g.trackBottom + kGapPx;
    g.height = g.belowTop + lineHeight + 1.0;
    return g;
}

double TakeTimeline::xFor(double seconds, int width) const
{
    const Geometry g = geometry(width);
    return g.left + std::clamp(seconds / visibleSeconds(), 0.0, 1.0) * (g.right - g.left);
}

QList<QRectF> TakeTimeline::segmentRects(int width) const
{
    const Geometry g = geometry(width);
    QList<QRectF> rects;
    for (const Span& span : m_speech) {
        const double x0 = xFor(span.startS, width);
        const double x1 = std::max(xFor(span.endS, width), x0 + 1.0); // never invisible
        rects << QRectF(x0, g.trackTop, x1 - x0, g.trackBottom - g.trackTop);
    }
    return rects;
}

QList<QRectF> TakeTimeline::pauseRects(int width) const
{
    const Geometry g = geometry(width);
    QList<QRectF> rects;
    for (qsizetype i = 0; i + 1 < m_speech.size(); ++i) {
        const double x0 = xFor(m_speech[i].endS, width);
        const double x1 = xFor(m_speech[i + 1].startS, width);
        rects << QRectF(x0, g.trackTop, x1 - x0, g.trackBottom - g.trackTop);
    }
    return rects;
}

QList<QRectF> TakeTimeline::fillerRects(int width) const
{
    const Geometry g = geometry(width);
    QList<QRectF> rects;
    for (const speech::Filler& filler : m_fillers) {
        const double x0 = xFor(filler.startS, width);
        const double x1 = std::max(xFor(filler.endS, width), x0 + 4.0); // never too thin to see
        rects << QRectF(x0, g.trackTop, x1 - x0, g.trackBottom - g.trackTop);
    }
    return rects;
}

QRectF TakeTimeline::windowRect(int width) const
{
    if (!m_lights.valid())
        return {};
    const Geometry g = geometry(width);
    const double x0 = xFor(m_lights.greenMs / 1000.0, width);
    const double x1 = xFor(m_lights.redMs / 1000.0, width);
    return QRectF(x0, g.tickTop, x1 - x0, g.trackBottom + kGapPx - g.tickTop);
}

QString TakeTimeline::summary() const
{
    if (!m_hasTake)
        return tr("No take yet");
    const QString take = tr("Take %1").arg(rehearsal::formatClock(toMs(m_report.durationS)));
    QString window;
    if (m_lights.valid())
        window = tr("; window green %1 to red %2")
                     .arg(rehearsal::formatClock(m_lights.greenMs),
                         rehearsal::formatClock(m_lights.redMs));
    if (m_speech.isEmpty())
        return take + tr(": no speech found") + window;
    const qsizetype pauses = m_speech.size() - 1;
    QString pauseText = counted(pauses, tr("%1 pause"), tr("%1 pauses"));
    if (m_report.longestPauseS && pauses > 0)
        pauseText += tr(", longest %1").arg(formatLength(*m_report.longestPauseS));
    if (!m_fillers.empty())
        pauseText += tr(", %1").arg(counted(
            static_cast<qsizetype>(m_fillers.size()), tr("%1 filler word"), tr("%1 filler words")));
    return take
        + tr(": speech from %1 to %2, %3")
              .arg(rehearsal::formatClock(toMs(m_speech.front().startS)),
                  rehearsal::formatClock(toMs(m_speech.back().endS)), pauseText)
        + window;
}

QString TakeTimeline::toolTipAt(const QPointF& pos) const
{
    if (!m_hasTake)
        return {};
    const Geometry g = geometry(width());
    if (pos.y() >= g.trackTop - kTickPx && pos.y() <= g.trackBottom) {
        const QList<QRectF> fillers = fillerRects(width());
        for (qsizetype i = 0; i < fillers.size(); ++i) {
            if (pos.x() >= fillers[i].left() - 2.0 && pos.x() <= fillers[i].right() + 2.0)
                return tr("Filler “%1” at %2")
                    .arg(m_fillers[static_cast<std::size_t>(i)].text,
                        formatTenths(m_fillers[static_cast<std::size_t>(i)].startS));
        }
        const QList<QRectF> speech = segmentRects(width());
        for (qsizetype i = 0; i < speech.size(); ++i) {
            if (pos.x() >= speech[i].left() && pos.x() <= speech[i].right()) {
                const Span& s = m_speech[i];
                return tr("Speech %1 – %2 (%3). Click to play from here.")
                    .arg(formatTenths(s.startS), formatTenths(s.endS),
                        formatLength(s.endS - s.startS));
            }
        }
        const QList<QRectF> gaps = pauseRects(width());
        for (qsizetype i = 0; i < gaps.size(); ++i) {
            if (pos.x() >= gaps[i].left() && pos.x() <= gaps[i].right()) {
                const double from = m_speech[i].endS;
                const double to = m_speech[i + 1].startS;
                return tr("Pause of %1 (%2 – %3). Click to play from here.")
                    .arg(formatLength(to - from), formatTenths(from), formatTenths(to));
            }
        }
        if (pos.x() > xFor(m_report.durationS, width()))
            return tr("After the end of the take (%1)")
                .arg(rehearsal::formatClock(toMs(m_report.durationS)));
        if (m_speech.isEmpty())
            return tr("No speech found in this take");
        return pos.x() < segmentRects(width()).front().left() ? tr("Silence before the first word")
                                                              : tr("Silence after the last word");
    }
    if (m_lights.valid() && pos.y() < g.trackTop - kTickPx) {
        for (auto [ms, light] : { std::pair { m_lights.greenMs, Light::Green },
                 std::pair { m_lights.yellowMs, Light::Yellow },
                 std::pair { m_lights.redMs, Light::Red } }) {
            if (std::abs(pos.x() - xFor(ms / 1000.0, width())) < 12.0)
                return tr("%1 light at %2")
                    .arg(rehearsal::lightName(light), rehearsal::formatClock(ms));
        }
    }
    return {};
}

QSize TakeTimeline::sizeHint() const
{
    return { 480, static_cast<int>(std::ceil(geometry(480).height)) };
}

QSize TakeTimeline::minimumSizeHint() const
{
    return { 160, sizeHint().height() };
}

bool TakeTimeline::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

void TakeTimeline::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::FontChange)
        updateGeometry();
    QWidget::changeEvent(event);
}

void TakeTimeline::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const Geometry g = geometry(width());
    // The window's band goes over the track's background and under the speech, so it shows
    // where the take and the window overlap.
    const QRectF track = paintTrackBackground(painter, g);
    paintWindow(painter, g);
    paintTrack(painter, g, track);
    paintPlayhead(painter, g);
}

void TakeTimeline::paintPlayhead(QPainter& painter, const Geometry& g) const
{
    if (!m_hasTake || !m_playhead)
        return;
    // In the text colour, over everything, with a small triangle above the track.
    const double x = xFor(*m_playhead, g.width);
    const QColor colour = palette().color(QPalette::WindowText);
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    painter.drawRect(QRectF(x - 1.0, g.tickTop, 2.0, g.trackBottom - g.tickTop + 2.0));
    const QPointF triangle[]
        = { { x - 5.0, g.tickTop - 1.0 }, { x + 5.0, g.tickTop - 1.0 }, { x, g.tickTop + 5.0 } };
    painter.drawPolygon(triangle, 3);
}

QRectF TakeTimeline::paintTrackBackground(QPainter& painter, const Geometry& g) const
{
    QColor border = palette().color(QPalette::WindowText);
    border.setAlpha(90);
    const double takeRight = m_hasTake ? xFor(m_report.durationS, g.width) : g.right;
    const QRectF track(g.left, g.trackTop, takeRight - g.left, g.trackBottom - g.trackTop);
    painter.setPen(QPen(border, 1.0));
    painter.setBrush(palette().color(QPalette::Base));
    painter.drawRoundedRect(track.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
    // A take shorter than the window: a dashed line carries the time axis on to the window, so
    // both read on one scale rather than as two drawings.
    if (m_hasTake && takeRight < g.right - 1.0) {
        QPen dashed(border, 1.0, Qt::DashLine);
        painter.setPen(dashed);
        const double y = std::round((g.trackTop + g.trackBottom) / 2.0) + 0.5;
        painter.drawLine(QPointF(takeRight, y), QPointF(g.right, y));
    }
    return track;
}

void TakeTimeline::paintWindow(QPainter& painter, const Geometry& g) const
{
    if (!m_hasTake || !m_lights.valid())
        return;
    const QRectF band = windowRect(g.width);
    QLinearGradient gradient(band.topLeft(), band.topRight());
    const double yellowAt
        = (xFor(m_lights.yellowMs / 1000.0, g.width) - band.left()) / std::max(band.width(), 1.0);
    const int alpha = 70;
    auto faint = [alpha](Light light) {
        QColor c = LightIndicator::colour(light);
        c.setAlpha(alpha);
        return c;
    };
    gradient.setColorAt(0.0, faint(Light::Green));
    gradient.setColorAt(std::clamp(yellowAt, 0.0, 1.0), faint(Light::Yellow));
    gradient.setColorAt(1.0, faint(Light::Red));
    painter.fillRect(band, gradient);

    LabelRow labels(QFontMetricsF(font()), g.labelTop, 0.0, g.width);
    painter.setPen(palette().color(QPalette::WindowText));
    for (auto [ms, light] :
        { std::pair { m_lights.greenMs, Light::Green }, std::pair { m_lights.redMs, Light::Red },
            std::pair { m_lights.yellowMs, Light::Yellow } }) {
        const double x = xFor(ms / 1000.0, g.width);
        painter.fillRect(
            QRectF(x - 1.5, g.tickTop, 3.0, kTickPx + 2.0), LightIndicator::colour(light));
        const QRectF rect = labels.place(rehearsal::formatClock(ms), x);
        if (!rect.isNull())
            painter.drawText(rect, Qt::AlignCenter, rehearsal::formatClock(ms));
    }
}

void TakeTimeline::paintTrack(QPainter& painter, const Geometry& g, const QRectF& track) const
{
    const QColor text = palette().color(QPalette::WindowText);
    painter.setPen(Qt::NoPen);
    painter.setBrush(palette().color(QPalette::Highlight));
    for (const QRectF& rect : segmentRects(g.width))
        painter.drawRect(rect.adjusted(0, 2, 0, -2));
    // Fillers over the speech in a bright orange with a border in the text colour: seen on the
    // track's fill and on its background, in either palette.
    QColor edge = palette().color(QPalette::WindowText);
    edge.setAlpha(160);
    painter.setPen(QPen(edge, 1.0));
    painter.setBrush(QColor(0xff, 0x9f, 0x1c));
    for (const QRectF& rect : fillerRects(g.width))
        painter.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5));
    painter.setPen(Qt::NoPen);

    painter.setPen(text);
    if (!m_hasTake || m_speech.isEmpty()) {
        const QString message = m_hasTake ? tr("No speech found") : tr("No take yet");
        const double needed = QFontMetricsF(font()).horizontalAdvance(message) + 16.0;
        // Inside the track when it fits, else just after it.
        if (track.width() >= needed)
            painter.drawText(track, Qt::AlignCenter, message);
        else
            painter.drawText(QRectF(track.right() + 8.0, track.top(), g.width, track.height()),
                Qt::AlignLeft | Qt::AlignVCenter, message);
    }
    if (!m_hasTake)
        return;

    // Labels by importance: the take's length, where speech ended, the start, long pauses.
    LabelRow below(QFontMetricsF(font()), g.belowTop, 0.0, g.width);
    QColor muted = text;
    muted.setAlpha(170);
    auto drawLabel = [&painter, &below](const QString& caption, double x, const QColor& colour) {
        const QRectF rect = below.place(caption, x);
        painter.setPen(colour);
        if (!rect.isNull())
            painter.drawText(rect, Qt::AlignCenter, caption);
    };
    drawLabel(rehearsal::formatClock(toMs(m_report.durationS)), track.right(), muted);
    if (!m_speech.isEmpty()) {
        const double x = xFor(m_speech.back().endS, g.width);
        painter.fillRect(
            QRectF(x - 1.0, g.trackTop - 2.0, 2.0, g.belowTop - g.trackTop + 2.0), text);
        drawLabel(tr("end %1").arg(rehearsal::formatClock(toMs(m_speech.back().endS))), x, text);
    }
    drawLabel(QStringLiteral("0:00"), g.left, muted);
    const QList<QRectF> gaps = pauseRects(g.width);
    for (qsizetype i = 0; i < gaps.size(); ++i) {
        const double length = m_speech[i + 1].startS - m_speech[i].endS;
        if (length >= kLabelledPauseS)
            drawLabel(formatLength(length), gaps[i].center().x(), text);
    }
}

} // namespace rapport::gui
