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

/// Runs the built rapport-cli with RAPPORT_DATA_DIR set to `dataDir` (unless empty).
ProcessResult runCli(const QStringList& args, const QString& dataDir = {});

} // namespace rapport::test
