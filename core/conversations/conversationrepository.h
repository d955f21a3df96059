#pragma once

#include "core/common/result.h"
#include "core/decks/deckrepository.h"
#include "core/storage/database.h"

#include <QDate>
#include <QDateTime>

namespace rapport::conversations {

/// A question the user used in a real conversation.
struct UsedQuestion
{
    decks::CardKey key;
    QString text; ///< as it read at the time
    bool operator==(const UsedQuestion&) const = default;
};

/// A real conversation the user logged ("go bigger with your small talk this week").
struct Conversation
{
    qint64 id = 0;
    QDate happenedOn; ///< local calendar day
    QString withWhom; ///< optional free text
    int rating = 3; ///< how it went, 1-5
    QString note;
    QList<UsedQuestion> questions;
    QDateTime createdAt; ///< UTC
};

/// Storage of logged conversations.
class ConversationRepository
{
public:
    explicit ConversationRepository(const storage::Database& database);

    /// Stores a conversation and its questions in one transaction; returns its id.
    /// Fails with InvalidArgument when the rating is outside 1-5 or the date is invalid.
    Result<qint64> add(const Conversation& conversation);
    /// Conversations, newest first (by day, then by id).
    Result<QList<Conversation>> list(int limit = 1000) const;
    Status remove(qint64 id);

private:
    const storage::Database& m_database;
};

} // namespace rapport::conversations
