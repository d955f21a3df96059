#pragma once

#include "core/common/result.h"
#include "core/storage/database.h"
#include "core/storage/datadir.h"

#include <memory>

namespace rapport::storage {

/// An opened data directory: its paths and its migrated database.
struct Store
{
    DataPaths paths;
    std::unique_ptr<Database> database;
};

/// Prepares `dataDir` (see prepareDataDirectory) and opens its database (see Database::open).
Result<Store> openStore(const QString& dataDir, const OpenOptions& options = {});

} // namespace rapport::storage
