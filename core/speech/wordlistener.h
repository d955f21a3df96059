#pragma once

#include "core/audio/audioblock.h"
#include "core/common/result.h"
#include "core/speech/recogniser.h"
#include "core/speech/transcript.h"

#include <QObject>
#include <QStringList>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace rapport::speech {

/// Hears the words of takes while they are recorded: blocks are queued from any thread and
/// decoded on a worker thread of its own, so that when a take stops only its last moments are
/// left to decode. One recogniser serves every take of the listener's life (its model, about
/// 1 s and 100 MB to load, is loaded once, at the first take or at warmUp()). Takes are heard
/// one after another in the order they were started. Signals are emitted on the thread the
/// listener lives on.
class WordListener : public QObject
{
    Q_OBJECT
public:
    /// Makes the recogniser, on the worker thread, the first time one is needed.
    using RecogniserFactory = std::function<Result<std::unique_ptr<Recogniser>>()>;

    /// `factory` empty: the speech model installed (findSpeechModel(), makeRecogniser()).
    explicit WordListener(RecogniserFactory factory = {}, QObject* parent = nullptr);
    /// Drops what is still queued and waits for the block being decoded.
    ~WordListener() override;

    /// Loads the model now, in the background, so that the first take does not wait for it.
    void warmUp();
    /// Starts hearing a new take whose speaker means to say `script` (may be empty); returns its
    /// ticket, which finished() names. A take still open is finished first.
    quint64 start(const QString& script);
    /// Queues the next block of the open take (any thread; cheap: a copy). Ignored when no take
    /// is open.
    void process(const audio::AudioBlock& block);
    /// No more blocks for the open take: finished() follows once they are decoded.
    void finish();
    /// Takes started and not yet finished() (emitted).
    int pending() const;

signals:
    /// The words heard so far in take `ticket`, about every kHeardEveryS of audio while it is
    /// heard (the recogniser's best guess then: later words can change earlier ones).
    void heard(quint64 ticket, const QStringList& words);
    /// Take `ticket` has been heard: its transcript, or why there is none (no speech model, a
    /// script the recogniser refused).
    void finished(quint64 ticket, const rapport::Result<rapport::speech::Transcript>& words);

public:
    /// How often heard() is emitted, in seconds of audio.
    static constexpr double kHeardEveryS = 0.5;

private:
    struct Job;
    void run();
    void post(Job job);
    void deliver(quint64 ticket, Result<Transcript> words);

    RecogniserFactory m_factory;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Job> m_jobs;
    bool m_quit = false;
    quint64 m_lastTicket = 0; ///< the open take's, or the last one's
    bool m_open = false;
    int m_pending = 0; ///< guarded by m_mutex
    std::thread m_worker;
};

} // namespace rapport::speech
