#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QTemporaryDir>
#include <memory>
#include <optional>

namespace rapport::test {

/// A private PulseAudio server for end-to-end microphone tests (ARCHITECTURE.md's recipe): a
/// null sink "virt", a source "mic" remapped from its monitor (Qt ignores monitor sources) and
/// made the default input. Whatever is played into "virt" is what a program recording from the
/// default input hears. The server runs in its own runtime folder, is a child of this process
/// (it dies with it) and is stopped by its pid in stop() and the destructor.
class VirtualMic
{
public:
    VirtualMic();
    ~VirtualMic();
    VirtualMic(const VirtualMic&) = delete;
    VirtualMic& operator=(const VirtualMic&) = delete;

    /// Starts the server and the virtual microphone (within 15 s); false with error() set when
    /// PulseAudio cannot start, naming the packages to install.
    bool start();
    /// Stops playback and the server (SIGTERM, then SIGKILL after 3 s). Idempotent.
    void stop();

    /// The system environment plus XDG_RUNTIME_DIR, HOME and PULSE_SERVER of this server: give
    /// it to the programs that should use the virtual microphone.
    QProcessEnvironment environment() const { return m_env; }
    /// Starts playing `wavPath` into the sink (paplay, asynchronous); false with error() set.
    bool play(const QString& wavPath);
    /// Waits up to `timeoutMs` for the playback to end; false if it failed or timed out.
    bool waitForPlayback(int timeoutMs);
    /// Waits up to `timeoutMs` until some program records from the server (a source output
    /// exists), so playback can start when the recorder listens.
    bool waitForRecorder(int timeoutMs);
    /// Runs pactl with `args` against this server (10 s limit); its stdout, or nullopt.
    std::optional<QString> pactl(const QStringList& args);
    /// The server's process id (0 when not running).
    qint64 pid() const;
    /// What failed last.
    const QString& error() const { return m_error; }

private:
    bool fail(const QString& message);
    QString logTail() const;

    QTemporaryDir m_dir;
    QProcessEnvironment m_env;
    std::unique_ptr<QProcess> m_server;
    std::unique_ptr<QProcess> m_player;
    QString m_error;
};

} // namespace rapport::test
