// export and import. (backup and restore, which need libarchive, are in archivecommands.cpp.)
#include "app/cli/commands.h"
#include "core/data/exporter.h"
#include "core/data/importer.h"

#include <QDir>
#include <QLocale>

namespace rapport::cli {

int exportCommand(CommandContext& ctx, const QStringList& args)
{
    const QString name = QStringLiteral("export");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Writes everything Rapport keeps — pitches, takes (ratings and every report field), card "
        "draws, answers to cards, conversations — into DIR as CSV (RFC 4180, UTF-8) or JSON; "
        "times in ISO 8601 UTC. Files of an earlier export in DIR are replaced."));
    const QCommandLineOption format(
        QStringLiteral("format"), QStringLiteral("csv or json."), QStringLiteral("FORMAT"));
    const QCommandLineOption out(
        QStringLiteral("out"), QStringLiteral("The folder to write to."), QStringLiteral("DIR"));
    parser.addOptions({ format, out });
    if (std::optional<int> stop = parseCommandLine(ctx, parser, name, args))
        return *stop;
    if (!parser.positionalArguments().isEmpty())
        return ctx.usageError(name,
            QStringLiteral("unexpected argument '%1'.").arg(parser.positionalArguments().first()));
    const QString key = parser.value(format).toLower();
    if (key != QLatin1String("csv") && key != QLatin1String("json"))
        return ctx.usageError(name, QStringLiteral("--format must be csv or json."));
    if (parser.value(out).trimmed().isEmpty())
        return ctx.usageError(name, QStringLiteral("export needs --out DIR."));
    std::optional<storage::Store> store = ctx.openStore(storage::StoreUse::Read);
    if (!store)
        return kExitData;
    Result<data::ExportSummary> summary = data::exportData(*store->database, parser.value(out),
        key == QLatin1String("csv") ? data::ExportFormat::Csv : data::ExportFormat::Json);
    if (!summary)
        return ctx.fail(summary.error(), kExitFailure);
    auto counted = [](int n, const char* one, const char* many) -> QString {
        return QString::number(n) + QLatin1Char(' ') + QLatin1String(n == 1 ? one : many);
    };
    ctx.out << "Exported " << counted(summary->pitches, "pitch", "pitches") << ", "
            << counted(summary->takes, "take", "takes") << ", "
            << counted(summary->draws, "card draw", "card draws") << ", "
            << counted(summary->answers, "answer", "answers") << " and "
            << counted(summary->conversations, "conversation", "conversations") << " to "
            << QDir::toNativeSeparators(parser.value(out)) << ":\n";
    for (const QString& file : summary->files)
        ctx.out << "  " << QDir::toNativeSeparators(file) << '\n';
    ctx.out.flush();
    return kExitOk;
}

namespace {

void printCount(QTextStream& out, const char* table, const data::ImportCount& count)
{
    out << "  " << QString::fromLatin1(table).leftJustified(24) << count.added << " added, "
        << count.present << " already there\n";
}

} // namespace

int importCommand(CommandContext& ctx, const QStringList& args)
{
    const QString name = QStringLiteral("import");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Adds what an export (rapport-cli export) holds to your data: pitches, takes, card draws, "
        "answers and conversations. Records you already have are skipped, so importing the same "
        "export twice adds nothing; ids are kept where they are free. Every file is checked "
        "before anything is written: if one has a problem, nothing changes and the message names "
        "the file and line. An export holds no recordings: imported takes and answers keep their "
        "reports and ratings, and play only if their audio file is still where it was."));
    const QCommandLineOption from(QStringLiteral("from"),
        QStringLiteral("The folder an export was written to."), QStringLiteral("DIR"));
    const QCommandLineOption format(QStringLiteral("format"),
        QStringLiteral("csv or json (default: the format of the files in DIR)."),
        QStringLiteral("FORMAT"));
    parser.addOptions({ from, format });
    if (std::optional<int> stop = parseCommandLine(ctx, parser, name, args))
        return *stop;
    if (!parser.positionalArguments().isEmpty())
        return ctx.usageError(name,
            QStringLiteral("unexpected argument '%1'.").arg(parser.positionalArguments().first()));
    if (parser.value(from).trimmed().isEmpty())
        return ctx.usageError(name, QStringLiteral("import needs --from DIR."));
    std::optional<data::ExportFormat> chosen;
    if (parser.isSet(format)) {
        const QString key = parser.value(format).toLower();
        if (key != QLatin1String("csv") && key != QLatin1String("json"))
            return ctx.usageError(name, QStringLiteral("--format must be csv or json."));
        chosen = key == QLatin1String("csv") ? data::ExportFormat::Csv : data::ExportFormat::Json;
    }
    std::optional<storage::Store> store = ctx.openStore();
    if (!store)
        return kExitData;
    const QString folder = parser.value(from);
    if (!chosen) {
        // Which export to read is the command line's to say when the folder holds both.
        Result<data::ExportFormat> found = data::detectExportFormat(folder);
        if (!found && found.error().kind == ErrorKind::InvalidArgument)
            return ctx.usageError(name, found.error().what + QLatin1Char(' ') + found.error().fix);
    }
    Result<data::ImportSummary> summary = data::importData(*store->database, folder, chosen);
    if (!summary)
        return ctx.fail(summary.error(), exitCodeFor(summary.error()));
    ctx.out << "Imported the " << (summary->format == data::ExportFormat::Csv ? "CSV" : "JSON")
            << " export in " << QDir::toNativeSeparators(folder) << ":\n";
    printCount(ctx.out, "pitches", summary->pitches);
    printCount(ctx.out, "takes", summary->takes);
    printCount(ctx.out, "card draws", summary->draws);
    printCount(ctx.out, "answers", summary->answers);
    printCount(ctx.out, "conversations", summary->conversations);
    printCount(ctx.out, "conversation questions", summary->conversationQuestions);
    if (const int n = summary->takesWithoutAudio; n > 0)
        ctx.out << n << (n == 1 ? " added take has" : " added takes have")
                << " no recording on this computer (an export holds none): the reports and "
                   "ratings are there, but "
                << (n == 1 ? "it cannot" : "they cannot") << " be played.\n";
    if (const int n = summary->answersWithoutAudio; n > 0)
        ctx.out << n << (n == 1 ? " added answer has" : " added answers have")
                << " no recording on this computer (an export holds none): the reports and "
                   "ratings are there, but "
                << (n == 1 ? "it cannot" : "they cannot") << " be played.\n";
    if (const int n = summary->starsNotImported; n > 0)
        ctx.out << n << (n == 1 ? " added take was" : " added takes were")
                << " starred for a pitch that already has a starred take; that star was kept "
                   "and "
                << (n == 1 ? "this take was" : "these were") << " added unstarred.\n";
    if (const int n = summary->recordingsAlreadyUsed; n > 0)
        ctx.out << n
                << (n == 1 ? " added take or answer named a recording"
                           : " added takes or answers named recordings")
                << " another take or answer already uses; a recording belongs to one take or "
                   "answer, so "
                << (n == 1 ? "it was" : "they were") << " added without one.\n";
    ctx.out.flush();
    return kExitOk;
}

} // namespace rapport::cli
