#include "core/decks/deckformat.h"

#include "core/common/csv.h"
#include "core/common/filetext.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSet>
#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

namespace rapport::decks {

namespace {

constexpr int kMaxSlugLength = 40;
constexpr double kMaxInteger = 1'000'000'000;

// ---------------------------------------------------------------------------------------------
// Rules and messages shared by both formats

// A broken rule, worded for the person who has to fix the file.
struct Problem
{
    QString what;
    QString fix;
};

// "<source>, <where>: <problem>." Every message starts with the file and the place in it.
Error formatError(const QString& sourceName, const QString& where, const Problem& problem)
{
    return fileFormatError(sourceName, where, problem.what, problem.fix);
}

QString zoneChoices()
{
    QStringList keys;
    for (Zone zone : kAllZones)
        keys << zoneKey(zone);
    const QString last = keys.takeLast();
    return keys.join(QStringLiteral(", ")) + QStringLiteral(" or ") + last;
}

std::optional<Zone> parseZone(const QString& value, Problem& problem)
{
    const std::optional<Zone> zone = zoneFromKey(value);
    if (!zone) {
        problem
            = { QStringLiteral("unknown zone %1 (expected %2)").arg(quoted(value), zoneChoices()),
                  QStringLiteral("Set the zone to one of %1.").arg(zoneChoices()) };
    }
    return zone;
}

bool isAsciiLetterOrDigit(char16_t c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}

bool isIdCharacter(QChar c)
{
    const char16_t u = c.unicode();
    return isAsciiLetterOrDigit(u) || u == u'.' || u == u'-' || u == u'_';
}

std::optional<Problem> idProblem(const QString& id)
{
    const QString fix = QStringLiteral(
        "Use only letters A-Z and a-z, digits, '.', '-' and '_' in ids, for example "
        "\"my-team-001\".");
    if (id.isEmpty())
        return Problem { QStringLiteral("the id is empty"), fix };
    const auto bad = std::find_if_not(id.cbegin(), id.cend(), isIdCharacter);
    if (bad != id.cend()) {
        return Problem { QStringLiteral("id %1 contains %2 (expected only letters A-Z and a-z, "
                                        "digits, '.', '-' and '_')")
                             .arg(quoted(id), describeCharacter(*bad)),
            fix };
    }
    return std::nullopt;
}

std::optional<Problem> textProblem(const QString& text)
{
    if (text.trimmed().isEmpty()) {
        return Problem { QStringLiteral("the question text is empty"),
            QStringLiteral("Write the question, or remove the entry.") };
    }
    // SQLite's text ends at a NUL, so the question would be stored cut short.
    if (text.contains(QChar(u'\0'))) {
        return Problem { QStringLiteral("the question text holds the control character %1")
                             .arg(describeCharacter(QChar(u'\0'))),
            QStringLiteral("Remove it; save the file from a text editor.") };
    }
    const qsizetype length = text.toUcs4().size();
    if (length > kMaxQuestionLength) {
        return Problem { QStringLiteral("the question text %1 is %2 characters long (expected at "
                                        "most %3)")
                             .arg(quoted(text), QString::number(length),
                                 QString::number(kMaxQuestionLength)),
            QStringLiteral("Shorten the question; put extra guidance in the hint.") };
    }
    return std::nullopt;
}

// CSV joins tags with ';', so a tag holding one could not be written back unchanged.
std::optional<Problem> tagProblem(const QString& tag)
{
    const QString fix = QStringLiteral("Use short single words or phrases as tags, such as "
                                       "\"work\" or \"dinner\", without ';'.");
    if (tag.trimmed().isEmpty())
        return Problem { QStringLiteral("a tag is empty"), fix };
    if (tag.contains(QLatin1Char(';')))
        return Problem { QStringLiteral("tag %1 contains ';'").arg(quoted(tag)), fix };
    return std::nullopt;
}

// Tags are matched against context names, so case and stray spaces must not matter.
QString normalisedTag(const QString& tag)
{
    return tag.trimmed().toLower();
}

// A question with the places it came from, in the file's own terms, so that the checks shared
// by JSON and CSV can point at both copies of a duplicate.
struct Placed
{
    Question question;
    QString idWhere; ///< "questions[4].id" or "line 9, column \"id\""
    QString textWhere;
    QString label; ///< "questions[4]" or "line 9"
};

// Two cards that differ only in case or spacing would look like the same card in the app.
QString textKey(const QString& text)
{
    return text.simplified().toCaseFolded();
}

Status checkUnique(const QList<Placed>& placed, const QString& sourceName)
{
    QHash<QString, qsizetype> ids;
    QHash<QString, qsizetype> texts;
    for (qsizetype i = 0; i < placed.size(); ++i) {
        const Placed& p = placed[i];
        if (const auto other = ids.constFind(p.question.id); other != ids.cend()) {
            return formatError(sourceName, p.idWhere,
                { QStringLiteral("id %1 is also used at %2")
                        .arg(quoted(p.question.id), placed[*other].label),
                    QStringLiteral("Give each question its own id; favourites and history "
                                   "follow questions by id.") });
        }
        if (const auto other = texts.constFind(textKey(p.question.text)); other != texts.cend()) {
            return formatError(sourceName, p.textWhere,
                { QStringLiteral("%1 repeats the question at %2 (texts must differ in more than "
                                 "case and spacing)")
                        .arg(quoted(p.question.text), placed[*other].label),
                    QStringLiteral("Remove one of the two copies, or reword one of them.") });
        }
        ids.insert(p.question.id, i);
        texts.insert(textKey(p.question.text), i);
    }
    return {};
}

// ---------------------------------------------------------------------------------------------
// JSON reading

enum class Need { Required, Optional };

// Reads the fields of one JSON object. It keeps only the first problem, so callers read every
// field in order and check once at the end instead of after each field.
class JsonReader
{
public:
    JsonReader(const QJsonObject& object, const QString& path, const QString& sourceName)
        : m_object(object)
        , m_path(path)
        , m_sourceName(sourceName)
    { }

    QString string(const QString& key, Need need, const QString& fallback = {});
    QString nonBlankString(const QString& key);
    QString id(const QString& key);
    Zone zone(const QString& key);
    QString text(const QString& key);
    int integer(const QString& key, Need need, int fallback, int minimum);
    /// A question's level: 1, 2 or 3, or empty when left out.
    std::optional<int> level(const QString& key);
    QStringList strings(const QString& key);
    QStringList tags(const QString& key);
    QJsonArray questionArray(const QString& key);

    void fail(const QString& where, const Problem& problem);
    QString where(const QString& key) const;
    const std::optional<Error>& error() const { return m_error; }

private:
    std::optional<QJsonValue> value(
        const QString& key, QJsonValue::Type type, Need need, const QString& expected);

    QJsonObject m_object;
    QString m_path; ///< JSON path of the object, e.g. "questions[3]"; empty at the top level
    QString m_sourceName;
    std::optional<Error> m_error;
};

void JsonReader::fail(const QString& where, const Problem& problem)
{
    if (!m_error)
        m_error = formatError(m_sourceName, where, problem);
}

QString JsonReader::where(const QString& key) const
{
    if (m_path.isEmpty())
        return key;
    return m_path + QLatin1Char('.') + key;
}

// The value at `key` when it has `type`; otherwise records why not. Null counts as absent for
// optional fields, as hand-written files sometimes use it for "none".
std::optional<QJsonValue> JsonReader::value(
    const QString& key, QJsonValue::Type type, Need need, const QString& expected)
{
    if (m_error)
        return std::nullopt;
    const QJsonValue found = m_object.value(key);
    if (found.isUndefined() || (found.isNull() && need == Need::Optional)) {
        if (need == Need::Required) {
            const QString owner
                = m_path.isEmpty() ? QStringLiteral("the top-level object") : m_path;
            fail(where(key),
                { QStringLiteral("required but missing (expected %1)").arg(expected),
                    QStringLiteral("Add \"%1\" to %2.").arg(key, owner) });
        }
        return std::nullopt;
    }
    if (found.type() != type) {
        fail(where(key),
            { QStringLiteral("expected %1, found %2").arg(expected, describeJson(found)),
                QStringLiteral("Change \"%1\" to %2.").arg(key, expected) });
        return std::nullopt;
    }
    return found;
}

QString JsonReader::string(const QString& key, Need need, const QString& fallback)
{
    const auto found = value(key, QJsonValue::String, need, QStringLiteral("a string"));
    return found ? found->toString() : fallback;
}

QString JsonReader::nonBlankString(const QString& key)
{
    const QString result = string(key, Need::Required);
    if (!m_error && result.trimmed().isEmpty()) {
        fail(where(key),
            { QStringLiteral("the value is empty (expected a non-empty string)"),
                QStringLiteral("Write a value for \"%1\".").arg(key) });
    }
    return result;
}

QString JsonReader::id(const QString& key)
{
    const QString result = string(key, Need::Required);
    if (!m_error) {
        if (const auto problem = idProblem(result))
            fail(where(key), *problem);
    }
    return result;
}

Zone JsonReader::zone(const QString& key)
{
    const QString written = string(key, Need::Required);
    if (m_error)
        return Zone::SmallTalk;
    Problem problem;
    const std::optional<Zone> result = parseZone(written, problem);
    if (!result)
        fail(where(key), problem);
    return result.value_or(Zone::SmallTalk);
}

QString JsonReader::text(const QString& key)
{
    const QString result = string(key, Need::Required);
    if (!m_error) {
        if (const auto problem = textProblem(result))
            fail(where(key), *problem);
    }
    return result;
}

int JsonReader::integer(const QString& key, Need need, int fallback, int minimum)
{
    const auto found = value(key, QJsonValue::Double, need, QStringLiteral("a whole number"));
    if (!found)
        return fallback;
    const double number = found->toDouble();
    if (number != std::floor(number) || number < minimum || number > kMaxInteger) {
        fail(where(key),
            { QStringLiteral("expected a whole number of at least %1, found %2")
                    .arg(QString::number(minimum), QString::number(number)),
                QStringLiteral("Set \"%1\" to a whole number such as %2.")
                    .arg(key, QString::number(minimum)) });
        return fallback;
    }
    return static_cast<int>(number);
}

std::optional<int> JsonReader::level(const QString& key)
{
    const auto found = value(key, QJsonValue::Double, Need::Optional, QStringLiteral("1, 2 or 3"));
    if (!found)
        return std::nullopt;
    const double number = found->toDouble();
    if (number != 1.0 && number != 2.0 && number != 3.0) {
        fail(where(key),
            { QStringLiteral("expected 1, 2 or 3, found %1").arg(QString::number(number)),
                QStringLiteral("Set \"%1\" to 1 (light), 2 (warmer) or 3 (personal), or leave "
                               "it out.")
                    .arg(key) });
        return std::nullopt;
    }
    return static_cast<int>(number);
}

QStringList JsonReader::strings(const QString& key)
{
    const auto found
        = value(key, QJsonValue::Array, Need::Optional, QStringLiteral("an array of strings"));
    QStringList result;
    const QJsonArray items = found ? found->toArray() : QJsonArray();
    for (qsizetype i = 0; i < items.size() && !m_error; ++i) {
        if (!items[i].isString()) {
            fail(where(key) + QStringLiteral("[%1]").arg(i),
                { QStringLiteral("expected a string, found %1").arg(describeJson(items[i])),
                    QStringLiteral("Write every item of \"%1\" in double quotes.").arg(key) });
        }
        result << items[i].toString();
    }
    return result;
}

QStringList JsonReader::tags(const QString& key)
{
    const QStringList raw = strings(key);
    QStringList result;
    for (qsizetype i = 0; i < raw.size() && !m_error; ++i) {
        if (const auto problem = tagProblem(raw[i]))
            fail(where(key) + QStringLiteral("[%1]").arg(i), *problem);
        result << normalisedTag(raw[i]);
    }
    result.removeDuplicates();
    return result;
}

QJsonArray JsonReader::questionArray(const QString& key)
{
    const auto found
        = value(key, QJsonValue::Array, Need::Required, QStringLiteral("an array of questions"));
    if (found && found->toArray().isEmpty()) {
        fail(where(key),
            { QStringLiteral("no questions (the array is empty)"),
                QStringLiteral("Add at least one question.") });
    }
    return found ? found->toArray() : QJsonArray();
}

Result<Placed> readJsonQuestion(const QJsonValue& value, qsizetype index, const QString& source)
{
    const QString path = QStringLiteral("questions[%1]").arg(index);
    if (!value.isObject()) {
        return formatError(source, path,
            { QStringLiteral("expected a question object {...}, found %1").arg(describeJson(value)),
                QStringLiteral("Write each question as an object with \"id\", \"zone\" and "
                               "\"text\".") });
    }
    JsonReader reader(value.toObject(), path, source);
    Question question;
    question.id = reader.id(QStringLiteral("id"));
    question.zone = reader.zone(QStringLiteral("zone"));
    question.level = reader.level(QStringLiteral("level"));
    question.text = reader.text(QStringLiteral("text"));
    question.tags = reader.tags(QStringLiteral("tags"));
    question.followUp = reader.string(QStringLiteral("follow_up"), Need::Optional);
    question.hint = reader.string(QStringLiteral("hint"), Need::Optional);
    if (reader.error())
        return *reader.error();
    return Placed { question, reader.where(QStringLiteral("id")),
        reader.where(QStringLiteral("text")), path };
}

Result<QList<Question>> readJsonQuestions(const QJsonArray& items, const QString& source)
{
    QList<Placed> placed;
    for (qsizetype i = 0; i < items.size(); ++i) {
        Result<Placed> question = readJsonQuestion(items[i], i, source);
        if (!question)
            return question.error();
        placed << std::move(question).value();
    }
    if (const Status unique = checkUnique(placed, source); !unique)
        return unique.error();
    QList<Question> questions;
    for (const Placed& p : placed)
        questions << p.question;
    return questions;
}

// A newer format may change any field, so the version is checked before everything else.
void checkFormatVersion(JsonReader& reader)
{
    const QString key = QStringLiteral("format_version");
    const int version = reader.integer(key, Need::Required, Deck::kFormatVersion, 1);
    if (version > Deck::kFormatVersion) {
        reader.fail(key,
            { QStringLiteral("the deck was written by a newer Rapport (format_version %1; this "
                             "one reads format_version %2)")
                    .arg(QString::number(version), QString::number(Deck::kFormatVersion)),
                QStringLiteral("Update Rapport to open this deck, or ask its author for a copy "
                               "saved in format_version %1.")
                    .arg(Deck::kFormatVersion) });
    }
}

Result<Deck> readJsonDeck(const QJsonObject& root, const QString& source)
{
    JsonReader reader(root, {}, source);
    checkFormatVersion(reader);
    Deck deck;
    deck.id = reader.id(QStringLiteral("id"));
    deck.title = reader.nonBlankString(QStringLiteral("title"));
    deck.description = reader.string(QStringLiteral("description"), Need::Optional);
    deck.language = reader.string(QStringLiteral("language"), Need::Optional, deck.language);
    deck.author = reader.string(QStringLiteral("author"), Need::Optional);
    deck.license = reader.string(QStringLiteral("license"), Need::Optional);
    deck.version = reader.integer(QStringLiteral("version"), Need::Optional, deck.version, 1);
    deck.hints = reader.strings(QStringLiteral("hints"));
    const QJsonArray questions = reader.questionArray(QStringLiteral("questions"));
    if (reader.error())
        return *reader.error();
    Result<QList<Question>> read = readJsonQuestions(questions, source);
    if (!read)
        return read.error();
    deck.questions = std::move(read).value();
    return deck;
}

// ---------------------------------------------------------------------------------------------
// JSON writing: by hand rather than through QJsonObject, to keep the key order and the
// one-question-per-line layout of the shipped files, which keeps diffs of deck files readable.

QString jsonString(const QString& value)
{
    QString out = QStringLiteral("\"");
    for (QChar c : value) {
        switch (c.unicode()) {
        case u'"':
            out += QStringLiteral("\\\"");
            break;
        case u'\\':
            out += QStringLiteral("\\\\");
            break;
        case u'\n':
            out += QStringLiteral("\\n");
            break;
        case u'\r':
            out += QStringLiteral("\\r");
            break;
        case u'\t':
            out += QStringLiteral("\\t");
            break;
        default:
            // Other control characters are not allowed raw inside JSON strings.
            if (c.unicode() < 0x20) {
                out += QStringLiteral("\\u%1").arg(
                    static_cast<uint>(c.unicode()), 4, 16, QLatin1Char('0'));
            } else {
                out += c;
            }
        }
    }
    return out + QLatin1Char('"');
}

QString jsonMember(const QString& key, const QString& value)
{
    return jsonString(key) + QStringLiteral(": ") + value;
}

QString jsonInlineArray(const QStringList& items)
{
    QStringList encoded;
    for (const QString& item : items)
        encoded << jsonString(item);
    return QLatin1Char('[') + encoded.join(QStringLiteral(", ")) + QLatin1Char(']');
}

// `items` are already encoded; each goes on its own line inside the top-level object.
QString jsonIndentedArray(const QStringList& items)
{
    if (items.isEmpty())
        return QStringLiteral("[]");
    return QStringLiteral("[\n    ") + items.join(QStringLiteral(",\n    "))
        + QStringLiteral("\n  ]");
}

QString questionToJson(const Question& question)
{
    QStringList members { jsonMember(QStringLiteral("id"), jsonString(question.id)),
        jsonMember(QStringLiteral("zone"), jsonString(zoneKey(question.zone))) };
    if (question.level)
        members << jsonMember(QStringLiteral("level"), QString::number(*question.level));
    members << jsonMember(QStringLiteral("text"), jsonString(question.text));
    if (!question.tags.isEmpty())
        members << jsonMember(QStringLiteral("tags"), jsonInlineArray(question.tags));
    if (!question.followUp.isEmpty())
        members << jsonMember(QStringLiteral("follow_up"), jsonString(question.followUp));
    if (!question.hint.isEmpty())
        members << jsonMember(QStringLiteral("hint"), jsonString(question.hint));
    return QLatin1Char('{') + members.join(QStringLiteral(", ")) + QLatin1Char('}');
}

// ---------------------------------------------------------------------------------------------
// CSV reading

QString csvWhere(int line, const QString& column = {})
{
    QString where = QStringLiteral("line %1").arg(line);
    if (!column.isEmpty())
        where += QStringLiteral(", column \"%1\"").arg(column);
    return where;
}

enum class Column { Id, Zone, Level, Text, Tags, FollowUp, Hint };
constexpr std::array kCsvColumns { Column::Id, Column::Zone, Column::Level, Column::Text,
    Column::Tags, Column::FollowUp, Column::Hint };

QString columnName(Column column)
{
    switch (column) {
    case Column::Id:
        return QStringLiteral("id");
    case Column::Zone:
        return QStringLiteral("zone");
    case Column::Level:
        return QStringLiteral("level");
    case Column::Text:
        return QStringLiteral("text");
    case Column::Tags:
        return QStringLiteral("tags");
    case Column::FollowUp:
        return QStringLiteral("follow_up");
    case Column::Hint:
        return QStringLiteral("hint");
    }
    return {};
}

struct CsvHeader
{
    std::array<qsizetype, kCsvColumns.size()> index {}; ///< field position per column; -1: absent
    qsizetype size = 0;
    int line = 1;

    qsizetype& at(Column column) { return index[static_cast<std::size_t>(column)]; }
    qsizetype at(Column column) const { return index[static_cast<std::size_t>(column)]; }
};

Error missingColumnError(const CsvRow& row, Column column, const QString& source)
{
    QStringList found;
    for (const CsvField& field : row.fields)
        found << field.value.trimmed();
    return formatError(source, csvWhere(row.line()),
        { QStringLiteral("the header has no \"%1\" column (found: %2)")
                .arg(columnName(column), shortened(found.join(QStringLiteral(", ")))),
            QStringLiteral(
                "Start the file with a header row naming the columns, for example "
                "\"id,zone,level,text,tags,follow_up,hint\"; text and zone are required.") });
}

// Column names are matched without regard to case or order; unknown columns are ignored so
// spreadsheets with extra notes still import.
Result<CsvHeader> readCsvHeader(const CsvRow& row, const QString& source)
{
    CsvHeader header;
    header.index.fill(-1);
    header.size = row.fields.size();
    header.line = row.line();
    for (qsizetype i = 0; i < row.fields.size(); ++i) {
        const QString name = row.fields[i].value.trimmed().toLower();
        for (Column column : kCsvColumns) {
            if (name != columnName(column))
                continue;
            if (header.at(column) >= 0) {
                return formatError(source, csvWhere(header.line),
                    { QStringLiteral("the column \"%1\" appears twice in the header").arg(name),
                        QStringLiteral("Keep one \"%1\" column and rename or remove the other.")
                            .arg(name) });
            }
            header.at(column) = i;
        }
    }
    for (Column required : { Column::Text, Column::Zone }) {
        if (header.at(required) < 0)
            return missingColumnError(row, required, source);
    }
    return header;
}

// A column the row is too short to have reads as empty, on the row's last line.
CsvField cellOf(const CsvRow& row, const CsvHeader& header, Column column)
{
    const qsizetype i = header.at(column);
    if (i >= 0 && i < row.fields.size())
        return row.fields[i];
    return CsvField { QString(), row.fields.last().line };
}

// Empty cells past the last column lose nothing (spreadsheets sometimes write them); anything
// else there is usually text with an unquoted comma.
std::optional<Error> extraFieldError(
    const CsvRow& row, const CsvHeader& header, const QString& source)
{
    for (qsizetype i = header.size; i < row.fields.size(); ++i) {
        const CsvField& extra = row.fields[i];
        if (extra.value.trimmed().isEmpty())
            continue;
        return formatError(source, csvWhere(extra.line),
            { QStringLiteral("this row has %1 fields but the header on line %2 names %3 columns "
                             "(extra field %4)")
                    .arg(QString::number(row.fields.size()), QString::number(header.line),
                        QString::number(header.size), quoted(extra.value)),
                QStringLiteral("Put fields that contain commas in double quotes, or add a name "
                               "for the extra column to the header.") });
    }
    return std::nullopt;
}

QStringList csvTags(const QString& field)
{
    QStringList tags;
    // Empty pieces ("work;;social", a trailing ';') are skipped: they are typing slips, not tags.
    for (const QString& piece : field.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        if (!piece.trimmed().isEmpty())
            tags << normalisedTag(piece);
    }
    tags.removeDuplicates();
    return tags;
}

Result<Placed> readCsvQuestion(const CsvRow& row, const CsvHeader& header, const QString& source)
{
    if (std::optional<Error> error = extraFieldError(row, header, source))
        return *error;
    const CsvField id = cellOf(row, header, Column::Id);
    const CsvField zone = cellOf(row, header, Column::Zone);
    const CsvField text = cellOf(row, header, Column::Text);
    Question question;
    // Spaces around an id are never meaningful; missing ids are generated later.
    question.id = id.value.trimmed();
    if (!question.id.isEmpty()) {
        if (const auto problem = idProblem(question.id))
            return formatError(source, csvWhere(id.line, columnName(Column::Id)), *problem);
    }
    Problem problem;
    const std::optional<Zone> parsedZone = parseZone(zone.value, problem);
    if (!parsedZone)
        return formatError(source, csvWhere(zone.line, columnName(Column::Zone)), problem);
    question.zone = *parsedZone;
    if (const auto textIssue = textProblem(text.value))
        return formatError(source, csvWhere(text.line, columnName(Column::Text)), *textIssue);
    question.text = text.value;
    const CsvField level = cellOf(row, header, Column::Level);
    if (!level.value.trimmed().isEmpty()) {
        const QString given = level.value.trimmed();
        if (given != u"1" && given != u"2" && given != u"3") {
            return formatError(source, csvWhere(level.line, columnName(Column::Level)),
                { QStringLiteral("expected 1, 2 or 3, found %1").arg(quoted(given)),
                    QStringLiteral("Write 1 (light), 2 (warmer) or 3 (personal) in the level "
                                   "column, or leave the cell empty.") });
        }
        question.level = given.toInt();
    }
    question.tags = csvTags(cellOf(row, header, Column::Tags).value);
    question.followUp = cellOf(row, header, Column::FollowUp).value;
    question.hint = cellOf(row, header, Column::Hint).value;
    return Placed { question, csvWhere(id.line, columnName(Column::Id)),
        csvWhere(text.line, columnName(Column::Text)), csvWhere(row.line()) };
}

// Generated ids come from the question's position, so importing the same file twice gives the
// same ids; a suffix avoids ids the file already uses explicitly.
void assignMissingIds(QList<Placed>& placed)
{
    QSet<QString> taken;
    for (const Placed& p : placed)
        taken.insert(p.question.id);
    for (qsizetype i = 0; i < placed.size(); ++i) {
        QString& id = placed[i].question.id;
        if (!id.isEmpty())
            continue;
        const QString base = QStringLiteral("q-%1").arg(i + 1, 3, 10, QLatin1Char('0'));
        id = base;
        for (int suffix = 2; taken.contains(id); ++suffix)
            id = base + QLatin1Char('-') + QString::number(suffix);
        taken.insert(id);
    }
}

Result<QList<Placed>> readCsvQuestions(const QList<CsvRow>& rows, const QString& source)
{
    if (rows.isEmpty()) {
        return formatError(source, {},
            { QStringLiteral("no questions (the file is empty)"),
                QStringLiteral("Add a header row (for example \"zone,text,tags\") and one row per "
                               "question.") });
    }
    const Result<CsvHeader> header = readCsvHeader(rows.first(), source);
    if (!header)
        return header.error();
    if (rows.size() == 1) {
        return formatError(source, csvWhere(header->line),
            { QStringLiteral("no questions below the header"),
                QStringLiteral("Add one row per question below the header.") });
    }
    QList<Placed> placed;
    for (qsizetype i = 1; i < rows.size(); ++i) {
        Result<Placed> question = readCsvQuestion(rows[i], *header, source);
        if (!question)
            return question.error();
        placed << std::move(question).value();
    }
    assignMissingIds(placed);
    if (const Status unique = checkUnique(placed, source); !unique)
        return unique.error();
    return placed;
}

Status checkCsvDeckIdentity(const QString& deckId, const QString& title, const QString& source)
{
    if (const auto problem = idProblem(deckId)) {
        return Error { ErrorKind::InvalidArgument,
            QStringLiteral("Cannot import %1: the deck %2.").arg(source, problem->what),
            problem->fix, {} };
    }
    if (title.trimmed().isEmpty()) {
        return Error { ErrorKind::InvalidArgument,
            QStringLiteral("Cannot import %1: the deck title is empty.").arg(source),
            QStringLiteral("Give the deck a title."), {} };
    }
    return {};
}

} // namespace

bool isValidDeckId(const QString& id)
{
    return !idProblem(id).has_value();
}

Result<Deck> parseDeckJson(const QByteArray& bytes, const QString& sourceName)
{
    const QByteArray json = withoutBom(bytes);
    if (json.trimmed().isEmpty()) {
        return formatError(sourceName, {},
            { QStringLiteral("the file is empty (expected a JSON deck object {...})"),
                QStringLiteral("Choose a Rapport deck file, or export the deck again.") });
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return jsonSyntaxError(json, parseError, sourceName,
            QStringLiteral("Correct the JSON at that place (a JSON-aware editor shows the "
                           "mistake), or export the deck again."));
    if (!document.isObject()) {
        return formatError(sourceName, QStringLiteral("top level"),
            { QStringLiteral("expected a deck object {...}, found %1")
                    .arg(document.isArray() ? QStringLiteral("an array")
                                            : QStringLiteral("a value")),
                QStringLiteral("Put the deck in one object with \"format_version\", \"id\", "
                               "\"title\" and \"questions\".") });
    }
    return readJsonDeck(document.object(), sourceName);
}

QByteArray deckToJson(const Deck& deck)
{
    QStringList members { jsonMember(QStringLiteral("format_version"),
                              QString::number(Deck::kFormatVersion)),
        jsonMember(QStringLiteral("id"), jsonString(deck.id)),
        jsonMember(QStringLiteral("title"), jsonString(deck.title)) };
    if (!deck.description.isEmpty())
        members << jsonMember(QStringLiteral("description"), jsonString(deck.description));
    members << jsonMember(QStringLiteral("language"), jsonString(deck.language));
    if (!deck.author.isEmpty())
        members << jsonMember(QStringLiteral("author"), jsonString(deck.author));
    if (!deck.license.isEmpty())
        members << jsonMember(QStringLiteral("license"), jsonString(deck.license));
    members << jsonMember(QStringLiteral("version"), QString::number(deck.version));
    if (!deck.hints.isEmpty()) {
        QStringList hints;
        for (const QString& hint : deck.hints)
            hints << jsonString(hint);
        members << jsonMember(QStringLiteral("hints"), jsonIndentedArray(hints));
    }
    QStringList questions;
    for (const Question& question : deck.questions)
        questions << questionToJson(question);
    members << jsonMember(QStringLiteral("questions"), jsonIndentedArray(questions));
    const QString json
        = QStringLiteral("{\n  ") + members.join(QStringLiteral(",\n  ")) + QStringLiteral("\n}\n");
    return json.toUtf8();
}

Result<Deck> parseDeckCsv(
    const QByteArray& bytes, const QString& sourceName, const QString& deckId, const QString& title)
{
    if (const Status identity = checkCsvDeckIdentity(deckId, title, sourceName); !identity)
        return identity.error();
    const Result<QString> text = decodeCsv(bytes, sourceName);
    if (!text)
        return text.error();
    Result<QList<CsvRow>> rows = parseCsv(*text, sourceName);
    if (!rows)
        return rows.error();
    rows->removeIf([](const CsvRow& row) { return row.isBlank(); });
    const Result<QList<Placed>> placed = readCsvQuestions(*rows, sourceName);
    if (!placed)
        return placed.error();
    Deck deck;
    deck.id = deckId;
    deck.title = title;
    for (const Placed& p : *placed)
        deck.questions << p.question;
    return deck;
}

QByteArray deckToCsv(const Deck& deck)
{
    QString csv = csvLine({ QStringLiteral("id"), QStringLiteral("zone"), QStringLiteral("level"),
        QStringLiteral("text"), QStringLiteral("tags"), QStringLiteral("follow_up"),
        QStringLiteral("hint") });
    for (const Question& q : deck.questions) {
        csv += csvLine({ q.id, zoneKey(q.zone), q.level ? QString::number(*q.level) : QString(),
            q.text, q.tags.join(QLatin1Char(';')), q.followUp, q.hint });
    }
    return csv.toUtf8();
}

QString suggestDeckId(const QString& title)
{
    // Compatibility decomposition splits accented letters into base letter and mark, so
    // "Café" becomes "cafe" rather than "caf".
    const QString decomposed = title.normalized(QString::NormalizationForm_KD).toLower();
    QString slug;
    bool wordBreak = false;
    for (QChar c : decomposed) {
        if (isAsciiLetterOrDigit(c.unicode())) {
            if (wordBreak && !slug.isEmpty())
                slug += QLatin1Char('-');
            slug += c;
            wordBreak = false;
        } else if (!c.isLetterOrNumber() && !c.isMark() && c != QLatin1Char('\'')
            && c != QChar(0x2019)) {
            // Other letters, marks and apostrophes vanish inside a word ("Don't" -> "dont");
            // anything else separates words.
            wordBreak = true;
        }
    }
    slug.truncate(kMaxSlugLength);
    while (slug.endsWith(QLatin1Char('-')))
        slug.chop(1);
    if (!slug.isEmpty())
        return QStringLiteral("user.") + slug;
    // A title in another script ("Вопросы", "質問") has no ASCII slug: a short hash of it keeps
    // such decks apart, and the same title gives the same id again.
    const QString trimmed = title.trimmed();
    if (std::none_of(trimmed.begin(), trimmed.end(), [](QChar c) { return c.isLetterOrNumber(); }))
        return QStringLiteral("user.deck");
    const QByteArray hash = QCryptographicHash::hash(trimmed.toUtf8(), QCryptographicHash::Sha1);
    return QStringLiteral("user.deck-") + QString::fromLatin1(hash.toHex().left(8));
}

} // namespace rapport::decks
