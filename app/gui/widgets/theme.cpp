#include "app/gui/widgets/theme.h"

#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QStyle>
#include <QStyleFactory>

namespace rapport::gui {

namespace {

// Makes every problem label's red again for the palette now in use.
void refreshProblemLabels();

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
        refreshProblemLabels();
        return;
    }
    // Fusion draws every control from the palette, so both explicit palettes render faithfully.
    QApplication::setStyle(QStringLiteral("Fusion"));
    QApplication::setPalette(appearance == Appearance::Dark ? darkPalette() : lightPalette());
    refreshProblemLabels();
}

bool ThemeManager::isDark(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor fillerColour(const QPalette& palette)
{
    return ThemeManager::isDark(palette) ? QColor(0x6b, 0x53, 0x10) : QColor(0xff, 0xd9, 0x66);
}

namespace {

QColor problemColour(const QPalette& palette)
{
    return ThemeManager::isDark(palette) ? QColor(0xff, 0x8a, 0x80) : QColor(0xb7, 0x1c, 0x1c);
}

// Marks a problem label, so that its red is made again for a new palette (ThemeManager::apply):
// a label's own palette does not follow the application's.
class ProblemStyle : public QObject
{
public:
    explicit ProblemStyle(QLabel* label)
        : QObject(label)
    {
        setObjectName(kName);
    }
    /// The label's marker, or null (found by name: the class has no meta-object of its own, so
    /// findChild<ProblemStyle*> would match any child).
    static QObject* of(QLabel* label)
    {
        return label->findChild<QObject*>(kName, Qt::FindDirectChildrenOnly);
    }
    /// Gives `label` the palette in use, its text in the problem's red while it shows one.
    static void apply(QLabel* label)
    {
        QPalette palette = QApplication::palette(label);
        if (of(label)->property(kProblem).toBool())
            palette.setColor(QPalette::WindowText, problemColour(palette));
        label->setPalette(palette);
    }
    static constexpr const char* kProblem = "problem";
    static inline const QString kName = QStringLiteral("rapport-problem-style");
};

void refreshProblemLabels()
{
    for (QWidget* widget : QApplication::allWidgets()) {
        if (auto* label = qobject_cast<QLabel*>(widget); label && ProblemStyle::of(label))
            ProblemStyle::apply(label);
    }
}

} // namespace

void setReadingOrder(std::initializer_list<QWidget*> widgets)
{
    QWidget* previous = nullptr;
    for (QWidget* widget : widgets) {
        if (!widget)
            continue;
        if (previous)
            QWidget::setTabOrder(previous, widget);
        previous = widget;
    }
}

void styleAsProblem(QLabel* label)
{
    if (!ProblemStyle::of(label))
        new ProblemStyle(label);
    ProblemStyle::of(label)->setProperty(ProblemStyle::kProblem, true);
    ProblemStyle::apply(label);
    label->setWordWrap(true);
}

void showStatus(QLabel* label, const QString& text, bool problem)
{
    label->setText(text);
    if (problem) {
        styleAsProblem(label);
    } else {
        // Back to the palette's own colours, still following a change of palette.
        if (QObject* marker = ProblemStyle::of(label)) {
            marker->setProperty(ProblemStyle::kProblem, false);
            ProblemStyle::apply(label);
        }
    }
    label->show();
}

} // namespace rapport::gui
