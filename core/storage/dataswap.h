#pragma once

#include "core/common/result.h"
#include "core/storage/datadir.h"

#include <QString>
#include <QStringList>

namespace rapport::storage {

/// Replacing a data folder's database and recordings with staged ones (a restore), so that no
/// crash, kill or power cut can leave the folder without the user's data. Before the first rename
/// a journal (root/restore-journal.json, written and synced) names the staging folder and the
/// safety folder; the current database (with its -wal and -shm) and recordings move into the
/// safety folder, the staged ones into place, and removing the journal completes the swap. When
/// the journal is still there at the next open, recoverInterruptedSwap() finishes a swap whose
/// renames were all done and rolls back any other, putting the user's data back.

/// Swaps `staging`'s rapport.sqlite and recordings/ into `paths`, moving what is there into
/// `safety` (an existing, empty folder; on the same file system). On failure everything moved is
/// put back. `moved` gets the names moved into `safety`.
Status swapInData(const DataPaths& paths, const QString& staging, const QString& safety,
    QStringList* moved = nullptr);

/// Completes or rolls back a swap that was cut short, and removes staging folders left by
/// restores that died before their swap (root/.restore-*). Call with the folder's lock held
/// exclusively. Returns what to tell the user (empty when there was nothing to do).
Result<QString> recoverInterruptedSwap(const DataPaths& paths);

/// The journal's path: root/restore-journal.json.
QString swapJournalPath(const DataPaths& paths);

/// A QTemporaryDir template for a restore's staging folder in `paths` (root/.restore-XXXXXX,
/// on the data's file system), which recoverInterruptedSwap() removes when a restore died.
QString swapStagingTemplate(const DataPaths& paths);

/// Whether recoverInterruptedSwap() has anything to do: a journal, or staging folders.
bool hasSwapLeftovers(const DataPaths& paths);

} // namespace rapport::storage
