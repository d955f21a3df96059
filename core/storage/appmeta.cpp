#include "core/storage/appmeta.h"

#include "core/storage/sql.h"

namespace rapport::storage {

Result<QHash<QString, QString>> readMeta(
    const Database& database, const QStringList& keys, const QString& what)
{
    QHash<QString, QString> values;
    if (keys.isEmpty())
        return values;
    Sql sql(database.connection(),
        QStringLiteral("SELECT key, value FROM app_meta WHERE key IN (%1)")
            .arg(QStringList(keys.size(), QStringLiteral("?")).join(QStringLiteral(", "))));
    QVariantList bound;
    for (const QString& key : keys)
        bound << key;
    if (Status s = sql.exec(bound, what); !s)
        return s.error();
    while (sql.next())
        values.insert(sql.value(0).toString(), sql.value(1).toString());
    return values;
}

Status writeMeta(
    const Database& database, const QList<std::pair<QString, QString>>& values, const QString& what)
{
    const QSqlDatabase db = database.connection();
    Transaction transaction(db);
    if (!transaction.begun())
        return transaction.begun();
    Sql sql(db, QStringLiteral("INSERT OR REPLACE INTO app_meta (key, value) VALUES (?, ?)"));
    for (const auto& [key, value] : values) {
        if (Status s = sql.exec({ key, value }, what); !s)
            return s;
    }
    return transaction.commit();
}

} // namespace rapport::storage
