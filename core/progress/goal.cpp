#include "core/progress/goal.h"

#include "core/storage/sql.h"

namespace rapport::progress {

using storage::Sql;

namespace {

const QString kTakesKey = QStringLiteral("goal_takes");
const QString kConversationsKey = QStringLiteral("goal_conversations");

} // namespace

Result<WeeklyGoal> loadGoal(const storage::Database& database)
{
    Sql sql(database.connection(),
        QStringLiteral("SELECT key, value FROM app_meta WHERE key IN (?, ?)"));
    if (Status s = sql.exec(
            { kTakesKey, kConversationsKey }, QStringLiteral("Could not read your weekly goal."));
        !s)
        return s.error();
    WeeklyGoal goal;
    while (sql.next()) {
        bool ok = false;
        const int value = sql.value(1).toInt(&ok);
        if (!ok || value < 0 || value > 100)
            continue; // a damaged value falls back to the default
        (sql.value(0).toString() == kTakesKey ? goal.takes : goal.conversations) = value;
    }
    return goal;
}

Status saveGoal(const storage::Database& database, const WeeklyGoal& goal)
{
    if (goal.takes < 0 || goal.takes > 100 || goal.conversations < 0 || goal.conversations > 100
        || (goal.takes == 0 && goal.conversations == 0)) {
        return Error { ErrorKind::InvalidArgument,
            QStringLiteral("A weekly goal needs 0 to 100 takes and 0 to 100 conversations, and "
                           "at least one of them."),
            QStringLiteral("For example: 3 takes and 2 conversations."), {} };
    }
    const QSqlDatabase db = database.connection();
    storage::Transaction transaction(db);
    if (!transaction.begun())
        return transaction.begun();
    Sql sql(db, QStringLiteral("INSERT OR REPLACE INTO app_meta (key, value) VALUES (?, ?)"));
    const QString what = QStringLiteral("Could not save your weekly goal.");
    if (Status s = sql.exec({ kTakesKey, QString::number(goal.takes) }, what); !s)
        return s;
    if (Status s = sql.exec({ kConversationsKey, QString::number(goal.conversations) }, what); !s)
        return s;
    return transaction.commit();
}

} // namespace rapport::progress
