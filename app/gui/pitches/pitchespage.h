#pragma once

#include "core/common/clock.h"
#include "core/rehearsal/pitchrepository.h"
#include "core/storage/store.h"

#include <QWidget>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace rapport::gui {

/// Pitch scripts: a list on the left, the chosen pitch's editor on the right. Shows the word
/// count and the spoken length at 130 and 160 wpm while typing, offers the outline for a new
/// pitch, and marks pitches not rehearsed or edited for 14 days "keep it fresh".
class PitchesPage : public QWidget
{
    Q_OBJECT
public:
    /// `clock` (may be null: the system clock) dates edits and judges freshness.
    explicit PitchesPage(
        storage::Store& store, const Clock* clock = nullptr, QWidget* parent = nullptr);
    ~PitchesPage() override;

    QListWidget* pitchList() const { return m_list; }
    QLineEdit* titleEdit() const { return m_title; }
    QPlainTextEdit* scriptEdit() const { return m_script; }
    QComboBox* targetChoice() const { return m_target; }
    QSpinBox* customTarget() const { return m_customSeconds; }
    QString statsText() const; ///< "12 words · 0:05 at 130 wpm …"
    QString problemText() const;
    qint64 currentPitchId() const { return m_current.id; }

public slots:
    void newPitch(); ///< starts an unsaved pitch with the outline
    bool save(); ///< stores the pitch being edited; false (with a message) when it cannot
    void duplicateCurrent();
    void deleteCurrent(); ///< asks first
    bool deletePitch(qint64 id); ///< no question asked (tests, after confirmation)
    void reload(); ///< re-reads the list (e.g. after takes were added elsewhere)

signals:
    void pitchesChanged();

private:
    void select(qint64 id);
    void showPitch(const rehearsal::Pitch& pitch);
    rehearsal::Pitch editedPitch() const;
    void updateStats();
    void targetChanged();
    void setDirty(bool dirty);
    bool saveIfDirty();
    QWidget* buildEditor();

    storage::Store& m_store;
    SystemClock m_systemClock;
    const Clock& m_clock;
    std::unique_ptr<rehearsal::PitchRepository> m_pitches;
    rehearsal::Pitch m_current;
    bool m_dirty = false;
    bool m_loading = false;

    QListWidget* m_list;
    QPushButton* m_duplicate;
    QPushButton* m_delete;
    QWidget* m_editor;
    QLabel* m_empty;
    QLineEdit* m_title;
    QLineEdit* m_occasion;
    QComboBox* m_target;
    QSpinBox* m_customSeconds;
    QSpinBox* m_green;
    QSpinBox* m_yellow;
    QSpinBox* m_red;
    QPlainTextEdit* m_script;
    QLabel* m_stats;
    QLabel* m_problem;
    QPushButton* m_save;
};

} // namespace rapport::gui
