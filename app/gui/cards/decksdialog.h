#pragma once

#include "core/common/clock.h"
#include "core/decks/deckfiles.h"
#include "core/decks/decklibrary.h"
#include "core/decks/deckrepository.h"

#include <QDialog>
#include <optional>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace rapport::gui {

/// Manages decks: switch decks on and off for drawing, create and edit user decks, delete them,
/// import deck files (JSON or CSV) and export any deck. Built-in decks are read-only; "Edit" on
/// one makes an editable copy. Problems and results show in the dialog, never in a pop-up.
class DecksDialog : public QDialog
{
    Q_OBJECT
public:
    DecksDialog(decks::DeckRepository& repository, const Clock& clock, QWidget* parent = nullptr);

    /// Imports a file; returns whether it worked (the message says what happened either way).
    /// Imports a deck file. When the user already has a deck with the file's id, `mode` says
    /// whether to replace it; without one the dialog asks, showing what replacing would lose.
    bool importFile(const QString& path, std::optional<decks::DeckImportMode> mode = std::nullopt);
    /// Writes deck `deckId` to `path`; the format follows the file's extension (.csv or JSON).
    bool exportTo(const QString& deckId, const QString& path);
    /// Saves a deck coming out of the editor.
    bool saveDeck(const decks::Deck& deck);
    bool deleteDeck(const QString& deckId);
    bool setDeckEnabled(const QString& deckId, bool enabled);

    QString message() const; ///< the latest result or problem shown
    QTreeWidget* deckList() const { return m_list; }
    const decks::DeckLibrary& library() const { return m_library; }

signals:
    /// Decks were added, edited, removed, switched on or off.
    void decksChanged();

private slots:
    void newDeck();
    void editSelected();
    void deleteSelected();
    void chooseImport();
    void chooseExport();

private:
    void reload();
    QString selectedDeckId() const;
    void updateButtons();
    void showResult(const QString& text);
    void showProblem(const Error& error);
    QStringList deckIds() const;

    decks::DeckRepository& m_repository;
    const Clock& m_clock;
    decks::DeckLibrary m_library;
    QTreeWidget* m_list;
    QPushButton* m_edit;
    QPushButton* m_delete;
    QPushButton* m_export;
    QLabel* m_message;
    bool m_reloading = false;
};

} // namespace rapport::gui
