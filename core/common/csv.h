#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace rapport {

/// One field quoted per RFC 4180 (and when it has leading or trailing spaces, so no reader
/// trims them).
QString csvField(const QString& value);

/// One record: the fields quoted as needed, joined by commas, ended by CRLF.
QString csvLine(const QStringList& fields);

/// One field read from CSV text and the physical line it starts on (1-based).
struct CsvField
{
    QString value;
    int line = 1;
};

/// One record read from CSV text.
struct CsvRow
{
    QList<CsvField> fields;

    /// The physical line the record starts on, 1-based.
    int line() const { return fields.isEmpty() ? 1 : fields.first().line; }
    /// True when every field is empty or spaces (an empty line, or ",,,").
    bool isBlank() const;
};

/// The text of a CSV file's bytes, read as UTF-8 without a leading byte-order mark. A Format error
/// names `source` and the first line that is not UTF-8.
Result<QString> decodeCsv(const QByteArray& bytes, const QString& source);

/// Splits CSV text into records per RFC 4180. Records end in CRLF, LF or a lone CR; the last needs
/// no line ending. A quoted field keeps commas, line breaks (as written) and doubled quotes ("" is
/// one quote); a quote inside an unquoted field is kept as written, as spreadsheets do. An empty
/// line is a record with one empty field. Format errors name `source` and the line for text after
/// a closing quote and for a quote that is never closed (the line where the field began).
Result<QList<CsvRow>> parseCsv(const QString& text, const QString& source);

} // namespace rapport
