#pragma once

#include "core/common/clock.h"
#include "core/common/result.h"
#include "core/decks/decklibrary.h"
#include "core/decks/deckrepository.h"

namespace rapport::decks {

enum class DeckFileFormat { Json, Csv };

/// Parses "json" or "csv" (case-insensitive).
std::optional<DeckFileFormat> deckFileFormatFromKey(const QString& key);

/// What an import did.
struct ImportOutcome
{
    Deck deck; ///< as stored
    bool replacedExisting = false; ///< a user deck with the same id was updated in place
    QString note; ///< e.g. why the id changed; empty when nothing to say
};

/// Imports a deck file (.json in the documented format, or .csv with text, zone, tags columns)
/// as a user deck. The whole file is validated first: on any problem nothing is stored and the
/// error names the file, the line or JSON location, and what was expected. A deck whose id
/// matches a user deck updates it (favourites and history follow the stable question ids); one
/// whose id belongs to a built-in deck is stored under a new "user." id.
Result<ImportOutcome> importDeckFile(const QString& path, const DeckLibrary& library,
    decks::DeckRepository& repository, const Clock& clock);

/// The deck in the chosen format (favourites, hidden flags and history are never included).
QByteArray exportDeck(const Deck& deck, DeckFileFormat format);

} // namespace rapport::decks
