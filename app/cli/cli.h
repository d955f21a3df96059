#pragma once

#include <QStringList>
#include <QTextStream>

namespace rapport::cli {

/// Runs rapport-cli with `args` (without the program name); returns the process exit code.
int run(const QStringList& args, QTextStream& out, QTextStream& err);

} // namespace rapport::cli
