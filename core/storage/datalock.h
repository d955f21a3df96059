#pragma once

#include "core/common/result.h"
#include "core/storage/datadir.h"

#include <QString>

namespace rapport::storage {

/// Every process that opens a data folder holds this lock on its `.lock` file, shared, for as
/// long as it has the folder open (flock(2), so it goes when the process does, however it ends).
/// A restore, which swaps the database and the recordings underneath, needs it exclusively: it
/// then knows no other window or command has the old database open, and none opens it until the
/// swap is done.
class DataLock
{
public:
    DataLock() = default; ///< holds nothing
    ~DataLock();
    DataLock(DataLock&& other) noexcept;
    DataLock& operator=(DataLock&& other) noexcept;
    DataLock(const DataLock&) = delete;
    DataLock& operator=(const DataLock&) = delete;

    /// Takes the folder's lock shared, waiting up to kWaitMs while a restore holds it. Busy when
    /// one still does. In a folder where the lock file cannot be made (read-only), holds nothing
    /// and succeeds: nothing there can be restored either.
    static Result<DataLock> shared(const DataPaths& paths);

    /// Turns this process's shared lock into an exclusive one, without waiting: Busy, saying to
    /// close the other windows and commands, when another process has the folder open.
    Status makeExclusive();
    /// Back to shared (after the swap), so other processes may open the folder again.
    void makeShared();
    bool holds() const { return m_fd >= 0; }

    static constexpr int kWaitMs = 3000;

private:
    explicit DataLock(int fd, QString path);
    int m_fd = -1;
    QString m_path;
};

/// The lock file of `paths`: root/.lock.
QString lockFilePath(const DataPaths& paths);

} // namespace rapport::storage
