#include "core/storage/rowscan.h"

#include "core/storage/sqlerror.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QVariant>
#include <sqlite3.h>

namespace rapport::storage {

namespace {

Error sqliteFailure(sqlite3* handle, int code, const QString& path, const QString& what)
{
    const QString message = handle ? QString::fromUtf8(sqlite3_errmsg(handle))
                                   : QString::fromUtf8(sqlite3_errstr(code));
    return sqlFailure(
        QSqlError(message, QString(), QSqlError::StatementError, QString::number(code)), path,
        what);
}

} // namespace

ScanSource ScanSource::of(const QSqlDatabase& db)
{
    ScanSource source { nullptr, db.databaseName() };
    // The QSQLITE driver hands out its sqlite3* as a QVariant holding "sqlite3*".
    const QVariant handle = db.isOpen() ? db.driver()->handle() : QVariant();
    if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
        source.handle = *static_cast<sqlite3* const*>(handle.constData());
    return source;
}

ReadConnection::ReadConnection(sqlite3* handle, QString path)
    : m_handle(handle)
    , m_path(std::move(path))
{ }

ReadConnection::~ReadConnection()
{
    sqlite3_close(m_handle);
}

Result<std::unique_ptr<ReadConnection>> ReadConnection::open(const QString& path, int busyTimeoutMs)
{
    sqlite3* handle = nullptr;
    // NOMUTEX: the connection is used by one thread at a time, so SQLite need not lock it. URI:
    // `path` may be a readOnlyUri().
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &handle,
        SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI, nullptr);
    if (rc != SQLITE_OK) {
        Error error = sqliteFailure(
            handle, rc, path, QStringLiteral("Could not open the database to read it."));
        sqlite3_close(handle);
        return error;
    }
    sqlite3_busy_timeout(handle, busyTimeoutMs);
    return std::unique_ptr<ReadConnection>(new ReadConnection(handle, path));
}

RowScan::RowScan(const ScanSource& source, const char* statement)
    : m_source(source)
{
    if (!m_source.handle)
        return;
    const int rc = sqlite3_prepare_v2(m_source.handle, statement, -1, &m_statement, nullptr);
    if (rc != SQLITE_OK) {
        // Kept now: the connection's last message changes with its next statement.
        m_prepareFailure = failure(rc);
        sqlite3_finalize(m_statement);
        m_statement = nullptr;
    }
}

RowScan::~RowScan()
{
    sqlite3_finalize(m_statement);
}

Status RowScan::failure(int code)
{
    return sqliteFailure(m_source.handle, code, m_source.databasePath, m_what);
}

Status RowScan::start(std::initializer_list<QByteArray> texts, const QString& what)
{
    m_what = what;
    if (!m_source.handle)
        return m_status = Error { ErrorKind::Database, what,
            QStringLiteral("Try again; if it keeps failing, run `rapport-cli info --check`."),
            QStringLiteral("The database is not open.") };
    if (!m_statement) {
        Error error = m_prepareFailure.error();
        error.what = what + error.what;
        return m_status = error;
    }
    sqlite3_reset(m_statement);
    int index = 1;
    for (const QByteArray& text : texts) {
        // SQLITE_TRANSIENT: SQLite copies the text, so the caller's arrays may go away.
        const int rc = sqlite3_bind_text(
            m_statement, index++, text.constData(), int(text.size()), SQLITE_TRANSIENT);
        if (rc != SQLITE_OK)
            return m_status = failure(rc);
    }
    return m_status = {};
}

bool RowScan::next()
{
    if (!m_statement || !m_status)
        return false;
    const int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE)
        m_status = failure(rc);
    sqlite3_reset(m_statement);
    return false;
}

bool RowScan::isNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

double RowScan::real(int column) const
{
    return sqlite3_column_double(m_statement, column);
}

qint64 RowScan::integer(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

std::string_view RowScan::text(int column) const
{
    const auto* bytes = reinterpret_cast<const char*>(sqlite3_column_text(m_statement, column));
    return bytes ? std::string_view(bytes, std::size_t(sqlite3_column_bytes(m_statement, column)))
                 : std::string_view();
}

} // namespace rapport::storage
