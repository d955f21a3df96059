#pragma once

#include "core/analysis/takereport.h"
#include "core/speech/wordreport.h"

#include <QString>
#include <QVariant>
#include <QVariantList>
#include <optional>

namespace rapport::storage {
class Sql;
}

namespace rapport::rehearsal {

// How a recording's measurements are stored in a row: the columns a take (table takes) and an
// answer to a card (table answers) share, with one codec for both.

/// The 20 report columns, in the order reportValues() binds and readReport() reads them.
QString reportColumns();
/// The 4 word columns: words, filler_count, fillers_per_minute, script_coverage.
QString wordColumns();

/// The report's values for reportColumns().
QVariantList reportValues(const analysis::TakeReport& report);
/// The report from reportColumns() starting at `column`, which is left past them.
analysis::TakeReport readReport(const storage::Sql& row, int& column);
/// The words' values for wordColumns(): storedWords() and storedWordFigures().
QVariantList wordValues(const std::optional<speech::WordReport>& words);

/// NULL for nullopt.
template <typename T> QVariant optionalValue(const std::optional<T>& value)
{
    return value ? QVariant::fromValue(*value) : QVariant();
}
/// nullopt for NULL.
std::optional<double> readOptionalDouble(const QVariant& value);
std::optional<int> readOptionalInt(const QVariant& value);

} // namespace rapport::rehearsal
