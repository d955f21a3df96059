#include "core/rehearsal/takesession.h"

#include "core/analysis/scriptsyllables.h"

#include <QEventLoop>
#include <QFile>
#include <QTimer>

namespace rapport::rehearsal {

TakeSession::TakeSession(
    Recordings& recordings, TakeRepository& takes, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_recordings(recordings)
    , m_takes(takes)
    , m_clock(clock)
{
    connect(&m_recorder, &TakeRecorder::blockStored, this, [this](const audio::AudioBlock& block) {
        if (m_listener && m_ticket != 0)
            m_listener->process(block);
    });
    connect(&m_recorder, &TakeRecorder::progressed, this, &TakeSession::progressed);
    connect(&m_recorder, &TakeRecorder::finished, this, &TakeSession::onRecorderFinished);
}

void TakeSession::setWordListener(speech::WordListener* listener)
{
    if (m_listener) {
        disconnect(m_listener, nullptr, this, nullptr);
        // The takes it was still hearing get no words: nothing will come for them.
        m_hearing.clear();
        if (m_ticket != 0) {
            m_listener->finish();
            m_ticket = 0;
        }
    }
    m_listener = listener;
    if (!m_listener)
        return;
    connect(m_listener, &speech::WordListener::heard, this,
        [this](quint64 ticket, const QStringList& words) {
            if (ticket != 0 && ticket == m_ticket)
                emit heard(words);
        });
    connect(m_listener, &speech::WordListener::finished, this, &TakeSession::onWordsFinished);
}

TakeSession::~TakeSession()
{
    if (m_recorder.isRecording())
        m_recorder.stop();
}

Status TakeSession::start(
    audio::AudioSource& source, const Pitch& pitch, std::int64_t maxFrames, TakeStore* store)
{
    m_outcome = {};
    m_store = store ? store : &m_takes;
    m_take = takeOf(pitch, m_clock.nowUtc());
    m_take.audioPath = m_recordings.newTakePath(m_take.startedAt);
    Result<std::unique_ptr<RecordingLock>> lock
        = m_recordings.markRecording(m_take.audioPath, m_store->recordingLabel(m_take));
    if (!lock)
        return lock.error();
    m_lock = std::move(*lock);
    m_recorder.setSyllablesPerWord(analysis::paceSyllablesPerWord(pitch.text));
    m_script = pitch.text;
    if (m_listener)
        m_ticket = m_listener->start(m_script);
    if (Status started = m_recorder.start(source, m_take.audioPath, maxFrames); !started) {
        m_lock.reset();
        endHearing(0);
        return started;
    }
    return {};
}

void TakeSession::stop()
{
    m_recorder.stop();
}

bool TakeSession::stopAndWait(int waitMs)
{
    if (!isRecording())
        return false;
    bool ended = false;
    QEventLoop loop;
    const QMetaObject::Connection done = connect(this, &TakeSession::finished, &loop, [&] {
        ended = true;
        loop.quit();
    });
    QTimer::singleShot(waitMs, &loop, &QEventLoop::quit);
    stop();
    if (!ended)
        loop.exec();
    disconnect(done);
    return true;
}

void TakeSession::onRecorderFinished(const Status& status)
{
    m_take.report = m_recorder.report();
    if (m_recorder.framesRecorded() == 0) {
        // Not a single frame: there is no take to keep, and no file to leave behind.
        QFile::remove(m_take.audioPath);
        m_lock.reset();
        endHearing(0);
        m_outcome.notStored = status
            ? Error { ErrorKind::Io, QStringLiteral("The microphone delivered no sound."),
                  QStringLiteral("Check that it is not muted, and that "
                                 "it is the input chosen in the sound "
                                 "settings."),
                  {} }
            : status.error();
        emit finished(m_outcome);
        return;
    }
    if (m_rating) {
        m_take.rating = *m_rating;
        if (m_take.rating.overall && !m_take.rating.ratedAt.isValid())
            m_take.rating.ratedAt = m_clock.nowUtc();
    }
    Result<qint64> id = m_store->add(m_take);
    m_lock.reset();
    if (!id) {
        Error error = id.error();
        error.fix = m_store->storeLaterHint(m_take.audioPath);
        m_outcome.notStored = error;
    } else {
        m_take.id = *id;
        m_outcome.take = m_take;
    }
    endHearing(m_take.id);
    if (!status)
        m_outcome.stoppedEarly = status.error();
    emit finished(m_outcome);
}

void TakeSession::endHearing(qint64 takeId)
{
    if (!m_listener || m_ticket == 0)
        return;
    m_hearing[m_ticket] = { takeId, m_take.report.speakingTimeS, m_script, m_store };
    m_ticket = 0;
    m_listener->finish();
}

void TakeSession::onWordsFinished(quint64 ticket, const Result<speech::Transcript>& transcript)
{
    const auto found = m_hearing.find(ticket);
    if (found == m_hearing.end())
        return; // another session's take
    const Hearing hearing = found->second;
    m_hearing.erase(found);
    if (hearing.takeId == 0)
        return;
    if (!transcript) {
        emit wordsHeard(hearing.takeId, transcript.error());
        return;
    }
    speech::WordReport words
        = speech::makeWordReport(*transcript, hearing.speakingTimeS, hearing.script);
    if (Status stored = hearing.store->setWords(hearing.takeId, words); !stored) {
        emit wordsHeard(hearing.takeId, stored.error());
        return;
    }
    if (m_outcome.take && m_outcome.take->id == hearing.takeId)
        m_outcome.take->words = words;
    emit wordsHeard(hearing.takeId, words);
}

} // namespace rapport::rehearsal
