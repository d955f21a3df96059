#pragma once

#include "core/answers/answerrepository.h"
#include "core/audio/audiosource.h"
#include "core/common/clock.h"
#include "core/rehearsal/recordings.h"
#include "core/rehearsal/takesession.h"
#include "core/speech/wordlistener.h"
#include "core/storage/store.h"

#include <QWidget>
#include <functional>
#include <memory>
#include <optional>

class QLabel;
class QPushButton;
class QStackedWidget;

namespace rapport::audio {
class WavPlayer;
}

namespace rapport::gui {

class LevelMeterWidget;
class LightIndicator;
class SelfRatingPanel;
class TakeReportView;

/// Answering the card on show out loud, Table Topics style (issue 17). The answer is recorded by
/// the take engine a pitch's takes use (rehearsal::TakeSession, storing into the answers), timed
/// by the answer timer's lights, with the clock and a level meter while it runs; A or Space
/// stops it. Rated first on the impromptu rubric, then its report: the time to the first word,
/// whether it asked something back, and the take report (speaking time against the window,
/// pauses, pace, pitch, loudness, the words). Under the button: how often the card was answered.
class AnswerPanel : public QWidget
{
    Q_OBJECT
public:
    using SourceFactory = std::function<std::unique_ptr<audio::AudioSource>()>;

    /// `sources` makes the audio source of each answer (default: the microphone); `clock` (may
    /// be null: the system clock) dates answers.
    AnswerPanel(storage::Store& store, SourceFactory sources = {}, const Clock* clock = nullptr,
        QWidget* parent = nullptr);
    ~AnswerPanel() override;

    /// The card the next answer answers (and the draw that showed it); none: nothing to answer.
    void setCard(const std::optional<answers::CardRef>& card, std::optional<qint64> drawSeq);
    /// A line above the panel (a set's progress or summary); empty hides it.
    void setNote(const QString& note);
    QString noteText() const;
    /// Where the window each answer is timed against comes from (the answer timer's light
    /// times, read as the answer starts); default: answers::defaultAnswerLights().
    void setLightsProvider(std::function<rehearsal::LightTimes()> lights);
    /// Hears each answer's words with `listener` (null: words are off); it must outlive this.
    void setWordListener(speech::WordListener* listener);
    /// Records from microphone `id` (empty: the default), as the Rehearse page does.
    void setInputChoice(const QString& id, const QString& name);

    enum class Stage { Idle, Recording, Rating, Report };
    Stage stage() const { return m_stage; }
    /// An answer is being recorded or rated: the card must not change under it.
    bool isBusy() const { return m_stage == Stage::Recording || m_stage == Stage::Rating; }
    /// Before the window closes: an answer being recorded is stopped and stored (waiting at
    /// most `waitMs` for the microphone's last block). Returns whether one was stopped.
    bool finishRecording(int waitMs = 5000);

    // What the panel shows, for tests.
    /// "Answered 3 times, last 2 weeks ago" / "Not answered yet" for the card.
    QString answeredText() const;
    QString clockText() const;
    rehearsal::Light light() const;
    /// "First word after 2.7 s · asked something back" (the report's head line).
    QString summaryText() const;
    QString statusText() const;
    qint64 shownAnswerId() const { return m_shownId; }
    const TakeReportView& report() const { return *m_report; }
    SelfRatingPanel* ratingPanel() const { return m_rating; }
    QPushButton* answerButton() const { return m_answer; }
    QPushButton* eventButton() const { return m_event; }

public slots:
    /// A: starts an answer to the card, or stops the one recording.
    void startOrStop();
    /// Shows answer `id`'s report; false when it cannot be read.
    bool showAnswer(qint64 id);
    void playShown();
    void deleteShown(); ///< asks first
    void closeReport(); ///< back to the button

signals:
    /// An answer was stored, rated, given its words or deleted.
    void answersChanged();
    /// The stage changed (and with it, maybe, isBusy()).
    void stageChanged();
    /// Answer `id` was rated (its report is on show).
    void answerRated(qint64 id);
    /// "Before the event…" was pressed.
    void beforeTheEventRequested();

private:
    void showStage(Stage stage);
    /// Shows a problem under the panel; empty hides the line.
    void setStatus(const QString& problem);
    void onProgress(qint64 frames, float rmsDbfs, float peakDbfs);
    void onFinished(const rehearsal::TakeOutcome& outcome);
    void onWordsHeard(qint64 id, const Result<speech::WordReport>& words);
    void onRated(const answers::AnswerRating& rating);
    void updateAnswered();
    void showReportOf(const answers::Answer& answer);

    storage::Store& m_store;
    SourceFactory m_sources;
    SystemClock m_systemClock;
    const Clock& m_clock;
    QString m_inputId;
    QString m_inputName;
    rehearsal::TakeRepository m_takes;
    answers::AnswerRepository m_answers;
    rehearsal::Recordings m_recordings;
    answers::AnswerTakeStore m_answerStore;
    std::unique_ptr<rehearsal::TakeSession> m_session;
    std::unique_ptr<audio::AudioSource> m_source;
    std::unique_ptr<audio::WavPlayer> m_player;
    speech::WordListener* m_listener = nullptr;
    std::optional<answers::CardRef> m_card;
    std::optional<qint64> m_drawSeq;
    std::function<rehearsal::LightTimes()> m_lightsProvider;
    rehearsal::LightTimes m_lights; ///< of the answer being recorded
    Stage m_stage = Stage::Idle;
    qint64 m_shownId = 0;

    QStackedWidget* m_stages;
    QPushButton* m_answer;
    QPushButton* m_event;
    QLabel* m_note;
    QLabel* m_answered;
    LightIndicator* m_lightIndicator;
    QLabel* m_clockLabel;
    LevelMeterWidget* m_meter;
    QPushButton* m_stop;
    SelfRatingPanel* m_rating;
    QLabel* m_summary;
    TakeReportView* m_report;
    QPushButton* m_play;
    QPushButton* m_delete;
    QPushButton* m_done;
    QLabel* m_status;
};

} // namespace rapport::gui
