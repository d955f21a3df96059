#include "core/analysis/reportjson.h"
#include "core/answers/answerrepository.h"
#include "core/common/csv.h"
#include "core/conversations/conversationrepository.h"
#include "core/data/exporter.h"
#include "core/data/importer.h"
#include "core/decks/deckrepository.h"
#include "core/rehearsal/pitchrepository.h"
#include "core/rehearsal/takerepository.h"
#include "core/storage/store.h"
#include "tests/support/sqlitefile.h"
#include "tests/support/testtake.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <functional>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace rapport::data {
namespace {

using rehearsal::RubricItem;

const QDateTime kNow(QDate(2026, 11, 23), QTime(9, 30, 15, 250), Qt::UTC);
// Unicode, commas, quotes, CRLF and LF line breaks, leading and trailing spaces.
const QString kAwkward = u" Said \"hi\", then:\r\nwaved;\nall in \"quotes\" — café ☕ "_s;

// Every table Rapport exports (and card_state, which imported draws update), with the columns
// to sort by.
const QList<std::pair<QString, QString>> kTables {
    { u"pitches"_s, u"id"_s },
    { u"takes"_s, u"id"_s },
    { u"draws"_s, u"seq"_s },
    { u"answers"_s, u"id"_s },
    { u"conversations"_s, u"id"_s },
    { u"conversation_questions"_s, u"conversation_id, position"_s },
    { u"card_state"_s, u"deck_id, question_id"_s },
};

std::string str(const QString& text)
{
    return text.toStdString();
}

// Every column of every row of `table`, with its SQLite type as Qt reads it.
QStringList rowsOf(const storage::Database& db, const QString& table, const QString& order)
{
    QSqlQuery query(db.connection());
    EXPECT_TRUE(query.exec(u"SELECT * FROM %1 ORDER BY %2"_s.arg(table, order)));
    QStringList rows;
    while (query.next()) {
        QStringList values;
        for (int i = 0; i < query.record().count(); ++i) {
            const QVariant v = query.value(i);
            values << query.record().fieldName(i) + u'='
                    + (v.isNull() ? u"NULL"_s
                                  : QString::fromLatin1(v.typeName()) + u':' + v.toString());
        }
        rows << values.join(u" | "_s);
    }
    return rows;
}

QStringList filesIn(const QString& folder)
{
    return QDir(folder).entryList(QDir::Files, QDir::Name);
}

// The promise every import error makes: the kind, a `what` naming the file and the place in it,
// and a fix.
::testing::AssertionResult failsWith(const Result<ImportSummary>& result, ErrorKind kind,
    const QString& file, const QString& where = {})
{
    if (result.ok())
        return ::testing::AssertionFailure() << "imported without an error";
    const Error& error = result.error();
    if (error.kind != kind)
        return ::testing::AssertionFailure() << "unexpected kind for: " << str(error.what);
    if (!error.what.contains(file + (where.isEmpty() ? QString() : u", "_s + where)))
        return ::testing::AssertionFailure()
            << "expected \"" << str(file) << ", " << str(where) << "\" in: " << str(error.what);
    if (error.fix.trimmed().isEmpty())
        return ::testing::AssertionFailure() << "no fix for: " << str(error.what);
    return ::testing::AssertionSuccess() << str(error.what) << " / " << str(error.fix);
}

class ImporterTest : public ::testing::Test
{
protected:
    std::unique_ptr<storage::Store> store(const QString& name)
    {
        auto opened = storage::openStore(m_dir.filePath(name));
        EXPECT_TRUE(opened.ok());
        return opened ? std::make_unique<storage::Store>(std::move(*opened)) : nullptr;
    }

    // Two pitches, three takes (one with every field, one with every optional field empty),
    // two draws, two answers (one to the first draw with every field, one without a draw and
    // every optional field empty) and two conversations, with awkward text wherever text goes.
    // Every table's ids start at 2 (a deleted first record), so kept ids differ from ids SQLite
    // would hand out.
    void seed(const storage::Database& db)
    {
        removedFirstRecords(db);
        rehearsal::PitchRepository pitches(db);
        rehearsal::Pitch a;
        a.title = u"Intro, the \"long\" one — café"_s;
        a.occasion = u"networking, evening"_s;
        a.text = kAwkward;
        a.targetMs = 90'000;
        a.lights = rehearsal::defaultLightsFor(90'000);
        m_pitchA = *pitches.add(a, kNow);
        rehearsal::Pitch b;
        b.title = u"Zweiter \"Pitch\",\r\nzwei Zeilen ☕"_s;
        b.targetMs = 45'500;
        b.lights = { 30'250, 40'000, 45'500, 0 };
        m_pitchB = *pitches.add(b, kNow.addSecs(3600));
        b.id = m_pitchB;
        b.occasion = u"interview"_s;
        ASSERT_TRUE(pitches.update(b, kNow.addDays(2)).ok());

        rehearsal::TakeRepository takes(db);
        rehearsal::Take full;
        full.pitchId = m_pitchA;
        full.startedAt = kNow.addSecs(7200);
        full.lights = a.lights;
        full.audioPath = u"/nowhere/recordings/a,\"b\".wav"_s;
        full.starred = true;
        full.report = test::everyFieldReport();
        full.report.clippedRatio = 0.000125; // a small share survives text too
        full.words = test::everyFieldWords();
        int value = 1;
        full.rating.overall = 4;
        for (RubricItem item : rehearsal::kRubricItems)
            full.rating.item(item) = value++ % 5 + 1;
        full.rating.feltTiming = rehearsal::FeltTiming::OnTime;
        full.rating.feltPace = rehearsal::FeltPace::Fast;
        full.rating.note = kAwkward;
        full.rating.ratedAt = kNow.addSecs(7300);
        ASSERT_TRUE(takes.add(full).ok());

        rehearsal::Take empty; // no speech found, not rated, no audio kept
        empty.pitchId = m_pitchA;
        empty.startedAt = kNow.addSecs(9000);
        empty.lights = a.lights;
        empty.report.durationS = 3.25;
        empty.report.analysisMs = 1.5;
        ASSERT_TRUE(takes.add(empty).ok());

        rehearsal::Take other;
        other.pitchId = m_pitchB;
        other.startedAt = kNow.addDays(3);
        other.lights = b.lights;
        other.starred = true;
        other.audioPath = u"/nowhere/recordings/other.wav"_s;
        other.report.durationS = 44.0;
        other.report.monotone = true;
        other.report.pitchSdSemitones = 1.25;
        other.report.analysisMs = 7.0;
        other.rating.overall = 2;
        other.rating.feltPace = rehearsal::FeltPace::Slow;
        other.rating.ratedAt = kNow.addDays(3).addSecs(60);
        ASSERT_TRUE(takes.add(other).ok());

        decks::DeckRepository decks(db);
        const auto draw = decks.recordDraw(
            { u"rapport.fun"_s, u"f-01"_s }, decks::Zone::Fun, kAwkward, kNow.addSecs(10));
        ASSERT_TRUE(draw.ok());
        ASSERT_TRUE(decks
                        .recordDraw({ u"user.team"_s, u"q_2"_s }, decks::Zone::Deep,
                            u"Was zählt, \"wirklich\"?"_s, kNow.addSecs(20))
                        .ok());

        answers::AnswerRepository answerRepository(db);
        answers::Answer answered;
        answered.card = { u"rapport.fun"_s, u"f-01"_s, decks::Zone::Fun, kAwkward };
        answered.drawSeq = draw->seq;
        answered.startedAt = kNow.addSecs(40);
        answered.lights = answers::defaultAnswerLights();
        answered.audioPath = u"/nowhere/recordings/answer, \"1\".wav"_s;
        answered.report = test::everyFieldReport();
        answered.report.clippedRatio = 0.000125;
        answered.words = test::everyFieldWords();
        answered.rating.overall = 3;
        int item = 1;
        for (answers::AnswerItem i : answers::kAnswerItems)
            answered.rating.item(i) = item++;
        answered.rating.note = kAwkward;
        answered.rating.ratedAt = kNow.addSecs(200);
        ASSERT_TRUE(answerRepository.add(answered).ok());
        answers::Answer bare; // answered without a draw, no speech found, not rated, no audio
        bare.card = { u"user.team"_s, u"q_2"_s, decks::Zone::Deep, u"Was zählt?"_s };
        bare.startedAt = kNow.addSecs(50);
        bare.lights = { 30'250, 40'000, 45'500, 0 };
        bare.report.durationS = 1.75;
        bare.report.analysisMs = 0.5;
        ASSERT_TRUE(answerRepository.add(bare).ok());

        conversations::ConversationRepository conversations(db);
        conversations::Conversation talk;
        talk.happenedOn = QDate(2026, 11, 22);
        talk.withWhom = u"Sam, from \"ops\""_s;
        talk.rating = 5;
        talk.note = kAwkward;
        talk.createdAt = kNow.addSecs(30);
        talk.questions = { { { u"rapport.fun"_s, u"f-01"_s }, kAwkward },
            { { u"user.team"_s, u"q_2"_s }, u"Was zählt?"_s } };
        ASSERT_TRUE(conversations.add(talk).ok());
        conversations::Conversation quiet;
        quiet.happenedOn = QDate(2026, 11, 24);
        quiet.rating = 1;
        quiet.createdAt = kNow.addDays(1);
        ASSERT_TRUE(conversations.add(quiet).ok());
    }

    void removedFirstRecords(const storage::Database& db)
    {
        rehearsal::Pitch gone;
        gone.title = u"Deleted"_s;
        const qint64 pitch = *rehearsal::PitchRepository(db).add(gone, kNow.addDays(-9));
        rehearsal::Take take;
        take.pitchId = pitch;
        take.startedAt = kNow.addDays(-9);
        ASSERT_TRUE(rehearsal::TakeRepository(db).add(take).ok());
        ASSERT_TRUE(rehearsal::PitchRepository(db).remove(pitch).ok());
        answers::Answer answer;
        answer.card = { u"gone"_s, u"gone"_s, decks::Zone::Fun, u"Gone?"_s };
        answer.startedAt = kNow.addDays(-9);
        answer.lights = answers::defaultAnswerLights();
        const qint64 answerId = *answers::AnswerRepository(db).add(answer);
        ASSERT_TRUE(answers::AnswerRepository(db).remove(answerId).ok());
        conversations::Conversation talk;
        talk.happenedOn = QDate(2026, 11, 1);
        const qint64 conversation = *conversations::ConversationRepository(db).add(talk);
        ASSERT_TRUE(conversations::ConversationRepository(db).remove(conversation).ok());
        // Draws are never deleted by Rapport; the test removes one and its card state itself.
        ASSERT_TRUE(decks::DeckRepository(db)
                        .recordDraw({ u"gone"_s, u"gone"_s }, decks::Zone::Fun, u"Gone?"_s,
                            kNow.addDays(-9))
                        .ok());
        QSqlQuery query(db.connection());
        ASSERT_TRUE(query.exec(u"DELETE FROM draws"_s));
        ASSERT_TRUE(query.exec(u"DELETE FROM card_state"_s));
    }

    QString exported(const storage::Database& db, ExportFormat format, const QString& name)
    {
        const QString folder = m_dir.filePath(name);
        auto summary = exportData(db, folder, format);
        EXPECT_TRUE(summary.ok()) << str(summary.error().toString());
        return folder;
    }

    // Seeds the source database (data folder `name`) and exports it; the folder of the export.
    QString seededExport(ExportFormat format, const QString& name = u"source"_s)
    {
        m_source = store(name);
        seed(*m_source->database);
        return exported(*m_source->database, format, name + u"-export"_s);
    }

    void expectRoundTrip(ExportFormat format)
    {
        const QString first = seededExport(format);
        auto target = store(u"target"_s);
        auto summary = importData(*target->database, first, format);
        ASSERT_TRUE(summary.ok()) << str(summary.error().toString());
        EXPECT_EQ(summary->format, format);
        EXPECT_EQ(summary->pitches, (ImportCount { 2, 0 }));
        EXPECT_EQ(summary->takes, (ImportCount { 3, 0 }));
        EXPECT_EQ(summary->draws, (ImportCount { 2, 0 }));
        EXPECT_EQ(summary->answers, (ImportCount { 2, 0 }));
        EXPECT_EQ(summary->conversations, (ImportCount { 2, 0 }));
        EXPECT_EQ(summary->conversationQuestions, (ImportCount { 2, 0 }));
        EXPECT_EQ(summary->takesWithoutAudio, 2); // the third take kept no audio
        EXPECT_EQ(summary->answersWithoutAudio, 1); // the second answer kept no audio
        EXPECT_EQ(summary->starsNotImported, 0);
        EXPECT_EQ(summary->recordingsAlreadyUsed, 0);

        const QString second = exported(*target->database, format, u"again"_s);
        ASSERT_EQ(filesIn(first), filesIn(second));
        for (const QString& file : filesIn(first)) {
            EXPECT_EQ(test::fileBytes(first + u'/' + file), test::fileBytes(second + u'/' + file))
                << str(file);
        }
        for (const auto& [table, order] : kTables) {
            const QStringList source = rowsOf(*m_source->database, table, order);
            EXPECT_FALSE(source.isEmpty()) << str(table);
            EXPECT_EQ(rowsOf(*target->database, table, order), source) << str(table);
        }
        // Every field of every answer, as the repository reads it back.
        const auto sourceAnswers = answers::AnswerRepository(*m_source->database).list();
        const auto importedAnswers = answers::AnswerRepository(*target->database).list();
        ASSERT_TRUE(sourceAnswers.ok() && importedAnswers.ok());
        ASSERT_EQ(importedAnswers->size(), 2);
        for (qsizetype i = 0; i < sourceAnswers->size(); ++i) {
            const answers::Answer& a = (*sourceAnswers)[i];
            const answers::Answer& b = (*importedAnswers)[i];
            SCOPED_TRACE(a.id);
            EXPECT_EQ(b.id, a.id);
            EXPECT_EQ(b.card, a.card);
            EXPECT_EQ(b.drawSeq, a.drawSeq);
            EXPECT_EQ(b.startedAt, a.startedAt);
            EXPECT_EQ(b.lights.greenMs, a.lights.greenMs);
            EXPECT_EQ(b.lights.yellowMs, a.lights.yellowMs);
            EXPECT_EQ(b.lights.redMs, a.lights.redMs);
            EXPECT_EQ(b.audioPath, a.audioPath);
            EXPECT_EQ(analysis::reportToJson(b.report, {}), analysis::reportToJson(a.report, {}));
            EXPECT_EQ(b.words.has_value(), a.words.has_value());
            if (a.words && b.words) {
                EXPECT_EQ(speech::wordReportToJson(*b.words), speech::wordReportToJson(*a.words));
            }
            EXPECT_EQ(b.rating, a.rating);
        }
        EXPECT_EQ((*importedAnswers)[0].drawSeq, 2); // the first draw kept: seq 1 was deleted
        EXPECT_FALSE((*importedAnswers)[1].drawSeq);
    }

    QTemporaryDir m_dir;
    std::unique_ptr<storage::Store> m_source;
    qint64 m_pitchA = 0;
    qint64 m_pitchB = 0;
};

TEST_F(ImporterTest, CsvRoundTripKeepsEveryFieldAndExportsByteIdenticalFiles)
{
    expectRoundTrip(ExportFormat::Csv);
}

TEST_F(ImporterTest, JsonRoundTripKeepsEveryFieldAndExportsByteIdenticalFiles)
{
    expectRoundTrip(ExportFormat::Json);
}

// Removes the columns `names` from every record of a CSV file.
void dropCsvColumns(const QString& path, const QStringList& names)
{
    auto rows = parseCsv(QString::fromUtf8(test::fileBytes(path)), path);
    ASSERT_TRUE(rows.ok());
    QList<qsizetype> dropped;
    for (qsizetype i = 0; i < rows->first().fields.size(); ++i) {
        if (names.contains(rows->first().fields[i].value))
            dropped << i;
    }
    ASSERT_EQ(dropped.size(), names.size());
    QString text;
    for (const CsvRow& row : *rows) {
        QStringList fields;
        for (qsizetype i = 0; i < row.fields.size(); ++i) {
            if (!dropped.contains(i))
                fields << row.fields[i].value;
        }
        text += csvLine(fields);
    }
    test::writeFile(path, text.toUtf8());
}

// Removes the keys `names` from every object of a JSON export file.
void dropJsonKeys(const QString& path, const QStringList& names)
{
    QJsonArray array = QJsonDocument::fromJson(test::fileBytes(path)).array();
    for (QJsonValueRef item : array) {
        QJsonObject object = item.toObject();
        for (const QString& name : names) {
            ASSERT_TRUE(object.contains(name));
            object.remove(name);
        }
        item = object;
    }
    test::writeFile(path, QJsonDocument(array).toJson());
}

TEST_F(ImporterTest, AnExportWithoutTheBackgroundLevelAndCaveatsStillImports)
{
    // Exports made before schema 8 have neither column: their takes come in without them.
    const QStringList added { u"signal_to_noise_db"_s, u"caveats"_s };
    for (ExportFormat format : { ExportFormat::Csv, ExportFormat::Json }) {
        const QString name = format == ExportFormat::Csv ? u"csv"_s : u"json"_s;
        SCOPED_TRACE(str(name));
        const QString folder = seededExport(format, u"source-"_s + name);
        if (format == ExportFormat::Csv)
            dropCsvColumns(folder + u"/takes.csv"_s, added);
        else
            dropJsonKeys(folder + u"/takes.json"_s, added);
        auto target = store(u"target-"_s + name);
        auto summary = importData(*target->database, folder, format);
        ASSERT_TRUE(summary.ok()) << str(summary.error().toString());
        EXPECT_EQ(summary->takes, (ImportCount { 3, 0 }));

        QSqlQuery query(target->database->connection());
        ASSERT_TRUE(query.exec(u"SELECT COUNT(*) FROM takes WHERE signal_to_noise_db IS NULL "
                               "AND caveats IS NULL"_s)
            && query.next());
        EXPECT_EQ(query.value(0).toInt(), 3);
        const auto source = rehearsal::TakeRepository(*m_source->database).list();
        const auto imported = rehearsal::TakeRepository(*target->database).list();
        ASSERT_TRUE(source.ok() && imported.ok());
        ASSERT_EQ(imported->size(), source->size());
        const rehearsal::Take& full = imported->first();
        EXPECT_FALSE(full.report.signalToNoiseDb);
        EXPECT_TRUE(full.report.caveats.empty());
        EXPECT_EQ(full.report.wordsPerMinute, source->first().report.wordsPerMinute);
        EXPECT_EQ(full.report.clippedRatio, source->first().report.clippedRatio);
        EXPECT_EQ(full.rating, source->first().rating);
    }
}

TEST_F(ImporterTest, CaveatsComeInOnceEachInTheirOrder)
{
    const QString folder = seededExport(ExportFormat::Json);
    QJsonArray takes = QJsonDocument::fromJson(test::fileBytes(folder + u"/takes.json"_s)).array();
    QJsonObject first = takes[0].toObject();
    first.insert(u"caveats"_s, QJsonArray { u"clipped"_s, u"too_short_for_pace"_s, u"clipped"_s });
    takes[0] = first;
    test::writeFile(folder + u"/takes.json"_s, QJsonDocument(takes).toJson());
    auto target = store(u"target"_s);
    ASSERT_TRUE(importData(*target->database, folder).ok());
    QSqlQuery query(target->database->connection());
    ASSERT_TRUE(query.exec(u"SELECT caveats FROM takes ORDER BY id"_s) && query.next());
    EXPECT_EQ(query.value(0).toString(), u"too_short_for_pace,clipped"_s);
    ASSERT_TRUE(query.next());
    EXPECT_EQ(query.value(0).toString(), QString()); // an empty list: none
    EXPECT_FALSE(query.value(0).isNull());
}

TEST_F(ImporterTest, TheFiguresBesideATakesWordsComeFromTheWords)
{
    // A file whose figures disagree with its words (edited by hand, or by another program), and
    // a take with figures but no words.
    const QString folder = seededExport(ExportFormat::Json);
    QJsonArray takes = QJsonDocument::fromJson(test::fileBytes(folder + u"/takes.json"_s)).array();
    QJsonObject first = takes[0].toObject();
    ASSERT_TRUE(first.value(u"words"_s).isObject());
    first.insert(u"filler_count"_s, 40);
    first.insert(u"fillers_per_minute"_s, 99.0);
    first.insert(u"script_coverage"_s, 0.01);
    takes[0] = first;
    QJsonObject second = takes[1].toObject();
    second.insert(u"words"_s, QJsonValue());
    second.insert(u"filler_count"_s, 7);
    takes[1] = second;
    test::writeFile(folder + u"/takes.json"_s, QJsonDocument(takes).toJson());
    auto target = store(u"target"_s);
    ASSERT_TRUE(importData(*target->database, folder).ok());

    const speech::WordReport words = test::everyFieldWords();
    QSqlQuery query(target->database->connection());
    ASSERT_TRUE(query.exec(u"SELECT filler_count, fillers_per_minute, script_coverage FROM takes "
                           "ORDER BY id"_s)
        && query.next());
    EXPECT_EQ(query.value(0).toInt(), static_cast<int>(words.fillers.size()));
    EXPECT_DOUBLE_EQ(query.value(1).toDouble(), *words.fillersPerMinute);
    EXPECT_DOUBLE_EQ(query.value(2).toDouble(), words.script->coverage);
    ASSERT_TRUE(query.next());
    EXPECT_TRUE(query.value(0).isNull());
    EXPECT_TRUE(query.value(1).isNull());
    EXPECT_TRUE(query.value(2).isNull());
}

TEST_F(ImporterTest, ImportingTheSameExportTwiceAddsNothingTheSecondTime)
{
    for (ExportFormat format : { ExportFormat::Csv, ExportFormat::Json }) {
        const QString name = format == ExportFormat::Csv ? u"csv"_s : u"json"_s;
        SCOPED_TRACE(str(name));
        const QString folder = seededExport(format, u"source-"_s + name);
        auto target = store(u"target-"_s + name);
        ASSERT_TRUE(importData(*target->database, folder).ok());
        const QStringList before = test::RawSqlite(target->database->filePath()).dump();
        auto again = importData(*target->database, folder);
        ASSERT_TRUE(again.ok()) << str(again.error().toString());
        EXPECT_EQ(again->pitches, (ImportCount { 0, 2 }));
        EXPECT_EQ(again->takes, (ImportCount { 0, 3 }));
        EXPECT_EQ(again->draws, (ImportCount { 0, 2 }));
        EXPECT_EQ(again->answers, (ImportCount { 0, 2 }));
        EXPECT_EQ(again->conversations, (ImportCount { 0, 2 }));
        EXPECT_EQ(again->conversationQuestions, (ImportCount { 0, 2 }));
        EXPECT_EQ(again->takesWithoutAudio, 0);
        EXPECT_EQ(again->answersWithoutAudio, 0);
        EXPECT_EQ(again->recordingsAlreadyUsed, 0);
        EXPECT_EQ(test::RawSqlite(target->database->filePath()).dump(), before);
    }
}

TEST_F(ImporterTest, AnExportFromBeforeAnswersStillImports)
{
    // Exports made before schema 12 have no answers file at all.
    for (ExportFormat format : { ExportFormat::Csv, ExportFormat::Json }) {
        const QString name = format == ExportFormat::Csv ? u"csv"_s : u"json"_s;
        SCOPED_TRACE(str(name));
        const QString folder = seededExport(format, u"source-"_s + name);
        ASSERT_TRUE(QFile::remove(folder + u"/answers."_s + name));
        EXPECT_EQ(*detectExportFormat(folder), format);
        auto target = store(u"target-"_s + name);
        auto summary = importData(*target->database, folder);
        ASSERT_TRUE(summary.ok()) << str(summary.error().toString());
        EXPECT_EQ(summary->answers, (ImportCount { 0, 0 }));
        EXPECT_EQ(summary->answersWithoutAudio, 0);
        EXPECT_EQ(summary->takes, (ImportCount { 3, 0 }));
        EXPECT_EQ(summary->draws, (ImportCount { 2, 0 }));
        EXPECT_EQ(summary->conversations, (ImportCount { 2, 0 }));
        EXPECT_EQ(test::RawSqlite(target->database->filePath())
                      .scalar(u"SELECT count(*) FROM answers"_s)
                      .toInt(),
            0);
    }
}

// An answer names the draw it answered by its seq; the draw may get another seq in the database
// it is imported into, and the answer follows it.
TEST_F(ImporterTest, AnAnswersDrawFollowsItsDrawToItsNewSeq)
{
    const QString folder = seededExport(ExportFormat::Json);
    auto target = store(u"target"_s);
    const storage::Database& db = *target->database;
    // The target's own draws take seqs 1 to 3, so the export's draws 2 and 3 become 4 and 5.
    for (int i = 0; i < 3; ++i) {
        ASSERT_TRUE(decks::DeckRepository(db)
                        .recordDraw({ u"rapport.deep"_s, u"d-09"_s }, decks::Zone::Deep,
                            u"Local?"_s, kNow.addDays(-5).addSecs(i))
                        .ok());
    }
    auto summary = importData(db, folder);
    ASSERT_TRUE(summary.ok()) << str(summary.error().toString());
    EXPECT_EQ(summary->draws, (ImportCount { 2, 0 }));
    EXPECT_EQ(summary->answers, (ImportCount { 2, 0 }));

    const auto imported = answers::AnswerRepository(db).list();
    ASSERT_TRUE(imported.ok());
    ASSERT_EQ(imported->size(), 2);
    const answers::Answer& answered = (*imported)[0];
    ASSERT_TRUE(answered.drawSeq);
    EXPECT_EQ(*answered.drawSeq, 4);
    // The draw at that seq is the one the answer answered in the source.
    {
        test::RawSqlite raw(db.filePath());
        EXPECT_EQ(raw.scalar(u"SELECT deck_id || '/' || question_id || ' ' || drawn_at FROM draws "
                             "WHERE seq = %1"_s.arg(*answered.drawSeq))
                      .toString(),
            u"rapport.fun/f-01 2026-11-23T09:30:25.250Z"_s);
        // Answered without a draw: still none.
        EXPECT_TRUE(
            raw.scalar(u"SELECT draw_seq FROM answers ORDER BY started_at LIMIT 1 OFFSET 1"_s)
                .isNull());
    }
    EXPECT_EQ(answered.card.text, kAwkward);
    EXPECT_FALSE((*imported)[1].drawSeq);

    // Imported again, the draws and the answers are already there.
    auto again = importData(db, folder);
    ASSERT_TRUE(again.ok()) << str(again.error().toString());
    EXPECT_EQ(again->draws, (ImportCount { 0, 2 }));
    EXPECT_EQ(again->answers, (ImportCount { 0, 2 }));
}

// A recording belongs to one take or answer: an added answer naming a file a take or answer here
// already uses, or one a take of the same export names, comes in without it; and an added take
// naming an answer's recording comes in without it too.
TEST_F(ImporterTest, AddedAnswersNeverShareARecordingWithATakeOrAnotherAnswer)
{
    m_source = store(u"source"_s);
    const storage::Database& source = *m_source->database;
    rehearsal::Pitch pitch;
    pitch.title = u"Imported"_s;
    const qint64 pitchId = *rehearsal::PitchRepository(source).add(pitch, kNow);
    const QString shared = m_dir.filePath(u"elsewhere/shared.wav"_s);
    const QString own = m_dir.filePath(u"elsewhere/own.wav"_s);
    rehearsal::Take take;
    take.pitchId = pitchId;
    take.startedAt = kNow;
    take.audioPath = shared;
    ASSERT_TRUE(rehearsal::TakeRepository(source).add(take).ok());
    answers::Answer sharing; // names the take's recording
    sharing.card = { u"rapport.fun"_s, u"f-01"_s, decks::Zone::Fun, u"Best snack?"_s };
    sharing.startedAt = kNow.addSecs(60);
    sharing.lights = answers::defaultAnswerLights();
    sharing.audioPath = shared;
    ASSERT_TRUE(answers::AnswerRepository(source).add(sharing).ok());
    answers::Answer owning = sharing; // has its own, which is not on this computer
    owning.startedAt = kNow.addSecs(120);
    owning.audioPath = own;
    ASSERT_TRUE(answers::AnswerRepository(source).add(owning).ok());

    for (ExportFormat format : { ExportFormat::Csv, ExportFormat::Json }) {
        const QString name = format == ExportFormat::Csv ? u"csv"_s : u"json"_s;
        SCOPED_TRACE(str(name));
        const QString folder = exported(source, format, u"export-"_s + name);
        // Into an empty database: only the take and the answer owning its file keep a recording.
        auto empty = store(u"empty-"_s + name);
        auto summary = importData(*empty->database, folder, format);
        ASSERT_TRUE(summary.ok()) << str(summary.error().toString());
        EXPECT_EQ(summary->takes.added, 1);
        EXPECT_EQ(summary->answers.added, 2);
        EXPECT_EQ(summary->recordingsAlreadyUsed, 1);
        EXPECT_EQ(summary->takesWithoutAudio, 1);
        EXPECT_EQ(summary->answersWithoutAudio, 1);
        test::RawSqlite db(empty->database->filePath());
        EXPECT_EQ(
            db.scalar(u"SELECT audio_path FROM answers ORDER BY started_at LIMIT 1"_s).toString(),
            QString());
        EXPECT_EQ(db.scalar(u"SELECT audio_path FROM takes"_s).toString(), shared);

        // Into a database whose own answer has that recording (named by another path to it): the
        // take comes in without it as well.
        auto owner = store(u"owner-"_s + name);
        answers::Answer mine = sharing;
        mine.startedAt = kNow.addDays(-1);
        mine.audioPath = m_dir.filePath(u"elsewhere/../elsewhere/shared.wav"_s);
        ASSERT_TRUE(answers::AnswerRepository(*owner->database).add(mine).ok());
        auto into = importData(*owner->database, folder, format);
        ASSERT_TRUE(into.ok()) << str(into.error().toString());
        EXPECT_EQ(into->takes.added, 1);
        EXPECT_EQ(into->answers.added, 2);
        EXPECT_EQ(into->recordingsAlreadyUsed, 2);
        EXPECT_EQ(into->takesWithoutAudio, 0);
        EXPECT_EQ(into->answersWithoutAudio, 1);
        test::RawSqlite ownerDb(owner->database->filePath());
        EXPECT_EQ(
            ownerDb.scalar(u"SELECT count(*) FROM takes WHERE audio_path <> ''"_s).toInt(), 0);
        EXPECT_EQ(
            ownerDb.scalar(u"SELECT count(*) FROM answers WHERE audio_path LIKE '%shared.wav'"_s)
                .toInt(),
            1);
    }
}

// A recording belongs to one take (issue 13, path 1): an added take that names a file a take
// here already uses (by any spelling of its path), or one an earlier take of the same export
// named, comes in without a recording, and the summary says how many.
TEST_F(ImporterTest, AddedTakesNeverShareARecordingWithAnotherTake)
{
    auto target = store(u"target"_s);
    const QString mine = target->paths.recordings() + u"/mine.wav"_s;
    ASSERT_EQ(test::writeToneTake(mine, 160, 1600, 160), QString());
    rehearsal::Pitch own;
    own.title = u"Own"_s;
    const qint64 ownPitch = *rehearsal::PitchRepository(*target->database).add(own, kNow);
    rehearsal::Take owner;
    owner.pitchId = ownPitch;
    owner.startedAt = kNow;
    owner.audioPath = mine;
    ASSERT_TRUE(rehearsal::TakeRepository(*target->database).add(owner).ok());

    m_source = store(u"source"_s);
    rehearsal::Pitch pitch;
    pitch.title = u"Imported"_s;
    const qint64 pitchId = *rehearsal::PitchRepository(*m_source->database).add(pitch, kNow);
    const QString other = m_dir.filePath(u"elsewhere/other.wav"_s);
    const QStringList paths { target->paths.root + u"/recordings/../recordings/mine.wav"_s, other,
        other };
    for (int i = 0; i < paths.size(); ++i) {
        rehearsal::Take take;
        take.pitchId = pitchId;
        take.startedAt = kNow.addSecs(60 * (i + 1));
        take.audioPath = paths[i];
        ASSERT_TRUE(rehearsal::TakeRepository(*m_source->database).add(take).ok());
    }
    for (ExportFormat format : { ExportFormat::Csv, ExportFormat::Json }) {
        SCOPED_TRACE(format == ExportFormat::Csv ? "csv" : "json");
        // The CSV goes into the target; the JSON into a second folder whose own take names the
        // same recording.
        std::unique_ptr<storage::Store> second;
        if (format == ExportFormat::Json) {
            second = store(u"target-json"_s);
            owner.pitchId = *rehearsal::PitchRepository(*second->database).add(own, kNow);
            ASSERT_TRUE(rehearsal::TakeRepository(*second->database).add(owner).ok());
        }
        const storage::Store* into = second ? second.get() : target.get();
        const QString folder = exported(*m_source->database, format,
            format == ExportFormat::Csv ? u"csv-export"_s : u"json-export"_s);
        auto summary = importData(*into->database, folder, format);
        ASSERT_TRUE(summary.ok()) << str(summary.error().toString());
        EXPECT_EQ(summary->takes.added, 3);
        EXPECT_EQ(summary->recordingsAlreadyUsed, 2);
        EXPECT_EQ(summary->takesWithoutAudio, 1); // the first take naming "other.wav"
        test::RawSqlite db(into->database->filePath());
        EXPECT_EQ(
            db.scalar(u"SELECT count(*) FROM takes WHERE audio_path LIKE '%mine.wav'"_s).toInt(),
            1);
        EXPECT_EQ(
            db.scalar(u"SELECT count(*) FROM takes WHERE audio_path LIKE '%other.wav'"_s).toInt(),
            1);
    }
}

TEST_F(ImporterTest, TheFormatIsFoundFromTheFilesWhenNotGiven)
{
    const QString folder = seededExport(ExportFormat::Json);
    EXPECT_EQ(*detectExportFormat(folder), ExportFormat::Json);
    auto target = store(u"target"_s);
    auto summary = importData(*target->database, folder);
    ASSERT_TRUE(summary.ok());
    EXPECT_EQ(summary->format, ExportFormat::Json);

    ASSERT_TRUE(exportData(*m_source->database, folder, ExportFormat::Csv).ok());
    auto both = detectExportFormat(folder);
    ASSERT_FALSE(both.ok());
    EXPECT_EQ(both.error().kind, ErrorKind::InvalidArgument);
    EXPECT_TRUE(both.error().fix.contains(u"--format"_s));
    EXPECT_EQ(importData(*target->database, folder).error().kind, ErrorKind::InvalidArgument);

    auto nothing = importData(*target->database, m_dir.filePath(u"source"_s));
    ASSERT_FALSE(nothing.ok());
    EXPECT_EQ(nothing.error().kind, ErrorKind::NotFound);
    EXPECT_TRUE(nothing.error().what.contains(u"no Rapport export"_s));
    auto missing = importData(*target->database, m_dir.filePath(u"missing"_s));
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().kind, ErrorKind::NotFound);
    EXPECT_FALSE(missing.error().fix.isEmpty());
}

TEST_F(ImporterTest, MergingRemapsClashingIdsAndKeepsReferencesRight)
{
    // The source's ids: pitches A 2, B 3; takes 2 (A, starred), 3 (A), 4 (B, starred); draws 2
    // and 3; conversations 2 (with two questions) and 3.
    const QString folder = seededExport(ExportFormat::Csv);
    auto target = store(u"target"_s);
    const storage::Database& db = *target->database;
    // The target's own history: pitch 1, and pitch 2 that is the source's pitch B (same title,
    // same creation time) with a starred take; takes 1 and 2; draws 1 and 2; conversations 1
    // and 2.
    rehearsal::Pitch local;
    local.title = u"Local pitch"_s;
    ASSERT_EQ(*rehearsal::PitchRepository(db).add(local, kNow.addDays(-5)), 1);
    const rehearsal::Pitch sourceB = *rehearsal::PitchRepository(*m_source->database).get(m_pitchB);
    ASSERT_EQ(*rehearsal::PitchRepository(db).add(sourceB, sourceB.createdAt), 2);
    rehearsal::Take localTake;
    localTake.pitchId = 1;
    localTake.startedAt = kNow.addDays(-5);
    ASSERT_EQ(*rehearsal::TakeRepository(db).add(localTake), 1);
    rehearsal::Take starredB = localTake;
    starredB.pitchId = 2;
    starredB.starred = true;
    ASSERT_EQ(*rehearsal::TakeRepository(db).add(starredB), 2);
    for (int i = 0; i < 2; ++i) {
        ASSERT_TRUE(decks::DeckRepository(db)
                        .recordDraw({ u"rapport.fun"_s, u"f-01"_s }, decks::Zone::Fun, u"Local?"_s,
                            kNow.addDays(-5).addSecs(i))
                        .ok());
    }
    for (const QString& note : { u"local one"_s, u"local two"_s }) {
        conversations::Conversation talk;
        talk.happenedOn = QDate(2026, 11, 1);
        talk.note = note;
        talk.createdAt = kNow.addDays(-5).addSecs(note.size());
        talk.questions = { { { u"rapport.deep"_s, u"d-09"_s }, u"Local question?"_s } };
        ASSERT_TRUE(conversations::ConversationRepository(db).add(talk).ok());
    }

    auto summary = importData(db, folder);
    ASSERT_TRUE(summary.ok()) << str(summary.error().toString());
    EXPECT_EQ(summary->pitches, (ImportCount { 1, 1 }));
    EXPECT_EQ(summary->takes, (ImportCount { 3, 0 }));
    EXPECT_EQ(summary->draws, (ImportCount { 2, 0 }));
    EXPECT_EQ(summary->conversations, (ImportCount { 2, 0 }));
    EXPECT_EQ(summary->conversationQuestions, (ImportCount { 2, 0 }));
    EXPECT_EQ(summary->starsNotImported, 1);

    // Pitch A's id 2 was taken, so it got the next one; pitch B is the target's own pitch 2.
    auto pitches = rehearsal::PitchRepository(db).list();
    ASSERT_EQ(pitches->size(), 3);
    auto pitchA = rehearsal::PitchRepository(db).get(3);
    ASSERT_TRUE(pitchA.ok());
    EXPECT_EQ(pitchA->title, u"Intro, the \"long\" one — café"_s);
    EXPECT_EQ(pitchA->text, kAwkward);
    EXPECT_EQ(rehearsal::PitchRepository(db).get(1)->title, u"Local pitch"_s);

    // Take 2 was taken: it comes after the kept takes 3 and 4. Each take follows its pitch;
    // pitch B keeps its own star, so the imported take of it comes in unstarred.
    const QHash<qint64, std::pair<qint64, qint64>> expected { // source id -> (id, pitch id)
        { 2, { 5, 3 } }, { 3, { 3, 3 } }, { 4, { 4, 2 } }
    };
    const auto sourceTakes = rehearsal::TakeRepository(*m_source->database).list();
    ASSERT_TRUE(sourceTakes.ok());
    for (const rehearsal::Take& source : *sourceTakes) {
        SCOPED_TRACE(source.id);
        auto imported = rehearsal::TakeRepository(db).get(expected.value(source.id).first);
        ASSERT_TRUE(imported.ok());
        EXPECT_EQ(imported->startedAt, source.startedAt);
        EXPECT_EQ(imported->pitchId, expected.value(source.id).second);
        EXPECT_EQ(imported->rating, source.rating);
        EXPECT_EQ(imported->starred, source.id == 2);
    }
    EXPECT_TRUE(rehearsal::TakeRepository(db).get(2)->starred);

    // Draw 2 was taken: it comes after the kept draw 3; the card counts every draw of it.
    auto draws = decks::DeckRepository(db).recentDraws(10);
    ASSERT_EQ(draws->size(), 4);
    EXPECT_EQ((*draws)[0].seq, 4);
    EXPECT_EQ((*draws)[0].text, kAwkward);
    EXPECT_EQ((*draws)[1].seq, 3);
    EXPECT_EQ((*draws)[1].key.toString(), u"user.team/q_2"_s);
    EXPECT_EQ((*draws)[2].text, u"Local?"_s);
    const decks::CardState fun = decks::DeckRepository(db).cardStates()->value(
        decks::CardKey { u"rapport.fun"_s, u"f-01"_s });
    EXPECT_EQ(fun.timesDrawn, 3);
    EXPECT_EQ(fun.lastDrawSeq, 4);

    // Conversation 2 was taken: it comes after the kept 3, and takes its questions along.
    QHash<QString, conversations::Conversation> byNote;
    const auto talks = conversations::ConversationRepository(db).list();
    ASSERT_TRUE(talks.ok());
    for (const conversations::Conversation& c : *talks)
        byNote.insert(c.note, c);
    ASSERT_EQ(byNote.size(), 4);
    EXPECT_EQ(byNote.value(u"local two"_s).id, 2);
    EXPECT_EQ(byNote.value(u"local two"_s).questions.size(), 1);
    EXPECT_EQ(byNote.value(QString()).id, 3);
    EXPECT_TRUE(byNote.value(QString()).questions.isEmpty());
    const conversations::Conversation talk = byNote.value(kAwkward);
    EXPECT_EQ(talk.id, 4);
    ASSERT_EQ(talk.questions.size(), 2);
    EXPECT_EQ(talk.questions[0].text, kAwkward);
    EXPECT_EQ(talk.questions[1].key.toString(), u"user.team/q_2"_s);
}

// ---------------------------------------------------------------------------------------------
// Bad input: an error naming the file and the place, and the database as it was.

class ImporterErrorTest : public ImporterTest
{
protected:
    void SetUp() override
    {
        m_csv = seededExport(ExportFormat::Csv);
        m_json = exported(*m_source->database, ExportFormat::Json, u"json-export"_s);
        m_target = store(u"target"_s);
        rehearsal::Pitch local;
        local.title = u"Local pitch"_s;
        ASSERT_TRUE(rehearsal::PitchRepository(*m_target->database).add(local, kNow).ok());
    }

    // Imports `folder` and checks that the target database did not change.
    Result<ImportSummary> importChecked(const QString& folder, std::optional<ExportFormat> format)
    {
        const QStringList before = test::RawSqlite(m_target->database->filePath()).dump();
        auto result = importData(*m_target->database, folder, format);
        EXPECT_EQ(test::RawSqlite(m_target->database->filePath()).dump(), before);
        return result;
    }

    // Changes one cell of a CSV file of the export (record 0 is the header) and imports it.
    // `line` is set to the line the record starts on.
    Result<ImportSummary> importCsvWith(const QString& file, qsizetype record,
        const QString& column, const QString& value, int& line)
    {
        const QString path = m_csv + u'/' + file;
        auto rows = parseCsv(QString::fromUtf8(test::fileBytes(path)), file);
        EXPECT_TRUE(rows.ok());
        const qsizetype c = [&] {
            for (qsizetype i = 0; i < rows->first().fields.size(); ++i) {
                if (rows->first().fields[i].value == column)
                    return i;
            }
            return qsizetype(-1);
        }();
        EXPECT_GE(c, 0) << str(column);
        QString text;
        for (qsizetype r = 0; r < rows->size(); ++r) {
            QStringList fields;
            for (const CsvField& f : (*rows)[r].fields)
                fields << f.value;
            if (r == record)
                fields[c] = value;
            text += csvLine(fields);
        }
        line = (*rows)[record].line();
        test::writeFile(path, text.toUtf8());
        return importChecked(m_csv, ExportFormat::Csv);
    }

    void editFile(const QString& path, const std::function<void(QByteArray&)>& edit)
    {
        QByteArray bytes = test::fileBytes(path);
        edit(bytes);
        test::writeFile(path, bytes);
    }

    // Changes the JSON file `file` (an array of objects) and imports it.
    Result<ImportSummary> importJsonWith(
        const QString& file, const std::function<void(QJsonArray&)>& edit)
    {
        const QString path = m_json + u'/' + file;
        QJsonArray array = QJsonDocument::fromJson(test::fileBytes(path)).array();
        edit(array);
        test::writeFile(path, QJsonDocument(array).toJson());
        return importChecked(m_json, ExportFormat::Json);
    }

    QString m_csv;
    QString m_json;
    std::unique_ptr<storage::Store> m_target;
};

TEST_F(ImporterErrorTest, AMissingFileIsNamed)
{
    ASSERT_TRUE(QFile::remove(m_csv + u"/draws.csv"_s));
    EXPECT_TRUE(
        failsWith(importChecked(m_csv, ExportFormat::Csv), ErrorKind::NotFound, u"draws.csv"_s));
    ASSERT_TRUE(QFile::remove(m_json + u"/conversations.json"_s));
    EXPECT_TRUE(failsWith(
        importChecked(m_json, std::nullopt), ErrorKind::NotFound, u"conversations.json"_s));
}

TEST_F(ImporterErrorTest, AHeaderWithAnUnknownOrMissingColumnIsRefused)
{
    int line = 0;
    auto unknown = importCsvWith(u"takes.csv"_s, 0, u"note"_s, u"notes"_s, line);
    EXPECT_TRUE(failsWith(unknown, ErrorKind::Format, u"takes.csv"_s, u"line 1"_s));
    EXPECT_TRUE(unknown.error().what.contains(u"\"notes\""_s));
    editFile(m_csv + u"/takes.csv"_s, [](QByteArray& b) { b.replace(",notes,", ",note,"); });
    editFile(m_csv + u"/pitches.csv"_s, [](QByteArray& b) { b.replace("id,title,", "title,"); });
    auto missing = importChecked(m_csv, ExportFormat::Csv);
    EXPECT_TRUE(failsWith(missing, ErrorKind::Format, u"pitches.csv"_s, u"line 1"_s));
    EXPECT_TRUE(missing.error().what.contains(u"no \"id\" column"_s));
}

TEST_F(ImporterErrorTest, MalformedCsvNamesTheLine)
{
    const QString path = m_csv + u"/conversations.csv"_s;
    const QByteArray original = test::fileBytes(path);
    // The first record (line 2) starts with a quoted field, then text follows its closing quote.
    editFile(path, [](QByteArray& b) { b.insert(b.indexOf("\r\n") + 2, "\""); });
    EXPECT_TRUE(failsWith(importChecked(m_csv, ExportFormat::Csv), ErrorKind::Format,
        u"conversations.csv"_s, u"line 2"_s));
    // The second record (line 5: the first one's note spans three lines) opens a quote in its
    // empty note that is never closed.
    test::writeFile(path, original);
    editFile(path, [](QByteArray& b) { b.replace(",1,,", ",1,\"open,"); });
    auto open = importChecked(m_csv, ExportFormat::Csv);
    EXPECT_TRUE(failsWith(open, ErrorKind::Format, u"conversations.csv"_s, u"line 5"_s));
    EXPECT_TRUE(open.error().what.contains(u"no closing quote"_s));
}

TEST_F(ImporterErrorTest, ARecordWithTooManyFieldsNamesItsLine)
{
    editFile(m_csv + u"/draws.csv"_s, [](QByteArray& b) { b.replace(",fun,", ",fun,extra,"); });
    EXPECT_TRUE(failsWith(
        importChecked(m_csv, ExportFormat::Csv), ErrorKind::Format, u"draws.csv"_s, u"line 2"_s));
}

TEST_F(ImporterErrorTest, TextThatIsNotUtf8NamesTheLine)
{
    editFile(m_csv + u"/draws.csv"_s, [](QByteArray& b) { b.replace("user.team", "us\xE9r"); });
    EXPECT_TRUE(failsWith(
        importChecked(m_csv, ExportFormat::Csv), ErrorKind::Format, u"draws.csv"_s, u"line 5"_s));
}

TEST_F(ImporterErrorTest, AValueOfTheWrongTypeOrOutOfRangeNamesLineAndColumn)
{
    struct Case
    {
        QString file;
        QString column;
        QString value;
    };
    const QList<Case> cases {
        { u"takes.csv"_s, u"duration_s"_s, u"long"_s },
        { u"takes.csv"_s, u"rating_overall"_s, u"7"_s },
        { u"takes.csv"_s, u"rating_passion"_s, u"0"_s },
        { u"takes.csv"_s, u"rating_genuine"_s, u"4.5"_s },
        { u"takes.csv"_s, u"starred"_s, u"yes"_s },
        { u"takes.csv"_s, u"felt_timing"_s, u"too long"_s },
        { u"takes.csv"_s, u"pauses"_s, u"[1, 2]"_s },
        { u"takes.csv"_s, u"signal_to_noise_db"_s, u"quiet"_s },
        { u"takes.csv"_s, u"caveats"_s, u"[\"loud\"]"_s },
        { u"takes.csv"_s, u"caveats"_s, u"noisy"_s }, // a list is written as JSON: ["noisy"]
        { u"takes.csv"_s, u"started_at"_s, u"yesterday"_s },
        { u"takes.csv"_s, u"rated_at"_s, u"2026-11-23T09:30:15.250"_s }, // no time zone
        { u"pitches.csv"_s, u"created_at"_s, u"2026-02-30T09:00:00.000Z"_s },
        { u"pitches.csv"_s, u"title"_s, u"   "_s },
        { u"pitches.csv"_s, u"target_s"_s, u"-90"_s },
        { u"draws.csv"_s, u"zone"_s, u"shallow"_s },
        { u"draws.csv"_s, u"seq"_s, u"0"_s },
        { u"conversations.csv"_s, u"date"_s, u"2026-13-40"_s },
        { u"conversations.csv"_s, u"rating"_s, u"6"_s },
        { u"conversation_questions.csv"_s, u"id"_s, u"no-slash"_s },
        { u"conversation_questions.csv"_s, u"position"_s, u"-1"_s },
        // Values Rapport could never have written, which would break a later export or import.
        { u"takes.csv"_s, u"words_per_minute"_s, u"1e308"_s },
        { u"takes.csv"_s, u"duration_s"_s, u"-5"_s },
        { u"takes.csv"_s, u"speaking_time_s"_s, u"1e12"_s },
        { u"takes.csv"_s, u"clipped_ratio"_s, u"2"_s },
        { u"takes.csv"_s, u"signal_to_noise_db"_s, u"1e300"_s },
        { u"takes.csv"_s, u"started_at"_s, u"0001-01-01T00:00:00.000Z"_s },
        { u"pitches.csv"_s, u"created_at"_s, u"9999-12-31T23:59:59.000Z"_s },
        { u"conversations.csv"_s, u"date"_s, u"0001-01-01"_s },
        { u"answers.csv"_s, u"card"_s, u"no-slash"_s },
        { u"answers.csv"_s, u"zone"_s, u"shallow"_s },
        { u"answers.csv"_s, u"card_text"_s, u"  "_s },
        { u"answers.csv"_s, u"draw_seq"_s, u"first"_s },
        { u"answers.csv"_s, u"draw_seq"_s, u"0"_s },
        { u"answers.csv"_s, u"started_at"_s, u"yesterday"_s },
        { u"answers.csv"_s, u"red_s"_s, u"-1"_s },
        { u"answers.csv"_s, u"duration_s"_s, u"-5"_s },
        { u"answers.csv"_s, u"caveats"_s, u"[\"loud\"]"_s },
        { u"answers.csv"_s, u"rating_story"_s, u"2.5"_s },
        { u"answers.csv"_s, u"words"_s, u"[]"_s },
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(str(c.file + u' ' + c.column + u' ' + c.value));
        const QByteArray original = test::fileBytes(m_csv + u'/' + c.file);
        int line = 0;
        auto result = importCsvWith(c.file, 1, c.column, c.value, line);
        EXPECT_TRUE(failsWith(result, ErrorKind::Format, c.file,
            u"line %1, column \"%2\""_s.arg(line).arg(c.column)));
        test::writeFile(m_csv + u'/' + c.file, original);
    }
}

TEST_F(ImporterErrorTest, LightsOutOfOrderAndDuplicateIdsAreRefused)
{
    const QByteArray original = test::fileBytes(m_csv + u"/pitches.csv"_s);
    int line = 0;
    auto lights = importCsvWith(u"pitches.csv"_s, 2, u"yellow_s"_s, u"50"_s, line);
    EXPECT_TRUE(failsWith(lights, ErrorKind::Format, u"pitches.csv"_s, u"line %1"_s.arg(line)));
    EXPECT_TRUE(lights.error().what.contains(u"out of order"_s));
    test::writeFile(m_csv + u"/pitches.csv"_s, original);
    auto twice = importCsvWith(u"pitches.csv"_s, 2, u"id"_s, u"2"_s, line);
    EXPECT_TRUE(failsWith(twice, ErrorKind::Format, u"pitches.csv"_s, u"line %1"_s.arg(line)));
    EXPECT_TRUE(twice.error().what.contains(u"used twice"_s));
}

TEST_F(ImporterErrorTest, AnAnswersLightsOutOfOrderAreRefused)
{
    int line = 0;
    auto lights = importCsvWith(u"answers.csv"_s, 1, u"yellow_s"_s, u"500"_s, line);
    EXPECT_TRUE(failsWith(lights, ErrorKind::Format, u"answers.csv"_s, u"line %1"_s.arg(line)));
    EXPECT_TRUE(lights.error().what.contains(u"out of order"_s));
}

TEST_F(ImporterErrorTest, AnAnswersRatingOutOfRangeIsRefusedNamingTheColumn)
{
    const QByteArray original = test::fileBytes(m_csv + u"/answers.csv"_s);
    int line = 0;
    auto overall = importCsvWith(u"answers.csv"_s, 1, u"rating_overall"_s, u"7"_s, line);
    EXPECT_TRUE(failsWith(overall, ErrorKind::Format, u"answers.csv"_s,
        u"line %1, column \"rating_overall\""_s.arg(line)));
    EXPECT_TRUE(overall.error().what.contains(u"from 1 to 5"_s)) << str(overall.error().what);
    EXPECT_TRUE(overall.error().what.contains(u"\"7\""_s)) << str(overall.error().what);
    test::writeFile(m_csv + u"/answers.csv"_s, original);
    // An unrated answer may have no overall rating, but not one out of range.
    auto unrated = importCsvWith(u"answers.csv"_s, 2, u"rating_asked_back"_s, u"0"_s, line);
    EXPECT_TRUE(failsWith(unrated, ErrorKind::Format, u"answers.csv"_s,
        u"line %1, column \"rating_asked_back\""_s.arg(line)));

    auto json = importJsonWith(u"answers.json"_s, [](QJsonArray& a) {
        QJsonObject answer = a[0].toObject();
        answer.insert(u"rating_one_point"_s, 7);
        a[0] = answer;
    });
    EXPECT_TRUE(failsWith(json, ErrorKind::Format, u"answers.json"_s, u"[0].rating_one_point"_s));
}

TEST_F(ImporterErrorTest, AnAnswerWhoseDrawIsNotInTheExportIsRefused)
{
    int line = 0;
    auto csv = importCsvWith(u"answers.csv"_s, 1, u"draw_seq"_s, u"99"_s, line);
    EXPECT_TRUE(failsWith(csv, ErrorKind::Format, u"answers.csv"_s, u"line %1"_s.arg(line)));
    EXPECT_TRUE(csv.error().what.contains(u"draw_seq 99 is not in draws.csv"_s))
        << str(csv.error().what);

    auto json = importJsonWith(u"answers.json"_s, [](QJsonArray& a) {
        QJsonObject answer = a[1].toObject(); // answered without a draw until now
        answer.insert(u"draw_seq"_s, 77);
        a[1] = answer;
    });
    EXPECT_TRUE(failsWith(json, ErrorKind::Format, u"answers.json"_s, u"[1]"_s));
    EXPECT_TRUE(json.error().what.contains(u"draw_seq 77 is not in draws.json"_s))
        << str(json.error().what);
}

TEST_F(ImporterErrorTest, ATakeWhosePitchIsNotInTheExportIsRefused)
{
    int line = 0;
    auto result = importCsvWith(u"takes.csv"_s, 3, u"pitch_id"_s, u"99"_s, line);
    EXPECT_TRUE(failsWith(result, ErrorKind::Format, u"takes.csv"_s, u"line %1"_s.arg(line)));
    EXPECT_TRUE(result.error().what.contains(u"pitch_id 99 is not in pitches.csv"_s));
}

TEST_F(ImporterErrorTest, AQuestionOfAConversationNotInTheExportIsRefused)
{
    int line = 0;
    auto result
        = importCsvWith(u"conversation_questions.csv"_s, 2, u"conversation_id"_s, u"42"_s, line);
    EXPECT_TRUE(failsWith(
        result, ErrorKind::Format, u"conversation_questions.csv"_s, u"line %1"_s.arg(line)));
    EXPECT_TRUE(result.error().what.contains(u"conversations.csv"_s));
}

TEST_F(ImporterErrorTest, MalformedJsonNamesLineAndColumn)
{
    // A comma missing between two members.
    editFile(
        m_json + u"/draws.json"_s, [](QByteArray& b) { b.replace("\"seq\": 2,", "\"seq\": 2"); });
    auto result = importChecked(m_json, ExportFormat::Json);
    EXPECT_TRUE(failsWith(result, ErrorKind::Format, u"draws.json"_s, u"line "_s));
    EXPECT_TRUE(result.error().what.contains(u", column "_s));
}

TEST_F(ImporterErrorTest, JsonOfTheWrongShapeOrTypeNamesTheIndexAndKey)
{
    const QByteArray takes = test::fileBytes(m_json + u"/takes.json"_s);
    auto restore = [&] { test::writeFile(m_json + u"/takes.json"_s, takes); };

    test::writeFile(m_json + u"/takes.json"_s, "{\"takes\": []}");
    EXPECT_TRUE(failsWith(importChecked(m_json, ExportFormat::Json), ErrorKind::Format,
        u"takes.json"_s, u"top level"_s));
    restore();

    EXPECT_TRUE(failsWith(importJsonWith(u"takes.json"_s, [](QJsonArray& a) { a[1] = 5; }),
        ErrorKind::Format, u"takes.json"_s, u"[1]"_s));
    restore();

    auto missingKey = importJsonWith(u"takes.json"_s, [](QJsonArray& a) {
        QJsonObject take = a[2].toObject();
        take.remove(u"note"_s);
        a[2] = take;
    });
    EXPECT_TRUE(failsWith(missingKey, ErrorKind::Format, u"takes.json"_s, u"[2]"_s));
    EXPECT_TRUE(missingKey.error().what.contains(u"\"note\""_s));
    restore();

    auto wrongType = importJsonWith(u"takes.json"_s, [](QJsonArray& a) {
        QJsonObject take = a[0].toObject();
        take.insert(u"rating_overall"_s, u"4"_s);
        a[0] = take;
    });
    EXPECT_TRUE(failsWith(wrongType, ErrorKind::Format, u"takes.json"_s, u"[0].rating_overall"_s));
    EXPECT_TRUE(wrongType.error().what.contains(u"the string \"4\""_s));
    restore();

    auto badCaveat = importJsonWith(u"takes.json"_s, [](QJsonArray& a) {
        QJsonObject take = a[0].toObject();
        take.insert(u"caveats"_s, QJsonArray { u"noisy"_s, 3 });
        a[0] = take;
    });
    EXPECT_TRUE(failsWith(badCaveat, ErrorKind::Format, u"takes.json"_s, u"[0].caveats"_s));
    restore();

    auto unknownPitch = importJsonWith(u"takes.json"_s, [](QJsonArray& a) {
        QJsonObject take = a[1].toObject();
        take.insert(u"pitch_id"_s, 77);
        a[1] = take;
    });
    EXPECT_TRUE(failsWith(unknownPitch, ErrorKind::Format, u"takes.json"_s, u"[1]"_s));
    EXPECT_TRUE(unknownPitch.error().what.contains(u"pitches.json"_s));
    restore();

    auto badQuestion = importJsonWith(u"conversations.json"_s, [](QJsonArray& a) {
        QJsonObject talk = a[0].toObject();
        QJsonArray questions = talk.value(u"questions"_s).toArray();
        QJsonObject question = questions[1].toObject();
        question.insert(u"id"_s, u"/q_2"_s);
        questions[1] = question;
        talk.insert(u"questions"_s, questions);
        a[0] = talk;
    });
    EXPECT_TRUE(failsWith(
        badQuestion, ErrorKind::Format, u"conversations.json"_s, u"[0].questions[1].id"_s));
}

TEST_F(ImporterErrorTest, AFailureWhileWritingRollsEverythingBack)
{
    // Validation passes; the database refuses the last table, after the others were written.
    {
        test::RawSqlite raw(m_target->database->filePath());
        ASSERT_TRUE(raw.exec(u"CREATE TRIGGER refuse BEFORE INSERT ON conversation_questions "
                             "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"_s));
    }
    auto result = importChecked(m_csv, ExportFormat::Csv);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().kind, ErrorKind::Database);
    EXPECT_TRUE(result.error().what.contains(u"nothing was changed"_s))
        << str(result.error().toString());
}

} // namespace
} // namespace rapport::data
