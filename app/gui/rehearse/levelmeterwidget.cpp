#include "app/gui/rehearse/levelmeterwidget.h"

#include "app/gui/widgets/theme.h"
#include "app/gui/widgets/wording.h"

#include <QPainter>
#include <algorithm>
#include <cmath>

namespace rapport::gui {

namespace {

constexpr double kTrackHeightPx = 14.0;
constexpr double kTextGapPx = 10.0;

float sanitised(float dbfs)
{
    return std::isnan(dbfs) ? LevelMeterWidget::kFloorDbfs
                            : std::max(dbfs, LevelMeterWidget::kFloorDbfs);
}

} // namespace

LevelMeterWidget::LevelMeterWidget(QWidget* parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Input level"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    reset();
}

void LevelMeterWidget::setLevel(float rmsDbfs, float peakDbfs)
{
    m_rms = std::min(sanitised(rmsDbfs), 0.0f);
    m_peak = std::min(std::max(sanitised(peakDbfs), m_rms), 0.0f);
    m_hasReading = true;
    setAccessibleDescription(text());
    update();
}

void LevelMeterWidget::reset()
{
    m_rms = kFloorDbfs;
    m_peak = kFloorDbfs;
    m_hasReading = false;
    setAccessibleDescription(text());
    update();
}

double LevelMeterWidget::fraction(float dbfs)
{
    if (std::isnan(dbfs))
        return 0.0;
    return std::clamp((static_cast<double>(dbfs) - kFloorDbfs) / -kFloorDbfs, 0.0, 1.0);
}

LevelMeterWidget::Zone LevelMeterWidget::zone(float dbfs)
{
    if (dbfs >= kRedFromDbfs)
        return Zone::Red;
    if (dbfs >= kAmberFromDbfs)
        return Zone::Amber;
    return Zone::Green;
}

QColor LevelMeterWidget::zoneColour(Zone zone)
{
    // The same lightness ladder as the timing lights, so the zones differ without hue too.
    switch (zone) {
    case Zone::Green:
        return QColor(0x1a, 0x9e, 0x4b);
    case Zone::Amber:
        return QColor(0xf0, 0xa8, 0x1c);
    case Zone::Red:
        return QColor(0xd3, 0x2f, 0x2f);
    }
    return {};
}

QString LevelMeterWidget::hint() const
{
    if (!m_hasReading)
        return {};
    if (m_peak >= kClippingFromDbfs)
        return tr("clipping");
    if (m_rms < kTooQuietBelowDbfs)
        return tr("too quiet");
    return {};
}

QString LevelMeterWidget::text() const
{
    if (!m_hasReading)
        return tr("No level yet");
    const QString level = m_rms <= kFloorDbfs
        ? tr("Level below %1 dBFS").arg(signedDecimal(kFloorDbfs, 0))
        : tr("Level %1 dBFS").arg(signedDecimal(std::round(m_rms), 0));
    const QString h = hint();
    return h.isEmpty() ? level : level + QStringLiteral(" — ") + h;
}

int LevelMeterWidget::textWidth() const
{
    // Room for the longest reading, so the bar does not jump as the text changes.
    QFont bold = font();
    bold.setWeight(QFont::Bold);
    return fontMetrics().horizontalAdvance(
               tr("Level below %1 dBFS").arg(signedDecimal(kFloorDbfs, 0)) + QStringLiteral(" — "))
        + QFontMetrics(bold).horizontalAdvance(tr("too quiet")) + 4;
}

QRectF LevelMeterWidget::trackRect() const
{
    const double right = std::max(20.0, width() - textWidth() - kTextGapPx);
    return { 1.0, (height() - kTrackHeightPx) / 2.0, right - 1.0, kTrackHeightPx };
}

QSize LevelMeterWidget::sizeHint() const
{
    return { 240 + textWidth(), std::max(fontMetrics().height(), 18) + 6 };
}

QSize LevelMeterWidget::minimumSizeHint() const
{
    return { 80 + textWidth(), sizeHint().height() };
}

void LevelMeterWidget::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF track = trackRect();
    const QPalette& pal = palette();
    QColor border = pal.color(QPalette::WindowText);
    border.setAlpha(90);
    painter.setPen(QPen(border, 1.0));
    painter.setBrush(pal.color(QPalette::Base));
    painter.drawRoundedRect(track.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);

    auto xAt = [&track](float dbfs) { return track.left() + fraction(dbfs) * track.width(); };
    const QRectF inner = track.adjusted(2, 2, -2, -2);
    struct Band
    {
        float from;
        float to;
        Zone zone;
    };
    painter.setPen(Qt::NoPen);
    for (const Band& band : { Band { kFloorDbfs, kAmberFromDbfs, Zone::Green },
             Band { kAmberFromDbfs, kRedFromDbfs, Zone::Amber },
             Band { kRedFromDbfs, 0.0f, Zone::Red } }) {
        const double left = std::max(xAt(band.from), inner.left());
        const double zoneRight = std::min(xAt(band.to), inner.right());
        // A faint tint shows where each zone lies even when the bar is short.
        QColor tint = zoneColour(band.zone);
        tint.setAlpha(45);
        painter.fillRect(QRectF(left, inner.top(), zoneRight - left, inner.height()), tint);
        const double barRight = std::min(zoneRight, xAt(m_rms));
        if (m_hasReading && barRight > left)
            painter.fillRect(
                QRectF(left, inner.top(), barRight - left, inner.height()), zoneColour(band.zone));
    }
    if (m_hasReading && m_peak > kFloorDbfs) {
        const double x = std::clamp(xAt(m_peak), inner.left() + 1.0, inner.right() - 1.0);
        painter.fillRect(QRectF(x - 1.0, track.top() - 2.0, 2.0, track.height() + 4.0),
            pal.color(QPalette::WindowText));
    }

    // The level in the text colour, a hint after it in bold and the problem colour.
    QRectF textRect(track.right() + kTextGapPx, 0, width() - track.right() - kTextGapPx, height());
    const QString h = hint();
    const QString level = h.isEmpty() ? text() : text().chopped(h.size());
    painter.setPen(pal.color(QPalette::WindowText));
    painter.drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter, level);
    if (!h.isEmpty()) {
        textRect.setLeft(textRect.left() + fontMetrics().horizontalAdvance(level));
        QFont bold = font();
        bold.setWeight(QFont::Bold);
        painter.setFont(bold);
        painter.setPen(
            ThemeManager::isDark(pal) ? QColor(0xff, 0x8a, 0x80) : QColor(0xb7, 0x1c, 0x1c));
        painter.drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter, h);
    }
}

} // namespace rapport::gui
