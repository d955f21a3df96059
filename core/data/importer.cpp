#include "core/data/importer.h"

#include "core/analysis/reportjson.h"
#include "core/answers/answer.h"
#include "core/common/csv.h"
#include "core/common/filetext.h"
#include "core/common/killpoint.h"
#include "core/common/regularfile.h"
#include "core/decks/question.h"
#include "core/rehearsal/recordings.h"
#include "core/rehearsal/selfrating.h"
#include "core/rehearsal/takerepository.h"
#include "core/storage/sql.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

namespace rapport::data {

namespace {

using storage::Sql;

// Ids are whole numbers a JSON double holds exactly.
constexpr double kMaxId = 9'007'199'254'740'992.0; // 2^53
// Light times and targets are milliseconds in the database; this keeps them far from overflow.
constexpr double kMaxSeconds = 1e9;
// The largest export table read: a million takes fit in far less.
constexpr qint64 kMaxExportFileBytes = qint64 { 512 } << 20;

const QString kExportFolderFix = QStringLiteral(
    "Import the folder as 'rapport-cli export' (or Export under Settings, Your data) wrote it, "
    "or export your data again.");
const QString kValueFix
    = QStringLiteral("Correct the value in the file, or export your data again.");

// How a value of the export becomes what the database stores.
enum class Kind {
    Id, // the record's id in the export: a whole number above 0
    Reference, // the id of a record in another file of the same export
    OptionalReference, // a Reference, or nothing (then the record refers to none: NULL)
    Text,
    RequiredText, // text that is not only spaces
    Milliseconds, // seconds above 0 in the export, whole milliseconds in the database
    Number,
    OptionalNumber,
    OptionalCount, // a whole number from 0, or nothing
    Bool, // true or false; stored as 1 or 0
    OptionalBool,
    Pauses, // [{"start_s": s, "end_s": s}, ...]; stored as [[start, end], ...]
    Caveats, // ["noisy", ...], or nothing; stored as rehearsal::storedCaveats() writes them
    Rating, // a whole number from 1 to 5
    OptionalRating,
    FeltTiming,
    FeltPace,
    Time, // UTC as ISO 8601 ending in Z; stored as storage::toStoredTime() writes it
    OptionalTime,
    Date, // YYYY-MM-DD
    Zone,
    Position, // a whole number from 0
    Card, // "deck/question"; stored as deck_id and question_id
    Questions, // JSON only: a conversation's questions, [{"id": card, "text": text}, ...]
    Words, // a take's words as speech::wordReportToJson() writes them (in CSV its JSON text), or
           // nothing; stored as that compact JSON text
};

struct Column
{
    QString name; // in the export
    QString dbColumn; // in the database; unused for Id, Reference, Card and Questions
    Kind kind;
    bool addedLater = false; // older exports lack it: then it is nothing (NULL) in every record
    // For Number and OptionalNumber: the values Rapport itself could have written. A value
    // outside breaks later (1e308 words a minute exports as "inf", which no import reads).
    double min = -std::numeric_limits<double>::max();
    double max = std::numeric_limits<double>::max();
};

// `c` limited to [min, max].
Column within(Column c, double min, double max)
{
    c.min = min;
    c.max = max;
    return c;
}

// Times and dates Rapport could have written: from 1970 (no clock is set earlier) to 2200.
constexpr int kFirstYear = 1970;
constexpr int kLastYear = 2200;
// Seconds in a take or a pause: at most a day.
constexpr double kMaxTakeSeconds = 86400.0;

Column column(const char* name, Kind kind)
{
    return { QString::fromLatin1(name), QString::fromLatin1(name), kind };
}

// A column that exports of an older Rapport do not have; its kind must allow nothing.
Column addedColumn(const char* name, Kind kind)
{
    return { QString::fromLatin1(name), QString::fromLatin1(name), kind, true };
}

Column column(const char* name, const char* dbColumn, Kind kind)
{
    return { QString::fromLatin1(name), QString::fromLatin1(dbColumn), kind };
}

// One file of an export and where its records go in the database.
struct TableSpec
{
    QString name; // the file's name without its extension
    QString dbTable;
    QString idColumn; // where the Id goes; empty when the table has none
    QString referenceColumn; // where the (remapped) Reference goes; empty when none
    QList<Column> columns; // every column of the file, in the order the exporter writes them
    QStringList keyColumns; // the natural key; referenceColumn stands for the record referred to
    bool fileAddedLater = false; // older exports lack the whole file: then it has no records
};

TableSpec pitchesSpec()
{
    return { QStringLiteral("pitches"), QStringLiteral("pitches"), QStringLiteral("id"), {},
        { column("id", Kind::Id), column("title", Kind::RequiredText),
            column("occasion", Kind::Text), column("text", "body", Kind::Text),
            column("target_s", "target_ms", Kind::Milliseconds),
            column("green_s", "green_ms", Kind::Milliseconds),
            column("yellow_s", "yellow_ms", Kind::Milliseconds),
            column("red_s", "red_ms", Kind::Milliseconds), column("created_at", Kind::Time),
            column("updated_at", Kind::Time) },
        { QStringLiteral("created_at"), QStringLiteral("title") } };
}

// A recording's timing window (takes and answers).
QList<Column> lightColumns()
{
    return { column("green_s", "green_ms", Kind::Milliseconds),
        column("yellow_s", "yellow_ms", Kind::Milliseconds),
        column("red_s", "red_ms", Kind::Milliseconds) };
}

// A recording's report, as analysis::reportToJson() names it (and the takes and answers tables
// too).
QList<Column> reportFileColumns()
{
    return { within(column("duration_s", Kind::Number), 0, kMaxTakeSeconds),
        within(column("speech_start_s", Kind::OptionalNumber), 0, kMaxTakeSeconds),
        within(column("speech_end_s", Kind::OptionalNumber), 0, kMaxTakeSeconds),
        within(column("speaking_time_s", Kind::OptionalNumber), 0, kMaxTakeSeconds),
        within(column("phonation_time_s", Kind::OptionalNumber), 0, kMaxTakeSeconds),
        column("pauses", Kind::Pauses), column("pause_count", Kind::OptionalCount),
        within(column("longest_pause_s", Kind::OptionalNumber), 0, kMaxTakeSeconds),
        column("syllable_count", Kind::OptionalCount),
        within(column("articulation_rate_sps", Kind::OptionalNumber), 0, 100),
        within(column("words_per_minute", Kind::OptionalNumber), 0, 2000),
        within(column("pitch_median_hz", Kind::OptionalNumber), 0, 4000),
        within(column("pitch_sd_semitones", Kind::OptionalNumber), 0, 120),
        column("monotone", Kind::OptionalBool),
        within(column("loudness_lufs", Kind::OptionalNumber), -200, 20),
        within(column("peak_dbfs", Kind::OptionalNumber), -400, 20),
        within(column("clipped_ratio", Kind::OptionalNumber), 0, 1),
        within(column("analysis_ms", Kind::Number), 0, 1e9),
        // Since schema 8 (the report's background level and caveats).
        within(addedColumn("signal_to_noise_db", Kind::OptionalNumber), -200, 200),
        addedColumn("caveats", Kind::Caveats) };
}

// The words a recording was heard to say and the figures kept beside them (since schema 9).
QList<Column> wordFileColumns()
{
    return { addedColumn("words", Kind::Words), addedColumn("filler_count", Kind::OptionalCount),
        within(addedColumn("fillers_per_minute", Kind::OptionalNumber), 0, 1000),
        within(addedColumn("script_coverage", Kind::OptionalNumber), 0, 1) };
}

TableSpec takesSpec()
{
    QList<Column> columns { column("id", Kind::Id), column("pitch_id", Kind::Reference),
        column("started_at", Kind::Time) };
    columns << lightColumns() << column("audio_path", Kind::Text) << column("starred", Kind::Bool)
            << reportFileColumns() << column("rating_overall", Kind::OptionalRating);
    for (rehearsal::RubricItem item : rehearsal::kRubricItems) {
        const QString name = QStringLiteral("rating_") + rehearsal::rubricKey(item);
        columns << Column { name, name, Kind::OptionalRating };
    }
    columns << column("felt_timing", Kind::FeltTiming) << column("felt_pace", Kind::FeltPace)
            << column("note", Kind::Text) << column("rated_at", Kind::OptionalTime)
            << wordFileColumns();
    return { QStringLiteral("takes"), QStringLiteral("takes"), QStringLiteral("id"),
        QStringLiteral("pitch_id"), columns,
        { QStringLiteral("pitch_id"), QStringLiteral("started_at") } };
}

// Answers to cards (schema 12). draw_seq refers to a draw of the export by its seq.
TableSpec answersSpec()
{
    QList<Column> columns { column("id", Kind::Id), column("card", Kind::Card),
        column("zone", Kind::Zone), column("card_text", Kind::RequiredText),
        column("draw_seq", Kind::OptionalReference), column("started_at", Kind::Time) };
    columns << lightColumns() << column("audio_path", Kind::Text) << reportFileColumns()
            << column("rating_overall", Kind::OptionalRating);
    for (answers::AnswerItem item : answers::kAnswerItems) {
        const QString name = answers::answerItemColumn(item);
        columns << Column { name, name, Kind::OptionalRating };
    }
    columns << column("note", Kind::Text) << column("rated_at", Kind::OptionalTime)
            << wordFileColumns();
    // The file came after every column it has: an answers file has them all.
    for (Column& c : columns)
        c.addedLater = false;
    TableSpec spec { QStringLiteral("answers"), QStringLiteral("answers"), QStringLiteral("id"),
        QStringLiteral("draw_seq"), columns,
        { QStringLiteral("started_at"), QStringLiteral("deck_id"),
            QStringLiteral("question_id") } };
    spec.fileAddedLater = true;
    return spec;
}

TableSpec drawsSpec()
{
    return { QStringLiteral("draws"), QStringLiteral("draws"), QStringLiteral("seq"), {},
        { column("seq", Kind::Id), column("deck", "deck_id", Kind::RequiredText),
            column("question", "question_id", Kind::RequiredText), column("zone", Kind::Zone),
            column("text", Kind::Text), column("drawn_at", Kind::Time) },
        { QStringLiteral("drawn_at"), QStringLiteral("deck_id"), QStringLiteral("question_id") } };
}

TableSpec conversationsSpec(ExportFormat format)
{
    TableSpec spec { QStringLiteral("conversations"), QStringLiteral("conversations"),
        QStringLiteral("id"), {},
        { column("id", Kind::Id), column("date", "happened_on", Kind::Date),
            column("with", "with_whom", Kind::Text), column("rating", Kind::Rating),
            column("note", Kind::Text), column("created_at", Kind::Time) },
        { QStringLiteral("created_at"), QStringLiteral("happened_on") } };
    if (format == ExportFormat::Json)
        spec.columns << column("questions", Kind::Questions);
    return spec;
}

// CSV only; a JSON export keeps the questions inside their conversation.
TableSpec questionsSpec()
{
    return { QStringLiteral("conversation_questions"), QStringLiteral("conversation_questions"), {},
        QStringLiteral("conversation_id"),
        { column("conversation_id", Kind::Reference), column("position", Kind::Position),
            column("id", Kind::Card), column("text", Kind::Text) },
        {} };
}

// The members of one question inside a JSON conversation.
const QList<Column>& questionItemColumns()
{
    static const QList<Column> columns { column("id", Kind::Card), column("text", Kind::Text) };
    return columns;
}

QStringList namesOf(const QList<Column>& columns)
{
    QStringList names;
    for (const Column& c : columns)
        names << c.name;
    return names;
}

// The names of the columns an older export may lack.
QStringList addedNamesOf(const QList<Column>& columns)
{
    QStringList names;
    for (const Column& c : columns) {
        if (c.addedLater)
            names << c.name;
    }
    return names;
}

QString fileName(const QString& table, ExportFormat format)
{
    return table + (format == ExportFormat::Csv ? QStringLiteral(".csv") : QStringLiteral(".json"));
}

// One record as found in a file: where it is ("line 4", "[3]") and its values in the order of
// the spec's columns (CSV cells as JSON strings).
struct RawRecord
{
    QString where;
    QList<QJsonValue> cells;
};

// One checked record, ready to be written.
struct Row
{
    QString source; // the file, for messages
    QString where; // the place in it
    qint64 id = 0;
    qint64 reference = 0;
    QStringList columns; // database columns, without the id and reference columns
    QVariantList values; // what they store
    QList<Row> questions; // a JSON conversation's questions

    QVariant value(const QString& column) const { return values.value(columns.indexOf(column)); }
    void set(const QString& column, const QVariant& value)
    {
        values[columns.indexOf(column)] = value;
    }
};

// ---------------------------------------------------------------------------------------------
// Reading files

QString lineWhere(int line)
{
    return QStringLiteral("line %1").arg(line);
}

// `mayLack`: names of `names` whose column an older export does not have (then empty fields).
Result<QList<RawRecord>> readCsvRecords(const QByteArray& bytes, const QString& source,
    const QStringList& names, const QStringList& mayLack)
{
    Result<QString> text = decodeCsv(bytes, source);
    if (!text)
        return text.error();
    Result<QList<CsvRow>> parsed = parseCsv(*text, source);
    if (!parsed)
        return parsed.error();
    QList<CsvRow> rows;
    for (const CsvRow& row : *parsed) {
        if (!row.isBlank())
            rows << row;
    }
    if (rows.isEmpty()) {
        return fileFormatError(source, {},
            QStringLiteral("the file is empty (expected a header line starting \"%1\")")
                .arg(shortened(names.join(QLatin1Char(',')))),
            kExportFolderFix);
    }
    const CsvRow& header = rows.first();
    QList<qsizetype> indexOf(names.size(), -1);
    for (qsizetype i = 0; i < header.fields.size(); ++i) {
        const QString name = header.fields[i].value.trimmed();
        const qsizetype c = names.indexOf(name);
        if (c < 0) {
            return fileFormatError(source, lineWhere(header.line()),
                QStringLiteral("the header has a column %1 that a Rapport export does not write")
                    .arg(quoted(name)),
                kExportFolderFix
                    + QStringLiteral(" An export of a newer Rapport needs that "
                                     "version to import it."));
        }
        if (indexOf[c] >= 0) {
            return fileFormatError(source, lineWhere(header.line()),
                QStringLiteral("the column \"%1\" appears twice in the header").arg(name),
                kExportFolderFix);
        }
        indexOf[c] = i;
    }
    for (qsizetype c = 0; c < names.size(); ++c) {
        if (indexOf[c] < 0 && !mayLack.contains(names[c])) {
            return fileFormatError(source, lineWhere(header.line()),
                QStringLiteral("the header has no \"%1\" column").arg(names[c]), kExportFolderFix);
        }
    }
    QList<RawRecord> records;
    for (qsizetype r = 1; r < rows.size(); ++r) {
        const CsvRow& row = rows[r];
        if (row.fields.size() != header.fields.size()) {
            return fileFormatError(source, lineWhere(row.line()),
                QStringLiteral("%1 fields where the header on line %2 names %3 columns")
                    .arg(QString::number(row.fields.size()), QString::number(header.line()),
                        QString::number(header.fields.size())),
                QStringLiteral("Put fields that hold commas, quotes or line breaks in double "
                               "quotes and write each quote inside them twice (\"\"), or export "
                               "your data again."));
        }
        RawRecord record { lineWhere(row.line()), {} };
        for (qsizetype index : indexOf)
            record.cells << QJsonValue(index < 0 ? QString() : row.fields[index].value);
        records << record;
    }
    return records;
}

// The members of a JSON object in the order of `names`; every name must be there (those in
// `mayLack`, which an older export does not write, are null when missing), and no other.
Result<RawRecord> jsonRecord(const QJsonValue& value, const QString& where,
    const QStringList& names, const QString& source, const QStringList& mayLack = {})
{
    if (!value.isObject()) {
        return fileFormatError(source, where,
            QStringLiteral("expected an object {...}, found %1").arg(describeJson(value)),
            kExportFolderFix);
    }
    const QJsonObject object = value.toObject();
    for (const QString& key : object.keys()) {
        if (!names.contains(key)) {
            return fileFormatError(source, where,
                QStringLiteral("the key %1 is not one a Rapport export writes").arg(quoted(key)),
                kExportFolderFix
                    + QStringLiteral(" An export of a newer Rapport needs that "
                                     "version to import it."));
        }
    }
    RawRecord record { where, {} };
    for (const QString& name : names) {
        if (!object.contains(name) && !mayLack.contains(name)) {
            return fileFormatError(source, where,
                QStringLiteral("the key \"%1\" is missing").arg(name), kExportFolderFix);
        }
        record.cells << (object.contains(name) ? object.value(name) : QJsonValue());
    }
    return record;
}

Result<QList<RawRecord>> readJsonRecords(const QByteArray& bytes, const QString& source,
    const QStringList& names, const QStringList& mayLack)
{
    const QByteArray json = withoutBom(bytes);
    if (json.trimmed().isEmpty()) {
        return fileFormatError(source, {},
            QStringLiteral("the file is empty (expected a JSON array [...])"), kExportFolderFix);
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return jsonSyntaxError(json, parseError, source,
            QStringLiteral("Correct the JSON at that place (a JSON-aware editor shows the "
                           "mistake), or export your data again."));
    }
    if (!document.isArray()) {
        return fileFormatError(source, QStringLiteral("top level"),
            QStringLiteral("expected an array [...] of records, found %1")
                .arg(document.isObject() ? QStringLiteral("an object") : QStringLiteral("a value")),
            kExportFolderFix);
    }
    const QJsonArray items = document.array();
    QList<RawRecord> records;
    for (qsizetype i = 0; i < items.size(); ++i) {
        Result<RawRecord> record
            = jsonRecord(items[i], QStringLiteral("[%1]").arg(i), names, source, mayLack);
        if (!record)
            return record.error();
        records << std::move(record).value();
    }
    return records;
}

// ---------------------------------------------------------------------------------------------
// Checking values

bool isNothing(const QJsonValue& cell, bool csv)
{
    return csv ? cell.toString().isEmpty() : cell.isNull();
}

std::optional<QString> textOf(const QJsonValue& cell)
{
    return cell.isString() ? std::optional<QString>(cell.toString()) : std::nullopt;
}

std::optional<double> numberOf(const QJsonValue& cell, bool csv)
{
    double number = 0.0;
    if (csv) {
        bool ok = false;
        number = cell.toString().toDouble(&ok);
        if (!ok)
            return std::nullopt;
    } else if (cell.isDouble()) {
        number = cell.toDouble();
    } else {
        return std::nullopt;
    }
    return std::isfinite(number) ? std::optional<double>(number) : std::nullopt;
}

std::optional<qint64> wholeNumberOf(const QJsonValue& cell, bool csv, double min, double max)
{
    const std::optional<double> number = numberOf(cell, csv);
    if (!number || std::floor(*number) != *number || *number < min || *number > max)
        return std::nullopt;
    return static_cast<qint64>(*number);
}

std::optional<bool> boolOf(const QJsonValue& cell, bool csv)
{
    if (!csv)
        return cell.isBool() ? std::optional<bool>(cell.toBool()) : std::nullopt;
    const QString text = cell.toString().trimmed().toLower();
    if (text == QLatin1String("true") || text == QLatin1String("false"))
        return text == QLatin1String("true");
    return std::nullopt;
}

std::optional<QString> timeOf(const QJsonValue& cell)
{
    const std::optional<QString> text = textOf(cell);
    if (!text || !text->endsWith(QLatin1Char('Z')))
        return std::nullopt;
    const QDateTime time = storage::fromStoredTime(*text);
    if (!time.isValid() || time.date().year() < kFirstYear || time.date().year() > kLastYear)
        return std::nullopt;
    return storage::toStoredTime(time);
}

// A list: a JSON array, in CSV as its JSON text.
std::optional<QJsonArray> arrayOf(const QJsonValue& cell, bool csv)
{
    if (!csv)
        return cell.isArray() ? std::optional<QJsonArray>(cell.toArray()) : std::nullopt;
    const QJsonDocument document = QJsonDocument::fromJson(cell.toString().toUtf8());
    return document.isArray() ? std::optional<QJsonArray>(document.array()) : std::nullopt;
}

std::optional<QString> pausesOf(const QJsonValue& cell, bool csv)
{
    const std::optional<QJsonArray> pauses = arrayOf(cell, csv);
    if (!pauses)
        return std::nullopt;
    // As TakeRepository stores them: [[start, end], ...].
    QJsonArray stored;
    for (const QJsonValue& pause : *pauses) {
        const QJsonObject object = pause.toObject();
        const QJsonValue start = object.value(QStringLiteral("start_s"));
        const QJsonValue end = object.value(QStringLiteral("end_s"));
        if (object.size() != 2 || !start.isDouble() || !end.isDouble() || start.toDouble() < 0.0
            || end.toDouble() < start.toDouble())
            return std::nullopt;
        stored << QJsonArray { start.toDouble(), end.toDouble() };
    }
    return QString::fromUtf8(QJsonDocument(stored).toJson(QJsonDocument::Compact));
}

// A take's words: an object, in CSV its JSON text; checked by reading it as a word report.
std::optional<QString> wordsOf(const QJsonValue& cell, bool csv)
{
    QJsonObject object;
    if (!csv) {
        if (!cell.isObject())
            return std::nullopt;
        object = cell.toObject();
    } else {
        const QJsonDocument document = QJsonDocument::fromJson(cell.toString().toUtf8());
        if (!document.isObject())
            return std::nullopt;
        object = document.object();
    }
    if (!speech::wordReportFromJson(object))
        return std::nullopt;
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

std::optional<QString> caveatsOf(const QJsonValue& cell, bool csv)
{
    const std::optional<QJsonArray> keys = arrayOf(cell, csv);
    if (!keys)
        return std::nullopt;
    std::vector<analysis::Caveat> caveats;
    for (const QJsonValue& key : *keys) {
        const std::optional<analysis::Caveat> caveat
            = key.isString() ? analysis::caveatFromKey(key.toString()) : std::nullopt;
        if (!caveat)
            return std::nullopt;
        caveats.push_back(*caveat);
    }
    // A report lists each caveat once, in the order of the enum.
    std::sort(caveats.begin(), caveats.end());
    caveats.erase(std::unique(caveats.begin(), caveats.end()), caveats.end());
    return rehearsal::storedCaveats(caveats);
}

template <typename T> std::optional<QVariant> stored(const std::optional<T>& value)
{
    return value ? std::optional<QVariant>(QVariant::fromValue(*value)) : std::nullopt;
}

// What the database stores for `cell`; nullopt when the cell is not a value of that kind.
std::optional<QVariant> storedValue(const Column& column, const QJsonValue& cell, bool csv)
{
    const Kind kind = column.kind;
    // Optional kinds store NULL for nothing, and otherwise what their required kind stores.
    switch (kind) {
    case Kind::OptionalNumber:
    case Kind::OptionalCount:
    case Kind::OptionalBool:
    case Kind::OptionalRating:
    case Kind::OptionalTime:
    case Kind::FeltTiming:
    case Kind::FeltPace:
    case Kind::Caveats:
    case Kind::Words:
        if (isNothing(cell, csv))
            return QVariant();
        break;
    default:
        break;
    }
    const std::optional<QString> text = textOf(cell);
    switch (kind) {
    case Kind::Text:
        return stored(text);
    case Kind::RequiredText:
        return text && !text->trimmed().isEmpty() ? stored(text) : std::nullopt;
    case Kind::Milliseconds: {
        const std::optional<double> seconds = numberOf(cell, csv);
        if (!seconds || *seconds <= 0.0 || *seconds > kMaxSeconds)
            return std::nullopt;
        return QVariant::fromValue(static_cast<qint64>(std::llround(*seconds * 1000.0)));
    }
    case Kind::Number:
    case Kind::OptionalNumber: {
        const std::optional<double> number = numberOf(cell, csv);
        return number && *number >= column.min && *number <= column.max ? stored(number)
                                                                        : std::nullopt;
    }
    case Kind::OptionalCount:
    case Kind::Position:
        return stored(wholeNumberOf(cell, csv, 0, kMaxId));
    case Kind::Bool:
    case Kind::OptionalBool: {
        const std::optional<bool> value = boolOf(cell, csv);
        return value ? std::optional<QVariant>(*value ? 1 : 0) : std::nullopt;
    }
    case Kind::Pauses:
        return stored(pausesOf(cell, csv));
    case Kind::Caveats:
        return stored(caveatsOf(cell, csv));
    case Kind::Words:
        return stored(wordsOf(cell, csv));
    case Kind::Rating:
    case Kind::OptionalRating:
        return stored(wholeNumberOf(cell, csv, 1, 5));
    case Kind::FeltTiming:
        return text && rehearsal::feltTimingFromKey(*text) ? stored(text) : std::nullopt;
    case Kind::FeltPace:
        return text && rehearsal::feltPaceFromKey(*text) ? stored(text) : std::nullopt;
    case Kind::Time:
    case Kind::OptionalTime:
        return stored(timeOf(cell));
    case Kind::Date: {
        const QDate date = text ? QDate::fromString(*text, Qt::ISODate) : QDate();
        return date.isValid() && date.year() >= kFirstYear && date.year() <= kLastYear
            ? std::optional<QVariant>(date.toString(Qt::ISODate))
            : std::nullopt;
    }
    case Kind::Zone: {
        const std::optional<decks::Zone> zone = text ? decks::zoneFromKey(*text) : std::nullopt;
        return zone ? std::optional<QVariant>(decks::zoneKey(*zone)) : std::nullopt;
    }
    case Kind::Id:
    case Kind::Reference:
    case Kind::OptionalReference:
    case Kind::Card:
    case Kind::Questions:
        break;
    }
    return std::nullopt;
}

QString zoneChoices()
{
    QStringList keys;
    for (decks::Zone zone : decks::kAllZones)
        keys << decks::zoneKey(zone);
    const QString last = keys.takeLast();
    return keys.join(QStringLiteral(", ")) + QStringLiteral(" or ") + last;
}

// What a value of `kind` looks like, for "expected X, found Y".
QString expectation(const Column& column, bool csv)
{
    const Kind kind = column.kind;
    const QString orNothing
        = csv ? QStringLiteral(" or an empty field") : QStringLiteral(" or null");
    if ((kind == Kind::Number || kind == Kind::OptionalNumber)
        && column.max < std::numeric_limits<double>::max()) {
        return QStringLiteral("a number from %1 to %2")
                   .arg(QString::number(column.min, 'g', 10), QString::number(column.max, 'g', 10))
            + (kind == Kind::OptionalNumber ? orNothing : QString());
    }
    switch (kind) {
    case Kind::Id:
    case Kind::Reference:
        return QStringLiteral("a whole number above 0");
    case Kind::OptionalReference:
        return QStringLiteral("a whole number above 0") + orNothing;
    case Kind::Text:
        return QStringLiteral("text");
    case Kind::RequiredText:
        return QStringLiteral("text that is not empty");
    case Kind::Milliseconds:
        return QStringLiteral("a number of seconds above 0");
    case Kind::Number:
        return QStringLiteral("a number");
    case Kind::OptionalNumber:
        return QStringLiteral("a number") + orNothing;
    case Kind::OptionalCount:
        return QStringLiteral("a whole number from 0") + orNothing;
    case Kind::Bool:
        return QStringLiteral("true or false");
    case Kind::OptionalBool:
        return QStringLiteral("true, false") + orNothing;
    case Kind::Pauses:
        return QStringLiteral("a list of pauses such as [{\"start_s\":1.5,\"end_s\":2}]");
    case Kind::Caveats:
        return QStringLiteral("a list of caveats such as [\"noisy\",\"clipped\"]") + orNothing;
    case Kind::Words:
        return QStringLiteral(
                   "a take's words as rapport-cli analyze --json writes them (transcript, "
                   "filler_count, ...)")
            + orNothing;
    case Kind::Rating:
        return QStringLiteral("a whole number from 1 to 5");
    case Kind::OptionalRating:
        return QStringLiteral("a whole number from 1 to 5") + orNothing;
    case Kind::FeltTiming:
        return QStringLiteral("short, on-time, long") + orNothing;
    case Kind::FeltPace:
        return QStringLiteral("slow, comfortable, fast") + orNothing;
    case Kind::Time:
        return QStringLiteral("a UTC time from 1970 to 2200 such as 2026-11-23T09:30:15.250Z");
    case Kind::OptionalTime:
        return QStringLiteral("a UTC time such as 2026-11-23T09:30:15.250Z") + orNothing;
    case Kind::Date:
        return QStringLiteral("a date from 1970 to 2200 such as 2026-11-22");
    case Kind::Zone:
        return zoneChoices();
    case Kind::Position:
        return QStringLiteral("a whole number from 0");
    case Kind::Card:
        return QStringLiteral("a card as deck/question, such as rapport.fun/f-01");
    case Kind::Questions:
        return QStringLiteral("a list of questions such as [{\"id\": \"rapport.fun/f-01\", "
                              "\"text\": \"...\"}]");
    }
    return {};
}

// Turns the cells of one record into a Row. It keeps only the first problem, so a record is read
// in one go and checked once.
class RecordReader
{
public:
    RecordReader(const QString& source, const RawRecord& record, bool csv)
        : m_source(source)
        , m_record(record)
        , m_csv(csv)
    { }

    Row read(const QList<Column>& columns)
    {
        Row row { m_source, m_record.where, 0, 0, {}, {}, {} };
        for (qsizetype i = 0; i < columns.size() && !m_error; ++i)
            take(columns[i], m_record.cells.value(i), row);
        return row;
    }
    const std::optional<Error>& error() const { return m_error; }

private:
    void take(const Column& c, const QJsonValue& cell, Row& row);
    void takeQuestions(const Column& c, const QJsonValue& cell, Row& row);
    void fail(const Column& c, const QJsonValue& cell);

    QString m_source;
    RawRecord m_record;
    bool m_csv;
    std::optional<Error> m_error;
};

void RecordReader::take(const Column& c, const QJsonValue& cell, Row& row)
{
    switch (c.kind) {
    case Kind::OptionalReference:
        if (isNothing(cell, m_csv))
            return; // row.reference stays 0: none
        [[fallthrough]];
    case Kind::Id:
    case Kind::Reference: {
        const std::optional<qint64> id = wholeNumberOf(cell, m_csv, 1, kMaxId);
        if (!id)
            return fail(c, cell);
        (c.kind == Kind::Id ? row.id : row.reference) = *id;
        return;
    }
    case Kind::Card: {
        const QString card = textOf(cell).value_or(QString());
        const qsizetype slash = card.lastIndexOf(QLatin1Char('/'));
        if (slash <= 0 || slash == card.size() - 1)
            return fail(c, cell);
        row.columns << QStringLiteral("deck_id") << QStringLiteral("question_id");
        row.values << card.left(slash) << card.mid(slash + 1);
        return;
    }
    case Kind::Questions:
        return takeQuestions(c, cell, row);
    default:
        break;
    }
    const std::optional<QVariant> value = storedValue(c, cell, m_csv);
    if (!value)
        return fail(c, cell);
    row.columns << c.dbColumn;
    row.values << *value;
}

void RecordReader::takeQuestions(const Column& c, const QJsonValue& cell, Row& row)
{
    if (!cell.isArray())
        return fail(c, cell);
    const QJsonArray items = cell.toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString where = QStringLiteral("%1.%2[%3]").arg(m_record.where, c.name).arg(i);
        Result<RawRecord> item
            = jsonRecord(items[i], where, namesOf(questionItemColumns()), m_source);
        if (!item) {
            m_error = item.error();
            return;
        }
        RecordReader reader(m_source, *item, false);
        Row question = reader.read(questionItemColumns());
        if (reader.error()) {
            m_error = reader.error();
            return;
        }
        question.columns.prepend(QStringLiteral("position"));
        question.values.prepend(QVariant::fromValue(i));
        row.questions << question;
    }
}

void RecordReader::fail(const Column& c, const QJsonValue& cell)
{
    const QString where = m_csv ? QStringLiteral("%1, column \"%2\"").arg(m_record.where, c.name)
                                : m_record.where + QLatin1Char('.') + c.name;
    QString found;
    if (!m_csv)
        found = describeJson(cell);
    else if (cell.toString().isEmpty())
        found = QStringLiteral("an empty field");
    else
        found = quoted(cell.toString());
    m_error = fileFormatError(m_source, where,
        QStringLiteral("expected %1, found %2").arg(expectation(c, m_csv), found), kValueFix);
}

// ---------------------------------------------------------------------------------------------
// Reading and checking a whole export

struct ExportContent
{
    QList<Row> pitches;
    QList<Row> takes;
    QList<Row> draws;
    QList<Row> answers;
    QList<Row> conversations;
    QList<Row> questions;
};

Result<QList<Row>> readTable(const QString& folder, const TableSpec& spec, ExportFormat format)
{
    const QString path = QDir(folder).filePath(fileName(spec.name, format));
    const QString source = QDir::toNativeSeparators(path);
    if (!QFileInfo::exists(path)) {
        if (spec.fileAddedLater)
            return QList<Row> {}; // an export of a Rapport before it
        return Error { ErrorKind::NotFound,
            QStringLiteral("%1 is missing from the export.").arg(source), kExportFolderFix, {} };
    }
    Result<QByteArray> bytes
        = readRegularFile(path, kMaxExportFileBytes, QStringLiteral("the export file"));
    if (!bytes)
        return bytes.error();
    const bool csv = format == ExportFormat::Csv;
    const QStringList names = namesOf(spec.columns);
    const QStringList mayLack = addedNamesOf(spec.columns);
    Result<QList<RawRecord>> records = csv ? readCsvRecords(*bytes, source, names, mayLack)
                                           : readJsonRecords(*bytes, source, names, mayLack);
    if (!records)
        return records.error();
    QList<Row> rows;
    QHash<qint64, QString> firstWithId;
    for (const RawRecord& record : *records) {
        RecordReader reader(source, record, csv);
        Row row = reader.read(spec.columns);
        if (reader.error())
            return *reader.error();
        if (!spec.idColumn.isEmpty()) {
            if (firstWithId.contains(row.id)) {
                return fileFormatError(source, row.where,
                    QStringLiteral("the %1 %2 is used twice (first at %3)")
                        .arg(spec.columns.first().name, QString::number(row.id),
                            firstWithId.value(row.id)),
                    kValueFix);
            }
            firstWithId.insert(row.id, row.where);
        }
        rows << row;
    }
    return rows;
}

// Lights come on in order: green, yellow, red, all after 0:00 (as the database requires).
Status checkLights(const QList<Row>& rows)
{
    for (const Row& row : rows) {
        const qint64 green = row.value(QStringLiteral("green_ms")).toLongLong();
        const qint64 yellow = row.value(QStringLiteral("yellow_ms")).toLongLong();
        const qint64 red = row.value(QStringLiteral("red_ms")).toLongLong();
        if (!(green < yellow && yellow < red)) {
            return fileFormatError(row.source, row.where,
                QStringLiteral("the lights are out of order (green_s %1, yellow_s %2, red_s %3; "
                               "expected green before yellow before red)")
                    .arg(green / 1000.0)
                    .arg(yellow / 1000.0)
                    .arg(red / 1000.0),
                kValueFix);
        }
    }
    return {};
}

// Every reference names a record of `targets` (another file of the same export); an optional
// reference may name none (0).
Status checkReferences(
    const QList<Row>& rows, const QString& column, const QList<Row>& targets, bool optional = false)
{
    QSet<qint64> ids;
    for (const Row& target : targets)
        ids.insert(target.id);
    for (const Row& row : rows) {
        if (ids.contains(row.reference) || (optional && row.reference == 0))
            continue;
        const QString targetFile
            = targets.isEmpty() ? QString() : QFileInfo(targets.first().source).fileName();
        return fileFormatError(row.source, row.where,
            QStringLiteral("%1 %2 is not in %3")
                .arg(column, QString::number(row.reference),
                    targetFile.isEmpty() ? QStringLiteral("the export") : targetFile),
            QStringLiteral("Import the files of one export together, or remove the record "
                           "from %1.")
                .arg(QFileInfo(row.source).fileName()));
    }
    return {};
}

// A conversation holds each position once.
Status checkPositions(const QList<Row>& questions)
{
    QHash<QPair<qint64, qint64>, QString> first;
    for (const Row& q : questions) {
        const QPair<qint64, qint64> key { q.reference,
            q.value(QStringLiteral("position")).toLongLong() };
        if (first.contains(key)) {
            return fileFormatError(q.source, q.where,
                QStringLiteral("position %1 of conversation %2 is used twice (first at %3)")
                    .arg(QString::number(key.second), QString::number(key.first), first.value(key)),
                kValueFix);
        }
        first.insert(key, q.where);
    }
    return {};
}

Result<ExportContent> readExport(const QString& folder, ExportFormat format)
{
    ExportContent content;
    const std::pair<TableSpec, QList<Row>*> tables[] = {
        { pitchesSpec(), &content.pitches },
        { takesSpec(), &content.takes },
        { drawsSpec(), &content.draws },
        { answersSpec(), &content.answers },
        { conversationsSpec(format), &content.conversations },
    };
    for (const auto& [spec, rows] : tables) {
        Result<QList<Row>> read = readTable(folder, spec, format);
        if (!read)
            return read.error();
        *rows = std::move(read).value();
    }
    if (format == ExportFormat::Csv) {
        Result<QList<Row>> read = readTable(folder, questionsSpec(), format);
        if (!read)
            return read.error();
        content.questions = std::move(read).value();
    } else {
        for (Row& conversation : content.conversations) {
            for (Row& question : conversation.questions) {
                question.reference = conversation.id;
                content.questions << question;
            }
            conversation.questions.clear();
        }
    }
    Status checked = checkLights(content.pitches);
    if (checked)
        checked = checkLights(content.takes);
    if (checked)
        checked = checkLights(content.answers);
    if (checked)
        checked = checkReferences(content.takes, QStringLiteral("pitch_id"), content.pitches);
    if (checked)
        checked = checkReferences(
            content.answers, QStringLiteral("draw_seq"), content.draws, /*optional=*/true);
    if (checked)
        checked = checkReferences(
            content.questions, QStringLiteral("conversation_id"), content.conversations);
    if (checked)
        checked = checkPositions(content.questions);
    if (!checked)
        return checked.error();
    return content;
}

// ---------------------------------------------------------------------------------------------
// Writing

const QString kWriteWhat
    = QStringLiteral("Could not import the export into the database; nothing was changed.");

using IdMap = QHash<qint64, qint64>; // id in the export -> id in the database

// What merging one table did: where each exported record is now, and which were added.
struct Merged
{
    IdMap ids;
    QSet<qint64> added; // export ids
};

// Called for each record about to be added (it may change it), and after it was added.
struct MergeHooks
{
    std::function<void(Row&)> beforeAdd;
    std::function<Status(const Row&, qint64 id)> afterAdd;
};

QStringList naturalKey(const Row& row, const TableSpec& spec, const IdMap& references)
{
    QStringList key;
    for (const QString& column : spec.keyColumns) {
        key << (column == spec.referenceColumn ? QString::number(references.value(row.reference))
                                               : row.value(column).toString());
    }
    return key;
}

QString insertStatement(const TableSpec& spec, const QStringList& rowColumns, bool withId)
{
    QStringList columns;
    if (withId)
        columns << spec.idColumn;
    if (!spec.referenceColumn.isEmpty())
        columns << spec.referenceColumn;
    columns << rowColumns;
    return QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
        .arg(spec.dbTable, columns.join(QStringLiteral(", ")),
            QStringList(columns.size(), QStringLiteral("?")).join(QStringLiteral(", ")));
}

// Adds the rows the database does not have yet (by natural key). Added rows keep their exported
// id when it is free; the others are added after them and get new ids from SQLite, which are
// above every id used so far, so they cannot take a kept id.
Result<Merged> mergeTable(const QSqlDatabase& db, const TableSpec& spec, QList<Row> rows,
    const IdMap& references, ImportCount& count, const MergeHooks& hooks = {})
{
    QSet<qint64> usedIds;
    QHash<QStringList, QList<qint64>> existing; // natural key -> ids, oldest first
    {
        storage::Sql sql(db,
            QStringLiteral("SELECT %1, %2 FROM %3 ORDER BY %1")
                .arg(spec.idColumn, spec.keyColumns.join(QStringLiteral(", ")), spec.dbTable));
        if (Status s = sql.exec({}, kWriteWhat); !s)
            return s.error();
        while (sql.next()) {
            QStringList key;
            for (qsizetype i = 0; i < spec.keyColumns.size(); ++i)
                key << sql.value(static_cast<int>(i + 1)).toString();
            const qint64 id = sql.value(0).toLongLong();
            usedIds.insert(id);
            existing[key] << id;
        }
    }
    Merged merged;
    QList<Row> keepingId;
    QList<Row> renumbered;
    for (Row& row : rows) {
        // One database record stands for one exported record, so duplicates stay duplicates.
        QList<qint64>& same = existing[naturalKey(row, spec, references)];
        if (!same.isEmpty()) {
            merged.ids.insert(row.id, same.takeFirst());
            ++count.present;
        } else if (!usedIds.contains(row.id)) {
            usedIds.insert(row.id);
            keepingId << row;
        } else {
            renumbered << row;
        }
    }
    if (keepingId.isEmpty() && renumbered.isEmpty())
        return merged;
    const Row& sample = keepingId.isEmpty() ? renumbered.first() : keepingId.first();
    storage::Sql withId(db, insertStatement(spec, sample.columns, true));
    storage::Sql withoutId(db, insertStatement(spec, sample.columns, false));
    for (const bool keep : { true, false }) {
        for (Row& row : keep ? keepingId : renumbered) {
            if (hooks.beforeAdd)
                hooks.beforeAdd(row);
            QVariantList values;
            if (keep)
                values << row.id;
            // Only an OptionalReference leaves 0 (none): NULL in the database.
            if (!spec.referenceColumn.isEmpty())
                values << (row.reference == 0 ? QVariant() : references.value(row.reference));
            values << row.values;
            storage::Sql& insert = keep ? withId : withoutId;
            if (Status s = insert.exec(values, kWriteWhat); !s)
                return s.error();
            const qint64 id = keep ? row.id : insert.lastInsertId().toLongLong();
            merged.ids.insert(row.id, id);
            merged.added.insert(row.id);
            ++count.added;
            if (hooks.afterAdd) {
                if (Status s = hooks.afterAdd(row, id); !s)
                    return s.error();
            }
        }
    }
    return merged;
}

// A recording belongs to one take or answer: an added one naming a file a take or an answer
// already names (by canonical path: "recordings/../recordings/a.wav" is "recordings/a.wav") comes
// in without it, so deleting one can never take another's audio with it. The recordings the
// database's takes and answers name (TakeRepository::audioPaths() reads both).
Result<QSet<QString>> usedRecordings(const storage::Database& database)
{
    Result<QStringList> paths = rehearsal::TakeRepository(database).audioPaths();
    if (!paths) {
        Error error = paths.error();
        error.what = kWriteWhat;
        return error;
    }
    QSet<QString> recordings;
    for (const QString& path : *paths)
        recordings.insert(rehearsal::comparablePath(path));
    return recordings;
}

// Before a take or an answer is added: its recording, unless another row has it (`used`, which
// gets it), and the figures beside its words.
void prepareRecorded(Row& row, QSet<QString>& used, int& alreadyUsed, int& withoutAudio)
{
    const QString audioColumn = QStringLiteral("audio_path");
    const QString audio = row.value(audioColumn).toString();
    if (!audio.isEmpty()) {
        const QString canonical = rehearsal::comparablePath(audio);
        if (used.contains(canonical)) {
            row.set(audioColumn, QString());
            ++alreadyUsed;
        } else {
            used.insert(canonical);
            if (!QFileInfo::exists(audio))
                ++withoutAudio;
        }
    }
    // The figures kept beside the words are the words' own, whatever the file says beside them:
    // a chart must agree with the recording's report.
    const QStringList figureColumns { QStringLiteral("filler_count"),
        QStringLiteral("fillers_per_minute"), QStringLiteral("script_coverage") };
    const QVariantList figures = rehearsal::storedWordFigures(
        rehearsal::wordsFromStored(row.value(QStringLiteral("words"))));
    for (qsizetype i = 0; i < figures.size(); ++i)
        row.set(figureColumns[i], figures[i]);
}

Result<Merged> mergeTakes(const QSqlDatabase& db, const QList<Row>& takes, const IdMap& pitches,
    QSet<QString>& recordings, ImportSummary& summary)
{
    // A pitch has at most one starred take; one it already has keeps its star.
    QSet<qint64> starredPitches;
    storage::Sql starred(
        db, QStringLiteral("SELECT DISTINCT pitch_id FROM takes WHERE starred = 1"));
    if (Status s = starred.exec({}, kWriteWhat); !s)
        return s.error();
    while (starred.next())
        starredPitches.insert(starred.value(0).toLongLong());
    const QString starredColumn = QStringLiteral("starred");
    MergeHooks hooks;
    hooks.beforeAdd = [&](Row& take) {
        prepareRecorded(take, recordings, summary.recordingsAlreadyUsed, summary.takesWithoutAudio);
        if (take.value(starredColumn).toInt() == 0)
            return;
        const qint64 pitch = pitches.value(take.reference);
        if (starredPitches.contains(pitch)) {
            take.set(starredColumn, 0);
            ++summary.starsNotImported;
        }
        starredPitches.insert(pitch);
    };
    return mergeTable(db, takesSpec(), takes, pitches, summary.takes, hooks);
}

Result<Merged> mergeDraws(const QSqlDatabase& db, const QList<Row>& draws, ImportSummary& summary)
{
    // An added draw counts for the drawer as a draw does (DeckRepository::recordDraw).
    storage::Sql cardState(db,
        QStringLiteral("INSERT INTO card_state (deck_id, question_id, times_drawn, last_draw_seq) "
                       "VALUES (?, ?, 1, ?) ON CONFLICT (deck_id, question_id) DO UPDATE SET "
                       "times_drawn = times_drawn + 1, "
                       "last_draw_seq = max(last_draw_seq, excluded.last_draw_seq)"));
    MergeHooks hooks;
    hooks.afterAdd = [&](const Row& draw, qint64 seq) {
        return cardState.exec({ draw.value(QStringLiteral("deck_id")),
                                  draw.value(QStringLiteral("question_id")), seq },
            kWriteWhat);
    };
    return mergeTable(db, drawsSpec(), draws, {}, summary.draws, hooks);
}

// An added answer's draw_seq is the seq its draw has in the database (`draws`); none stays NULL.
Result<Merged> mergeAnswers(const QSqlDatabase& db, const QList<Row>& answers, const IdMap& draws,
    QSet<QString>& recordings, ImportSummary& summary)
{
    MergeHooks hooks;
    hooks.beforeAdd = [&](Row& answer) {
        prepareRecorded(
            answer, recordings, summary.recordingsAlreadyUsed, summary.answersWithoutAudio);
    };
    return mergeTable(db, answersSpec(), answers, draws, summary.answers, hooks);
}

// A conversation's questions are added with it, and skipped with it when it is already there.
Status addQuestions(const QSqlDatabase& db, const QList<Row>& questions,
    const Merged& conversations, ImportCount& count)
{
    if (questions.isEmpty())
        return {};
    const TableSpec spec = questionsSpec();
    storage::Sql insert(db, insertStatement(spec, questions.first().columns, false));
    for (const Row& question : questions) {
        if (!conversations.added.contains(question.reference)) {
            ++count.present;
            continue;
        }
        QVariantList values { conversations.ids.value(question.reference) };
        values << question.values;
        if (Status s = insert.exec(values, kWriteWhat); !s)
            return s;
        ++count.added;
    }
    return {};
}

Status writeExport(
    const storage::Database& database, const ExportContent& content, ImportSummary& summary)
{
    const QSqlDatabase db = database.connection();
    Result<Merged> pitches = mergeTable(db, pitchesSpec(), content.pitches, {}, summary.pitches);
    if (!pitches)
        return pitches.error();
    Result<QSet<QString>> recordings = usedRecordings(database);
    if (!recordings)
        return recordings.error();
    if (Result<Merged> takes = mergeTakes(db, content.takes, pitches->ids, *recordings, summary);
        !takes)
        return takes.error();
    Result<Merged> draws = mergeDraws(db, content.draws, summary);
    if (!draws)
        return draws.error();
    if (Result<Merged> answers
        = mergeAnswers(db, content.answers, draws->ids, *recordings, summary);
        !answers)
        return answers.error();
    Result<Merged> conversations = mergeTable(
        db, conversationsSpec(summary.format), content.conversations, {}, summary.conversations);
    if (!conversations)
        return conversations.error();
    return addQuestions(db, content.questions, *conversations, summary.conversationQuestions);
}

Error noFolderError(const QString& folder)
{
    return Error { ErrorKind::NotFound,
        QStringLiteral("There is no folder %1.").arg(QDir::toNativeSeparators(folder)),
        QStringLiteral("Choose the folder an export was written to."), {} };
}

} // namespace

Result<ExportFormat> detectExportFormat(const QString& folder)
{
    const QString shown = QDir::toNativeSeparators(folder);
    if (!QFileInfo(folder).isDir())
        return noFolderError(folder);
    const QDir dir(folder);
    auto has = [&](ExportFormat format) {
        for (const QString& table : { pitchesSpec().name, takesSpec().name, drawsSpec().name,
                 answersSpec().name, conversationsSpec(format).name, questionsSpec().name }) {
            if (dir.exists(fileName(table, format)))
                return true;
        }
        return false;
    };
    const bool csv = has(ExportFormat::Csv);
    const bool json = has(ExportFormat::Json);
    if (csv && json) {
        return Error { ErrorKind::InvalidArgument,
            QStringLiteral("%1 holds both CSV and JSON export files.").arg(shown),
            QStringLiteral("Choose which to import (rapport-cli import --format csv or --format "
                           "json), or keep each export in its own folder."),
            {} };
    }
    if (!csv && !json) {
        return Error { ErrorKind::NotFound,
            QStringLiteral("%1 holds no Rapport export (no pitches.csv or pitches.json).")
                .arg(shown),
            QStringLiteral("Choose the folder 'rapport-cli export' (or Export under Settings, "
                           "Your data) wrote."),
            {} };
    }
    return csv ? ExportFormat::Csv : ExportFormat::Json;
}

Result<ImportSummary> importData(
    const storage::Database& database, const QString& folder, std::optional<ExportFormat> format)
{
    if (!QFileInfo(folder).isDir())
        return noFolderError(folder);
    if (!format) {
        Result<ExportFormat> detected = detectExportFormat(folder);
        if (!detected)
            return detected.error();
        format = *detected;
    }
    Result<ExportContent> content = readExport(folder, *format);
    if (!content)
        return content.error();

    ImportSummary summary;
    summary.format = *format;
    const QSqlDatabase db = database.connection();
    storage::Transaction transaction(db);
    if (!transaction.begun())
        return transaction.begun().error();
    if (Status s = writeExport(database, *content, summary); !s)
        return s.error();
    killPoint("import-written");
    if (Status s = transaction.commit(); !s)
        return s.error();
    return summary;
}

} // namespace rapport::data
