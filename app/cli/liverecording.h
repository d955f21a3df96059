#pragma once

#include "app/cli/commandcontext.h"
#include "core/analysis/takereport.h"
#include "core/common/result.h"
#include "core/rehearsal/takerecorder.h"
#include "core/rehearsal/takesession.h"
#include "core/speech/wordlistener.h"
#include "core/speech/wordreport.h"

#include <QString>
#include <QTextStream>
#include <cstdint>
#include <functional>
#include <optional>

namespace rapport::cli {

/// The longest take `record` and `rehearse` accept, in seconds of audio.
inline constexpr double kMaxTakeSeconds = 3600.0;

/// Parses `text`, the value of --seconds, into frames at audio::kSampleRate (above 0, at most
/// kMaxTakeSeconds); on failure prints a usage error for `command` and returns nullopt.
std::optional<std::int64_t> takeFrames(
    CommandContext& ctx, const QString& command, const QString& text);

/// How a live take ended. The audio up to the end is in the file either way.
struct LiveTake
{
    analysis::TakeReport report;
    std::int64_t frames = 0; ///< at audio::kSampleRate, all of them in the file
    std::optional<Error> failure; ///< device lost, disk full or a silent device
    bool interrupted = false; ///< stopped early by Ctrl+C or SIGTERM
};

/// One take from the default microphone through rehearsal::TakeRecorder (the engine the GUI uses)
/// in a local event loop, with what a terminal needs around it: "Recording from …" on stderr at
/// the first frame (scripts wait for it before speaking), Ctrl+C / SIGTERM stop the take and keep
/// it, and a device that delivers nothing for 5 s ends the take with an error instead of hanging.
class LiveRecording
{
public:
    explicit LiveRecording(QTextStream& err);

    /// What follows "Recording from DEVICE" in the first-frame line, e.g. " for 30 s".
    void setAnnouncement(const QString& text) { m_announcement = text; }
    /// Called after every block with the frames recorded so far.
    void setProgressCallback(std::function<void(std::int64_t frames)> callback)
    {
        m_onProgress = std::move(callback);
    }

    /// Records from the default microphone through `recorder`, which `start` starts (it is
    /// given the microphone: TakeRecorder::start() or TakeSession::start()), until the take's
    /// own limit, an interrupt or a failure. An Error is the one `start` returned: nothing was
    /// recorded. The slots that `recorder`'s owner connected first have run when this returns.
    Result<LiveTake> run(rehearsal::TakeRecorder& recorder,
        const std::function<Status(audio::AudioSource& microphone)>& start);

private:
    QTextStream& m_err;
    QString m_announcement;
    std::function<void(std::int64_t)> m_onProgress;
};

/// The words of a take that `rehearse` or `answer` records: heard while it records, on a
/// thread of their own (the model loads while the microphone starts), and waited for after.
class SessionWords
{
public:
    /// Hears `session`'s takes when `enabled` (else nothing: --no-words); `session` must
    /// outlive this.
    SessionWords(rehearsal::TakeSession& session, bool enabled);
    SessionWords(const SessionWords&) = delete; ///< its connection points at this object
    SessionWords& operator=(const SessionWords&) = delete;

    /// Waits for the words of the take that ended (its last moments are still being decoded:
    /// well under a second), and warns on stderr when they were left out (no speech model).
    void finish(CommandContext& ctx);

private:
    rehearsal::TakeSession& m_session;
    std::optional<speech::WordListener> m_listener;
    std::optional<Result<speech::WordReport>> m_words;
};

} // namespace rapport::cli
