#include "app/audio/microphonesource.h"
#include "app/cli/commands.h"
#include "core/analysis/analysispipeline.h"
#include "core/analysis/reportjson.h"
#include "core/audio/wavwriter.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSocketNotifier>
#include <QTimer>
#include <cerrno>
#include <cmath>
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace rapport::cli {

namespace {

constexpr double kMaxSeconds = 3600.0;
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

struct RecordOptions
{
    std::int64_t frames = 0; ///< at audio::kSampleRate
    QString out;
    bool json = false;
};

// Parses the arguments; returns an exit code when the command must stop now.
std::variant<RecordOptions, int> parseRecordOptions(CommandContext& ctx, const QStringList& args)
{
    const QString name = QStringLiteral("record");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Records a take from the default microphone into a WAV file (16 kHz mono, 16-bit, "
        "private to you) and analyses it while recording: speaking time, pauses, pace, pitch, "
        "loudness. Ctrl+C stops early and keeps what was recorded."));
    const QCommandLineOption seconds(QStringLiteral("seconds"),
        QStringLiteral("How long to record, in seconds of audio (up to %1).").arg(kMaxSeconds),
        QStringLiteral("N"));
    const QCommandLineOption out(
        QStringLiteral("out"), QStringLiteral("The WAV file to write."), QStringLiteral("FILE"));
    const QCommandLineOption json(
        QStringLiteral("json"), QStringLiteral("Print one JSON object instead of a summary."));
    parser.addOptions({ seconds, out, json });
    if (std::optional<int> stop = parseCommandLine(ctx, parser, name, args))
        return *stop;
    if (!parser.positionalArguments().isEmpty())
        return ctx.usageError(name,
            QStringLiteral("unexpected argument '%1'.").arg(parser.positionalArguments().first()));
    if (!parser.isSet(seconds))
        return ctx.usageError(name, QStringLiteral("record needs --seconds N."));
    bool ok = false;
    const double value = parser.value(seconds).toDouble(&ok);
    if (!ok || !std::isfinite(value) || value <= 0.0 || value > kMaxSeconds)
        return ctx.usageError(name,
            QStringLiteral("--seconds takes a number above 0 and at most %1, not '%2'.")
                .arg(kMaxSeconds)
                .arg(parser.value(seconds)));
    if (!parser.isSet(out) || parser.value(out).trimmed().isEmpty())
        return ctx.usageError(name, QStringLiteral("record needs --out FILE.wav."));
    RecordOptions options;
    options.frames = std::llround(value * audio::kSampleRate);
    options.out = parser.value(out);
    options.json = parser.isSet(json);
    const QFileInfo target(options.out);
    if (!target.absoluteDir().exists())
        return ctx.usageError(name,
            QStringLiteral("the folder %1 does not exist.")
                .arg(QDir::toNativeSeparators(target.absolutePath())));
    if (target.isDir())
        return ctx.usageError(
            name, QStringLiteral("%1 is a folder; --out needs a file name.").arg(options.out));
    return options;
}

// One recording: microphone -> WAV file and analysis, block by block, until enough frames.
class Recording
{
public:
    Recording(const RecordOptions& options, audio::WavWriter& writer, QTextStream& err)
        : m_options(options)
        , m_writer(writer)
        , m_err(err)
    {
        m_pipeline.reset();
    }

    // Records until the frame count is reached, Ctrl+C, or the device fails; Error only when
    // the microphone could not start at all.
    Status run()
    {
        QEventLoop loop;
        QObject::connect(&m_mic, &audio::AudioSource::blockReady, &loop,
            [this](const audio::AudioBlock& block) { take(block); });
        QObject::connect(
            &m_mic, &audio::AudioSource::finished, &loop, [this, &loop](const Status& status) {
                if (!status && !m_failure)
                    m_failure = status.error();
                loop.quit();
            });
        QTimer watchdog;
        watchdog.setInterval(kSilentDeviceTimeoutMs);
        QObject::connect(&watchdog, &QTimer::timeout, &loop, [this] {
            if (m_mic.framesDelivered() == m_framesAtLastCheck)
                fail(Error { ErrorKind::Io,
                    QStringLiteral("The microphone %1 delivered no sound for %2 s.")
                        .arg(m_mic.name())
                        .arg(kSilentDeviceTimeoutMs / 1000),
                    QStringLiteral("Check that it is not muted or used by another program."), {} });
            m_framesAtLastCheck = m_mic.framesDelivered();
        });
        const InterruptWatcher interrupt(&loop, [this] {
            m_interrupted = true;
            m_mic.stop();
        });
        if (Status started = m_mic.start(); !started)
            return started;
        watchdog.start();
        loop.exec();
        return {};
    }

    analysis::TakeReport finish() { return m_pipeline.finish(); }
    const std::optional<Error>& failure() const { return m_failure; }
    bool interrupted() const { return m_interrupted; }

private:
    void take(const audio::AudioBlock& block)
    {
        if (m_done)
            return;
        if (block.startFrame == 0) {
            // Sound servers start delivering a moment after the device opens; say when the take
            // really starts (scripts and tests wait for this line before speaking).
            m_err << "Recording from " << m_mic.name() << " for "
                  << audio::framesToSeconds(m_options.frames) << " s (Ctrl+C stops and keeps "
                  << "the take)\n";
            m_err.flush();
        }
        audio::AudioBlock part = block;
        if (part.endFrame() > m_options.frames)
            part.samples.resize(static_cast<std::size_t>(m_options.frames - part.startFrame));
        if (Status written = m_writer.write(part); !written) {
            fail(written.error());
            return;
        }
        m_pipeline.process(part);
        if (part.endFrame() >= m_options.frames) {
            m_done = true;
            m_mic.stop();
        }
    }

    void fail(const Error& error)
    {
        if (!m_failure)
            m_failure = error;
        m_done = true;
        m_mic.stop();
    }

    const RecordOptions& m_options;
    audio::WavWriter& m_writer;
    QTextStream& m_err;
    audio::MicrophoneSource m_mic;
    analysis::AnalysisPipeline m_pipeline;
    std::optional<Error> m_failure;
    std::int64_t m_framesAtLastCheck = -1;
    bool m_done = false;
    bool m_interrupted = false;
};

} // namespace

int recordCommand(CommandContext& ctx, const QStringList& args)
{
    const std::variant<RecordOptions, int> parsed = parseRecordOptions(ctx, args);
    if (const int* code = std::get_if<int>(&parsed))
        return *code;
    const RecordOptions& options = std::get<RecordOptions>(parsed);

    Result<audio::WavWriter> writer = audio::WavWriter::create(options.out);
    if (!writer)
        return ctx.fail(writer.error(), kExitFailure);
    Recording recording(options, *writer, ctx.err);
    if (Status started = recording.run(); !started) {
        // Nothing was recorded: leave no empty WAV behind.
        (void)writer->close();
        QFile::remove(options.out);
        return ctx.fail(started.error(), kExitInput);
    }
    const Status closed = writer->close();
    const analysis::TakeReport report = recording.finish();
    if (options.json) {
        ctx.out << QString::fromUtf8(QJsonDocument(analysis::reportToJson(report, options.out))
                                         .toJson(QJsonDocument::Indented));
    } else {
        ctx.out << analysis::reportToText(report, options.out);
    }
    ctx.out.flush();
    if (recording.failure())
        return ctx.fail(*recording.failure(), kExitFailure);
    if (!closed)
        return ctx.fail(closed.error(), kExitFailure);
    return kExitOk;
}

} // namespace rapport::cli
