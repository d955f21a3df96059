// backup and restore: linked into the helper programs only, so that rapport-cli's other commands
// start without libarchive and the compression libraries it loads (see audiohelper.h).
#include "app/cli/audiocommands.h"
#include "core/data/backup.h"

#include <QDir>
#include <QLocale>

namespace rapport::cli {

namespace {

std::optional<QString> oneFile(
    CommandContext& ctx, const QString& name, QCommandLineParser& parser, const QStringList& args)
{
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The backup archive."));
    if (std::optional<int> stop = parseCommandLine(ctx, parser, name, args)) {
        ctx.out.flush();
        return *stop == kExitOk ? std::optional<QString>(QString()) : std::nullopt;
    }
    if (parser.positionalArguments().size() != 1) {
        ctx.usageError(name, QStringLiteral("give exactly one backup file."));
        return std::nullopt;
    }
    return parser.positionalArguments().first();
}

QString describe(const data::BackupSummary& b)
{
    return QStringLiteral("%1 %2, database schema %3, %4")
        .arg(b.recordings)
        .arg(b.recordings == 1 ? QStringLiteral("recording") : QStringLiteral("recordings"))
        .arg(b.schemaVersion)
        .arg(QLocale::c().formattedDataSize(b.bytes));
}

} // namespace

int backupCommand(CommandContext& ctx, const QStringList& args)
{
    const QString name = QStringLiteral("backup");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Writes one archive (.tar.gz) with a consistent copy of the database and every "
        "recording. Safe while the Rapport window is open. --verify checks an existing "
        "archive instead."));
    const QCommandLineOption verify(
        QStringLiteral("verify"), QStringLiteral("Check FILE completely; change nothing."));
    parser.addOption(verify);
    const std::optional<QString> file = oneFile(ctx, name, parser, args);
    if (!file)
        return kExitUsage;
    if (file->isEmpty())
        return kExitOk; // --help
    if (parser.isSet(verify)) {
        Result<data::BackupSummary> checked = data::verifyBackup(*file);
        if (!checked)
            return ctx.fail(checked.error(), exitCodeFor(checked.error()));
        ctx.out << QDir::toNativeSeparators(*file) << " is a good backup from "
                << checked->createdAt.toString(Qt::ISODate) << ": " << describe(*checked) << ".\n";
        ctx.out.flush();
        return kExitOk;
    }
    std::optional<storage::Store> store = ctx.openStore(storage::StoreUse::Read);
    if (!store)
        return kExitData;
    const storage::DataPaths paths = store->paths;
    Result<data::BackupSummary> backup = data::createBackup(paths, *file);
    if (!backup)
        return ctx.fail(backup.error(), exitCodeFor(backup.error()));
    ctx.out << "Backed up to " << QDir::toNativeSeparators(*file) << ": " << describe(*backup)
            << ".\n";
    ctx.out.flush();
    return kExitOk;
}

int restoreCommand(CommandContext& ctx, const QStringList& args)
{
    const QString name = QStringLiteral("restore");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Replaces your data with a backup's, after checking the whole archive. The data it "
        "replaces is kept in a before-restore-<time> folder inside the data folder. Refused, "
        "changing nothing, while a Rapport window or another command has the data open."));
    const std::optional<QString> file = oneFile(ctx, name, parser, args);
    if (!file)
        return kExitUsage;
    if (file->isEmpty())
        return kExitOk;
    Result<storage::DataPaths> paths = storage::prepareDataDirectory(ctx.dataDir);
    if (!paths)
        return ctx.fail(paths.error(), kExitData);
    // Not openStore(): a restore is what mends a database that no longer opens.
    QString notice;
    Result<storage::DataLock> lock = storage::lockDataFolder(*paths, &notice);
    if (!lock)
        return ctx.fail(lock.error(), exitCodeFor(lock.error()));
    if (!notice.isEmpty())
        ctx.err << notice << '\n';
    Result<data::RestoreSummary> restored = data::restoreBackup(*file, *paths, *lock);
    if (!restored)
        return ctx.fail(restored.error(), exitCodeFor(restored.error()));
    ctx.out << "Restored the backup from " << restored->backup.createdAt.toString(Qt::ISODate)
            << " (" << describe(restored->backup) << ").\n";
    if (!restored->safetyCopy.isEmpty())
        ctx.out << "Your previous data is kept in "
                << QDir::toNativeSeparators(restored->safetyCopy) << ".\n";
    ctx.out.flush();
    return kExitOk;
}

} // namespace rapport::cli
