#include "tests/support/virtualmic.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>
#include <QThread>
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

namespace rapport::test {

namespace {

const QString kPackages = QStringLiteral("pulseaudio pulseaudio-utils");

} // namespace

VirtualMic::VirtualMic()
    : m_env(QProcessEnvironment::systemEnvironment())
{ }

VirtualMic::~VirtualMic()
{
    stop();
}

bool VirtualMic::fail(const QString& message)
{
    m_error = message;
    return false;
}

QString VirtualMic::logTail() const
{
    QFile log(m_dir.filePath(QStringLiteral("pulse.log")));
    if (!log.open(QIODevice::ReadOnly))
        return {};
    const QByteArray text = log.readAll();
    return QString::fromLocal8Bit(text.right(1500));
}

bool VirtualMic::start()
{
    if (!m_dir.isValid())
        return fail(QStringLiteral("cannot create a temporary folder for PulseAudio"));
    for (const char* tool : { "pulseaudio", "pactl", "paplay" }) {
        if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty())
            return fail(QStringLiteral("%1 is not installed; the microphone end-to-end tests need "
                                       "it: apt-get install %2")
                            .arg(QString::fromLatin1(tool), kPackages));
    }
    const QString runtime = m_dir.filePath(QStringLiteral("runtime"));
    const QString home = m_dir.filePath(QStringLiteral("home"));
    QDir().mkpath(runtime);
    QDir().mkpath(home);
    QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    m_env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime);
    m_env.insert(QStringLiteral("HOME"), home); // cookie and state files stay in the temp folder
    m_env.insert(QStringLiteral("PULSE_SERVER"),
        QStringLiteral("unix:") + runtime + QStringLiteral("/pulse/native"));
    m_env.remove(QStringLiteral("PULSE_SINK"));
    m_env.remove(QStringLiteral("PULSE_SOURCE"));

    // The recipe's server, in the foreground as our child instead of -D: it gets SIGTERM if this
    // process dies (PR_SET_PDEATHSIG), so a crashed test cannot leave a server behind.
    m_server = std::make_unique<QProcess>();
    m_server->setProcessEnvironment(m_env);
    m_server->setStandardInputFile(QProcess::nullDevice());
    m_server->setStandardOutputFile(QProcess::nullDevice());
    m_server->setStandardErrorFile(QProcess::nullDevice());
    m_server->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    m_server->start(QStringLiteral("pulseaudio"),
        { QStringLiteral("--daemonize=no"), QStringLiteral("-n"),
            QStringLiteral("--exit-idle-time=-1"), QStringLiteral("--disallow-exit"),
            QStringLiteral("--log-target=newfile:") + m_dir.filePath(QStringLiteral("pulse.log")),
            QStringLiteral("--load=module-native-protocol-unix"),
            QStringLiteral("--load=module-null-sink sink_name=virt"),
            QStringLiteral("--load=module-always-sink") });
    if (!m_server->waitForStarted(10000))
        return fail(QStringLiteral("pulseaudio did not start (%1); install %2")
                        .arg(m_server->errorString(), kPackages));

    // Ready when pactl can talk to it.
    QElapsedTimer timer;
    timer.start();
    while (!pactl({ QStringLiteral("info") })) {
        if (m_server->state() != QProcess::Running || timer.elapsed() > 15000) {
            const QString log = logTail();
            stop();
            return fail(QStringLiteral("PulseAudio did not come up (packages %1). Its log:\n%2")
                            .arg(kPackages, log));
        }
        QThread::msleep(100);
    }
    if (!pactl({ QStringLiteral("load-module"), QStringLiteral("module-remap-source"),
            QStringLiteral("source_name=mic"), QStringLiteral("master=virt.monitor"),
            QStringLiteral("source_properties=device.description=VirtualMic") })
        || !pactl({ QStringLiteral("set-default-source"), QStringLiteral("mic") })) {
        const QString why = m_error;
        stop();
        return fail(QStringLiteral("could not create the virtual microphone: ") + why);
    }
    return true;
}

void VirtualMic::stop()
{
    if (m_player) {
        m_player->kill();
        m_player->waitForFinished(3000);
        m_player.reset();
    }
    if (!m_server)
        return;
    if (m_server->state() != QProcess::NotRunning) {
        ::kill(static_cast<pid_t>(m_server->processId()), SIGTERM);
        if (!m_server->waitForFinished(3000)) {
            ::kill(static_cast<pid_t>(m_server->processId()), SIGKILL);
            m_server->waitForFinished(3000);
        }
    }
    m_server.reset();
}

qint64 VirtualMic::pid() const
{
    return m_server && m_server->state() == QProcess::Running ? m_server->processId() : 0;
}

std::optional<QString> VirtualMic::pactl(const QStringList& args)
{
    QProcess process;
    process.setProcessEnvironment(m_env);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(QStringLiteral("pactl"), args);
    if (!process.waitForFinished(10000)) {
        process.kill();
        process.waitForFinished(3000);
        m_error = QStringLiteral("pactl %1 timed out").arg(args.join(QLatin1Char(' ')));
        return std::nullopt;
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        m_error = QStringLiteral("pactl %1 failed: %2")
                      .arg(args.join(QLatin1Char(' ')),
                          QString::fromLocal8Bit(process.readAllStandardError()));
        return std::nullopt;
    }
    return QString::fromLocal8Bit(process.readAllStandardOutput());
}

bool VirtualMic::waitForRecorder(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        const std::optional<QString> outputs = pactl(
            { QStringLiteral("list"), QStringLiteral("short"), QStringLiteral("source-outputs") });
        if (outputs && !outputs->trimmed().isEmpty())
            return true;
        QThread::msleep(20);
    }
    return fail(QStringLiteral("no program started recording within %1 ms").arg(timeoutMs));
}

bool VirtualMic::play(const QString& wavPath)
{
    m_player = std::make_unique<QProcess>();
    m_player->setProcessEnvironment(m_env);
    m_player->setStandardInputFile(QProcess::nullDevice());
    m_player->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    m_player->start(QStringLiteral("paplay"), { QStringLiteral("--device=virt"), wavPath });
    if (!m_player->waitForStarted(5000))
        return fail(QStringLiteral("paplay did not start: ") + m_player->errorString());
    return true;
}

bool VirtualMic::waitForPlayback(int timeoutMs)
{
    if (!m_player)
        return fail(QStringLiteral("nothing is playing"));
    // waitForFinished() is false for a process that has already finished (for example while
    // the caller ran an event loop), so only wait for one that is still running.
    if (m_player->state() != QProcess::NotRunning && !m_player->waitForFinished(timeoutMs))
        return fail(QStringLiteral("paplay did not finish within %1 ms").arg(timeoutMs));
    if (m_player->exitStatus() != QProcess::NormalExit || m_player->exitCode() != 0)
        return fail(QStringLiteral("paplay failed: ")
            + QString::fromLocal8Bit(m_player->readAllStandardError()));
    return true;
}

} // namespace rapport::test
