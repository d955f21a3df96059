#pragma once

#include "core/common/result.h"
#include "core/storage/datadir.h"
#include "core/storage/datalock.h"

#include <QDateTime>

namespace rapport::data {

/// What a backup archive holds.
struct BackupSummary
{
    QString archivePath;
    int schemaVersion = 0;
    int recordings = 0; ///< audio files in the archive
    qint64 bytes = 0; ///< size of the archive file
    QDateTime createdAt; ///< UTC
};

/// What a restore did.
struct RestoreSummary
{
    BackupSummary backup;
    QString safetyCopy; ///< folder now holding the data that was replaced; empty if there was none
};

/// Writes one archive (.tar.gz) with a consistent copy of the database — taken with SQLite's
/// online backup, so it works while Rapport is open — and every recording, plus a manifest with
/// each file's size and SHA-256. The archive is written to a temporary name and renamed, and is
/// private (0600). Errors name the file and say what to do.
Result<BackupSummary> createBackup(const storage::DataPaths& data, const QString& archivePath,
    const QDateTime& nowUtc = QDateTime::currentDateTimeUtc());

/// Checks an archive completely (manifest, sizes, checksums, names, the database's integrity and
/// schema) without touching the data folder. Format error when it is damaged or not a backup.
Result<BackupSummary> verifyBackup(const QString& archivePath);

/// Replaces the data in `data` with the archive's, after verifying all of it. The data that was
/// there moves to root/before-restore-<time>/ first, so nothing is lost; if anything fails, or the
/// process dies part way (storage::swapInData), the previous data is put back. `lock` is this
/// process's lock on the folder: the restore needs it alone (Busy, nothing changed, while another
/// window or command has the folder open) and gives it back shared.
Result<RestoreSummary> restoreBackup(const QString& archivePath, const storage::DataPaths& data,
    storage::DataLock& lock, const QDateTime& nowUtc = QDateTime::currentDateTimeUtc());

} // namespace rapport::data
