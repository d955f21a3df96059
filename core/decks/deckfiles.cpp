#include "core/decks/deckfiles.h"

#include "core/common/regularfile.h"
#include "core/decks/deckformat.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <algorithm>

namespace rapport::decks {

namespace {

constexpr qint64 kMaxDeckFileBytes = 8 * 1024 * 1024;

Result<QByteArray> readDeckFile(const QString& path)
{
    return readRegularFile(path, kMaxDeckFileBytes, QStringLiteral("the deck file"));
}

// A user deck id that no deck in the library uses yet, derived from the title.
QString freshUserId(const QString& title, const DeckLibrary& library)
{
    const QString base = suggestDeckId(title);
    QString id = base;
    for (int n = 2; library.deck(id); ++n)
        id = base + QLatin1Char('-') + QString::number(n);
    return id;
}

// A title no deck in the library has yet: "team", then "team (2)", "team (3)", ...
QString freshTitle(const QString& title, const DeckLibrary& library)
{
    const auto taken = [&](const QString& candidate) {
        return std::any_of(library.decks().begin(), library.decks().end(),
            [&](const Deck& d) { return d.title == candidate; });
    };
    QString fresh = title;
    for (int n = 2; taken(fresh); ++n)
        fresh = QStringLiteral("%1 (%2)").arg(title).arg(n);
    return fresh;
}

} // namespace

std::optional<DeckFileFormat> deckFileFormatFromKey(const QString& key)
{
    const QString k = key.trimmed().toLower();
    if (k == QLatin1String("json"))
        return DeckFileFormat::Json;
    if (k == QLatin1String("csv"))
        return DeckFileFormat::Csv;
    return std::nullopt;
}

Result<DeckImportPlan> planDeckImport(
    const QString& path, const DeckLibrary& library, const decks::DeckRepository& repository)
{
    Result<QByteArray> bytes = readDeckFile(path);
    if (!bytes)
        return bytes.error();
    const QFileInfo info(path);
    const bool isCsv = info.suffix().compare(QLatin1String("csv"), Qt::CaseInsensitive) == 0;
    const QString title = info.completeBaseName();
    Result<Deck> parsed = isCsv ? parseDeckCsv(*bytes, info.fileName(), suggestDeckId(title), title)
                                : parseDeckJson(*bytes, info.fileName());
    if (!parsed)
        return parsed.error();
    DeckImportPlan plan { *parsed, std::nullopt, false };
    plan.deck.builtIn = false;
    const Deck* existing = library.deck(plan.deck.id);
    if (!existing)
        return plan;
    if (existing->builtIn) {
        plan.builtInId = true;
        return plan;
    }
    Result<QHash<CardKey, CardState>> states = repository.cardStates();
    if (!states)
        return states.error();
    QSet<QString> incoming;
    for (const Question& q : plan.deck.questions)
        incoming.insert(q.id);
    DeckImportPlan::Clash clash { existing->title, static_cast<int>(existing->questions.size()), 0,
        0, 0 };
    for (const Question& q : existing->questions) {
        if (incoming.contains(q.id)) {
            ++clash.keptQuestions;
            continue;
        }
        const CardState state = states->value({ existing->id, q.id });
        clash.lostFavourites += state.favourite ? 1 : 0;
        clash.lostDrawn += state.timesDrawn > 0 ? 1 : 0;
    }
    plan.clash = clash;
    return plan;
}

Result<ImportOutcome> importDeck(const DeckImportPlan& plan, DeckImportMode mode,
    const DeckLibrary& library, decks::DeckRepository& repository, const Clock& clock)
{
    ImportOutcome outcome { plan.deck, false, false, {} };
    if (plan.builtInId) {
        outcome.deck.id = freshUserId(outcome.deck.title, library);
        outcome.note = QStringLiteral("The id %1 belongs to a built-in deck, so the import was "
                                      "stored as your own deck %2.")
                           .arg(plan.deck.id, outcome.deck.id);
    } else if (plan.clash && mode == DeckImportMode::AddNew) {
        outcome.deck.id = freshUserId(outcome.deck.title, library);
        outcome.deck.title = freshTitle(outcome.deck.title, library);
        outcome.addedBesideExisting = true;
        outcome.note = QStringLiteral("You already have a deck %1 (\"%2\", %3 questions), so this "
                                      "one was added beside it as %4, \"%5\".")
                           .arg(plan.deck.id, plan.clash->title)
                           .arg(plan.clash->questions)
                           .arg(outcome.deck.id, outcome.deck.title);
    } else if (plan.clash) {
        outcome.replacedExisting = true;
        const int lost = plan.clash->questions - plan.clash->keptQuestions;
        outcome.note = QStringLiteral("Replaced your deck %1: %2 of its %3 questions are in the "
                                      "file and keep their favourites and history")
                           .arg(plan.deck.id)
                           .arg(plan.clash->keptQuestions)
                           .arg(plan.clash->questions);
        outcome.note += lost == 0
            ? QStringLiteral(".")
            : QStringLiteral("; %1 are gone (%2 of them favourites; cards you drew stay in your "
                             "history).")
                  .arg(lost)
                  .arg(plan.clash->lostFavourites);
    }
    if (Status s = repository.saveUserDeck(outcome.deck, clock.nowUtc()); !s)
        return s.error();
    return outcome;
}

Result<ImportOutcome> importDeckFile(const QString& path, const DeckLibrary& library,
    decks::DeckRepository& repository, const Clock& clock, DeckImportMode mode)
{
    Result<DeckImportPlan> plan = planDeckImport(path, library, repository);
    if (!plan)
        return plan.error();
    return importDeck(*plan, mode, library, repository, clock);
}

QByteArray exportDeck(const Deck& deck, DeckFileFormat format)
{
    return format == DeckFileFormat::Csv ? deckToCsv(deck) : deckToJson(deck);
}

} // namespace rapport::decks
