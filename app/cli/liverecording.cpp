#include "app/cli/liverecording.h"

#include "app/audio/microphonesource.h"
#include "app/cli/wordsoutput.h"
#include "core/rehearsal/takerecorder.h"

#include <QEventLoop>
#include <QSocketNotifier>
#include <QTimer>
#include <cerrno>
#include <cmath>
#include <csignal>
#include <memory>
#include <sys/socket.h>
#include <unistd.h>

namespace rapport::cli {

namespace {

// Without a single frame for this long the device has hung: stop instead of waiting forever.
constexpr int kSilentDeviceTimeoutMs = 5000;

int g_interruptFd = -1; // write end of the self-pipe the SIGINT handler pokes

extern "C" void onInterrupt(int)
{
    const int saved = errno;
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(g_interruptFd, &byte, 1);
    errno = saved;
}

// Turns SIGINT/SIGTERM (Ctrl+C) into a Qt signal while it lives, so a take stops cleanly and
// keeps its file; the previous handlers are restored afterwards.
class InterruptWatcher
{
public:
    template <typename Handler> InterruptWatcher(QObject* context, Handler handler)
    {
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, m_fds) != 0)
            return;
        g_interruptFd = m_fds[0];
        m_notifier = std::make_unique<QSocketNotifier>(m_fds[1], QSocketNotifier::Read);
        QObject::connect(m_notifier.get(), &QSocketNotifier::activated, context, [this, handler] {
            char byte;
            [[maybe_unused]] const ssize_t got = ::read(m_fds[1], &byte, 1);
            handler();
        });
        struct sigaction action
        {
        };
        action.sa_handler = onInterrupt;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        ::sigaction(SIGINT, &action, &m_oldInt);
        ::sigaction(SIGTERM, &action, &m_oldTerm);
    }
    ~InterruptWatcher()
    {
        if (m_fds[0] < 0)
            return;
        ::sigaction(SIGINT, &m_oldInt, nullptr);
        ::sigaction(SIGTERM, &m_oldTerm, nullptr);
        g_interruptFd = -1;
        m_notifier.reset();
        ::close(m_fds[0]);
        ::close(m_fds[1]);
    }
    InterruptWatcher(const InterruptWatcher&) = delete;
    InterruptWatcher& operator=(const InterruptWatcher&) = delete;

private:
    int m_fds[2] = { -1, -1 };
    std::unique_ptr<QSocketNotifier> m_notifier;
    struct sigaction m_oldInt
    {
    };
    struct sigaction m_oldTerm
    {
    };
};

Error silentDevice(const QString& device)
{
    return { ErrorKind::Io,
        QStringLiteral("The microphone %1 delivered no sound for %2 s.")
            .arg(device)
            .arg(kSilentDeviceTimeoutMs / 1000),
        QStringLiteral("Check that it is not muted or used by another program."), {} };
}

} // namespace

std::optional<std::int64_t> takeFrames(
    CommandContext& ctx, const QString& command, const QString& text)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !std::isfinite(value) || value <= 0.0 || value > kMaxTakeSeconds) {
        ctx.usageError(command,
            QStringLiteral("--seconds takes a number above 0 and at most %1, not '%2'.")
                .arg(kMaxTakeSeconds)
                .arg(text));
        return std::nullopt;
    }
    return std::llround(value * audio::kSampleRate);
}

LiveRecording::LiveRecording(QTextStream& err)
    : m_err(err)
{ }

Result<LiveTake> LiveRecording::run(rehearsal::TakeRecorder& recorder,
    const std::function<Status(audio::AudioSource& microphone)>& start)
{
    audio::MicrophoneSource mic;
    QEventLoop loop;
    LiveTake take;
    std::optional<Error> watchdogFailure;
    bool announced = false;

    QObject::connect(&recorder, &rehearsal::TakeRecorder::progressed, &loop, [&](qint64 frames) {
        if (!announced) {
            // Sound servers start delivering a moment after the device opens; say when the take
            // really starts (scripts and tests wait for this line before speaking).
            announced = true;
            m_err << "Recording from " << mic.name() << m_announcement << '\n';
            m_err.flush();
        }
        if (m_onProgress)
            m_onProgress(frames);
    });
    QObject::connect(
        &recorder, &rehearsal::TakeRecorder::finished, &loop, [&](const Status& status) {
            if (!status)
                take.failure = status.error();
            loop.quit();
        });
    QTimer watchdog;
    watchdog.setInterval(kSilentDeviceTimeoutMs);
    std::int64_t framesAtLastCheck = -1;
    QObject::connect(&watchdog, &QTimer::timeout, &loop, [&] {
        if (recorder.framesRecorded() == framesAtLastCheck && !watchdogFailure) {
            watchdogFailure = silentDevice(mic.name());
            recorder.stop();
        }
        framesAtLastCheck = recorder.framesRecorded();
    });
    const InterruptWatcher interrupt(&loop, [&] {
        take.interrupted = true;
        recorder.stop();
    });

    if (Status started = start(mic); !started)
        return started.error();
    watchdog.start();
    loop.exec();

    take.report = recorder.report();
    take.frames = recorder.framesRecorded();
    if (!take.failure && watchdogFailure)
        take.failure = watchdogFailure;
    return take;
}

SessionWords::SessionWords(rehearsal::TakeSession& session, bool enabled)
    : m_session(session)
{
    if (enabled) {
        m_listener.emplace();
        m_listener->warmUp();
        m_session.setWordListener(&*m_listener);
    }
    QObject::connect(&m_session, &rehearsal::TakeSession::wordsHeard, &m_session,
        [this](qint64, const Result<speech::WordReport>& heard) { m_words = heard; });
}

void SessionWords::finish(CommandContext& ctx)
{
    if (m_session.isHearingWords()) {
        QEventLoop loop;
        QObject::connect(&m_session, &rehearsal::TakeSession::wordsHeard, &loop, &QEventLoop::quit);
        loop.exec();
    }
    if (m_words && !*m_words)
        warnWordsLeftOut(ctx, m_words->error());
}

} // namespace rapport::cli
