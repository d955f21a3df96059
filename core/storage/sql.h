#pragma once

#include "core/common/result.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>
#include <initializer_list>

namespace rapport::storage {

/// A time as Rapport stores it: UTC, ISO 8601 with milliseconds ("2026-11-23T09:00:00.000Z"),
/// so stored times sort as text. Empty for an invalid time.
QString toStoredTime(const QDateTime& time);
/// The UTC time a stored text holds; invalid for NULL, empty or malformed text.
QDateTime fromStoredTime(const QVariant& value);

/// A prepared statement with positional bindings whose failures become actionable Errors.
class Sql
{
public:
    Sql(const QSqlDatabase& db, const QString& statement);
    /// Binds the values in order and executes; `what` says what was being done, for the error.
    Status exec(std::initializer_list<QVariant> values, const QString& what);
    /// The same, for values put together at run time.
    Status exec(const QVariantList& values, const QString& what);
    bool next() { return m_query.next(); }
    QVariant value(int column) const { return m_query.value(column); }
    QVariant lastInsertId() const { return m_query.lastInsertId(); }
    int rowsAffected() const { return m_query.numRowsAffected(); }

private:
    QSqlDatabase m_db;
    QSqlQuery m_query;
    QString m_statement;
    bool m_prepared = false;
};

/// BEGIN IMMEDIATE on construction, ROLLBACK on destruction unless commit() succeeded. Inside
/// another Transaction on the same connection (same thread) it is a savepoint of it: its commit()
/// keeps its changes for the outer one to commit, its rollback undoes only them. So a write that
/// opens its own transaction can run inside a caller's, which needs its reads and the write to be
/// one step for other processes (a draw: no card drawn twice).
class Transaction
{
public:
    explicit Transaction(const QSqlDatabase& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    /// The error from BEGIN, if any; check before doing work.
    const Status& begun() const { return m_begun; }
    Status commit();

private:
    QSqlDatabase m_db;
    Status m_begun;
    bool m_open = false;
    int m_depth = 0; ///< 0 for the outermost transaction, n for the n-th savepoint inside it
};

} // namespace rapport::storage
