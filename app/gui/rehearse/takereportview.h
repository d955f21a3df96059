#pragma once

#include "core/analysis/takereport.h"
#include "core/coaching/advice.h"
#include "core/rehearsal/timinglights.h"
#include "core/speech/wordreport.h"

#include <QWidget>
#include <map>
#include <optional>

class QFrame;
class QGridLayout;
class QLabel;
class QPushButton;

namespace rapport::gui {

class TakeTimeline;

/// The measured report of one take, shown after the self-rating: speaking time against the
/// target window, a timeline of speech and pauses, pauses, pace, pitch variation, loudness, the
/// background's level and warnings (clipping, no speech). Values the report does not have are
/// shown as "—"; the report's caveats are said next to the figures they concern. With advice
/// (setAdvice), a "Try next" box leads, each figure's verdict and suggestion are said in words
/// above it (the figure itself stays, quieter), and the comparisons with earlier takes follow the
/// speaking time. The thresholds the verdicts use live in core (coaching/advice.h,
/// rehearsal/timing.h).
class TakeReportView : public QWidget
{
    Q_OBJECT
public:
    explicit TakeReportView(QWidget* parent = nullptr);

    /// Shows a take's figures, without advice; its words are then "not heard" until one of the
    /// calls below.
    void setReport(const analysis::TakeReport& report, const rehearsal::LightTimes& lights);

    /// Advice on the take shown (coaching::coach() of it): the two things to try next, a verdict
    /// and suggestion beside each figure, and the comparisons with the previous and best takes.
    /// Kept until the next setReport(); the words arriving later do not clear it (coach the take
    /// again with its words and call this again).
    void setAdvice(const coaching::Coaching& coaching);

    /// The words part of the report: the take's words (fillers, repeated phrases, the script's
    /// sentences, the transcript, and the pace counted from words where they can be trusted);
    /// that they are still being heard; or why there are none and what to do.
    void setWords(const speech::WordReport& words);
    void setWordsListening();
    /// With `canHear`, a "Hear the words" button offers to hear them now (hearWordsRequested()).
    void setWordsMissing(const QString& why, bool canHear = false);
    /// The "Hear the words" button (shown with a reason the words are missing, when they can be).
    QPushButton* hearWordsButton() const { return m_hearWords; }
    /// Whether the words are still being heard (the "Listening to your words…" state).
    bool isListening() const { return m_listening; }

    /// The heading ("Your take, measured" unless set).
    void setTitle(const QString& title);

    /// The texts shown, for tests and for the view that embeds this one.
    QString speakingTimeText() const;
    QString pausesText() const;
    QString paceText() const;
    QString pitchText() const;
    QString loudnessText() const;
    /// Under the speaking time: that it, the pauses and the pace are approximate (a noisy room).
    QString speechNoteText() const;
    /// Under the loudness: that it and the pitch are uncertain (the recording clips).
    QString loudnessNoteText() const;
    /// How far the background is under the voice (empty when the report does not say).
    QString backgroundText() const;
    /// The warnings, one per line (empty when there are none).
    QString warningText() const;
    TakeTimeline* timeline() const { return m_timeline; }
    /// The "Try next" suggestions, one a line (empty without advice or when all is good).
    QString tryNextText() const;
    /// The verdict and suggestion shown for `measure` (empty when there is no advice on it).
    QString adviceText(coaching::Measure measure) const;
    /// The comparisons with earlier takes, one a line (empty when there are none).
    QString comparisonText() const;
    /// The words' state line: listening, or why there are none (empty when words are shown).
    QString wordsStatusText() const;
    QString fillersText() const;
    QString repeatsText() const;
    /// The script's share said and its summary, then one line a sentence.
    QString scriptText() const;
    /// The transcript as plain text, fillers in [brackets].
    QString transcriptText() const;

Q_SIGNALS:
    /// "Hear the words" was pressed: hear this take's words from its recording.
    void hearWordsRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void showWords();
    void showWarnings();
    QFrame* buildTryNext();
    /// A row's name and value; with `note`, also a note under the value, hidden while empty. The
    /// advice on `measures` goes above the value, hidden until there is some.
    QLabel* addRow(QGridLayout* grid, int row, const QString& name, QLabel** note = nullptr,
        std::initializer_list<coaching::Measure> measures = {});
    /// Figures say the verdicts' evidence: quieter while advice is shown above them.
    void setFiguresSecondary(bool secondary);
    /// Shows `text` in `note`, or hides it when empty.
    static void setNote(QLabel* note, const QString& text);

    QLabel* m_title;
    TakeTimeline* m_timeline;
    QLabel* m_speakingTime;
    QLabel* m_pauses;
    QLabel* m_pace;
    QLabel* m_pitch;
    QLabel* m_loudness;
    QLabel* m_speechNote;
    QLabel* m_paceNote;
    QLabel* m_loudnessNote;
    QLabel* m_backgroundName;
    QLabel* m_background;
    QLabel* m_warnings;
    QFrame* m_tryNextBox;
    QLabel* m_tryNext;
    std::map<coaching::Measure, QLabel*> m_advice;
    QLabel* m_comparisons;
    QLabel* m_wordsStatus;
    QPushButton* m_hearWords;
    QWidget* m_wordsRows; ///< the words' figures, hidden until there are words
    QLabel* m_fillers;
    QLabel* m_repeats;
    QLabel* m_scriptName;
    QLabel* m_script;
    QLabel* m_transcript;
    analysis::TakeReport m_report;
    std::optional<speech::WordReport> m_words;
    std::optional<coaching::Coaching> m_coaching;
    bool m_listening = false;
};

} // namespace rapport::gui
