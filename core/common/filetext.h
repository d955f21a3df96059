#pragma once

#include "core/common/error.h"

#include <QByteArray>
#include <QJsonParseError>
#include <QJsonValue>
#include <QString>

namespace rapport {

// Helpers for reading text files people may have edited, and for naming what was found in them
// in error messages.

/// `bytes` without a leading UTF-8 byte-order mark.
QByteArray withoutBom(const QByteArray& bytes);

/// A value as shown inside a message: on one line, cut to 60 characters (an ellipsis marks the
/// cut), so the message stays one readable sentence.
QString shortened(const QString& value);
/// shortened(value) in double quotes.
QString quoted(const QString& value);
/// A character named so that invisible ones show: U+0009 for a tab, 'x' for a visible one.
QString describeCharacter(QChar c);
/// What a JSON value is, for "expected X, found Y": "null", "the number 3", "an array", ...
QString describeJson(const QJsonValue& value);

/// A Format error whose message starts with the file and the place in it:
/// "<source>, <where>: <what>." (`where` may be empty).
Error fileFormatError(
    const QString& source, const QString& where, const QString& what, const QString& fix);

/// A Format error for JSON that does not parse: the line and column (in characters) of
/// `parseError.offset` in `json`, what was expected there and the text around it.
Error jsonSyntaxError(const QByteArray& json, const QJsonParseError& parseError,
    const QString& source, const QString& fix);

} // namespace rapport
