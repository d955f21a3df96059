#pragma once

#include "core/common/clock.h"
#include "core/rehearsal/pitch.h"
#include "core/rehearsal/recordings.h"
#include "core/rehearsal/takerecorder.h"
#include "core/rehearsal/takerepository.h"
#include "core/speech/wordlistener.h"

#include <QObject>
#include <map>
#include <memory>
#include <optional>

namespace rapport::rehearsal {

/// How a take of a pitch ended.
struct TakeOutcome
{
    /// The stored take, with its id; empty when nothing was stored (see notStored).
    std::optional<Take> take;
    /// Why no take was stored: the microphone delivered nothing (no file is left), or the
    /// database refused the row (the recording stays, and the fix says how to store it later).
    std::optional<Error> notStored;
    /// The take was stored but ended early: the device was lost or the disk filled. What was
    /// recorded up to then is in the take.
    std::optional<Error> stoppedEarly;
};

/// One take of a pitch, from the microphone to a stored row — the one code path the window and
/// `rapport-cli rehearse` share. It names the file in the data folder's recordings, marks it as
/// being recorded (other programs leave it alone), records and analyses it (TakeRecorder, pace
/// in the script's syllables per word), and when the take ends applies the empty-take rule (no
/// frame at all: no take and no file) and writes the row. The row is written only then: a take
/// killed before leaves a playable WAV for Recordings::orphans() and no half-written row.
class TakeSession : public QObject
{
    Q_OBJECT
public:
    /// `recordings`, `takes` and `clock` must outlive the session.
    TakeSession(Recordings& recordings, TakeRepository& takes, const Clock& clock,
        QObject* parent = nullptr);
    ~TakeSession() override;

    /// Starts a take of `pitch` from `source` (which must outlive the take). `maxFrames` > 0
    /// stops it by itself after that many frames. The take is stored in `store` when given (an
    /// answer to a card: `pitch` then only lends its window and script, and has no id), else in
    /// the session's TakeRepository; `store` must outlive the take and the hearing of its words.
    /// Errors: the lock or the file (Io), the source (no microphone); then nothing was started
    /// and no file is left.
    Status start(audio::AudioSource& source, const Pitch& pitch, std::int64_t maxFrames = 0,
        TakeStore* store = nullptr);
    /// Ends the take; finished() follows once the source has delivered its last block.
    void stop();
    /// Ends the take and waits, running a local event loop, until finished() (the take stored)
    /// or `waitMs` passed: for a program about to quit. Returns whether a take was recording.
    bool stopAndWait(int waitMs);
    /// Hears the words of the takes that follow with `listener` (null: no words), which must
    /// outlive the session. A take is still stored the moment it ends, without its words; they
    /// are added to its row once heard, and wordsHeard() follows. Changing the listener gives
    /// up the words it was still hearing (those takes keep none).
    void setWordListener(speech::WordListener* listener);
    /// Whether the words of a take that ended are still being heard.
    bool isHearingWords() const { return !m_hearing.empty(); }
    /// Stored with the take when it ends (a rating given before recording, as the CLI allows).
    void setRating(const SelfRating& rating) { m_rating = rating; }

    bool isRecording() const { return m_recorder.isRecording(); }
    std::int64_t framesRecorded() const { return m_recorder.framesRecorded(); }
    /// The take being recorded (or last recorded): its pitch, start, window and file.
    const Take& take() const { return m_take; }
    /// The last take's outcome (valid after finished()).
    const TakeOutcome& outcome() const { return m_outcome; }
    /// The engine, for what watches a take as it records (levels, frames, stop on a timeout).
    /// Its finished() reaches slots connected after the session's own, so the outcome is ready
    /// there too.
    TakeRecorder& recorder() { return m_recorder; }

signals:
    /// After each block: frames so far (at audio::kSampleRate) and the latest level.
    void progressed(qint64 frames, float rmsDbfs, float peakDbfs);
    /// The take has ended; outcome() says whether and what was stored.
    void finished(const rapport::rehearsal::TakeOutcome& outcome);
    /// The words heard so far in the take being recorded, about twice a second (the
    /// recogniser's best guess: later words can change earlier ones).
    void heard(const QStringList& words);
    /// The words of stored take `takeId` were heard and stored with it (also in outcome() when
    /// it is that take's), or could not be: the error (no speech model, the database).
    void wordsHeard(qint64 takeId, const rapport::Result<rapport::speech::WordReport>& words);

private:
    void onRecorderFinished(const Status& status);
    /// The take has ended (`takeId` 0: it was not stored): no more blocks for its words.
    void endHearing(qint64 takeId);
    void onWordsFinished(quint64 ticket, const Result<speech::Transcript>& transcript);

    /// A take whose words are being heard.
    struct Hearing
    {
        qint64 takeId = 0; ///< 0: not stored (the words are dropped)
        std::optional<double> speakingTimeS;
        QString script;
        TakeStore* store = nullptr; ///< where its row is
    };

    Recordings& m_recordings;
    TakeRepository& m_takes;
    TakeStore* m_store = nullptr; ///< where the take being recorded is stored
    const Clock& m_clock;
    TakeRecorder m_recorder;
    std::unique_ptr<RecordingLock> m_lock;
    Take m_take;
    std::optional<SelfRating> m_rating;
    TakeOutcome m_outcome;
    QString m_script; ///< the pitch's text, for the words of the take being recorded
    speech::WordListener* m_listener = nullptr;
    quint64 m_ticket = 0; ///< the listener's ticket for the take being recorded; 0: none
    std::map<quint64, Hearing> m_hearing;
};

} // namespace rapport::rehearsal
