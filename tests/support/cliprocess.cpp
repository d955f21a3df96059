#include "tests/support/cliprocess.h"

#include <QProcess>

namespace rapport::test {

ProcessResult runProgram(
    const QString& program, const QStringList& args, const QProcessEnvironment& env)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(program, args);
    ProcessResult result;
    if (!process.waitForStarted(10000)) {
        result.err = QStringLiteral("could not start ") + program;
        return result;
    }
    process.waitForFinished(60000);
    result.crashed = process.exitStatus() == QProcess::CrashExit;
    result.exitCode = process.exitCode();
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

ProcessResult runCli(const QStringList& args, const QString& dataDir)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!dataDir.isEmpty())
        env.insert(QStringLiteral("RAPPORT_DATA_DIR"), dataDir);
    return runProgram(QStringLiteral(RAPPORT_CLI_PATH), args, env);
}

QString cliProgram()
{
    return QStringLiteral(RAPPORT_CLI_PATH);
}

ProcessResult runCli(const QStringList& args, const QProcessEnvironment& env)
{
    return runProgram(QStringLiteral(RAPPORT_CLI_PATH), args, env);
}

QProcessEnvironment noSoundServerEnvironment(const QString& emptyDir)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), emptyDir);
    env.insert(QStringLiteral("HOME"), emptyDir);
    env.insert(QStringLiteral("PULSE_SERVER"),
        QStringLiteral("unix:") + emptyDir + QStringLiteral("/dead/native"));
    return env;
}

QString runSox(const QStringList& args)
{
    const ProcessResult result
        = runProgram(QStringLiteral("sox"), QStringList { QStringLiteral("-R") } + args);
    if (result.exitCode != 0 || result.crashed)
        return QStringLiteral("sox %1 failed: %2").arg(args.join(QLatin1Char(' ')), result.err);
    return {};
}

} // namespace rapport::test
