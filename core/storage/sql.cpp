#include "core/storage/sql.h"

#include "core/storage/sqlerror.h"

#include <QHash>

namespace rapport::storage {

Sql::Sql(const QSqlDatabase& db, const QString& statement)
    : m_db(db)
    , m_query(db)
    , m_statement(statement)
{
    m_query.setForwardOnly(true);
    m_prepared = m_query.prepare(statement);
}

QString toStoredTime(const QDateTime& time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime fromStoredTime(const QVariant& value)
{
    if (value.isNull())
        return {};
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (time.isValid())
        time.setTimeSpec(Qt::UTC);
    return time;
}

Status Sql::exec(std::initializer_list<QVariant> values, const QString& what)
{
    return exec(QVariantList(values), what);
}

Status Sql::exec(const QVariantList& values, const QString& what)
{
    if (m_prepared) {
        int index = 0;
        for (const QVariant& value : values) {
            // Qt binds a null QString as SQL NULL; Rapport's text columns mean "empty" instead.
            const bool nullText = value.typeId() == QMetaType::QString && value.toString().isNull();
            m_query.bindValue(index++, nullText ? QVariant(QStringLiteral("")) : value);
        }
        if (m_query.exec())
            return {};
    }
    return sqlFailure(m_query.lastError(), m_db.databaseName(), what);
}

namespace {

// Open transactions per connection on this thread (a connection is used by one thread).
QHash<QString, int>& openTransactions()
{
    thread_local QHash<QString, int> open;
    return open;
}

QString savepoint(int depth)
{
    return QStringLiteral("rapport_%1").arg(depth);
}

} // namespace

Transaction::Transaction(const QSqlDatabase& db)
    : m_db(db)
    , m_depth(openTransactions().value(db.connectionName(), 0))
{
    QSqlQuery begin(m_db);
    if (begin.exec(m_depth == 0 ? QStringLiteral("BEGIN IMMEDIATE")
                                : QStringLiteral("SAVEPOINT ") + savepoint(m_depth))) {
        m_open = true;
        openTransactions()[m_db.connectionName()] = m_depth + 1;
    } else {
        m_begun = sqlFailure(begin.lastError(), m_db.databaseName(),
            QStringLiteral("Could not start writing to the database."));
    }
}

Transaction::~Transaction()
{
    if (!m_open)
        return;
    if (m_depth == 0) {
        QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK"));
    } else {
        QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK TO ") + savepoint(m_depth));
        QSqlQuery(m_db).exec(QStringLiteral("RELEASE ") + savepoint(m_depth));
    }
    openTransactions()[m_db.connectionName()] = m_depth;
}

Status Transaction::commit()
{
    QSqlQuery commitQuery(m_db);
    if (!commitQuery.exec(m_depth == 0 ? QStringLiteral("COMMIT")
                                       : QStringLiteral("RELEASE ") + savepoint(m_depth)))
        return sqlFailure(commitQuery.lastError(), m_db.databaseName(),
            QStringLiteral("Could not save the changes to the database."));
    m_open = false;
    openTransactions()[m_db.connectionName()] = m_depth;
    return {};
}

} // namespace rapport::storage
