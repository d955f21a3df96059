#pragma once

#include "core/common/result.h"

#include <QString>

namespace rapport::storage {

/// Name of the environment variable that overrides the data directory (tests, portable use).
inline constexpr const char* kDataDirEnv = "RAPPORT_DATA_DIR";

/// The folders and files of one data directory.
struct DataPaths
{
    QString root; ///< absolute path of the data directory
    QString database() const; ///< root/rapport.sqlite
    QString recordings() const; ///< root/recordings
};

/// The data directory to use: RAPPORT_DATA_DIR when set and not empty, otherwise
/// QStandardPaths::AppDataLocation (~/.local/share/rapport). Does not touch the disk.
QString defaultDataDirectory();

/// Makes sure root and root/recordings exist and are writable folders. Folders this call creates
/// get mode 0700; recordings/ is always tightened to 0700. An existing root is never re-moded
/// (it may be a folder the user chose). Nothing is deleted or overwritten.
Result<DataPaths> prepareDataDirectory(const QString& root);

/// Restricts an existing file to its owner (0600). Returns false when the OS refuses.
bool makeOwnerOnly(const QString& filePath);

} // namespace rapport::storage
