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

/// One rung of the ladder: a zone, and how personal a card of it to draw.
struct LadderStep
{
    Zone zone = Zone::SmallTalk;
    int level = 1; ///< 1-3 within the zone

    bool operator==(const LadderStep&) const = default;
};

/// The ladder small talk -> fun -> deep: how many cards of each per round (default 2, 2, 1).
/// It climbs inside each zone as well: a zone's first card is of level 1, its second of level
/// 2, its third and later of level 3 (default round: small talk 1, 2; fun 1, 2; deep 1).
class Ladder
{
public:
    explicit Ladder(int smallTalk = 2, int fun = 2, int deep = 1);
    /// The next step, advancing the ladder. Zones with 0 steps are skipped.
    LadderStep next();
    /// The zones of one full round, in order.
    QList<Zone> round() const;
    /// The steps of one full round, in order.
    const QList<LadderStep>& steps() const { return m_round; }
    void reset() { m_position = 0; }

private:
    QList<LadderStep> m_round;
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
    /// Draws the next ladder step: a card of the step's zone and level within `filter` (its
    /// zones are ignored; its level, when set, replaces the step's). A step whose level has no
    /// card draws from its whole zone (user decks may have no levels); a step whose zone has no
    /// cards passes to the next step.
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
