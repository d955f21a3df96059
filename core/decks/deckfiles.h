#pragma once

#include "core/common/clock.h"
#include "core/common/result.h"
#include "core/decks/decklibrary.h"
#include "core/decks/deckrepository.h"

namespace rapport::decks {

enum class DeckFileFormat { Json, Csv };

/// Parses "json" or "csv" (case-insensitive).
std::optional<DeckFileFormat> deckFileFormatFromKey(const QString& key);

/// What importing a deck file would do, found before anything is stored.
struct DeckImportPlan
{
    Deck deck; ///< as parsed (a user deck)
    /// A user deck that already has the file's id: what replacing it would keep and lose.
    struct Clash
    {
        QString title;
        int questions = 0;
        int keptQuestions = 0; ///< of its questions, those the file has too (same ids)
        int lostFavourites = 0; ///< favourites among the questions the file does not have
        int lostDrawn = 0; ///< drawn questions among them (their history stays, by text)
    };
    std::optional<Clash> clash;
    bool builtInId = false; ///< the file names a built-in deck's id: it is stored under a new one
};

/// Whether an import may replace the user's deck that has the same id.
enum class DeckImportMode {
    AddNew, ///< never: a deck with a taken id is stored under a fresh one
    Replace, ///< yes: update it in place (question ids that match keep their state)
};

/// Reads and validates a deck file (.json in the documented format, or .csv with text, zone,
/// tags columns) and says what importing it would do. The whole file is validated: on any problem
/// the error names the file, the line or JSON location, and what was expected.
Result<DeckImportPlan> planDeckImport(
    const QString& path, const DeckLibrary& library, const decks::DeckRepository& repository);

/// What an import did.
struct ImportOutcome
{
    Deck deck; ///< as stored
    bool replacedExisting = false; ///< a user deck with the same id was updated in place
    bool addedBesideExisting = false; ///< a user deck had the id: this one got a fresh one
    QString note; ///< e.g. why the id changed; empty when nothing to say
};

/// Stores a planned import. A deck whose id is taken by a built-in deck, or by a user deck when
/// `mode` is AddNew, is stored under a fresh "user." id, and the note says so (and how to replace
/// instead); with Replace the user deck is updated and the note says what was kept and lost.
Result<ImportOutcome> importDeck(const DeckImportPlan& plan, DeckImportMode mode,
    const DeckLibrary& library, decks::DeckRepository& repository, const Clock& clock);

/// planDeckImport() then importDeck().
Result<ImportOutcome> importDeckFile(const QString& path, const DeckLibrary& library,
    decks::DeckRepository& repository, const Clock& clock,
    DeckImportMode mode = DeckImportMode::AddNew);

/// The deck in the chosen format (favourites, hidden flags and history are never included).
QByteArray exportDeck(const Deck& deck, DeckFileFormat format);

} // namespace rapport::decks
