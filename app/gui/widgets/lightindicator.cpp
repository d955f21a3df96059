#include "app/gui/widgets/lightindicator.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>

namespace rapport::gui {

using rehearsal::Light;

class LightIndicator::Disc : public QWidget
{
public:
    explicit Disc(QWidget* parent)
        : QWidget(parent)
    {
        setFixedSize(44, 44);
    }
    Light light = Light::None;

protected:
    void paintEvent(QPaintEvent*) override
    {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        const QRectF r = QRectF(rect()).adjusted(3, 3, -3, -3);
        if (light == Light::None) {
            // An outline in the text colour, faded, stays visible on light and dark palettes.
            QColor outline = palette().color(QPalette::WindowText);
            outline.setAlpha(110);
            painter.setPen(QPen(outline, 2.5));
            painter.setBrush(Qt::NoBrush);
        } else {
            painter.setPen(QPen(LightIndicator::colour(light).darker(130), 1.5));
            painter.setBrush(LightIndicator::colour(light));
        }
        painter.drawEllipse(r);
        if (light == Light::Over) {
            // A white bar across the disc tells "over time" from plain red without colour.
            painter.setPen(Qt::NoPen);
            painter.setBrush(Qt::white);
            painter.drawRoundedRect(
                QRectF(r.left() + r.width() * 0.2, r.center().y() - 3, r.width() * 0.6, 6), 2, 2);
        }
    }
};

LightIndicator::LightIndicator(QWidget* parent)
    : QWidget(parent)
    , m_disc(new Disc(this))
    , m_label(new QLabel(this))
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    layout->addWidget(m_disc);
    layout->addWidget(m_label, 1);
    QFont font = m_label->font();
    font.setWeight(QFont::DemiBold);
    m_label->setFont(font);
    setAccessibleName(tr("Timing light"));
    setLight(Light::None);
}

QColor LightIndicator::colour(Light light)
{
    // Green, amber and red differ in lightness too, for readers who cannot tell the hues apart.
    switch (light) {
    case Light::None:
        return {};
    case Light::Green:
        return QColor(0x1a, 0x9e, 0x4b);
    case Light::Yellow:
        return QColor(0xf5, 0xc2, 0x18);
    case Light::Red:
    case Light::Over:
        return QColor(0xc6, 0x28, 0x28);
    }
    return {};
}

void LightIndicator::setLight(Light light)
{
    m_idle = false;
    m_light = light;
    m_disc->light = light;
    m_disc->update();
    m_label->setText(text());
    setAccessibleDescription(text());
}

void LightIndicator::setIdle()
{
    setLight(Light::None);
    m_idle = true;
    m_label->clear();
    setAccessibleDescription(tr("No take is running"));
}

void LightIndicator::setProminence(int pixels, qreal scale)
{
    m_disc->setFixedSize(pixels, pixels);
    QFont font = m_label->font();
    font.setPointSizeF(font.pointSizeF() * scale);
    m_label->setFont(font);
}

QString LightIndicator::text() const
{
    if (m_idle)
        return {};
    return rehearsal::lightName(m_light) + QStringLiteral(" — ") + rehearsal::lightAdvice(m_light);
}

} // namespace rapport::gui
