#pragma once

#include "core/common/result.h"
#include "core/decks/card.h"
#include "core/storage/database.h"

#include <QDateTime>
#include <QHash>

namespace rapport::decks {

/// Storage of user decks, card state (favourite, hidden, drawn counts) and the draw history.
class DeckRepository
{
public:
    explicit DeckRepository(const storage::Database& database);

    /// Every user deck, with its questions in order, sorted by title.
    Result<QList<decks::Deck>> userDecks() const;
    /// Inserts or replaces a user deck and its questions in one transaction. Card state of
    /// questions whose ids survive is kept. Precondition: !deck.builtIn.
    Status saveUserDeck(const decks::Deck& deck, const QDateTime& nowUtc);
    /// Deletes a user deck and its questions (history rows keep their text).
    Status deleteUserDeck(const QString& deckId);

    /// State of every card that has any (cards without a row are in the default state).
    Result<QHash<CardKey, CardState>> cardStates() const;
    Status setFavourite(const CardKey& key, bool favourite);
    Status setHidden(const CardKey& key, bool hidden);

    /// Decks switched off by the user (all others are on).
    Result<QStringList> disabledDecks() const;
    Status setDeckEnabled(const QString& deckId, bool enabled);

    /// Appends a draw and updates the card's counters, in one transaction.
    Result<DrawRecord> recordDraw(
        const CardKey& key, decks::Zone zone, const QString& text, const QDateTime& nowUtc);
    /// The latest draws, newest first.
    Result<QList<DrawRecord>> recentDraws(int limit) const;

    /// The connection its reads and writes go through, for a storage::Transaction around several
    /// of them.
    QSqlDatabase connection() const { return m_database.connection(); }

private:
    Status setFlag(const CardKey& key, const char* column, bool value);

    const storage::Database& m_database;
};

} // namespace rapport::decks
