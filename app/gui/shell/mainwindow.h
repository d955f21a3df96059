#pragma once

#include "app/gui/widgets/theme.h"
#include "core/speech/wordlistener.h"
#include "core/storage/store.h"

#include <QMainWindow>
#include <functional>
#include <memory>

class QListWidget;
class QSettings;
class QStackedWidget;

namespace rapport::gui {

/// The main window: a section list on the left, the chosen section on the right.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum class Section { Rehearse, Cards, Progress, Pitches, Settings };
    static constexpr int kSectionCount = 5;

    MainWindow(
        storage::Store& store, ThemeManager& theme, QSettings& settings, QWidget* parent = nullptr);

    void showSection(Section section);
    Section currentSection() const;
    QListWidget* navigation() const { return m_navigation; }
    QStackedWidget* pages() const { return m_pages; }

public slots:
    void showAbout();

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

public:
    /// Reads the pages again when another program (rapport-cli) changed the database since the
    /// last look: SQLite's data_version moves only for other connections' commits. Runs every
    /// kOutsideCheckMs and when the window becomes active; true when something had changed.
    bool checkOutsideChanges();
    static constexpr int kOutsideCheckMs = 2000;

private:
    void buildPages();
    void buildMenus();
    void restoreWindowState();
    void saveWindowState();

    storage::Store& m_store;
    ThemeManager& m_theme;
    QSettings& m_settings;
    /// Hears the words of every take, on a thread of its own; its model loads at the first take.
    std::unique_ptr<speech::WordListener> m_words;
    QListWidget* m_navigation;
    QStackedWidget* m_pages;
    std::function<void()> m_reloadPages; ///< after changes from outside
    std::function<void()> m_finishRecordings; ///< stops and stores what records, on close
    qint64 m_dataVersion = -1; ///< PRAGMA data_version at the last look
};

} // namespace rapport::gui
