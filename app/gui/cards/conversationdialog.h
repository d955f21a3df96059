#pragma once

#include "core/conversations/conversationrepository.h"

#include <QDialog>

class QButtonGroup;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;

namespace rapport::gui {

/// "Log a real conversation": when, which drawn question(s) were used, with whom, how it went
/// (1-5) and a note.
class ConversationDialog : public QDialog
{
    Q_OBJECT
public:
    /// `recent` are the latest draws, newest first; those whose key is in `preselected` start
    /// ticked. `today` is the local date (the latest date allowed).
    ConversationDialog(const QList<decks::DrawRecord>& recent,
        const QList<decks::CardKey>& preselected, const QDate& today, QWidget* parent = nullptr);

    /// The conversation as entered; rating is 0 while none is chosen.
    conversations::Conversation conversation() const;

    // For tests and keyboard users: the widgets that hold the answers.
    QDateEdit* dateEdit() const { return m_date; }
    QListWidget* questionList() const { return m_questions; }
    QLineEdit* withWhomEdit() const { return m_with; }
    QPlainTextEdit* noteEdit() const { return m_note; }
    void setRating(int rating); ///< 1-5
    QString problem() const; ///< why OK is refused; empty when it is not

public slots:
    void accept() override;

private:
    QDateEdit* m_date;
    QListWidget* m_questions;
    QLineEdit* m_with;
    QButtonGroup* m_rating;
    QPlainTextEdit* m_note;
    QLabel* m_problem;
};

} // namespace rapport::gui
