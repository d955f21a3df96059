#pragma once

#include "core/common/result.h"
#include "core/storage/database.h"
#include "core/storage/datadir.h"
#include "core/storage/datalock.h"

#include <memory>

namespace rapport::storage {

/// An opened data directory: its paths and its migrated database.
struct Store
{
    DataPaths paths;
    std::unique_ptr<Database> database;
    DataLock lock; ///< held shared while the store is open
    /// What opening did that the user should hear about once (a restore that was interrupted and
    /// has been completed or rolled back); empty when nothing.
    QString notice;
    /// Opened read-only (StoreUse::Read in a folder the user cannot write to): every write fails.
    bool readOnly = false;
};

/// What the caller will do with an opened store.
enum class StoreUse {
    ReadWrite, ///< anything: the folder must be writable
    /// Only read (list, show, export, back up): in a folder the user cannot write to, the
    /// database is opened read-only instead of refused, as long as it needs no migration and no
    /// restore is left to finish there.
    Read,
};

/// Takes the folder's lock (DataLock::shared) and, when a restore was cut short there, completes
/// or rolls it back first (recoverInterruptedSwap), which needs the lock alone for a moment: Busy
/// while another process has the folder open. `notice` gets what to tell the user.
Result<DataLock> lockDataFolder(const DataPaths& paths, QString* notice);

/// Prepares `dataDir` (see prepareDataDirectory), locks it (lockDataFolder) and opens its database
/// (see Database::open). It never makes a fresh database where the user's data may be elsewhere:
/// when rapport.sqlite is missing but a restore's before-restore-* folder holds one, or when
/// rapport.sqlite is an empty file, it says so and what to do instead.
Result<Store> openStore(
    const QString& dataDir, const OpenOptions& options = {}, StoreUse use = StoreUse::ReadWrite);

} // namespace rapport::storage
