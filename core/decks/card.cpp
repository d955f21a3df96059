#include "core/decks/card.h"

namespace rapport::decks {

size_t qHash(const CardKey& key, size_t seed) noexcept
{
    return qHashMulti(seed, key.deckId, key.questionId);
}

} // namespace rapport::decks
