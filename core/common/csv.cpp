#include "core/common/csv.h"

#include "core/common/filetext.h"

#include <QStringDecoder>
#include <algorithm>
#include <optional>

namespace rapport {

namespace {

QString lineWhere(int line)
{
    return QStringLiteral("line %1").arg(line);
}

// RFC 4180 as a small state machine over characters. It records the physical line each field
// starts on, counting line breaks inside quoted fields too, so messages point at the right line.
class CsvReader
{
public:
    CsvReader(const QString& text, const QString& sourceName)
        : m_text(text)
        , m_sourceName(sourceName)
    { }

    Result<QList<CsvRow>> read();

private:
    enum class State { FieldStart, Unquoted, Quoted, AfterQuote };

    qsizetype lineBreakLength(qsizetype at) const;
    void takeLineBreak(const QString& lineBreak);
    std::optional<Error> takeCharacter(QChar c);
    Error textAfterQuoteError(QChar c) const;
    Result<QList<CsvRow>> finish();
    void endField();
    void endRow();

    QString m_text;
    QString m_sourceName;
    State m_state = State::FieldStart;
    int m_line = 1;
    int m_fieldLine = 1;
    QString m_field;
    CsvRow m_row;
    QList<CsvRow> m_rows;
};

Result<QList<CsvRow>> CsvReader::read()
{
    qsizetype at = 0;
    while (at < m_text.size()) {
        if (const qsizetype length = lineBreakLength(at); length > 0) {
            takeLineBreak(m_text.mid(at, length));
            at += length;
            continue;
        }
        if (std::optional<Error> error = takeCharacter(m_text[at]))
            return *error;
        ++at;
    }
    return finish();
}

// CRLF, LF and a lone CR each end one physical line.
qsizetype CsvReader::lineBreakLength(qsizetype at) const
{
    if (m_text[at] == QLatin1Char('\r'))
        return at + 1 < m_text.size() && m_text[at + 1] == QLatin1Char('\n') ? 2 : 1;
    return m_text[at] == QLatin1Char('\n') ? 1 : 0;
}

void CsvReader::takeLineBreak(const QString& lineBreak)
{
    ++m_line;
    // Inside quotes the line break is part of the text and is kept exactly as written.
    if (m_state == State::Quoted)
        m_field += lineBreak;
    else
        endRow();
}

std::optional<Error> CsvReader::takeCharacter(QChar c)
{
    const bool isQuote = c == QLatin1Char('"');
    const bool isComma = c == QLatin1Char(',');
    switch (m_state) {
    case State::FieldStart:
        if (isQuote) {
            m_state = State::Quoted;
        } else if (isComma) {
            endField();
        } else {
            m_field += c;
            m_state = State::Unquoted;
        }
        break;
    case State::Unquoted:
        // A quote inside an unquoted field is kept as written, as spreadsheets do, so
        // hand-written text such as: What's your "guilty pleasure" song? is not rejected.
        if (isComma)
            endField();
        else
            m_field += c;
        break;
    case State::Quoted:
        if (isQuote)
            m_state = State::AfterQuote;
        else
            m_field += c;
        break;
    case State::AfterQuote:
        if (isQuote) { // "" inside quotes is one literal quote
            m_field += c;
            m_state = State::Quoted;
        } else if (isComma) {
            endField();
        } else {
            return textAfterQuoteError(c);
        }
        break;
    }
    return std::nullopt;
}

Error CsvReader::textAfterQuoteError(QChar c) const
{
    return fileFormatError(m_sourceName, lineWhere(m_line),
        QStringLiteral("unexpected %1 after the closing quote of the field \"%2\"")
            .arg(describeCharacter(c), shortened(m_field)),
        QStringLiteral("Put the whole field in quotes and write each quote inside it twice "
                       "(\"\")."));
}

Result<QList<CsvRow>> CsvReader::finish()
{
    if (m_state == State::Quoted) {
        return fileFormatError(m_sourceName, lineWhere(m_fieldLine),
            QStringLiteral("the quoted field starting here (%1) has no closing quote")
                .arg(quoted(m_field)),
            QStringLiteral("Add the closing quote, and write each quote inside a quoted field "
                           "twice (\"\")."));
    }
    if (m_state != State::FieldStart || !m_row.fields.isEmpty())
        endRow();
    return m_rows;
}

void CsvReader::endField()
{
    m_row.fields << CsvField { m_field, m_fieldLine };
    m_field.clear();
    m_state = State::FieldStart;
    m_fieldLine = m_line;
}

void CsvReader::endRow()
{
    endField();
    m_rows << m_row;
    m_row = {};
}

// Decoding line by line finds where the bad bytes are; no byte of a multi-byte UTF-8 sequence
// is '\n', so splitting there cannot cut a valid character in two.
int firstInvalidUtf8Line(const QList<QByteArray>& lines)
{
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        [[maybe_unused]] const QString decoded = decoder.decode(lines[i]);
        if (decoder.hasError())
            return static_cast<int>(i) + 1;
    }
    return 1;
}

} // namespace

QString csvField(const QString& value)
{
    const bool needsQuotes = value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"'))
        || value.contains(QLatin1Char('\r')) || value.contains(QLatin1Char('\n'))
        || (!value.isEmpty() && (value.front().isSpace() || value.back().isSpace()));
    if (!needsQuotes)
        return value;
    QString escaped = value;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString csvLine(const QStringList& fields)
{
    QStringList encoded;
    encoded.reserve(fields.size());
    for (const QString& field : fields)
        encoded << csvField(field);
    return encoded.join(QLatin1Char(',')) + QStringLiteral("\r\n");
}

bool CsvRow::isBlank() const
{
    return std::all_of(fields.cbegin(), fields.cend(),
        [](const CsvField& field) { return field.value.trimmed().isEmpty(); });
}

Result<QString> decodeCsv(const QByteArray& bytes, const QString& source)
{
    const QByteArray content = withoutBom(bytes);
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(content);
    if (!decoder.hasError())
        return text;
    const QList<QByteArray> lines = content.split('\n');
    const int line = firstInvalidUtf8Line(lines);
    return fileFormatError(source, lineWhere(line),
        QStringLiteral("the text is not UTF-8 (near `%1`)")
            .arg(shortened(QString::fromUtf8(lines[line - 1]))),
        QStringLiteral("Save the file as \"CSV UTF-8\" in your spreadsheet, or convert it to "
                       "UTF-8."));
}

Result<QList<CsvRow>> parseCsv(const QString& text, const QString& source)
{
    return CsvReader(text, source).read();
}

} // namespace rapport
