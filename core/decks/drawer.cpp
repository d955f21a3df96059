#include "core/decks/drawer.h"

#include "core/storage/sql.h"

#include <algorithm>

namespace rapport::decks {

Ladder::Ladder(int smallTalk, int fun, int deep)
{
    const std::pair<Zone, int> steps[]
        = { { Zone::SmallTalk, smallTalk }, { Zone::Fun, fun }, { Zone::Deep, deep } };
    for (const auto& [zone, count] : steps) {
        for (int i = 0; i < count; ++i)
            m_round << LadderStep { zone, std::min(i + 1, 3) };
    }
    if (m_round.isEmpty())
        m_round << LadderStep {};
}

LadderStep Ladder::next()
{
    const LadderStep step = m_round[m_position];
    m_position = (m_position + 1) % m_round.size();
    return step;
}

QList<Zone> Ladder::round() const
{
    QList<Zone> zones;
    for (const LadderStep& step : m_round)
        zones << step.zone;
    return zones;
}

Drawer::Drawer(
    const DeckLibrary& library, decks::DeckRepository& repository, const Clock& clock, quint64 seed)
    : m_library(library)
    , m_repository(repository)
    , m_clock(clock)
    , m_random(seed)
{ }

Result<QList<Drawer::Candidate>> Drawer::pool(const DrawFilter& filter) const
{
    // State is re-read on every draw so that another Rapport process drawing from the same
    // database (the window and the CLI) never causes a repeat.
    Result<QHash<decks::CardKey, decks::CardState>> states = m_repository.cardStates();
    if (!states)
        return states.error();
    Result<QStringList> disabled = m_repository.disabledDecks();
    if (!disabled)
        return disabled.error();
    const QString context = filter.context.trimmed().toLower();
    QList<Candidate> candidates;
    for (const Deck& deck : m_library.decks()) {
        if (disabled->contains(deck.id) && !filter.deckIds.contains(deck.id))
            continue;
        if (!filter.deckIds.isEmpty() && !filter.deckIds.contains(deck.id))
            continue;
        for (const Question& q : deck.questions) {
            if (!filter.zones.isEmpty() && !filter.zones.contains(q.zone))
                continue;
            if (!context.isEmpty() && !q.tags.contains(context))
                continue;
            if (filter.level && q.level != filter.level)
                continue;
            const decks::CardState state = states->value({ deck.id, q.id });
            if (state.hidden || (filter.favouritesOnly && !state.favourite))
                continue;
            candidates << Candidate { &deck, &q, state };
        }
    }
    return candidates;
}

Result<int> Drawer::poolSize(const DrawFilter& filter) const
{
    Result<QList<Candidate>> candidates = pool(filter);
    if (!candidates)
        return candidates.error();
    return static_cast<int>(candidates->size());
}

Result<std::optional<DrawnCard>> Drawer::draw(const DrawFilter& filter)
{
    // Reading the pool, picking and recording the draw are one write transaction: another process
    // drawing at the same moment waits for it, then sees this draw, so no card comes twice.
    storage::Transaction transaction(m_repository.connection());
    if (!transaction.begun())
        return transaction.begun().error();
    Result<QList<Candidate>> all = pool(filter);
    if (!all)
        return all.error();
    if (all->isEmpty())
        return std::optional<DrawnCard>();

    // The bag: only the least-drawn cards of this pool are eligible.
    const int fewest
        = std::min_element(all->cbegin(), all->cend(), [](const auto& a, const auto& b) {
              return a.state.timesDrawn < b.state.timesDrawn;
          })->state.timesDrawn;
    QList<Candidate> eligible;
    for (const Candidate& c : *all) {
        if (c.state.timesDrawn == fewest)
            eligible << c;
    }
    // A fresh round must not open with the card that closed the last one.
    if (eligible.size() > 1) {
        const auto latest = std::max_element(eligible.cbegin(), eligible.cend(),
            [](const auto& a, const auto& b) { return a.state.lastDrawSeq < b.state.lastDrawSeq; });
        if (latest->state.lastDrawSeq > 0)
            eligible.removeAt(latest - eligible.cbegin());
    }

    std::uniform_int_distribution<qsizetype> pick(0, eligible.size() - 1);
    const Candidate& chosen = eligible[pick(m_random)];
    const decks::CardKey key { chosen.deck->id, chosen.question->id };
    Result<decks::DrawRecord> record = m_repository.recordDraw(
        key, chosen.question->zone, chosen.question->text, m_clock.nowUtc());
    if (!record)
        return record.error();
    if (Status s = transaction.commit(); !s)
        return s.error();
    return std::optional<DrawnCard>(
        DrawnCard { key, *chosen.question, chosen.deck->title, *record, chosen.state.favourite });
}

Result<std::optional<DrawnCard>> Drawer::drawLadderStep(Ladder& ladder, const DrawFilter& filter)
{
    DrawFilter step = filter;
    for (qsizetype attempt = 0; attempt < ladder.steps().size(); ++attempt) {
        const LadderStep rung = ladder.next();
        step.zones = { rung.zone };
        step.level = filter.level ? filter.level : std::optional<int>(rung.level);
        Result<std::optional<DrawnCard>> card = draw(step);
        if (!card || card->has_value())
            return card;
        if (!filter.level) {
            step.level.reset(); // the zone at any level
            card = draw(step);
            if (!card || card->has_value())
                return card;
        }
    }
    return std::optional<DrawnCard>();
}

} // namespace rapport::decks
