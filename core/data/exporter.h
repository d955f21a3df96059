#pragma once

#include "core/common/result.h"
#include "core/storage/database.h"

#include <QStringList>

namespace rapport::data {

enum class ExportFormat { Csv, Json };

/// What an export wrote.
struct ExportSummary
{
    QStringList files; ///< absolute paths
    int pitches = 0;
    int takes = 0;
    int draws = 0;
    int answers = 0;
    int conversations = 0;
};

/// Writes everything Rapport stores into `folder` (created 0700 if missing): pitches, takes
/// (timing window, every report field, ratings, note, words), card draws, answers to cards (the
/// card, the draw answered by its seq, then the measurements and words as a take's, rated on the
/// impromptu rubric) and conversations with the questions used. CSV: RFC 4180, UTF-8, CRLF, one
/// file per table (conversation questions in their own file); JSON: one array per file. Times are
/// ISO 8601 UTC, days ISO 8601 dates. Files are private (0600) and replaced atomically.
Result<ExportSummary> exportData(
    const storage::Database& database, const QString& folder, ExportFormat format);

} // namespace rapport::data
