#include "app/cli/commandcontext.h"

#include <QCoreApplication>

namespace rapport::cli {

int exitCodeFor(const Error& error)
{
    switch (error.kind) {
    case ErrorKind::NotFound:
    case ErrorKind::Format:
    case ErrorKind::Unsupported:
        return kExitInput;
    case ErrorKind::NotADatabase:
    case ErrorKind::NewerSchema:
    case ErrorKind::Database:
        return kExitData;
    case ErrorKind::InvalidArgument:
    case ErrorKind::NoSuchRecord:
    case ErrorKind::Io:
    case ErrorKind::Permission:
    case ErrorKind::Busy:
        return kExitFailure;
    }
    return kExitFailure;
}

int CommandContext::fail(const Error& error, int code)
{
    err << "rapport-cli: " << error.what;
    if (!error.detail.isEmpty())
        err << " (" << error.detail << ')';
    err << '\n';
    if (!error.fix.isEmpty())
        err << error.fix << '\n';
    err.flush();
    return code;
}

int CommandContext::usageError(const QString& command, const QString& message)
{
    err << "rapport-cli: " << message << '\n'
        << "Run 'rapport-cli " << (command.isEmpty() ? QString() : command + QLatin1Char(' '))
        << "--help' for usage.\n";
    err.flush();
    return kExitUsage;
}

std::optional<storage::Store> CommandContext::openStore(storage::StoreUse use)
{
    Result<storage::Store> store = storage::openStore(dataDir, {}, use);
    if (!store) {
        fail(store.error(), kExitData);
        return std::nullopt;
    }
    if (!store->notice.isEmpty()) {
        err << store->notice << '\n';
        err.flush();
    }
    return std::move(*store);
}

std::optional<int> parseCommandLine(CommandContext& ctx, QCommandLineParser& parser,
    const QString& command, const QStringList& args)
{
    const QCommandLineOption help(
        { QStringLiteral("h"), QStringLiteral("help") }, QStringLiteral("Show this help."));
    parser.addOption(help);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (!parser.parse(QStringList { QStringLiteral("rapport-cli ") + command } + args))
        return ctx.usageError(command, parser.errorText());
    if (parser.isSet(help)) {
        // helpText() names the running binary by its path; show the command as it is typed.
        const QString text = parser.helpText();
        const QString prefix
            = QStringLiteral("Usage: ") + QCoreApplication::arguments().constFirst();
        ctx.out << "Usage: rapport-cli [--data-dir DIR] " << command
                << (text.startsWith(prefix) ? text.mid(prefix.size()) : text);
        ctx.out.flush();
        return kExitOk;
    }
    return std::nullopt;
}

std::optional<int> CommandContext::wholeNumber(
    const QString& command, const QString& option, const QString& text, int max)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < 1 || value > max) {
        usageError(command,
            QStringLiteral("--%1 takes a whole number from 1 to %2, not '%3'.")
                .arg(option)
                .arg(max)
                .arg(text));
        return std::nullopt;
    }
    return value;
}

} // namespace rapport::cli
