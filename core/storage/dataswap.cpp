#include "core/storage/dataswap.h"

#include "core/common/killpoint.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <cstdio>

namespace rapport::storage {

namespace {

const QString kDatabase = QStringLiteral("rapport.sqlite");
const QString kRecordings = QStringLiteral("recordings");
const QString kStagingPattern = QStringLiteral(".restore-*");

QStringList stagingFolders(const DataPaths& paths)
{
    return QDir(paths.root)
        .entryList({ kStagingPattern }, QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot);
}

// What moves aside, in order: the database with its log and shared memory, then the recordings.
QStringList currentNames()
{
    return { kDatabase, kDatabase + QStringLiteral("-wal"), kDatabase + QStringLiteral("-shm"),
        kRecordings };
}

QString native(const QString& path)
{
    return QDir::toNativeSeparators(path);
}

bool move(const QString& from, const QString& to)
{
    return std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) == 0;
}

bool removeAny(const QString& path)
{
    const QFileInfo info(path);
    if (!info.exists() && !info.isSymLink())
        return true;
    if (info.isDir() && !info.isSymLink())
        return QDir(path).removeRecursively();
    return QFile::remove(path);
}

Error ioError(const QString& what, const QString& fix)
{
    return Error { ErrorKind::Io, what, fix, {} };
}

Status writeJournal(const DataPaths& paths, const QString& staging, const QString& safety)
{
    QSaveFile file(swapJournalPath(paths));
    const QJsonObject journal { { QStringLiteral("staging"), QFileInfo(staging).fileName() },
        { QStringLiteral("safety"), QFileInfo(safety).fileName() } };
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(journal).toJson()) < 0
        || !file.commit())
        return ioError(QStringLiteral("Could not write %1.").arg(native(swapJournalPath(paths))),
            QStringLiteral("Check that the data folder is writable and the disk has room; "
                           "nothing was changed."));
    makeOwnerOnly(swapJournalPath(paths));
    return {};
}

// Puts back what moved into `safety`; what stands in its place (staged) goes back to `staging`
// when it can, else is deleted (the archive still has it).
bool rollBack(const DataPaths& paths, const QString& staging, const QString& safety)
{
    bool ok = true;
    for (const QString& name : currentNames()) {
        const QString aside = safety + QLatin1Char('/') + name;
        if (!QFileInfo::exists(aside))
            continue; // never moved: what is in place is the user's
        const QString inPlace = paths.root + QLatin1Char('/') + name;
        if (QFileInfo::exists(inPlace)) {
            const QString back = staging + QLatin1Char('/') + name;
            if (!(QFileInfo(staging).isDir() && !QFileInfo::exists(back) && move(inPlace, back)))
                ok = removeAny(inPlace) && ok;
        }
        ok = move(aside, inPlace) && ok;
    }
    QDir().rmdir(safety); // only when empty
    return ok;
}

} // namespace

QString swapJournalPath(const DataPaths& paths)
{
    return paths.root + QStringLiteral("/restore-journal.json");
}

QString swapStagingTemplate(const DataPaths& paths)
{
    return paths.root + QStringLiteral("/.restore-XXXXXX");
}

bool hasSwapLeftovers(const DataPaths& paths)
{
    return QFileInfo::exists(swapJournalPath(paths)) || !stagingFolders(paths).isEmpty();
}

Status swapInData(
    const DataPaths& paths, const QString& staging, const QString& safety, QStringList* moved)
{
    if (Status s = writeJournal(paths, staging, safety); !s)
        return s;
    killPoint("swap-journal");
    QStringList done;
    for (const QString& name : currentNames()) {
        const QString from = paths.root + QLatin1Char('/') + name;
        if (!QFileInfo::exists(from))
            continue;
        if (!move(from, safety + QLatin1Char('/') + name)) {
            rollBack(paths, staging, safety);
            QFile::remove(swapJournalPath(paths));
            return ioError(QStringLiteral("Could not move %1 aside.").arg(native(from)),
                QStringLiteral("Check the data folder's permissions; nothing was changed."));
        }
        done << name;
        killPoint(qPrintable(QStringLiteral("swap-aside-") + name));
    }
    for (const QString& name : { kDatabase, kRecordings }) {
        if (!move(staging + QLatin1Char('/') + name, paths.root + QLatin1Char('/') + name)) {
            const bool back = rollBack(paths, staging, safety);
            if (back)
                QFile::remove(swapJournalPath(paths));
            return ioError(
                QStringLiteral("Could not put the restored data in %1.").arg(native(paths.root)),
                back ? QStringLiteral("Your previous data is back in place. Check the folder's "
                                      "permissions.")
                     : QStringLiteral("Start Rapport again: it finishes putting your previous "
                                      "data back from %1.")
                           .arg(native(safety)));
        }
        killPoint(qPrintable(QStringLiteral("swap-in-") + name));
    }
    QFile::remove(swapJournalPath(paths)); // the swap is complete
    killPoint("swap-done");
    if (moved)
        *moved = done;
    return {};
}

Result<QString> recoverInterruptedSwap(const DataPaths& paths)
{
    QString told;
    const QString journalPath = swapJournalPath(paths);
    if (QFileInfo::exists(journalPath)) {
        QFile file(journalPath);
        QJsonObject journal;
        if (file.open(QIODevice::ReadOnly))
            journal = QJsonDocument::fromJson(file.readAll()).object();
        const QString stagingName = journal.value(QStringLiteral("staging")).toString();
        const QString safetyName = journal.value(QStringLiteral("safety")).toString();
        const auto plainName = [](const QString& name) {
            return !name.isEmpty() && !name.contains(QLatin1Char('/'))
                && name != QLatin1String("..") && name != QLatin1String(".");
        };
        if (!plainName(stagingName) || !plainName(safetyName))
            return Error { ErrorKind::Format,
                QStringLiteral("The record of an interrupted restore, %1, is damaged.")
                    .arg(native(journalPath)),
                QStringLiteral("Look in the data folder's before-restore-* folders for your "
                               "previous data, then remove that file."),
                {} };
        const QString staging = paths.root + QLatin1Char('/') + stagingName;
        const QString safety = paths.root + QLatin1Char('/') + safetyName;
        const bool allPlaced = !QFileInfo::exists(staging + QLatin1Char('/') + kDatabase)
            && !QFileInfo::exists(staging + QLatin1Char('/') + kRecordings)
            && QFileInfo::exists(paths.root + QLatin1Char('/') + kDatabase);
        if (allPlaced) {
            told = QStringLiteral("A restore was interrupted after it had put the backup in "
                                  "place; it is now complete. Your previous data is in %1.")
                       .arg(native(safety));
        } else if (rollBack(paths, staging, safety)) {
            told = QStringLiteral("A restore was interrupted before it finished; your data is "
                                  "as it was before it. Restore the backup again if you still "
                                  "want it.");
        } else {
            return Error { ErrorKind::Io,
                QStringLiteral("A restore was interrupted, and putting your previous data back "
                               "from %1 failed.")
                    .arg(native(safety)),
                QStringLiteral("Check the data folder's permissions, then start Rapport again."),
                {} };
        }
        if (!QFile::remove(journalPath))
            return ioError(QStringLiteral("Could not remove %1.").arg(native(journalPath)),
                QStringLiteral("Check the data folder's permissions."));
    }
    // Staging folders of restores that died while unpacking (hundreds of MB each).
    for (const QString& folder : stagingFolders(paths))
        removeAny(paths.root + QLatin1Char('/') + folder);
    return told;
}

} // namespace rapport::storage
