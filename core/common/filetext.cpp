#include "core/common/filetext.h"

#include <QStringList>
#include <algorithm>

namespace rapport {

namespace {

constexpr qsizetype kMaxShownLength = 60;

QString describeSyntaxExpectation(QJsonParseError::ParseError error)
{
    switch (error) {
    case QJsonParseError::UnterminatedObject:
        return QStringLiteral("expected ',' before the next key or '}' to close the object");
    case QJsonParseError::MissingNameSeparator:
        return QStringLiteral("expected ':' between a key and its value");
    case QJsonParseError::UnterminatedArray:
        return QStringLiteral("expected ',' before the next item or ']' to close the array");
    case QJsonParseError::MissingValueSeparator:
        return QStringLiteral("expected ',' between two values");
    case QJsonParseError::IllegalValue:
        return QStringLiteral("expected a value: a \"string\", a number, true, false, null, [...] "
                              "or {...}");
    case QJsonParseError::TerminationByNumber:
        return QStringLiteral("expected more after the number at the end of the file");
    case QJsonParseError::IllegalNumber:
        return QStringLiteral("expected a number such as 1 or 2.5");
    case QJsonParseError::IllegalEscapeSequence:
        return QStringLiteral("expected an escape such as \\\" or \\n");
    case QJsonParseError::IllegalUTF8String:
        return QStringLiteral("expected UTF-8 text");
    case QJsonParseError::UnterminatedString:
        return QStringLiteral("expected a closing '\"'");
    case QJsonParseError::MissingObject:
        return QStringLiteral("expected another item after ',': a trailing comma is not allowed");
    case QJsonParseError::DeepNesting:
        return QStringLiteral("expected fewer nested levels");
    case QJsonParseError::DocumentTooLarge:
        return QStringLiteral("expected a smaller file");
    case QJsonParseError::GarbageAtEnd:
        return QStringLiteral("expected nothing after the end of the JSON value");
    case QJsonParseError::NoError:
        break;
    }
    return QStringLiteral("expected valid JSON");
}

struct TextPosition
{
    int line = 1;
    qsizetype column = 1; ///< in characters, 1-based
    QString excerpt; ///< the text around the position on its line
};

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// A line can be too long to show (deck files keep a question per line), so this keeps the
// characters just before and after the position.
QString excerptAround(const QString& before, const QString& after)
{
    constexpr qsizetype kBefore = 30;
    constexpr qsizetype kAfter = 20;
    QString excerpt = before;
    if (before.size() > kBefore) {
        excerpt = before.right(kBefore);
        if (excerpt.front().isLowSurrogate())
            excerpt.remove(0, 1);
        excerpt.prepend(QChar(0x2026));
    }
    if (after.size() > kAfter) {
        QString start = after.left(kAfter);
        if (start.back().isHighSurrogate())
            start.chop(1);
        excerpt += start + QChar(0x2026);
    } else {
        excerpt += after;
    }
    return excerpt.trimmed();
}

// QJsonParseError gives a byte offset; people need a line and a column in characters.
TextPosition positionOf(const QByteArray& utf8, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, utf8.size());
    // At the end of the input the culprit is the last thing written, not the blank line after it.
    if (offset == utf8.size()) {
        while (offset > 0 && isJsonSpace(utf8[offset - 1]))
            --offset;
    }
    const qsizetype lineStart = offset == 0 ? 0 : utf8.lastIndexOf('\n', offset - 1) + 1;
    qsizetype lineEnd = utf8.indexOf('\n', offset);
    if (lineEnd < 0)
        lineEnd = utf8.size();
    TextPosition position;
    position.line = 1 + static_cast<int>(utf8.left(lineStart).count('\n'));
    const QString before = QString::fromUtf8(utf8.mid(lineStart, offset - lineStart));
    position.column = 1 + before.toUcs4().size();
    position.excerpt = excerptAround(before, QString::fromUtf8(utf8.mid(offset, lineEnd - offset)));
    return position;
}

} // namespace

QByteArray withoutBom(const QByteArray& bytes)
{
    static const QByteArray bom("\xEF\xBB\xBF");
    return bytes.startsWith(bom) ? bytes.mid(bom.size()) : bytes;
}

QString shortened(const QString& value)
{
    QString shown = value.simplified();
    if (shown.size() > kMaxShownLength) {
        shown.truncate(kMaxShownLength - 1);
        if (shown.back().isHighSurrogate())
            shown.chop(1);
        shown += QChar(0x2026);
    }
    return shown;
}

QString quoted(const QString& value)
{
    return QLatin1Char('"') + shortened(value) + QLatin1Char('"');
}

QString describeCharacter(QChar c)
{
    if (c.isSpace() || !c.isPrint())
        return QStringLiteral("U+%1")
            .arg(static_cast<uint>(c.unicode()), 4, 16, QLatin1Char('0'))
            .toUpper();
    return QLatin1Char('\'') + c + QLatin1Char('\'');
}

QString describeJson(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QStringLiteral("the number ") + QString::number(value.toDouble());
    case QJsonValue::String:
        return QStringLiteral("the string ") + quoted(value.toString());
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

Error fileFormatError(
    const QString& source, const QString& where, const QString& what, const QString& fix)
{
    QString message = source;
    if (!where.isEmpty())
        message += QStringLiteral(", ") + where;
    message += QStringLiteral(": ") + what + QLatin1Char('.');
    return Error { ErrorKind::Format, message, fix, {} };
}

Error jsonSyntaxError(const QByteArray& json, const QJsonParseError& parseError,
    const QString& source, const QString& fix)
{
    const TextPosition position = positionOf(json, parseError.offset);
    const QString where
        = QStringLiteral("line %1, column %2")
              .arg(QString::number(position.line), QString::number(position.column));
    return fileFormatError(source, where,
        QStringLiteral("%1 (%2) near `%3`")
            .arg(parseError.errorString(), describeSyntaxExpectation(parseError.error),
                shortened(position.excerpt)),
        fix);
}

} // namespace rapport
