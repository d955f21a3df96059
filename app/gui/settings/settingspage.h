#pragma once

#include "app/gui/widgets/theme.h"
#include "core/storage/store.h"

#include <QWidget>

class QComboBox;
class QSettings;

namespace rapport::gui {

/// Appearance, where the data lives, and which microphone Rapport will use.
class SettingsPage : public QWidget
{
    Q_OBJECT
public:
    SettingsPage(const storage::Store& store, ThemeManager& theme, QSettings& settings,
        QWidget* parent = nullptr);

    QComboBox* appearanceBox() const { return m_appearance; }

private:
    void onAppearanceChosen(int index);

    ThemeManager& m_theme;
    QSettings& m_settings;
    QComboBox* m_appearance;
};

} // namespace rapport::gui
