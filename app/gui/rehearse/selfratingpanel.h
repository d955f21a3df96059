#pragma once

#include "core/answers/answer.h"
#include "core/common/clock.h"
#include "core/rehearsal/selfrating.h"

#include <QWidget>
#include <vector>

class QAbstractButton;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace rapport::gui {

/// The self-rating asked for after a take and before its measured report: overall 1-5
/// (required; keys 1-5 choose it), the rubric's items (each optional 1-5, "—" for none) and a
/// note. "Show my report" is enabled only once overall is chosen. One form for both rubrics: a
/// pitch's seven items with how its length and pace felt, or an answer's five impromptu items.
class SelfRatingPanel : public QWidget
{
    Q_OBJECT
public:
    enum class Rubric {
        Pitch, ///< rehearsal::kRubricItems, and how the length and pace felt
        Answer, ///< answers::kAnswerItems
    };

    /// `clock` (may be null: the system clock) stamps ratedAt on submit().
    explicit SelfRatingPanel(
        const Clock* clock = nullptr, QWidget* parent = nullptr, Rubric rubric = Rubric::Pitch);
    ~SelfRatingPanel() override;

    Rubric rubric() const { return m_rubric; }
    /// What the form holds now (a pitch's rubric); ratedAt is the one given to setRating()
    /// (invalid for a new one).
    rehearsal::SelfRating rating() const;
    /// Shows `rating` for editing (values outside 1-5 are shown as not given).
    void setRating(const rehearsal::SelfRating& rating);
    /// The same for an answer's rubric.
    answers::AnswerRating answerRating() const;
    void setAnswerRating(const answers::AnswerRating& rating);
    /// Empties the form for the next take.
    void clear();

    /// For tests and the view's focus handling.
    QAbstractButton* overallButton(int value) const; ///< value 1-5
    QAbstractButton* itemButton(rehearsal::RubricItem item, int value) const; ///< 0 is "—"
    QAbstractButton* answerItemButton(answers::AnswerItem item, int value) const; ///< 0 is "—"
    QPlainTextEdit* noteEdit() const { return m_note; }
    QComboBox* feltTimingBox() const { return m_feltTiming; } ///< optional: short / on time / long
    QComboBox* feltPaceBox() const { return m_feltPace; } ///< optional: slow / comfortable / fast
    QPushButton* submitButton() const { return m_submit; }
    QString hintText() const;

public slots:
    /// Emits submitted() with ratedAt stamped now, unless overall is missing (returns false).
    bool submit();

signals:
    /// A pitch's rubric: the rating; an answer's: answerSubmitted().
    void submitted(const rapport::rehearsal::SelfRating& rating);
    void answerSubmitted(const rapport::answers::AnswerRating& rating);
    /// Any value or the note changed.
    void ratingChanged();

protected:
    /// Keys 1-5 choose the overall rating (unless a rubric row or the note has them).
    void keyPressEvent(QKeyEvent* event) override;

private:
    class Scale;
    void updateState();
    QAbstractButton* itemButtonAt(std::size_t index, int value) const;

    Rubric m_rubric;
    SystemClock m_systemClock;
    const Clock& m_clock;
    Scale* m_overall;
    QComboBox* m_feltTiming;
    QComboBox* m_feltPace;
    std::vector<Scale*> m_items; ///< in the rubric's order
    QPlainTextEdit* m_note;
    QLabel* m_hint;
    QPushButton* m_submit;
    QDateTime m_ratedAt;
};

} // namespace rapport::gui
