#pragma once

#include "core/decks/question.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QTableWidget;

namespace rapport::gui {

/// Creates or edits a user deck: its title, description and questions (text, zone, contexts,
/// follow-up). Question ids of existing rows are kept, so favourites and history follow them.
class DeckEditor : public QDialog
{
    Q_OBJECT
public:
    /// `deck` is the starting point: an existing user deck, a copy of a built-in one, or a new
    /// deck with an id and no questions. `takenIds` are deck ids the result may not use (other
    /// decks); a clash gives the deck a fresh id.
    DeckEditor(const decks::Deck& deck, const QStringList& takenIds, QWidget* parent = nullptr);

    /// The deck as edited (valid only when problem() is empty).
    decks::Deck deck() const;
    /// Why the deck cannot be saved yet; empty when it can.
    QString problem() const;

    // For tests and keyboard users.
    QLineEdit* titleEdit() const { return m_title; }
    QTableWidget* table() const { return m_table; }
    int addQuestion(const QString& text = {}, decks::Zone zone = decks::Zone::SmallTalk,
        const QStringList& tags = {}, const QString& followUp = {}); ///< returns the row
    void removeSelectedQuestions();

public slots:
    void accept() override;

private:
    void addRow(const decks::Question& question);
    QString nextQuestionId() const;

    decks::Deck m_original;
    QStringList m_takenIds;
    QLineEdit* m_title;
    QLineEdit* m_description;
    QTableWidget* m_table;
    QLabel* m_problem;
};

} // namespace rapport::gui
