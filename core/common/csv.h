#pragma once

#include <QString>
#include <QStringList>

namespace rapport {

/// One field quoted per RFC 4180 (and when it has leading or trailing spaces, so no reader
/// trims them).
QString csvField(const QString& value);

/// One record: the fields quoted as needed, joined by commas, ended by CRLF.
QString csvLine(const QStringList& fields);

} // namespace rapport
