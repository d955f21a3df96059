#pragma once

#include "core/common/result.h"
#include "core/decks/deckrepository.h"
#include "core/decks/question.h"

namespace rapport::decks {

/// The built-in decks (compiled into the program) and the user's decks, looked up by id.
class DeckLibrary
{
public:
    DeckLibrary() = default;
    explicit DeckLibrary(QList<Deck> decks);

    /// Parses the decks shipped in the program's resources (":/decks/*.json"), marked builtIn.
    static Result<QList<Deck>> loadBuiltInDecks();
    /// Built-in decks followed by the user's decks from `repository`.
    static Result<DeckLibrary> load(const decks::DeckRepository& repository);

    const QList<Deck>& decks() const { return m_decks; }
    const Deck* deck(const QString& deckId) const;
    const Question* question(const decks::CardKey& key) const;
    /// Finds a card by "deck/question" or by a question id alone when exactly one deck has it.
    Result<decks::CardKey> resolveCard(const QString& reference) const;

private:
    QList<Deck> m_decks;
};

} // namespace rapport::decks
