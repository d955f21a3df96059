#pragma once

#include "core/common/clock.h"
#include "core/common/result.h"
#include "core/decks/decklibrary.h"
#include "core/decks/deckrepository.h"

#include <optional>
#include <random>

namespace rapport::decks {

/// Which cards may be drawn. Empty lists mean "no restriction".
struct DrawFilter
{
    QList<Zone> zones;
    QStringList deckIds;
    QString context; ///< a tag such as "work"; empty = any context
    /// 1-3: only questions of that level within their zone (questions without a level are left
    /// out); empty = any level.
    std::optional<int> level;
    bool favouritesOnly = false;
};

/// A card that was drawn and written to the history.
struct DrawnCard
{
    decks::CardKey key;
    Question question;
    QString deckTitle;
    decks::DrawRecord record;
    bool favourite = false; ///< the card's favourite flag at the time of the draw
};

/// The ladder small talk -> fun -> deep: how many cards of each per round (default 2, 2, 1).
class Ladder
{
public:
    explicit Ladder(int smallTalk = 2, int fun = 2, int deep = 1);
    /// The zone of the next card, advancing the ladder. Steps of 0 are skipped.
    Zone next();
    /// The zones of one full round, in order.
    QList<Zone> round() const { return m_round; }
    void reset() { m_position = 0; }

private:
    QList<Zone> m_round;
    qsizetype m_position = 0;
};

/// Draws cards like a shuffle bag that remembers across sessions: in any pool, a card comes back
/// only once every other card of that pool has been drawn as often (least-drawn first), a new
/// round never starts with the card just drawn, hidden cards are never drawn, and every draw is
/// written to the history at once (a crash cannot cause repeats).
class Drawer
{
public:
    /// `seed` makes the sequence reproducible (tests, --seed).
    Drawer(const DeckLibrary& library, decks::DeckRepository& repository, const Clock& clock,
        quint64 seed = std::random_device {}());

    /// Draws one card, or nullopt when the filter leaves no card to draw.
    Result<std::optional<DrawnCard>> draw(const DrawFilter& filter);
    /// Draws the next ladder step: the ladder's zone within `filter` (its zones are ignored);
    /// a step whose zone has no cards passes to the next zone.
    Result<std::optional<DrawnCard>> drawLadderStep(Ladder& ladder, const DrawFilter& filter);
    /// How many cards the filter allows (hidden cards excluded).
    Result<int> poolSize(const DrawFilter& filter) const;

private:
    struct Candidate
    {
        const Deck* deck;
        const Question* question;
        decks::CardState state;
    };
    Result<QList<Candidate>> pool(const DrawFilter& filter) const;

    const DeckLibrary& m_library;
    decks::DeckRepository& m_repository;
    const Clock& m_clock;
    std::mt19937_64 m_random;
};

} // namespace rapport::decks
