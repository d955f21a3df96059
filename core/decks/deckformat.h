#pragma once

#include "core/common/result.h"
#include "core/decks/question.h"

#include <QByteArray>
#include <QString>

// Reading and writing deck files: the JSON format Rapport ships and shares, and CSV for questions
// kept in a spreadsheet. Both are described in resources/decks/FORMAT.md.
namespace rapport::decks {

/// Longest question text a deck may hold, in characters (Unicode code points).
inline constexpr int kMaxQuestionLength = 500;

/// Whether `id` can be a deck or question id: non-empty; ASCII letters, digits, '.', '-', '_'.
bool isValidDeckId(const QString& id);

/// Parses a deck in the JSON format. `sourceName` (usually the file name) starts every message.
/// Any problem rejects the whole file with ErrorKind::Format; unknown keys are ignored.
/// The deck's builtIn is always false: files cannot claim to be built in.
Result<Deck> parseDeckJson(const QByteArray& bytes, const QString& sourceName);

/// The deck as indented UTF-8 JSON in the documented key order, one question per line.
/// Never writes builtIn. Precondition: the deck is valid (parseDeckJson would accept the output).
QByteArray deckToJson(const Deck& deck);

/// Parses questions from RFC 4180 CSV (UTF-8, optional BOM, CRLF or LF) with a header row naming
/// the columns. Errors name `sourceName`, the 1-based physical line and the column; any problem
/// rejects the whole file (ErrorKind::Format; InvalidArgument when `deckId` is not a valid id or
/// `title` is blank). Rows without an id get "q-NNN" from their position among the questions.
Result<Deck> parseDeckCsv(const QByteArray& bytes, const QString& sourceName, const QString& deckId,
    const QString& title);

/// The deck's questions as CSV: header id,zone,level,text,tags,follow_up,hint (level empty when
/// not given); tags joined with ';';
/// CRLF line endings; UTF-8 without BOM. Deck metadata (title, hints, ...) is not written.
QByteArray deckToCsv(const Deck& deck);

/// "user." + a lower-case ASCII slug of `title` (words joined by '-', at most 40 characters);
/// for a title with letters but none in ASCII, "user.deck-" + 8 hex digits of its SHA-1 (distinct
/// titles, distinct ids); "user.deck" for a title with nothing in it.
QString suggestDeckId(const QString& title);

} // namespace rapport::decks
