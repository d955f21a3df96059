#pragma once

#include "core/decks/card.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

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

} // namespace rapport::conversations
