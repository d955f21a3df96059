#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace rapport::test {

/// What a finished program printed and returned.
struct ProcessResult
{
    int exitCode = -1;
    QString out;
    QString err;
    bool crashed = false;
};

/// Runs `program` with `args` (60 s limit) in `env`; stdin is closed.
ProcessResult runProgram(const QString& program, const QStringList& args,
    const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment());

/// Runs sox with -R (repeatable noise and dither, so every run builds the same files) and `args`;
/// empty on success, else what failed with sox's own message.
QString runSox(const QStringList& args);

/// Runs the built rapport-cli with RAPPORT_DATA_DIR set to `dataDir` (unless empty).
ProcessResult runCli(const QStringList& args, const QString& dataDir = {});
/// The built rapport-cli, for tests that start it themselves (several at once).
QString cliProgram();
/// Runs the built rapport-cli in `env`.
ProcessResult runCli(const QStringList& args, const QProcessEnvironment& env);
/// The system environment without any sound server: PULSE_SERVER names a socket nobody listens
/// on, and XDG_RUNTIME_DIR and HOME are `emptyDir`. Programs in it find no audio input.
QProcessEnvironment noSoundServerEnvironment(const QString& emptyDir);

} // namespace rapport::test
