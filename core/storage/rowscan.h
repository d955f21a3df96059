#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>
#include <initializer_list>
#include <memory>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace rapport::storage {

/// A connection a RowScan reads through: the application's own (borrowed from Qt's driver) or
/// a ReadConnection.
struct ScanSource
{
    sqlite3* handle = nullptr;
    QString databasePath; ///< for error messages

    /// The connection behind `db`; no handle when it is not an open SQLite database.
    static ScanSource of(const QSqlDatabase& db);
};

/// A read-only connection of its own to a database file, so that a second thread can read
/// while the first one does (SQLite in WAL mode lets readers run side by side). Use it from
/// one thread at a time.
class ReadConnection
{
public:
    static Result<std::unique_ptr<ReadConnection>> open(const QString& path, int busyTimeoutMs);
    ~ReadConnection();
    ReadConnection(const ReadConnection&) = delete;
    ReadConnection& operator=(const ReadConnection&) = delete;

    ScanSource source() const { return { m_handle, m_path }; }

private:
    ReadConnection(sqlite3* handle, QString path);

    sqlite3* m_handle = nullptr;
    QString m_path;
};

/// Reads the rows of one SELECT straight from SQLite. For the few readers that go through
/// hundreds of thousands of rows: QSqlQuery makes a QVariant of every value of every row, and
/// cannot be used from a second thread on the application's connection. On the application's
/// connection it reads inside whatever transaction is open there. Values are only valid until
/// the next call to next().
class RowScan
{
public:
    RowScan(const ScanSource& source, const char* statement);
    ~RowScan();
    RowScan(const RowScan&) = delete;
    RowScan& operator=(const RowScan&) = delete;

    /// Binds the text parameters in order and starts the statement; `what` says what was being
    /// done, for the error.
    Status start(std::initializer_list<QByteArray> texts, const QString& what);
    /// Steps to the next row; false at the end or on failure (then check status()).
    bool next();
    /// The failure of start() or next(), if any.
    const Status& status() const { return m_status; }

    bool isNull(int column) const;
    double real(int column) const;
    qint64 integer(int column) const;
    /// UTF-8 text; empty for NULL.
    std::string_view text(int column) const;

private:
    Status failure(int code);

    ScanSource m_source;
    sqlite3_stmt* m_statement = nullptr;
    Status m_prepareFailure; ///< with an empty `what`, filled in by start()
    QString m_what;
    Status m_status;
};

} // namespace rapport::storage
