#include "core/data/exporter.h"

#include "core/analysis/reportjson.h"
#include "core/answers/answerrepository.h"
#include "core/common/csv.h"
#include "core/common/killpoint.h"
#include "core/conversations/conversationrepository.h"
#include "core/decks/card.h"
#include "core/rehearsal/pitchrepository.h"
#include "core/rehearsal/selfrating.h"
#include "core/rehearsal/takerepository.h"
#include "core/storage/sql.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSaveFile>
#include <QTemporaryDir>
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <limits>

namespace rapport::data {

namespace {

using storage::Sql;

// One table: its columns and rows as JSON values (CSV cells are made from the same values).
struct Table
{
    QString name;
    QStringList columns;
    QList<QJsonArray> rows;
};

QJsonValue optionalValue(const std::optional<int>& v)
{
    return v ? QJsonValue(*v) : QJsonValue();
}

QString cell(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return {};
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        // The shortest text that reads back as the same double: 15 digits lost the last bits of
        // figures such as a script coverage of 6/13.
        return QString::number(v.toDouble(), 'g', QLocale::FloatingPointShortest);
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    }
    return {};
}

Status write(const QString& path, const QByteArray& bytes)
{
    QSaveFile file(path);
    errno = 0;
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        const int error = errno;
        // Named as the user knows it: the export's folder, not the hidden one it is staged in.
        QString folder = QFileInfo(path).absolutePath();
        if (QFileInfo(folder).fileName().startsWith(QLatin1String(".export-")))
            folder = QFileInfo(folder).absolutePath();
        if (error == ENOSPC || error == EDQUOT)
            return Error { ErrorKind::Io,
                QStringLiteral("The disk is full: could not write the export in %1.")
                    .arg(QDir::toNativeSeparators(folder)),
                QStringLiteral("Free some space on that disk, or export to another one. An "
                               "earlier export in that folder is unchanged."),
                QString::fromLocal8Bit(std::strerror(error)) };
        return Error { ErrorKind::Io,
            QStringLiteral("Could not write %1 in %2.")
                .arg(QFileInfo(path).fileName(), QDir::toNativeSeparators(folder)),
            QStringLiteral("Check that the folder is writable and the disk has room."),
            error != 0 ? QString::fromLocal8Bit(std::strerror(error)) : file.errorString() };
    }
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return {};
}

Status writeTable(
    const Table& table, const QString& folder, ExportFormat format, QStringList& files)
{
    const QString path = QDir(folder).filePath(table.name
        + (format == ExportFormat::Csv ? QStringLiteral(".csv") : QStringLiteral(".json")));
    QByteArray bytes;
    if (format == ExportFormat::Csv) {
        QString text = csvLine(table.columns);
        for (const QJsonArray& row : table.rows) {
            QStringList cells;
            cells.reserve(row.size());
            for (const QJsonValue& v : row)
                cells << cell(v);
            text += csvLine(cells);
        }
        bytes = text.toUtf8();
    } else {
        QJsonArray array;
        for (const QJsonArray& row : table.rows) {
            QJsonObject object;
            for (qsizetype i = 0; i < table.columns.size(); ++i)
                object.insert(table.columns[i], row[i]);
            array << object;
        }
        bytes = QJsonDocument(array).toJson(QJsonDocument::Indented);
    }
    if (Status s = write(path, bytes); !s)
        return s;
    files << path;
    return {};
}

Result<Table> pitchesTable(const storage::Database& db)
{
    Table t { QStringLiteral("pitches"),
        { QStringLiteral("id"), QStringLiteral("title"), QStringLiteral("occasion"),
            QStringLiteral("text"), QStringLiteral("target_s"), QStringLiteral("green_s"),
            QStringLiteral("yellow_s"), QStringLiteral("red_s"), QStringLiteral("created_at"),
            QStringLiteral("updated_at") },
        {} };
    Result<QList<rehearsal::PitchSummary>> all = rehearsal::PitchRepository(db).list();
    if (!all)
        return all.error();
    QList<rehearsal::PitchSummary> pitches = *all;
    std::sort(pitches.begin(), pitches.end(),
        [](const auto& a, const auto& b) { return a.pitch.id < b.pitch.id; });
    for (const rehearsal::PitchSummary& s : pitches) {
        const rehearsal::Pitch& p = s.pitch;
        t.rows << QJsonArray { p.id, p.title, p.occasion, p.text, p.targetMs / 1000.0,
            p.lights.greenMs / 1000.0, p.lights.yellowMs / 1000.0, p.lights.redMs / 1000.0,
            storage::toStoredTime(p.createdAt), storage::toStoredTime(p.updatedAt) };
    }
    return t;
}

// The report columns of takes and answers: those of `rapport-cli analyze --json`, without
// "file". Lists are JSON arrays in a JSON export and the same arrays as compact JSON text in a CSV
// cell: pauses ([{"start_s":1.5,"end_s":2}]) and caveats (["noisy","clipped"], [] for none).
QStringList reportKeys()
{
    QStringList keys = analysis::reportToJson({}, {}).keys();
    keys.removeAll(QStringLiteral("file"));
    return keys;
}

// The words (schema 9): the object of `rapport-cli analyze --json`'s word keys, in CSV as its
// compact JSON text; null when not heard. Then the figures kept beside them.
const QStringList kWordColumns { QStringLiteral("words"), QStringLiteral("filler_count"),
    QStringLiteral("fillers_per_minute"), QStringLiteral("script_coverage") };

void appendReport(QJsonArray& row, const analysis::TakeReport& report, const QStringList& keys)
{
    const QJsonObject json = analysis::reportToJson(report, {});
    for (const QString& key : keys)
        row << json.value(key);
}

void appendWords(QJsonArray& row, const std::optional<speech::WordReport>& words)
{
    row << (words ? QJsonValue(speech::wordReportToJson(*words)) : QJsonValue());
    for (const QVariant& figure : rehearsal::storedWordFigures(words))
        row << QJsonValue::fromVariant(figure); // as the database keeps them
}

QJsonValue optionalTime(const QDateTime& time)
{
    return time.isValid() ? QJsonValue(storage::toStoredTime(time)) : QJsonValue();
}

Result<Table> takesTable(const storage::Database& db)
{
    Table t { QStringLiteral("takes"),
        { QStringLiteral("id"), QStringLiteral("pitch_id"), QStringLiteral("started_at"),
            QStringLiteral("green_s"), QStringLiteral("yellow_s"), QStringLiteral("red_s"),
            QStringLiteral("audio_path"), QStringLiteral("starred") },
        {} };
    const QStringList keys = reportKeys();
    t.columns << keys << QStringLiteral("rating_overall");
    for (rehearsal::RubricItem item : rehearsal::kRubricItems)
        t.columns << QStringLiteral("rating_") + rehearsal::rubricKey(item);
    t.columns << QStringLiteral("felt_timing") << QStringLiteral("felt_pace")
              << QStringLiteral("note") << QStringLiteral("rated_at") << kWordColumns;
    Result<QList<rehearsal::Take>> takes = rehearsal::TakeRepository(db).list();
    if (!takes)
        return takes.error();
    for (const rehearsal::Take& take : *takes) {
        QJsonArray row { take.id, take.pitchId, storage::toStoredTime(take.startedAt),
            take.lights.greenMs / 1000.0, take.lights.yellowMs / 1000.0, take.lights.redMs / 1000.0,
            take.audioPath, take.starred };
        appendReport(row, take.report, keys);
        const rehearsal::SelfRating& r = take.rating;
        row << optionalValue(r.overall);
        for (rehearsal::RubricItem item : rehearsal::kRubricItems)
            row << optionalValue(r.item(item));
        row << (r.feltTiming ? QJsonValue(rehearsal::feltTimingKey(*r.feltTiming)) : QJsonValue())
            << (r.feltPace ? QJsonValue(rehearsal::feltPaceKey(*r.feltPace)) : QJsonValue())
            << r.note << optionalTime(r.ratedAt);
        appendWords(row, take.words);
        t.rows << row;
    }
    return t;
}

// Answers to cards (schema 12): the card as shown, the draw answered (its seq in the draws
// table; null when answered without one), then the measurements as a take's.
Result<Table> answersTable(const storage::Database& db)
{
    Table t { QStringLiteral("answers"),
        { QStringLiteral("id"), QStringLiteral("card"), QStringLiteral("zone"),
            QStringLiteral("card_text"), QStringLiteral("draw_seq"), QStringLiteral("started_at"),
            QStringLiteral("green_s"), QStringLiteral("yellow_s"), QStringLiteral("red_s"),
            QStringLiteral("audio_path") },
        {} };
    const QStringList keys = reportKeys();
    t.columns << keys << QStringLiteral("rating_overall");
    for (answers::AnswerItem item : answers::kAnswerItems)
        t.columns << answers::answerItemColumn(item);
    t.columns << QStringLiteral("note") << QStringLiteral("rated_at") << kWordColumns;
    Result<QList<answers::Answer>> all = answers::AnswerRepository(db).list();
    if (!all)
        return all.error();
    for (const answers::Answer& a : *all) {
        QJsonArray row { a.id, decks::CardKey { a.card.deckId, a.card.questionId }.toString(),
            decks::zoneKey(a.card.zone), a.card.text,
            a.drawSeq ? QJsonValue(*a.drawSeq) : QJsonValue(), storage::toStoredTime(a.startedAt),
            a.lights.greenMs / 1000.0, a.lights.yellowMs / 1000.0, a.lights.redMs / 1000.0,
            a.audioPath };
        appendReport(row, a.report, keys);
        row << optionalValue(a.rating.overall);
        for (answers::AnswerItem item : answers::kAnswerItems)
            row << optionalValue(a.rating.item(item));
        row << a.rating.note << optionalTime(a.rating.ratedAt);
        appendWords(row, a.words);
        t.rows << row;
    }
    return t;
}

Result<Table> drawsTable(const storage::Database& db)
{
    Table t { QStringLiteral("draws"),
        { QStringLiteral("seq"), QStringLiteral("deck"), QStringLiteral("question"),
            QStringLiteral("zone"), QStringLiteral("text"), QStringLiteral("drawn_at") },
        {} };
    storage::Sql sql(db.connection(),
        QStringLiteral(
            "SELECT seq, deck_id, question_id, zone, text, drawn_at FROM draws ORDER BY seq"));
    if (Status s = sql.exec({}, QStringLiteral("Could not read your card draws.")); !s)
        return s.error();
    while (sql.next())
        t.rows << QJsonArray { sql.value(0).toLongLong(), sql.value(1).toString(),
            sql.value(2).toString(), sql.value(3).toString(), sql.value(4).toString(),
            sql.value(5).toString() };
    return t;
}

Result<QList<conversations::Conversation>> conversations(const storage::Database& db)
{
    Result<QList<conversations::Conversation>> all
        = conversations::ConversationRepository(db).list(std::numeric_limits<int>::max());
    if (!all)
        return all.error();
    QList<conversations::Conversation> list = *all;
    std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    return list;
}

} // namespace

Result<ExportSummary> exportData(
    const storage::Database& database, const QString& folder, ExportFormat format)
{
    if (!QDir(folder).exists()) {
        if (!QDir().mkpath(folder))
            return Error { ErrorKind::Io,
                QStringLiteral("Could not create the folder %1.")
                    .arg(QDir::toNativeSeparators(folder)),
                QStringLiteral("Choose a folder you can write to."), {} };
        QFile::setPermissions(
            folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    ExportSummary summary;
    Result<Table> pitches = pitchesTable(database);
    Result<Table> takes = pitches ? takesTable(database) : pitches.error();
    Result<Table> draws = takes ? drawsTable(database) : takes.error();
    Result<Table> answers = draws ? answersTable(database) : draws.error();
    Result<QList<conversations::Conversation>> talks
        = answers ? conversations(database) : answers.error();
    if (!talks)
        return talks.error();
    summary.pitches = static_cast<int>(pitches->rows.size());
    summary.takes = static_cast<int>(takes->rows.size());
    summary.draws = static_cast<int>(draws->rows.size());
    summary.answers = static_cast<int>(answers->rows.size());
    summary.conversations = static_cast<int>(talks->size());

    Table conversationTable { QStringLiteral("conversations"),
        { QStringLiteral("id"), QStringLiteral("date"), QStringLiteral("with"),
            QStringLiteral("rating"), QStringLiteral("note"), QStringLiteral("created_at") },
        {} };
    Table questionTable { QStringLiteral("conversation_questions"),
        { QStringLiteral("conversation_id"), QStringLiteral("position"), QStringLiteral("id"),
            QStringLiteral("text") },
        {} };
    for (const conversations::Conversation& c : *talks) {
        QJsonArray row { c.id, c.happenedOn.toString(Qt::ISODate), c.withWhom, c.rating, c.note,
            storage::toStoredTime(c.createdAt) };
        QJsonArray used;
        for (qsizetype i = 0; i < c.questions.size(); ++i) {
            used << QJsonObject { { QStringLiteral("id"), c.questions[i].key.toString() },
                { QStringLiteral("text"), c.questions[i].text } };
            questionTable.rows << QJsonArray { c.id, static_cast<int>(i),
                c.questions[i].key.toString(), c.questions[i].text };
        }
        if (format == ExportFormat::Json)
            row << used;
        conversationTable.rows << row;
    }
    if (format == ExportFormat::Json)
        conversationTable.columns << QStringLiteral("questions");

    QList<const Table*> tables { &*pitches, &*takes, &*draws, &*answers, &conversationTable };
    if (format == ExportFormat::Csv)
        tables << &questionTable;
    // Every file is written into a hidden folder beside the export first, then each is renamed
    // over the one it replaces: an export cut short leaves the previous one whole, never a mix.
    // (Folders of exports killed while writing are removed here.)
    QDirIterator stale(
        folder, { QStringLiteral(".export-*") }, QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot);
    while (stale.hasNext())
        QDir(stale.next()).removeRecursively();
    QTemporaryDir staging(QDir(folder).filePath(QStringLiteral(".export-XXXXXX")));
    if (!staging.isValid())
        return Error { ErrorKind::Io,
            QStringLiteral("Could not write in %1.").arg(QDir::toNativeSeparators(folder)),
            QStringLiteral("Choose a folder you can write to, with room on its disk."), {} };
    QStringList staged;
    for (const Table* table : tables) {
        if (Status s = writeTable(*table, staging.path(), format, staged); !s)
            return s.error();
    }
    killPoint("export-staged");
    for (const QString& path : staged) {
        const QString target = QDir(folder).filePath(QFileInfo(path).fileName());
        if (std::rename(QFile::encodeName(path).constData(), QFile::encodeName(target).constData())
            != 0)
            return Error { ErrorKind::Io,
                QStringLiteral("Could not put %1 in place.").arg(QDir::toNativeSeparators(target)),
                QStringLiteral("Check that the folder is writable, then export again."),
                QString::fromLocal8Bit(std::strerror(errno)) };
        summary.files << target;
    }
    return summary;
}

} // namespace rapport::data
