#include "core/progress/goal.h"

#include "core/storage/appmeta.h"

namespace rapport::progress {

namespace {

const QString kTakesKey = QStringLiteral("goal_takes");
const QString kConversationsKey = QStringLiteral("goal_conversations");

} // namespace

Result<WeeklyGoal> loadGoal(const storage::Database& database)
{
    Result<QHash<QString, QString>> stored = storage::readMeta(database,
        { kTakesKey, kConversationsKey }, QStringLiteral("Could not read your weekly goal."));
    if (!stored)
        return stored.error();
    WeeklyGoal goal;
    for (const auto& [key, target] :
        { std::pair { kTakesKey, &goal.takes }, { kConversationsKey, &goal.conversations } }) {
        bool ok = false;
        const int value = stored->value(key).toInt(&ok);
        if (ok && value >= 0 && value <= 100)
            *target = value; // a missing or damaged value keeps the default
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
    return storage::writeMeta(database,
        { { kTakesKey, QString::number(goal.takes) },
            { kConversationsKey, QString::number(goal.conversations) } },
        QStringLiteral("Could not save your weekly goal."));
}

} // namespace rapport::progress
