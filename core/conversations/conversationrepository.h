#pragma once

#include "core/common/result.h"
#include "core/conversations/conversation.h"
#include "core/storage/database.h"

#include <QDate>
#include <QDateTime>

namespace rapport::conversations {

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
