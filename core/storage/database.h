#pragma once

#include "core/common/result.h"
#include "core/storage/migrations.h"

#include <QSqlDatabase>
#include <QString>
#include <memory>

namespace rapport::storage {

/// How Database::open behaves; the defaults are what the programs use.
struct OpenOptions
{
    int busyTimeoutMs = 5000; ///< how long to wait for another program's lock
    std::span<const Migration> migrations = schemaMigrations(); ///< tests pass their own lists
    /// Opens an existing database for reading only, without migrating or writing a byte (not even
    /// its journal): for a data folder the user cannot write to. A database that needs migrating
    /// is refused, saying that updating it needs write access.
    bool readOnly = false;
};

/// One open connection to a Rapport database (SQLite, WAL, foreign keys on), at the latest
/// schema. Use it on the thread that opened it only (a Qt SQL rule).
class Database
{
public:
    /// Opens or creates the database at `filePath` and migrates it. Refuses, without changing a
    /// byte: files that are not SQLite databases, SQLite files of other programs, databases
    /// written by a newer Rapport. A new file is created with mode 0600.
    static Result<std::unique_ptr<Database>> open(
        const QString& filePath, const OpenOptions& options = {});

    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    /// The Qt SQL connection, for the repositories in core/storage.
    QSqlDatabase connection() const;
    QString filePath() const { return m_filePath; }
    /// The schema version the database had when it was opened, before migrating.
    int openedAtVersion() const { return m_outcome.fromVersion; }
    /// The schema version now (the latest known to this build).
    int schemaVersion() const { return m_outcome.toVersion; }
    /// Opened with OpenOptions::readOnly: every write fails.
    bool isReadOnly() const { return m_readOnly; }

    /// Runs PRAGMA integrity_check; returns its findings ("ok" when healthy).
    Result<QStringList> integrityCheck() const;
    /// Runs PRAGMA quick_check (every page read, indexes not matched; milliseconds on a typical
    /// database); returns its findings ("ok" when healthy).
    Result<QStringList> quickCheck() const;

private:
    static Result<std::unique_ptr<Database>> openReadOnly(
        const QString& filePath, const OpenOptions& options);
    Result<QStringList> runCheck(const QString& pragma) const;
    Database(QString connectionName, QString filePath);

    QString m_connectionName;
    QString m_filePath;
    MigrationOutcome m_outcome;
    bool m_readOnly = false;
};

/// The SQLite URI that reads the database `filePath` without writing a byte beside it, for a
/// folder the user cannot write to: immutable when no -wal file holds recent writes (everything
/// is in the main file), else read-only (SQLite then needs the -shm file to be there too).
QString readOnlyUri(const QString& filePath);

} // namespace rapport::storage
