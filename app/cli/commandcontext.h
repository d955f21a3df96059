#pragma once

#include "core/common/error.h"
#include "core/storage/store.h"

#include <QCommandLineParser>
#include <QStringList>
#include <QTextStream>
#include <optional>

namespace rapport::cli {

/// rapport-cli's exit codes (documented in --help and the README).
enum ExitCode : int {
    kExitOk = 0,
    kExitFailure = 1, ///< the command ran but could not do what was asked
    kExitUsage = 2, ///< unknown command, unknown option, missing or nonsensical value
    kExitInput = 3, ///< unreadable or unsupported input file, no audio device
    kExitData = 4, ///< the data folder or database cannot be used
};

/// The exit code for an error of the core, the same in every command: a file, folder or device
/// that is missing or unreadable is an input error (3); a database that cannot be used is a data
/// error (4); anything else — a take or pitch that does not exist, a file Rapport will not
/// overwrite or delete, a busy data folder, a file that could not be written — is a failure (1).
/// Usage errors (2) are the command line's own: the parser reports them, never the core.
int exitCodeFor(const Error& error);

/// What every command gets: output streams and the global options.
struct CommandContext
{
    QTextStream& out;
    QTextStream& err;
    QString dataDir; ///< from --data-dir, RAPPORT_DATA_DIR or the XDG default

    /// Prints "rapport-cli: what (detail)" and the fix to stderr; returns `code`.
    int fail(const Error& error, int code);
    /// Prints a usage error and the hint to see --help; returns kExitUsage.
    int usageError(const QString& command, const QString& message);
    /// Parses `text`, the value of --`option`, as a whole number in [1, max]; on failure prints a
    /// usage error and returns nullopt (the command then returns kExitUsage).
    std::optional<int> wholeNumber(
        const QString& command, const QString& option, const QString& text, int max);
    /// Opens the data folder and database; on failure prints why and returns nullopt.
    std::optional<storage::Store> openStore(storage::StoreUse use = storage::StoreUse::ReadWrite);
};

/// Parses a command's arguments. Returns an exit code when the command should stop now (help was
/// printed, or the arguments are wrong), nullopt when it should run.
std::optional<int> parseCommandLine(CommandContext& ctx, QCommandLineParser& parser,
    const QString& command, const QStringList& args);

} // namespace rapport::cli
