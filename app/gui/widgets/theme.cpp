#include "app/gui/widgets/theme.h"

#include <QApplication>
#include <QLabel>
#include <QStyle>
#include <QStyleFactory>

namespace rapport::gui {

namespace {

QPalette lightPalette()
{
    QStyle* fusion = QStyleFactory::create(QStringLiteral("Fusion"));
    QPalette palette = fusion->standardPalette();
    delete fusion;
    return palette;
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1f, 0x20, 0x23);
    const QColor text(0xe8, 0xe8, 0xea);
    const QColor disabled(0x80, 0x82, 0x86);
    const QColor highlight(0x3d, 0x8e, 0xc9);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3b));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x45, 0x47, 0x4b));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x3c, 0x40));
    p.setColor(QPalette::Mid, QColor(0x25, 0x26, 0x29));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb6, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb3, 0x9d, 0xdb));
    for (QPalette::ColorRole role : { QPalette::WindowText, QPalette::Text, QPalette::ButtonText })
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

} // namespace

QString appearanceKey(Appearance appearance)
{
    switch (appearance) {
    case Appearance::Light:
        return QStringLiteral("light");
    case Appearance::Dark:
        return QStringLiteral("dark");
    case Appearance::System:
        break;
    }
    return QStringLiteral("system");
}

Appearance appearanceFromKey(const QString& key)
{
    if (key == QLatin1String("light"))
        return Appearance::Light;
    if (key == QLatin1String("dark"))
        return Appearance::Dark;
    return Appearance::System;
}

ThemeManager::ThemeManager(QApplication& app)
    : m_app(app)
    , m_systemStyle(app.style()->name())
    , m_systemPalette(QApplication::palette())
{ }

void ThemeManager::apply(Appearance appearance)
{
    m_appearance = appearance;
    if (appearance == Appearance::System) {
        QApplication::setStyle(m_systemStyle);
        QApplication::setPalette(m_systemPalette);
        return;
    }
    // Fusion draws every control from the palette, so both explicit palettes render faithfully.
    QApplication::setStyle(QStringLiteral("Fusion"));
    QApplication::setPalette(appearance == Appearance::Dark ? darkPalette() : lightPalette());
}

bool ThemeManager::isDark(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor fillerColour(const QPalette& palette)
{
    return ThemeManager::isDark(palette) ? QColor(0x6b, 0x53, 0x10) : QColor(0xff, 0xd9, 0x66);
}

void styleAsProblem(QLabel* label)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText,
        ThemeManager::isDark(palette) ? QColor(0xff, 0x8a, 0x80) : QColor(0xb7, 0x1c, 0x1c));
    label->setPalette(palette);
    label->setWordWrap(true);
}

void showStatus(QLabel* label, const QString& text, bool problem)
{
    label->setText(text);
    if (problem)
        styleAsProblem(label);
    else
        label->setPalette(QPalette());
    label->show();
}

} // namespace rapport::gui
