#pragma once

#include "core/analysis/levelmeter.h"
#include "core/audio/audiosource.h"
#include "core/common/clock.h"
#include "core/rehearsal/pitch.h"
#include "core/rehearsal/pitchrepository.h"
#include "core/rehearsal/recordings.h"
#include "core/rehearsal/takerepository.h"
#include "core/rehearsal/takesession.h"
#include "core/speech/scriptfollower.h"
#include "core/speech/wordlistener.h"
#include "core/storage/store.h"

#include <QWidget>
#include <functional>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTextBrowser;
class QTimer;
class QTreeView;

namespace rapport::audio {
class WavPlayer;
}

namespace rapport::gui {

class LevelMeterWidget;
class LightIndicator;
class SelfRatingPanel;
class TakeListModel;
class TakeReportView;

/// Rehearse a pitch out loud: choose the pitch, optional teleprompter and 3-2-1 count-in, Space
/// starts and stops. While recording: the clock (counted in audio frames), a level meter and the
/// green / yellow / red light; past red the take is "over time" and keeps counting. When a take
/// stops the self-rating comes first, then the measured report. Selecting any take in the list
/// shows its report, with one set of buttons for that take: play (the timeline shows where, and
/// a click on it plays from there), best take, rate, delete. Two takes can be compared; "Before
/// a meeting" runs a set of takes in a row.
class RehearsePage : public QWidget
{
    Q_OBJECT
public:
    using SourceFactory = std::function<std::unique_ptr<audio::AudioSource>()>;

    /// `sources` makes the audio source of each take (default: the microphone); `clock` (may be
    /// null: the system clock) dates takes.
    RehearsePage(storage::Store& store, SourceFactory sources = {}, const Clock* clock = nullptr,
        QWidget* parent = nullptr);
    ~RehearsePage() override;

    /// Hears the words of each take with `listener` (null: words are off), which must outlive
    /// the page: the report fills its words section in when they are heard, and the
    /// teleprompter follows the voice. Changing it (Settings turns words off) gives up the words
    /// still being heard.
    void setWordListener(speech::WordListener* listener);

    /// Records from the microphone `id` (empty: the system's default), called `name` when it was
    /// chosen; when it is not connected, from the default, and the page says so. Only for the
    /// page's own microphone (not a source given to the constructor).
    void setInputChoice(const QString& id, const QString& name);

    enum class Stage { Ready, CountIn, Recording, Rating, Report, SetSummary };
    Stage stage() const { return m_stage; }
    /// A take is being counted in, recorded or rated: the pitch, the takes list and playback
    /// wait until it is done.
    bool isBusy() const
    {
        return m_stage == Stage::CountIn || m_stage == Stage::Recording || m_stage == Stage::Rating;
    }
    /// Before the window closes: a take being recorded is stopped and stored (waiting at most
    /// `waitMs` for the microphone to hand over its last block), a count-in is called off.
    /// Returns whether a take was stopped.
    bool finishRecording(int waitMs = 5000);

    // What the page shows, for tests (widgets are found as a user finds them, by name).
    /// The takes of the chosen pitch as the list shows them, newest first.
    const TakeListModel& takeModel() const { return *m_takeModel; }
    QSpinBox* setSizeBox() const { return m_setSize; }
    QString summaryText() const;
    QString clockText() const;
    QString statusText() const;
    rehearsal::Light light() const;
    qint64 lastTakeId() const { return m_lastTakeId; }
    /// The take whose report is shown (0: none).
    qint64 shownTakeId() const { return m_shownTakeId; }
    /// Frames of the take being recorded (at audio::kSampleRate); 0 before the first block.
    qint64 recordedFrames() const { return m_session->framesRecorded(); }
    /// The banner about recordings left by a take that was cut short (empty when hidden).
    QString orphanText() const;
    /// The teleprompter's sentence being said (highlighted and kept in view): an index in the
    /// pitch's sentences, or -1 when none is.
    int teleprompterSentence() const { return m_follower ? m_follower->sentence() : -1; }
    const TakeReportView& report() const { return *m_report; }
    /// The player of the takes, for tests that follow playback.
    const audio::WavPlayer& player() const { return *m_player; }
    /// "0:12 / 0:58" while the shown take plays; empty otherwise.
    QString playbackText() const;

public slots:
    void reloadPitches(); ///< after pitches were added or edited elsewhere
    void startOrStop(); ///< Space
    void startWarmUp(); ///< "Before a meeting": N takes in a row, then a summary
    /// Selects the takes `ids` in the list (those it shows); the first becomes current.
    void selectTakes(const QList<qint64>& ids);
    /// Shows take `id`'s report (and selects it in the list); false when it cannot be read.
    bool showTake(qint64 id);
    void playSelected();
    /// Plays the shown take from `seconds` into it (the timeline's click).
    void playShownFrom(double seconds);
    void stopPlayback();
    /// Hears the shown take's words from its recording with the word listener (for takes whose
    /// words were never heard: recorded before, imported, recovered); the report fills in when
    /// they are heard, and they are stored with the take.
    void hearShownTakeWords();
    void deleteSelected(); ///< asks first
    bool deleteTake(qint64 id); ///< no question (tests, after confirmation)
    void starSelected();
    void compareSelected();
    void editSelectedRating();
    void checkMicrophone(); ///< listens for up to 10 s and moves the meter; nothing is recorded
    void findOrphans(); ///< looks for recordings of takes that were cut short
    /// Stores the first one as what it was recorded for (an answer to its card, a take of its
    /// pitch), else as a take of the chosen pitch.
    bool keepOrphan();
    bool discardOrphan(); ///< deletes the first one

signals:
    void takesChanged();
    /// An answer to a card was stored here (a recording cut short, kept as the answer it was).
    void answersChanged();
    void writePitchRequested(); ///< "Write a pitch" from the empty state
    void microphoneSettingsRequested(); ///< "Microphone…": choose the input in Settings

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void startTake();
    void beginRecording();
    void stopTake();
    void onProgress(qint64 frames, float rmsDbfs, float peakDbfs);
    void onTakeFinished(const rehearsal::TakeOutcome& outcome);
    void onWordsHeard(qint64 takeId, const Result<speech::WordReport>& words);
    /// Shows the script in the teleprompter, one sentence a paragraph, the one being said
    /// highlighted and scrolled into view.
    void showTeleprompter();
    void onRated(const rehearsal::SelfRating& rating);
    void showStage(Stage stage);
    void showPitchText();
    void loadTakes();
    /// After the pitch changed: its latest take's report, or the empty state.
    void showLatestTake();
    /// Advice on `take` against the take before it and the pitch's best take (both as listed).
    void showAdvice(const rehearsal::Take& take);
    /// The end of a "Before a meeting" set: each take, the best one, what improved, what to
    /// watch.
    QString setConclusion() const;
    /// The list's current take changed (by the user, or a reload).
    void onCurrentTakeChanged();
    /// Enables the take buttons for what they can act on, and says the best take's state.
    void updateTakeButtons();
    void onPlaybackPosition(qint64 positionMs);
    void onPlaybackState();
    void onRehearFinished(quint64 ticket, const Result<speech::Transcript>& transcript);
    void updateClock(qint64 elapsedMs);
    std::optional<rehearsal::Pitch> currentPitch() const;
    /// The pitch an orphan's label says it was a take of, when that pitch is still there.
    std::optional<rehearsal::Pitch> labelledPitch(const rehearsal::OrphanRecording& orphan) const;
    QList<qint64> selectedTakeIds() const;
    std::optional<rehearsal::Take> firstSelectedTake() const; ///< the first selected, if readable
    QWidget* buildRecordingStage();
    QWidget* buildReportStage();
    QWidget* buildTakesPanel();
    QWidget* buildOrphanBanner();
    void endMicrophoneCheck(const QString& verdict);
    bool usesMicrophone() const { return m_usesMicrophone; }

    storage::Store& m_store;
    SourceFactory m_sources;
    SystemClock m_systemClock;
    const Clock& m_clock;
    std::unique_ptr<rehearsal::PitchRepository> m_pitches;
    std::unique_ptr<rehearsal::TakeRepository> m_takeStore;
    std::unique_ptr<rehearsal::Recordings> m_recordings;
    QList<rehearsal::OrphanRecording> m_orphans;
    std::unique_ptr<audio::AudioSource> m_source;
    std::unique_ptr<rehearsal::TakeSession> m_session;
    std::unique_ptr<audio::WavPlayer> m_player;
    speech::WordListener* m_wordListener = nullptr;
    QStringList m_prompterSentences; ///< the chosen pitch's script, as the teleprompter shows it
    std::optional<speech::ScriptFollower> m_follower; ///< during a take of a pitch with a script
    double m_followPaceWpm = 0.0; ///< the pitch's target pace, for where the voice is lost
    qint64 m_followedAtMs = 0; ///< take time of the last move the voice made
    Stage m_stage = Stage::Ready;
    rehearsal::LightTimes m_lights;
    qint64 m_lastTakeId = 0;
    qint64 m_shownTakeId = 0;
    QString m_shownAudioPath; ///< the shown take's recording (empty: none kept)
    quint64 m_rehearTicket = 0; ///< the listener's ticket for a stored take heard again
    qint64 m_rehearTakeId = 0;
    bool m_reloadingTakes = false; ///< loadTakes() restores the selection: not the user's choice
    int m_countInLeft = 0;
    int m_setRemaining = 0; ///< takes still to do in a warm-up set
    QList<qint64> m_setTakes;
    bool m_usesMicrophone = false;
    QString m_inputId; ///< the chosen microphone (empty: the system's default)
    QString m_inputName;
    std::unique_ptr<audio::AudioSource> m_checkSource;
    analysis::LevelMeter m_checkMeter;
    int m_checkLoudWindows = 0; ///< 50 ms windows above the "heard you" level

    QComboBox* m_pitch;
    QCheckBox* m_teleprompterOn;
    QCheckBox* m_countIn;
    QSpinBox* m_setSize;
    QStackedWidget* m_stages;
    QLabel* m_clockLabel;
    QLabel* m_overTime;
    QLabel* m_window; ///< the pitch's light times
    LightIndicator* m_lightIndicator;
    LevelMeterWidget* m_meter;
    QTextBrowser* m_teleprompter;
    QLabel* m_status;
    QPushButton* m_startStop;
    SelfRatingPanel* m_rating;
    TakeReportView* m_report;
    QPushButton* m_next;
    QPushButton* m_play;
    QLabel* m_playTime;
    QPushButton* m_best;
    QPushButton* m_rate;
    QPushButton* m_delete;
    QPushButton* m_compare;
    QPushButton* m_warmUp;
    QLabel* m_summary;
    TakeListModel* m_takeModel;
    QTreeView* m_takes;
    QWidget* m_controls = nullptr; ///< the pitch chooser and the set's controls
    QWidget* m_takesPanel = nullptr; ///< hidden while rating, so the form fits a small window
    QTimer* m_countInTimer;
    QWidget* m_orphanBanner;
    QLabel* m_orphanLabel;
    QPushButton* m_keepOrphan = nullptr;
    QTimer* m_checkTimeout;
    QPushButton* m_checkButton;
    QPushButton* m_writePitch;
    QPushButton* m_microphone = nullptr; ///< "Microphone…": the choice in Settings
};

} // namespace rapport::gui
