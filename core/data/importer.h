#pragma once

#include "core/common/result.h"
#include "core/data/exporter.h"
#include "core/storage/database.h"

#include <optional>

namespace rapport::data {

/// What an import did with the records of one table.
struct ImportCount
{
    int added = 0;
    int present = 0; ///< already in the database (same natural key), so skipped
    bool operator==(const ImportCount&) const = default;
};

/// What an import did.
struct ImportSummary
{
    ExportFormat format = ExportFormat::Csv; ///< the format read (given or detected)
    ImportCount pitches;
    ImportCount takes;
    ImportCount draws;
    ImportCount answers; ///< answers to cards
    ImportCount conversations;
    ImportCount conversationQuestions;
    /// Added takes whose recording is not at their audio path on this computer (an export holds
    /// no audio): their reports and ratings are kept, but they cannot be played.
    int takesWithoutAudio = 0;
    /// Added answers whose recording is not at their audio path on this computer, as for takes.
    int answersWithoutAudio = 0;
    /// Added takes that came starred into a pitch that already had a starred take: the existing
    /// star is kept (a pitch has one best take), these are added unstarred.
    int starsNotImported = 0;
    /// Added takes and answers whose recording another take or answer (already here, or earlier
    /// in the export: its takes come before its answers) names: a recording belongs to one take
    /// or answer, so these were added without one.
    int recordingsAlreadyUsed = 0;
};

/// The format of the export in `folder`, from its files: Csv when it has pitches.csv, Json when
/// it has pitches.json. NotFound when it has neither (or is no folder); InvalidArgument when it
/// has both (the caller must choose).
Result<ExportFormat> detectExportFormat(const QString& folder);

/// Adds to `database` what exportData() wrote into `folder` (format nullopt: detected with
/// detectExportFormat()). Every file is read and checked first; a missing file (but answers, which
/// exports before answers to cards do not have: then none are added), a wrong header or
/// key, malformed CSV or JSON, a value of the wrong type or out of range, or a reference to a
/// record the export does not have is a Format or NotFound error naming the file and the CSV line
/// or JSON array index, and nothing is written. The records are then added in one transaction.
///
/// Merging: a record the database already has, by natural key, is skipped (pitch: created_at and
/// title; take: started_at and its pitch; draw: drawn_at, deck and question; answer: started_at,
/// deck and question; conversation: created_at and day; a conversation's questions come and go
/// with it), so importing an export twice adds nothing the second time. An added record keeps its
/// exported id when the database has no record with that id, else gets a new one; takes and
/// conversation questions follow their pitch's and conversation's id, answers their draw's seq
/// (an answer's draw_seq, when given, must name a draw of the export). Added draws count for the
/// drawer's card state as a draw does. Audio paths are kept as exported.
Result<ImportSummary> importData(const storage::Database& database, const QString& folder,
    std::optional<ExportFormat> format = std::nullopt);

} // namespace rapport::data
