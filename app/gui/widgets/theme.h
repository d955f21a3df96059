#pragma once

#include <QPalette>
#include <QString>
#include <initializer_list>

class QApplication;
class QLabel;

namespace rapport::gui {

/// The user's appearance choice. System follows the desktop's palette (via the platform theme).
enum class Appearance { System, Light, Dark };

QString appearanceKey(Appearance appearance);
Appearance appearanceFromKey(const QString& key); ///< unknown keys mean System

/// Applies an appearance to the application; remembers the desktop's own style and palette so
/// that going back to System restores them exactly.
class ThemeManager
{
public:
    explicit ThemeManager(QApplication& app);
    void apply(Appearance appearance);
    Appearance appearance() const { return m_appearance; }
    /// True when the palette in force has a dark window colour.
    static bool isDark(const QPalette& palette);

private:
    QApplication& m_app;
    QString m_systemStyle;
    QPalette m_systemPalette;
    Appearance m_appearance = Appearance::System;
};

/// The colour behind filler words in a transcript: an amber that the palette's text stays
/// readable on, light or dark.
QColor fillerColour(const QPalette& palette);

/// Sets the Tab order to `widgets`, in reading order (null entries are skipped): Qt's default is
/// the order the widgets were created in, which is rarely the order they are seen in.
void setReadingOrder(std::initializer_list<QWidget*> widgets);

/// Makes `label` show problems: a red that stays readable on light and dark palettes.
void styleAsProblem(QLabel* label);
/// Shows `text` in `label`: styled as a problem (styleAsProblem), or in the palette's own colours.
void showStatus(QLabel* label, const QString& text, bool problem);

} // namespace rapport::gui
