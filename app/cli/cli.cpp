#include "app/cli/cli.h"

#include "app/cli/audiohelper.h"
#include "app/cli/commands.h"
#include "core/storage/datadir.h"
#include "core/version.h"

#include <QCoreApplication>
#include <array>

namespace rapport::cli {

namespace {

struct Command
{
    const char* group; ///< the heading it is listed under in --help
    const char* name;
    const char* summary;
    CommandFunction run; ///< nullptr for the commands of the helpers (see AudioCommands)
};

// In the order --help lists them, grouped by what they are for.
constexpr const char* kCards = "Conversation cards";
constexpr const char* kRehearsal = "Rehearsal";
constexpr const char* kProgress = "Progress and your data";
constexpr const char* kSetup = "Set-up";
constexpr std::array kCommands {
    Command { kCards, "draw", "Draw conversation cards without repeats (zones, ladder, context)",
        &drawCommand },
    Command {
        kCards, "decks", "List, import (JSON, CSV) and export question decks", &decksCommand },
    Command { kCards, "answer",
        "Answer a card out loud: record, analyse and keep the answer (Table Topics)", nullptr },
    Command { kCards, "answers", "List, rate and delete your answers to cards", &answersCommand },
    Command {
        kCards, "conversations", "Log a real conversation, or list them", &conversationsCommand },
    Command {
        kRehearsal, "pitches", "Add, list and show your elevator-pitch scripts", &pitchesCommand },
    Command { kRehearsal, "rehearse", "Record a timed take of a pitch, analyse it and store it",
        nullptr },
    Command { kRehearsal, "takes", "List, rate, star and delete takes; recover takes cut short",
        &takesCommand },
    Command { kRehearsal, "record",
        "Record a take from the microphone into a WAV file and analyse it", nullptr },
    Command { kRehearsal, "analyze",
        "Analyse a recorded take: speaking time, pauses, pace, pitch, loudness", nullptr },
    Command { kProgress, "progress", "Your practice week by week, and the weekly goal",
        &progressCommand },
    Command { kProgress, "export", "Export pitches, takes, draws and conversations as CSV or JSON",
        &exportCommand },
    Command {
        kProgress, "import", "Import an export, skipping what you already have", &importCommand },
    Command {
        kProgress, "backup", "Back up the database and recordings into one archive", nullptr },
    Command { kProgress, "restore", "Restore a backup (your current data is kept aside)", nullptr },
    Command { kSetup, "info", "Show where Rapport keeps its data; --check verifies the database",
        &infoCommand },
};

void printHelp(QTextStream& out)
{
    out << "Usage: rapport-cli [--data-dir DIR] COMMAND [OPTIONS]\n\n"
           "Rapport's command line: the same data and engine as the Rapport window, "
           "for scripts and quick checks.\n\n"
           "Commands:\n";
    const char* group = nullptr;
    for (const Command& command : kCommands) {
        if (group == nullptr || qstrcmp(command.group, group) != 0) {
            group = command.group;
            out << "  " << group << ":\n";
        }
        out << "    " << QString::fromLatin1(command.name).leftJustified(15) << command.summary
            << '\n';
    }
    out << "\nGlobal options:\n"
           "  --data-dir DIR  Use DIR for the database and recordings (default: $"
        << storage::kDataDirEnv
        << ",\n"
           "                  else ~/.local/share/rapport)\n"
           "  -h, --help      Show this help; 'rapport-cli COMMAND --help' for a command\n"
           "  -v, --version   Show the version\n\n"
           "Exit codes: 0 ok, 1 failed, 2 wrong command line, 3 a missing or unreadable file or\n"
           "audio device, 4 data folder or database cannot be used.\n";
    out.flush();
}

} // namespace

int run(const QStringList& args, QTextStream& out, QTextStream& err, const AudioCommands& audio)
{
    CommandContext ctx { out, err, storage::defaultDataDirectory() };
    qsizetype i = 0;
    for (; i < args.size() && args[i].startsWith(QLatin1Char('-')); ++i) {
        const QString& arg = args[i];
        if (arg == QLatin1String("-h") || arg == QLatin1String("--help")) {
            printHelp(out);
            return kExitOk;
        }
        if (arg == QLatin1String("-v") || arg == QLatin1String("--version")) {
            out << "rapport-cli " << kVersion << '\n';
            out.flush();
            return kExitOk;
        }
        if (arg == QLatin1String("--data-dir") || arg.startsWith(QLatin1String("--data-dir="))) {
            QString value = arg.section(QLatin1Char('='), 1);
            if (!arg.contains(QLatin1Char('='))) {
                if (++i == args.size())
                    return ctx.usageError({}, QStringLiteral("--data-dir needs a folder."));
                value = args[i];
            }
            if (value.trimmed().isEmpty())
                return ctx.usageError({}, QStringLiteral("--data-dir needs a folder."));
            ctx.dataDir = value;
            continue;
        }
        return ctx.usageError({}, QStringLiteral("unknown option '%1'.").arg(arg));
    }
    if (i == args.size())
        return ctx.usageError({}, QStringLiteral("no command given."));

    const QString name = args[i];
    for (const Command& command : kCommands) {
        if (name != QLatin1String(command.name))
            continue;
        CommandFunction here = command.run;
        if (name == QLatin1String("record"))
            here = audio.record;
        else if (name == QLatin1String("rehearse"))
            here = audio.rehearse;
        else if (name == QLatin1String("answer"))
            here = audio.answer;
        else if (name == QLatin1String("analyze"))
            here = audio.analyse;
        else if (name == QLatin1String("takes") && audio.takes)
            here = audio.takes;
        else if (name == QLatin1String("answers") && audio.answers)
            here = audio.answers;
        else if (name == QLatin1String("backup"))
            here = audio.backup;
        else if (name == QLatin1String("restore"))
            here = audio.restore;
        if (here)
            return here(ctx, args.mid(i + 1));
        const bool records = name == QLatin1String("record") || name == QLatin1String("rehearse")
            || name == QLatin1String("answer");
        return execHelper(
            ctx, records ? Helper::Recording : Helper::Analysis, QCoreApplication::arguments());
    }
    return ctx.usageError({}, QStringLiteral("unknown command '%1'.").arg(name));
}

} // namespace rapport::cli
