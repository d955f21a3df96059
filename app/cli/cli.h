#pragma once

#include <QStringList>
#include <QTextStream>

namespace rapport::cli {

struct CommandContext;

/// A command's entry point.
using CommandFunction = int (*)(CommandContext&, const QStringList&);

/// The commands that record or analyse audio, when this program has them (rapport-cli-analyse
/// the analysing ones, rapport-cli-audio all); rapport-cli has none, and runs a helper in its
/// place for them (audiohelper.h).
struct AudioCommands
{
    CommandFunction record = nullptr;
    CommandFunction rehearse = nullptr;
    CommandFunction analyse = nullptr;
    CommandFunction takes = nullptr; ///< `takes` with its actions on orphan recordings
    CommandFunction backup = nullptr;
    CommandFunction restore = nullptr;
    CommandFunction answer = nullptr; ///< records, as rehearse does
    CommandFunction answers = nullptr; ///< `answers` with its words action
};

/// Runs rapport-cli with `args` (without the program name); returns the process exit code.
int run(
    const QStringList& args, QTextStream& out, QTextStream& err, const AudioCommands& audio = {});

} // namespace rapport::cli
