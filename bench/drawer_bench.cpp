// Draw latency against a long history: 500 000 past draws in the database (issue target < 1 ms).
#include "core/common/clock.h"
#include "core/decks/drawer.h"
#include "core/storage/sql.h"
#include "core/storage/store.h"

#include <QTemporaryDir>
#include <benchmark/benchmark.h>

namespace {

using namespace rapport;

// Fills draws and card_state as if the built-in decks had been drawn `rows` times.
void seedHistory(const storage::Database& db, const decks::DeckLibrary& library, int rows)
{
    QList<decks::CardKey> keys;
    for (const decks::Deck& deck : library.decks()) {
        for (const decks::Question& q : deck.questions)
            keys << decks::CardKey { deck.id, q.id };
    }
    storage::Transaction transaction(db.connection());
    storage::Sql insert(db.connection(),
        QStringLiteral("INSERT INTO draws (deck_id, question_id, zone, text, drawn_at) "
                       "VALUES (?, ?, 'fun', 'seeded', '2025-01-01T00:00:00.000Z')"));
    for (int i = 0; i < rows; ++i) {
        const decks::CardKey& key = keys[i % keys.size()];
        if (!insert.exec({ key.deckId, key.questionId }, QStringLiteral("seed")))
            std::abort();
    }
    storage::Sql state(db.connection(),
        QStringLiteral("INSERT INTO card_state (deck_id, question_id, times_drawn, last_draw_seq) "
                       "SELECT deck_id, question_id, count(*), max(seq) FROM draws "
                       "GROUP BY deck_id, question_id"));
    if (!state.exec({}, QStringLiteral("seed")) || !transaction.commit())
        std::abort();
}

void BM_DrawWithLongHistory(benchmark::State& state)
{
    QTemporaryDir dir;
    auto store = storage::openStore(dir.path());
    auto library = decks::DeckLibrary::loadBuiltInDecks();
    if (!store || !library) {
        state.SkipWithError("setup failed");
        return;
    }
    const decks::DeckLibrary decksLibrary(*library);
    seedHistory(*store->database, decksLibrary, static_cast<int>(state.range(0)));
    decks::DeckRepository repository(*store->database);
    SystemClock clock;
    decks::Drawer drawer(decksLibrary, repository, clock, 1);
    for (auto _ : state) {
        auto card = drawer.draw({});
        if (!card || !card->has_value())
            state.SkipWithError("draw failed");
        benchmark::DoNotOptimize(card);
    }
}
BENCHMARK(BM_DrawWithLongHistory)->Arg(0)->Arg(500000)->Unit(benchmark::kMicrosecond);

} // namespace
