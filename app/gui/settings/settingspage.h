#pragma once

#include "app/gui/widgets/theme.h"
#include "core/common/clock.h"
#include "core/storage/store.h"

#include <QWidget>
#include <utility>

class QCheckBox;
class QComboBox;
class QLabel;
class QSettings;

namespace rapport::gui {

class DataSection;

/// Appearance, your data (where it lives; export, import, backup and restore), which
/// microphone Rapport will use and whether it hears the words of takes. The content scrolls when
/// the window is small.
class SettingsPage : public QWidget
{
    Q_OBJECT
public:
    /// `clock` (may be null: the system clock) dates backups and restores.
    SettingsPage(storage::Store& store, ThemeManager& theme, QSettings& settings,
        const Clock* clock = nullptr, QWidget* parent = nullptr);

    QComboBox* appearanceBox() const { return m_appearance; }
    QComboBox* microphoneBox() const { return m_microphone; }
    /// Under the microphone choice: that the chosen one is not connected (empty when it is).
    QString microphoneNotice() const;
    QCheckBox* hearWordsBox() const { return m_hearWords; }

    /// The setting that turns hearing the words of takes on or off (on when never set).
    static bool hearsWords(const QSettings& settings);
    /// The chosen microphone's id (empty: the system's default) and its name when chosen.
    static std::pair<QString, QString> chosenInput(const QSettings& settings);

signals:
    /// Hearing the words of takes was turned on or off (and remembered).
    void hearWordsChanged(bool on);
    /// A microphone was chosen (and remembered): its id (empty: the system's default), its name.
    void inputChosen(const QString& id, const QString& name);

public:
    DataSection* dataSection() const { return m_data; }

private:
    void onAppearanceChosen(int index);
    /// Lists the inputs the sound system offers now, the chosen one selected (or listed as not
    /// connected), and says what will be used.
    void listInputs();
    void onInputChosen(int index);

    ThemeManager& m_theme;
    QSettings& m_settings;
    QComboBox* m_appearance;
    QCheckBox* m_hearWords;
    QComboBox* m_microphone;
    QLabel* m_microphoneNotice;
    DataSection* m_data;
};

} // namespace rapport::gui
