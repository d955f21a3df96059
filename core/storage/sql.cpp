#include "core/storage/sql.h"

#include "core/storage/sqlerror.h"

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

Transaction::Transaction(const QSqlDatabase& db)
    : m_db(db)
{
    QSqlQuery begin(m_db);
    if (begin.exec(QStringLiteral("BEGIN IMMEDIATE")))
        m_open = true;
    else
        m_begun = sqlFailure(begin.lastError(), m_db.databaseName(),
            QStringLiteral("Could not start writing to the database."));
}

Transaction::~Transaction()
{
    if (m_open)
        QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK"));
}

Status Transaction::commit()
{
    QSqlQuery commitQuery(m_db);
    if (!commitQuery.exec(QStringLiteral("COMMIT")))
        return sqlFailure(commitQuery.lastError(), m_db.databaseName(),
            QStringLiteral("Could not save the changes to the database."));
    m_open = false;
    return {};
}

} // namespace rapport::storage
