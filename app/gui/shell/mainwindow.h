#pragma once

#include "app/gui/widgets/theme.h"
#include "core/speech/wordlistener.h"
#include "core/storage/store.h"

#include <QMainWindow>
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
};

} // namespace rapport::gui
