#include "tests/support/sqlitefile.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <gtest/gtest.h>
#include <sys/stat.h>

namespace rapport::test {

QByteArray fileBytes(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate)) << path.toStdString();
    ASSERT_EQ(file.write(bytes), bytes.size());
}

unsigned permissionBits(const QString& path)
{
    struct stat info
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return 0;
    return info.st_mode & 07777;
}

RawSqlite::RawSqlite(const QString& path)
{
    static int counter = 0;
    m_name = QStringLiteral("raw-test-%1").arg(++counter);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=100"));
    EXPECT_TRUE(db.open()) << db.lastError().text().toStdString();
}

RawSqlite::~RawSqlite()
{
    QSqlDatabase::database(m_name, false).close();
    QSqlDatabase::removeDatabase(m_name);
}

bool RawSqlite::exec(const QString& sql)
{
    QSqlQuery query(QSqlDatabase::database(m_name, false));
    if (query.exec(sql))
        return true;
    ADD_FAILURE() << sql.toStdString() << ": " << query.lastError().text().toStdString();
    return false;
}

QVariant RawSqlite::scalar(const QString& sql)
{
    QSqlQuery query(QSqlDatabase::database(m_name, false));
    if (!query.exec(sql) || !query.next())
        return {};
    return query.value(0);
}

QStringList RawSqlite::dump()
{
    QSqlDatabase db = QSqlDatabase::database(m_name, false);
    QStringList lines;
    QSqlQuery schema(db);
    schema.exec(QStringLiteral("SELECT type, name, sql FROM sqlite_master ORDER BY type, name"));
    QStringList tables;
    while (schema.next()) {
        lines << schema.value(0).toString() + QLatin1Char(' ') + schema.value(1).toString()
                + QLatin1Char(' ') + schema.value(2).toString();
        if (schema.value(0).toString() == QLatin1String("table"))
            tables << schema.value(1).toString();
    }
    for (const QString& table : tables) {
        QSqlQuery rows(db);
        rows.exec(QStringLiteral("SELECT * FROM \"%1\" ORDER BY rowid").arg(table));
        while (rows.next()) {
            QStringList values;
            for (int i = 0; i < rows.record().count(); ++i)
                values << rows.value(i).toString();
            lines << table + QStringLiteral(": ") + values.join(QLatin1Char('|'));
        }
    }
    lines << QStringLiteral("user_version %1")
                 .arg(scalar(QStringLiteral("PRAGMA user_version")).toInt());
    return lines;
}

} // namespace rapport::test
