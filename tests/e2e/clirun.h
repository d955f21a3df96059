#pragma once

#include <QElapsedTimer>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <algorithm>

namespace rapport::test {

/// The built rapport-cli (RAPPORT_CLI_PATH) running asynchronously, for end-to-end tests that
/// talk to it while it records; killed if still running when destroyed.
class CliRun
{
public:
    CliRun(const QStringList& args, const QProcessEnvironment& env)
    {
        m_process.setProcessEnvironment(env);
        m_process.setStandardInputFile(QProcess::nullDevice());
        m_process.start(QStringLiteral(RAPPORT_CLI_PATH), args);
        m_timer.start();
    }
    ~CliRun()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    QProcess& process() { return m_process; }
    // Waits up to `timeoutMs`; false (after killing it) when it did not finish in time.
    bool finish(int timeoutMs)
    {
        if (m_process.waitForFinished(timeoutMs)) {
            m_wallMs = m_timer.elapsed();
            return true;
        }
        m_process.kill();
        m_process.waitForFinished(5000);
        return false;
    }
    qint64 wallMs() const { return m_wallMs; }
    // Waits up to `timeoutMs` for stderr to contain `text` (kept for err()); false on timeout.
    bool waitForErr(const QString& text, int timeoutMs)
    {
        QElapsedTimer timer;
        timer.start();
        while (!m_err.contains(text)) {
            const qint64 left = timeoutMs - timer.elapsed();
            if (left <= 0 || m_process.state() == QProcess::NotRunning)
                return false;
            m_process.waitForReadyRead(static_cast<int>(std::min<qint64>(left, 100)));
            m_err += QString::fromUtf8(m_process.readAllStandardError());
        }
        m_firstAudioMs = m_timer.elapsed();
        return true;
    }
    qint64 firstAudioMs() const { return m_firstAudioMs; }
    QString out() { return QString::fromUtf8(m_process.readAllStandardOutput()); }
    QString err() { return m_err += QString::fromUtf8(m_process.readAllStandardError()); }

private:
    QProcess m_process;
    QElapsedTimer m_timer;
    qint64 m_wallMs = -1;
    qint64 m_firstAudioMs = -1;
    QString m_err;
};

} // namespace rapport::test
