#include "core/speech/wordlistener.h"

#include <QMetaObject>
#include <variant>

namespace rapport::speech {

namespace {

struct Load
{
};
struct Start
{
    quint64 ticket = 0;
    QString script;
};
struct Finish
{
    quint64 ticket = 0;
};

} // namespace

struct WordListener::Job
{
    std::variant<Load, Start, audio::AudioBlock, Finish> what;
};

WordListener::WordListener(RecogniserFactory factory, QObject* parent)
    : QObject(parent)
    , m_factory(std::move(factory))
{
    if (!m_factory) {
        m_factory = []() -> Result<std::unique_ptr<Recogniser>> {
            Result<SpeechModel> model = findSpeechModel();
            if (!model)
                return model.error();
            return makeRecogniser(*model);
        };
    }
    m_worker = std::thread([this] { run(); });
}

WordListener::~WordListener()
{
    {
        const std::lock_guard lock(m_mutex);
        m_quit = true;
        m_jobs.clear();
    }
    m_wake.notify_one();
    m_worker.join();
}

void WordListener::post(Job job)
{
    {
        const std::lock_guard lock(m_mutex);
        m_jobs.push_back(std::move(job));
    }
    m_wake.notify_one();
}

void WordListener::warmUp()
{
    post({ Load {} });
}

quint64 WordListener::start(const QString& script)
{
    if (m_open)
        finish();
    {
        const std::lock_guard lock(m_mutex);
        ++m_pending;
        m_open = true;
        ++m_lastTicket;
    }
    post({ Start { m_lastTicket, script } });
    return m_lastTicket;
}

void WordListener::process(const audio::AudioBlock& block)
{
    {
        const std::lock_guard lock(m_mutex);
        if (!m_open || m_quit)
            return;
        m_jobs.push_back({ block });
    }
    m_wake.notify_one();
}

void WordListener::finish()
{
    quint64 ticket = 0;
    {
        const std::lock_guard lock(m_mutex);
        if (!m_open)
            return;
        m_open = false;
        ticket = m_lastTicket;
    }
    post({ Finish { ticket } });
}

int WordListener::pending() const
{
    const std::lock_guard lock(m_mutex);
    return m_pending;
}

void WordListener::deliver(quint64 ticket, Result<Transcript> words)
{
    // Runs on the worker: the signal goes out on the listener's own thread. A listener destroyed
    // first drops the call with its other posted events.
    QMetaObject::invokeMethod(
        this,
        [this, ticket, words = std::move(words)] {
            {
                const std::lock_guard lock(m_mutex);
                --m_pending;
            }
            emit finished(ticket, words);
        },
        Qt::QueuedConnection);
}

void WordListener::run()
{
    std::unique_ptr<Recogniser> recogniser;
    std::optional<Error> unavailable; // why there is no recogniser, once tried
    QString script; // the one the recogniser is biased toward
    quint64 ticket = 0; // the take being heard; 0 between takes
    std::int64_t framesToHeard = 0;
    const auto heardEvery = static_cast<std::int64_t>(kHeardEveryS * audio::kSampleRate);

    const auto ensureRecogniser = [&] {
        if (recogniser || unavailable)
            return;
        Result<std::unique_ptr<Recogniser>> made = m_factory();
        if (made)
            recogniser = std::move(*made);
        else
            unavailable = made.error();
    };

    for (;;) {
        Job job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_quit || !m_jobs.empty(); });
            if (m_quit)
                return;
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
        }
        if (std::holds_alternative<Load>(job.what)) {
            ensureRecogniser();
        } else if (const Start* start = std::get_if<Start>(&job.what)) {
            ensureRecogniser();
            ticket = start->ticket;
            framesToHeard = heardEvery;
            if (!recogniser)
                continue;
            if (start->script != script) {
                // A script the recogniser cannot model leaves it unbiased: the words are still
                // heard, only less well.
                if (!recogniser->setScript(start->script))
                    (void)recogniser->setScript({});
                script = start->script;
            }
            recogniser->start();
        } else if (const auto* block = std::get_if<audio::AudioBlock>(&job.what)) {
            if (!recogniser || ticket == 0)
                continue;
            recogniser->process(*block);
            framesToHeard -= static_cast<std::int64_t>(block->samples.size());
            if (framesToHeard <= 0) {
                framesToHeard = heardEvery;
                QMetaObject::invokeMethod(
                    this,
                    [this, ticket, words = recogniser->partialWords()] {
                        emit heard(ticket, words);
                    },
                    Qt::QueuedConnection);
            }
        } else if (const Finish* finish = std::get_if<Finish>(&job.what)) {
            ticket = 0;
            if (recogniser)
                deliver(finish->ticket, recogniser->finish());
            else
                deliver(finish->ticket, *unavailable);
        }
    }
}

} // namespace rapport::speech
