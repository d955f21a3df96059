#pragma once

#include "core/common/result.h"

#include <QSqlDatabase>
#include <span>
#include <vector>

namespace rapport::storage {

/// One schema revision. Shipped migrations are never edited: add a new one instead.
struct Migration
{
    int version; ///< the schema version after this step; versions run 1, 2, 3, ... without gaps
    const char* description; ///< what the step adds, for logs and `rapport-cli info`
    std::vector<const char*> statements; ///< SQL statements, run in order in one transaction
};

/// Rapport's schema history, oldest first.
std::span<const Migration> schemaMigrations();

/// The version a database has after applying every step of `migrations` (0 for an empty list).
int latestVersion(std::span<const Migration> migrations);

/// What migrate() did.
struct MigrationOutcome
{
    int fromVersion = 0; ///< PRAGMA user_version before
    int toVersion = 0; ///< PRAGMA user_version after
    bool changed() const { return fromVersion != toVersion; }
};

/// Reads PRAGMA user_version.
Result<int> schemaVersion(const QSqlDatabase& db);

/// Brings `db` from its PRAGMA user_version to latestVersion(migrations). Each step runs in its
/// own transaction together with the user_version update, so a failing step leaves the database
/// at the previous version, unchanged. A database newer than the list is refused, untouched.
/// Precondition: `db` is open, on this thread, not inside a transaction.
Result<MigrationOutcome> migrate(QSqlDatabase& db, std::span<const Migration> migrations);

} // namespace rapport::storage
