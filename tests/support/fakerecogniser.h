#pragma once

#include "core/speech/recogniser.h"

#include <QStringList>
#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

namespace rapport::test {

/// What a FakeRecogniser was asked to do, readable from the test's thread.
struct RecogniserLog
{
    std::mutex mutex;
    QStringList scripts; ///< every setScript() call, in order
    std::vector<std::int64_t> framesPerTake; ///< frames processed in each finished take
    int starts = 0;
    std::atomic<int> made { 0 };
    /// When set before the recogniser is made: the words it hears instead, the n-th in the n-th
    /// second (and nothing after the last).
    QStringList say;
};

/// A recogniser that hears one word a second of audio, "w1", "w2", ... (or RecogniserLog::say's),
/// each from the start of its second to 0.5 s later, and logs what it was asked: to test what feeds
/// a recogniser without the cost (or the judgement) of a real one.
class FakeRecogniser final : public speech::Recogniser
{
public:
    explicit FakeRecogniser(std::shared_ptr<RecogniserLog> log)
        : m_log(std::move(log))
        , m_say(m_log->say)
    { }

    Status setScript(const QString& script) override
    {
        const std::lock_guard lock(m_log->mutex);
        m_log->scripts << script;
        return {};
    }
    void start() override
    {
        m_frames = 0;
        const std::lock_guard lock(m_log->mutex);
        ++m_log->starts;
    }
    void process(const audio::AudioBlock& block) override
    {
        m_frames += static_cast<std::int64_t>(block.samples.size());
    }
    QStringList partialWords() override
    {
        QStringList words;
        for (std::int64_t second = 1; second * audio::kSampleRate <= m_frames; ++second) {
            if (m_say.isEmpty())
                words << QStringLiteral("w%1").arg(second);
            else if (second <= m_say.size())
                words << m_say[second - 1];
        }
        return words;
    }
    speech::Transcript finish() override
    {
        speech::Transcript transcript;
        const QStringList words = partialWords();
        for (int i = 0; i < words.size(); ++i)
            transcript.words.push_back({ words[i], i * 1.0, i * 1.0 + 0.5 });
        transcript.audioS = audio::framesToSeconds(m_frames);
        const std::lock_guard lock(m_log->mutex);
        m_log->framesPerTake.push_back(m_frames);
        return transcript;
    }

private:
    std::shared_ptr<RecogniserLog> m_log;
    QStringList m_say;
    std::int64_t m_frames = 0;
};

/// A WordListener factory making FakeRecognisers that log to `log`.
inline auto fakeRecogniserFactory(std::shared_ptr<RecogniserLog> log)
{
    return [log]() -> Result<std::unique_ptr<speech::Recogniser>> {
        ++log->made;
        return std::unique_ptr<speech::Recogniser>(std::make_unique<FakeRecogniser>(log));
    };
}

} // namespace rapport::test
