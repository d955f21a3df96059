#include "core/storage/store.h"

namespace rapport::storage {

Result<Store> openStore(const QString& dataDir, const OpenOptions& options)
{
    Result<DataPaths> paths = prepareDataDirectory(dataDir);
    if (!paths)
        return paths.error();
    Result<std::unique_ptr<Database>> database = Database::open(paths->database(), options);
    if (!database)
        return database.error();
    return Store { std::move(*paths), std::move(*database) };
}

} // namespace rapport::storage
