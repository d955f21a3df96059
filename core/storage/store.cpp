#include "core/storage/store.h"

#include "core/storage/appmeta.h"
#include "core/storage/dataswap.h"

#include <QDir>
#include <QFileInfo>

namespace rapport::storage {

namespace {

constexpr qint64 kDaysBetweenChecks = 7;

// A database set aside by a restore (root/before-restore-*/rapport.sqlite), newest first.
QString setAsideDatabase(const DataPaths& paths)
{
    const QStringList folders
        = QDir(paths.root)
              .entryList({ QStringLiteral("before-restore-*") }, QDir::Dirs | QDir::NoDotAndDotDot,
                  QDir::Name | QDir::Reversed);
    for (const QString& folder : folders) {
        const QString database = paths.root + QLatin1Char('/') + folder + QLatin1Char('/')
            + QFileInfo(paths.database()).fileName();
        if (QFileInfo::exists(database))
            return database;
    }
    return {};
}

// Damaged pages (a failing disk, a bad copy) would otherwise go unnoticed until the data they
// hold is read, perhaps long after the last good backup: once a week a start-up reads them all.
Status checkPagesWeekly(const Database& database)
{
    const QString key = QStringLiteral("last_quick_check");
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Result<QHash<QString, QString>> stored = readMeta(database, { key }, {});
    if (stored) {
        const QDateTime last = QDateTime::fromString(stored->value(key), Qt::ISODate);
        if (last.isValid() && last <= now && last.daysTo(now) < kDaysBetweenChecks)
            return {};
    }
    Result<QStringList> findings = database.quickCheck();
    if (!findings || *findings != QStringList { QStringLiteral("ok") }) {
        return Error { ErrorKind::NotADatabase,
            QStringLiteral("Your database %1 is damaged: SQLite's check found %2.")
                .arg(QDir::toNativeSeparators(database.filePath()),
                    findings ? findings->value(0) : findings.error().what),
            QStringLiteral("Restore your latest backup (rapport-cli restore FILE); keep a copy of "
                           "the damaged file, in case it holds something newer."),
            {} };
    }
    // Best effort: if this cannot be written, the check runs again next time.
    (void)writeMeta(database, { { key, now.toString(Qt::ISODate) } }, {});
    return {};
}

// openStore() for reading a folder the user cannot write to: no folder is made, no restore is
// finished, no check time recorded, and the database is opened without a byte written.
Result<Store> openReadOnly(const DataPaths& paths, OpenOptions options)
{
    const QString root = QDir::toNativeSeparators(paths.root);
    if (QFileInfo::exists(swapJournalPath(paths))) {
        return Error { ErrorKind::Permission,
            QStringLiteral("A restore in %1 was interrupted and must be finished before Rapport "
                           "can show the data, which needs write access: the folder is read-only.")
                .arg(root),
            QStringLiteral("Make %1 writable (chmod u+w) and run Rapport again.").arg(root), {} };
    }
    Result<DataLock> lock = DataLock::shared(paths); // holds nothing when no .lock can be opened
    if (!lock)
        return lock.error();
    options.readOnly = true;
    Result<std::unique_ptr<Database>> database = Database::open(paths.database(), options);
    if (!database)
        return database.error();
    Store store { paths, std::move(*database), std::move(*lock), {} };
    store.readOnly = true;
    return store;
}

} // namespace

Result<DataLock> lockDataFolder(const DataPaths& paths, QString* notice)
{
    Result<DataLock> lock = DataLock::shared(paths);
    if (!lock || !hasSwapLeftovers(paths))
        return lock;
    const bool pending = QFileInfo::exists(swapJournalPath(paths));
    if (Status alone = lock->makeExclusive(); !alone) {
        if (!pending)
            return lock; // unpacked leftovers only: cleaned up when the folder is free
        return Error { ErrorKind::Busy,
            QStringLiteral("A restore in %1 was interrupted and must be finished before Rapport "
                           "opens the data, but another Rapport window or command has it open.")
                .arg(QDir::toNativeSeparators(paths.root)),
            QStringLiteral("Close the other Rapport windows and commands, then try again."), {} };
    }
    Result<QString> recovered = recoverInterruptedSwap(paths);
    lock->makeShared();
    if (!recovered)
        return recovered.error();
    if (notice)
        *notice = *recovered;
    return lock;
}

Result<Store> openStore(const QString& dataDir, const OpenOptions& options, StoreUse use)
{
    if (use == StoreUse::Read && !dataDir.trimmed().isEmpty()) {
        const QFileInfo root(dataDir);
        if (root.isDir() && (!root.isWritable() || !root.isExecutable()))
            return openReadOnly(DataPaths { QDir::cleanPath(root.absoluteFilePath()) }, options);
    }
    Result<DataPaths> paths = prepareDataDirectory(dataDir);
    if (!paths)
        return paths.error();
    QString notice;
    Result<DataLock> lock = lockDataFolder(*paths, &notice);
    if (!lock)
        return lock.error();
    const QFileInfo file(paths->database());
    if (!file.exists()) {
        if (const QString aside = setAsideDatabase(*paths); !aside.isEmpty()) {
            const QString folder = QDir::toNativeSeparators(QFileInfo(aside).absolutePath());
            return Error { ErrorKind::NotFound,
                QStringLiteral("Your database %1 is missing, and a restore set your earlier data "
                               "aside in %2.")
                    .arg(QDir::toNativeSeparators(paths->database()), folder),
                QStringLiteral("To go back to that data, move rapport.sqlite and recordings from "
                               "%1 into %2. To start with no data instead, move the "
                               "before-restore folders out of %2 first.")
                    .arg(folder, QDir::toNativeSeparators(paths->root)),
                {} };
        }
    } else if (file.isFile() && file.size() == 0) {
        return Error { ErrorKind::NotADatabase,
            QStringLiteral("Your database %1 is an empty file (0 bytes): your data is not in it.")
                .arg(QDir::toNativeSeparators(paths->database())),
            QStringLiteral("Restore a backup (Settings > Your data, or rapport-cli restore FILE), "
                           "or move the empty file elsewhere to start with no data."),
            {} };
    }
    Result<std::unique_ptr<Database>> database = Database::open(paths->database(), options);
    if (!database)
        return database.error();
    if (Status checked = checkPagesWeekly(**database); !checked)
        return checked.error();
    return Store { std::move(*paths), std::move(*database), std::move(*lock), notice };
}

} // namespace rapport::storage
