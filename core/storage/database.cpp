#include "core/storage/database.h"

#include "core/storage/datadir.h"
#include "core/storage/sqlerror.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QUrl>
#include <QVariant>

namespace rapport::storage {

namespace {

constexpr QByteArrayView kSqliteMagic("SQLite format 3\0", 16);

QString nativePath(const QString& path)
{
    return QDir::toNativeSeparators(path);
}

Error notRapportFile(const QString& path, const QString& why)
{
    return Error { ErrorKind::NotADatabase,
        QStringLiteral("%1 is not a Rapport database: %2. Rapport did not change it.")
            .arg(nativePath(path), why),
        QStringLiteral("Move the file aside (or restore it from a backup), or use another data "
                       "folder with --data-dir or RAPPORT_DATA_DIR."),
        {} };
}

// Looks at the file before SQLite does, so that a foreign file is never opened for writing.
Status checkExistingFile(const QString& path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return {};
    if (!info.isFile())
        return notRapportFile(path, QStringLiteral("it is not a regular file"));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error { ErrorKind::Permission,
            QStringLiteral("Cannot read the database %1.").arg(nativePath(path)),
            QStringLiteral("Check the file's permissions (it should belong to you)."),
            file.errorString() };
    }
    if (file.size() == 0)
        return {}; // SQLite treats an empty file as an empty database.
    if (file.read(kSqliteMagic.size()) != kSqliteMagic)
        return notRapportFile(path, QStringLiteral("it is not an SQLite file"));
    return {};
}

Status createOwnerOnlyFile(const QString& path)
{
    QFile file(path);
    if (file.exists())
        return {};
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
            QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        return Error { ErrorKind::Permission,
            QStringLiteral("Cannot create the database %1.").arg(nativePath(path)),
            QStringLiteral("Check that the folder exists, is writable and the disk is not full, or "
                           "use another data folder with --data-dir."),
            file.errorString() };
    }
    return {};
}

Status pragma(QSqlDatabase& db, const QString& statement)
{
    QSqlQuery query(db);
    if (query.exec(statement))
        return {};
    return sqlFailure(query.lastError(), db.databaseName(),
        QStringLiteral("Could not prepare the database (%1).").arg(statement));
}

// A database with tables but user_version 0 belongs to some other program.
Result<bool> hasForeignTables(QSqlDatabase& db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !query.next())
        return sqlFailure(
            query.lastError(), db.databaseName(), QStringLiteral("Could not read the database."));
    return query.value(0).toInt() > 0;
}

} // namespace

Database::Database(QString connectionName, QString filePath)
    : m_connectionName(std::move(connectionName))
    , m_filePath(std::move(filePath))
{ }

Database::~Database()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

Result<std::unique_ptr<Database>> Database::open(
    const QString& filePath, const OpenOptions& options)
{
    static QAtomicInteger<int> counter;
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) {
        return Error { ErrorKind::Unsupported,
            QStringLiteral("Qt's SQLite driver is not installed."),
            QStringLiteral("Install the package libqt6sql6-sqlite and start Rapport again."), {} };
    }
    if (Status s = checkExistingFile(filePath); !s)
        return s.error();
    if (options.readOnly)
        return openReadOnly(filePath, options);
    const bool isNew = !QFileInfo::exists(filePath);
    if (Status s = createOwnerOnlyFile(filePath); !s)
        return s.error();
    if (!isNew)
        makeOwnerOnly(filePath); // best effort: a user's copy may have come in with wider modes

    const QString name = QStringLiteral("rapport-db-%1").arg(counter.fetchAndAddRelaxed(1));
    std::unique_ptr<Database> database(new Database(name, filePath));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(filePath);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(options.busyTimeoutMs));
    if (!db.open()) {
        return sqlFailure(db.lastError(), filePath,
            QStringLiteral("Cannot open the database %1.").arg(nativePath(filePath)));
    }

    // Read-only checks first: a refused database must not be modified, not even its journal mode.
    Result<int> version = storage::schemaVersion(db);
    if (!version)
        return version.error();
    const int latest = latestVersion(options.migrations);
    if (*version == 0) {
        Result<bool> foreign = hasForeignTables(db);
        if (!foreign)
            return foreign.error();
        if (*foreign)
            return notRapportFile(filePath, QStringLiteral("it holds another program's tables"));
    }
    if (*version > latest) {
        // migrate() words the refusal; it reads and returns before writing anything.
        return migrate(db, options.migrations).error();
    }

    for (const QString& statement :
        { QStringLiteral("PRAGMA foreign_keys = ON"), QStringLiteral("PRAGMA journal_mode = WAL"),
            QStringLiteral("PRAGMA synchronous = NORMAL"),
            // 32 MiB of page cache (SQLite's default is 2 MiB): years of takes are read for the
            // progress charts, and re-reading them from the OS doubled the time.
            QStringLiteral("PRAGMA cache_size = -32768") }) {
        if (Status s = pragma(db, statement); !s)
            return s.error();
    }
    Result<MigrationOutcome> outcome = migrate(db, options.migrations);
    if (!outcome)
        return outcome.error();
    database->m_outcome = *outcome;
    return database;
}

Result<std::unique_ptr<Database>> Database::openReadOnly(
    const QString& filePath, const OpenOptions& options)
{
    static QAtomicInteger<int> counter;
    const QString folder = nativePath(QFileInfo(filePath).absolutePath());
    if (!QFileInfo(filePath).isFile()) {
        return Error { ErrorKind::NotFound,
            QStringLiteral("There is no database (rapport.sqlite) in %1, and Rapport cannot make "
                           "one: the folder is read-only.")
                .arg(folder),
            QStringLiteral("Point Rapport at the folder that holds your data with --data-dir, or "
                           "make %1 writable (chmod u+w).")
                .arg(folder),
            {} };
    }
    const QString name = QStringLiteral("rapport-db-ro-%1").arg(counter.fetchAndAddRelaxed(1));
    std::unique_ptr<Database> database(new Database(name, filePath));
    database->m_readOnly = true;
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(readOnlyUri(filePath));
    db.setConnectOptions(
        QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI;QSQLITE_BUSY_TIMEOUT=%1")
            .arg(options.busyTimeoutMs));
    Result<int> version = db.open() ? storage::schemaVersion(db)
                                    : Result<int>(sqlFailure(db.lastError(), filePath, {}));
    if (!version) {
        return Error { ErrorKind::Permission,
            QStringLiteral("Rapport cannot read %1 in the read-only folder %2: it holds changes "
                           "that were not yet written into the database (%3).")
                .arg(nativePath(filePath), folder, version.error().what),
            QStringLiteral("Make %1 writable (chmod u+w) and run Rapport once; it then finishes "
                           "writing them, and the folder may be made read-only again.")
                .arg(folder),
            {} };
    }
    const int latest = latestVersion(options.migrations);
    if (*version == 0)
        return notRapportFile(filePath, QStringLiteral("it holds no Rapport data"));
    if (*version > latest)
        return migrate(db, options.migrations).error(); // the newer-Rapport refusal, no writes
    if (*version < latest) {
        return Error { ErrorKind::Permission,
            QStringLiteral("The database %1 was written by an earlier Rapport and must be updated "
                           "before this one can read it, which needs write access: the folder %2 "
                           "is read-only.")
                .arg(nativePath(filePath), folder),
            QStringLiteral("Make %1 writable (chmod u+w) and run Rapport once; the folder may be "
                           "made read-only again afterwards.")
                .arg(folder),
            {} };
    }
    for (const QString& statement : { QStringLiteral("PRAGMA foreign_keys = ON"),
             QStringLiteral("PRAGMA cache_size = -32768") }) {
        if (Status s = pragma(db, statement); !s)
            return s.error();
    }
    database->m_outcome = { *version, *version };
    return database;
}

QString readOnlyUri(const QString& filePath)
{
    // A database closed cleanly has no -wal file: everything is in the main file, and SQLite may
    // read it as immutable, with no -shm file to make in the read-only folder. A -wal file that
    // is there holds recent writes that only a -shm index can show; SQLite reads both read-only
    // when they exist, and says it cannot open otherwise.
    const bool pendingWrites = QFileInfo(filePath + QStringLiteral("-wal")).size() > 0;
    QUrl uri = QUrl::fromLocalFile(QFileInfo(filePath).absoluteFilePath());
    uri.setQuery(pendingWrites ? QStringLiteral("mode=ro") : QStringLiteral("immutable=1"));
    return uri.toString(QUrl::FullyEncoded);
}

Result<QStringList> Database::integrityCheck() const
{
    return runCheck(QStringLiteral("PRAGMA integrity_check"));
}

Result<QStringList> Database::quickCheck() const
{
    return runCheck(QStringLiteral("PRAGMA quick_check"));
}

Result<QStringList> Database::runCheck(const QString& pragma) const
{
    QSqlDatabase db = connection();
    QSqlQuery query(db);
    if (!query.exec(pragma))
        return sqlFailure(
            query.lastError(), m_filePath, QStringLiteral("The integrity check could not run."));
    QStringList findings;
    while (query.next())
        findings << query.value(0).toString();
    return findings;
}

} // namespace rapport::storage
