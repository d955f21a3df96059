#include "app/cli/commands.h"
#include "core/version.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace rapport::cli {

int infoCommand(CommandContext& ctx, const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Shows the data folder, the database and its schema version."));
    const QCommandLineOption check(QStringLiteral("check"),
        QStringLiteral("Also run SQLite's integrity check on the database."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print one JSON object."));
    parser.addOptions({ check, json });
    if (std::optional<int> stop = parseCommandLine(ctx, parser, QStringLiteral("info"), args))
        return *stop;
    if (!parser.positionalArguments().isEmpty())
        return ctx.usageError(QStringLiteral("info"),
            QStringLiteral("unexpected argument '%1'.").arg(parser.positionalArguments().first()));

    std::optional<storage::Store> store = ctx.openStore(storage::StoreUse::Read);
    if (!store)
        return kExitData;
    const qsizetype recordings
        = QDir(store->paths.recordings()).entryList(QDir::Files | QDir::NoDotAndDotDot).size();
    QStringList findings;
    if (parser.isSet(check)) {
        Result<QStringList> result = store->database->integrityCheck();
        if (!result)
            return ctx.fail(result.error(), kExitData);
        findings = *result;
    }
    const bool healthy = findings.isEmpty() || findings == QStringList { QStringLiteral("ok") };

    if (parser.isSet(json)) {
        QJsonObject object {
            { QStringLiteral("version"), QString::fromLatin1(kVersion) },
            { QStringLiteral("data_dir"), store->paths.root },
            { QStringLiteral("database"), store->paths.database() },
            { QStringLiteral("schema_version"), store->database->schemaVersion() },
            { QStringLiteral("recordings_dir"), store->paths.recordings() },
            { QStringLiteral("recording_files"), recordings },
        };
        if (parser.isSet(check))
            object.insert(QStringLiteral("integrity"), QJsonArray::fromStringList(findings));
        ctx.out << QJsonDocument(object).toJson(QJsonDocument::Indented);
    } else {
        ctx.out << "Rapport " << kVersion << '\n'
                << "Data folder:  " << QDir::toNativeSeparators(store->paths.root) << '\n'
                << "Database:     " << QDir::toNativeSeparators(store->paths.database())
                << " (schema " << store->database->schemaVersion() << ")\n"
                << "Recordings:   " << QDir::toNativeSeparators(store->paths.recordings()) << " ("
                << recordings << (recordings == 1 ? " file" : " files") << ")\n";
        if (parser.isSet(check))
            ctx.out << "Integrity:    " << findings.join(QStringLiteral("; ")) << '\n';
    }
    ctx.out.flush();
    if (!healthy) {
        return ctx.fail(
            Error { ErrorKind::Database, QStringLiteral("The database failed its integrity check."),
                QStringLiteral("Restore a backup, or export what you can and start "
                               "a new data folder."),
                {} },
            kExitData);
    }
    return kExitOk;
}

} // namespace rapport::cli
