#include "core/storage/migrations.h"

#include "core/storage/sqlerror.h"

#include <QSqlQuery>
#include <QVariant>

namespace rapport::storage {

namespace {

// Append-only. Never edit or reorder a migration that has shipped.
const std::vector<Migration> kMigrations = {
    { 1, "application metadata",
        {
            "CREATE TABLE app_meta ("
            "  key TEXT PRIMARY KEY NOT NULL,"
            "  value TEXT NOT NULL)",
            "INSERT INTO app_meta (key, value) "
            "VALUES ('created_at', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
        } },
};

Status exec(QSqlDatabase& db, const QString& sql, int version)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return {};
    return sqlFailure(query.lastError(), db.databaseName(),
        QStringLiteral("Upgrading the database to schema %1 failed; it was left at the previous "
                       "version, unchanged.")
            .arg(version));
}

Status applyStep(QSqlDatabase& db, const Migration& step)
{
    // BEGIN IMMEDIATE takes the write lock up front, so a busy database fails before any change.
    if (Status s = exec(db, QStringLiteral("BEGIN IMMEDIATE"), step.version); !s)
        return s;
    for (const char* statement : step.statements) {
        if (Status s = exec(db, QString::fromUtf8(statement), step.version); !s) {
            QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
            return s;
        }
    }
    // user_version lives in the database header and is rolled back with the transaction.
    Status s = exec(db, QStringLiteral("PRAGMA user_version = %1").arg(step.version), step.version);
    if (s)
        s = exec(db, QStringLiteral("COMMIT"), step.version);
    if (!s)
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
    return s;
}

} // namespace

std::span<const Migration> schemaMigrations()
{
    return kMigrations;
}

int latestVersion(std::span<const Migration> migrations)
{
    return migrations.empty() ? 0 : migrations.back().version;
}

Result<int> schemaVersion(const QSqlDatabase& db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return sqlFailure(query.lastError(), db.databaseName(),
            QStringLiteral("Could not read the database's schema version."));
    return query.value(0).toInt();
}

Result<MigrationOutcome> migrate(QSqlDatabase& db, std::span<const Migration> migrations)
{
    Result<int> current = schemaVersion(db);
    if (!current)
        return current.error();
    MigrationOutcome outcome { *current, *current };
    const int latest = latestVersion(migrations);
    if (outcome.fromVersion > latest) {
        return Error { ErrorKind::NewerSchema,
            QStringLiteral("The database %1 was written by a newer version of Rapport (schema %2; "
                           "this version knows up to schema %3). It was not changed.")
                .arg(db.databaseName())
                .arg(outcome.fromVersion)
                .arg(latest),
            QStringLiteral("Install the newer Rapport again, or use another data folder with "
                           "--data-dir or RAPPORT_DATA_DIR."),
            {} };
    }
    for (const Migration& step : migrations) {
        if (step.version <= outcome.toVersion)
            continue;
        if (Status s = applyStep(db, step); !s)
            return s.error();
        outcome.toVersion = step.version;
    }
    return outcome;
}

} // namespace rapport::storage
