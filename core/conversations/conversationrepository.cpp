#include "core/conversations/conversationrepository.h"

#include "core/storage/sql.h"

namespace rapport::conversations {

ConversationRepository::ConversationRepository(const storage::Database& database)
    : m_database(database)
{ }

Result<qint64> ConversationRepository::add(const Conversation& c)
{
    if (c.rating < 1 || c.rating > 5) {
        return Error { ErrorKind::InvalidArgument,
            QStringLiteral("A conversation's rating must be 1 to 5, not %1.").arg(c.rating),
            QStringLiteral("Rate how it went from 1 (rough) to 5 (great)."), {} };
    }
    if (!c.happenedOn.isValid()) {
        return Error { ErrorKind::InvalidArgument,
            QStringLiteral("The conversation has no valid date."),
            QStringLiteral("Give the day as YYYY-MM-DD."), {} };
    }
    const QSqlDatabase db = m_database.connection();
    storage::Transaction transaction(db);
    if (!transaction.begun())
        return transaction.begun().error();
    const QString what = QStringLiteral("Could not save the conversation.");
    storage::Sql insert(db,
        QStringLiteral(
            "INSERT INTO conversations (happened_on, with_whom, rating, note, created_at) "
            "VALUES (?, ?, ?, ?, ?)"));
    const QDateTime created = c.createdAt.isValid() ? c.createdAt : QDateTime::currentDateTimeUtc();
    if (Status s = insert.exec({ c.happenedOn.toString(Qt::ISODate), c.withWhom.trimmed(), c.rating,
                                   c.note, storage::toStoredTime(created) },
            what);
        !s)
        return s.error();
    const qint64 id = insert.lastInsertId().toLongLong();
    storage::Sql question(db,
        QStringLiteral("INSERT INTO conversation_questions (conversation_id, position, deck_id, "
                       "question_id, text) VALUES (?, ?, ?, ?, ?)"));
    int position = 0;
    for (const UsedQuestion& q : c.questions) {
        if (Status s
            = question.exec({ id, position++, q.key.deckId, q.key.questionId, q.text }, what);
            !s)
            return s.error();
    }
    if (Status s = transaction.commit(); !s)
        return s.error();
    return id;
}

Result<QList<Conversation>> ConversationRepository::list(int limit) const
{
    const QSqlDatabase db = m_database.connection();
    storage::Sql sql(db,
        QStringLiteral(
            "SELECT id, happened_on, with_whom, rating, note, created_at FROM conversations "
            "ORDER BY happened_on DESC, id DESC LIMIT ?"));
    if (Status s = sql.exec({ limit }, QStringLiteral("Could not read your conversations.")); !s)
        return s.error();
    QList<Conversation> result;
    while (sql.next()) {
        Conversation c;
        c.id = sql.value(0).toLongLong();
        c.happenedOn = QDate::fromString(sql.value(1).toString(), Qt::ISODate);
        c.withWhom = sql.value(2).toString();
        c.rating = sql.value(3).toInt();
        c.note = sql.value(4).toString();
        c.createdAt = storage::fromStoredTime(sql.value(5));
        result << c;
    }
    storage::Sql questions(db,
        QStringLiteral("SELECT deck_id, question_id, text FROM conversation_questions "
                       "WHERE conversation_id = ? ORDER BY position"));
    for (Conversation& c : result) {
        if (Status s
            = questions.exec({ c.id }, QStringLiteral("Could not read your conversations."));
            !s)
            return s.error();
        while (questions.next()) {
            c.questions << UsedQuestion { decks::CardKey { questions.value(0).toString(),
                                              questions.value(1).toString() },
                questions.value(2).toString() };
        }
    }
    return result;
}

Status ConversationRepository::remove(qint64 id)
{
    storage::Sql sql(
        m_database.connection(), QStringLiteral("DELETE FROM conversations WHERE id = ?"));
    return sql.exec({ id }, QStringLiteral("Could not delete the conversation %1.").arg(id));
}

} // namespace rapport::conversations
