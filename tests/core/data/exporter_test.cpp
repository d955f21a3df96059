#include "core/answers/answerrepository.h"
#include "core/conversations/conversationrepository.h"
#include "core/data/exporter.h"
#include "core/decks/deckrepository.h"
#include "core/rehearsal/pitchrepository.h"
#include "core/rehearsal/takerepository.h"
#include "core/storage/store.h"
#include "tests/support/sqlitefile.h"
#include "tests/support/testtake.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace rapport::data {
namespace {

const QDateTime kNow(QDate(2026, 11, 23), QTime(9, 30, 15, 250), Qt::UTC);
const QString kAwkward = QStringLiteral("Said \"hi\", then:\nwaved; café ☕");

// A strict RFC 4180 reader for the test: CRLF records, quoted fields with doubled quotes.
QList<QStringList> parseCsv(const QString& text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text[i + 1] == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row << field;
            field.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n') {
            row << field;
            rows << row;
            row.clear();
            field.clear();
            ++i;
        } else {
            field += c;
        }
    }
    return rows;
}

class ExporterTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        auto store = storage::openStore(m_dir.filePath(QStringLiteral("data")));
        ASSERT_TRUE(store.ok());
        m_store = std::make_unique<storage::Store>(std::move(*store));
        const storage::Database& db = *m_store->database;
        rehearsal::Pitch pitch;
        pitch.title = QStringLiteral("Intro, the \"long\" one");
        pitch.occasion = QStringLiteral("networking");
        pitch.text = kAwkward;
        pitch.targetMs = 90'000;
        pitch.lights = rehearsal::defaultLightsFor(90'000);
        m_pitchId = *rehearsal::PitchRepository(db).add(pitch, kNow);

        m_take.pitchId = m_pitchId;
        m_take.startedAt = kNow;
        m_take.lights = pitch.lights;
        m_take.audioPath = QStringLiteral("/data/recordings/a,b.wav");
        m_take.starred = true;
        m_take.report = test::everyFieldReport();
        m_take.rating.overall = 4;
        m_take.rating.item(rehearsal::RubricItem::Passion) = 5;
        m_take.rating.feltTiming = rehearsal::FeltTiming::OnTime;
        m_take.rating.note = kAwkward;
        m_take.rating.ratedAt = kNow.addSecs(60);
        m_take.id = *rehearsal::TakeRepository(db).add(m_take);

        const auto draw = decks::DeckRepository(db).recordDraw(
            { QStringLiteral("rapport.fun"), QStringLiteral("f-01") }, decks::Zone::Fun, kAwkward,
            kNow);
        ASSERT_TRUE(draw.ok());
        m_drawSeq = draw->seq;

        m_answer.card
            = { QStringLiteral("rapport.fun"), QStringLiteral("f-01"), decks::Zone::Fun, kAwkward };
        m_answer.drawSeq = m_drawSeq;
        m_answer.startedAt = kNow.addSecs(5);
        m_answer.lights = answers::defaultAnswerLights();
        m_answer.audioPath = QStringLiteral("/data/recordings/answer.wav");
        m_answer.report = test::everyFieldReport();
        m_answer.words = test::everyFieldWords();
        m_answer.rating.overall = 3;
        m_answer.rating.item(answers::AnswerItem::OnePoint) = 4;
        m_answer.rating.item(answers::AnswerItem::AskedBack) = 1;
        m_answer.rating.note = kAwkward;
        m_answer.rating.ratedAt = kNow.addSecs(200);
        m_answer.id = *answers::AnswerRepository(db).add(m_answer);
        // Answered without a draw (rapport-cli answer --card), not rated, words not heard.
        answers::Answer plain;
        plain.card = { QStringLiteral("user.team"), QStringLiteral("q_2"), decks::Zone::Deep,
            QStringLiteral("Why?") };
        plain.startedAt = kNow.addSecs(500);
        plain.lights = answers::defaultAnswerLights();
        plain.report.durationS = 2.5;
        ASSERT_TRUE(answers::AnswerRepository(db).add(plain).ok());
        conversations::Conversation c;
        c.happenedOn = QDate(2026, 11, 22);
        c.withWhom = QStringLiteral("Sam, from \"ops\"");
        c.rating = 5;
        c.note = kAwkward;
        c.createdAt = kNow;
        c.questions = { { { QStringLiteral("rapport.fun"), QStringLiteral("f-01") }, kAwkward } };
        ASSERT_TRUE(conversations::ConversationRepository(db).add(c).ok());
    }

    QJsonArray jsonFile(const QString& name)
    {
        return QJsonDocument::fromJson(test::fileBytes(m_out + u'/' + name)).array();
    }

    QTemporaryDir m_dir;
    QString m_out = m_dir.filePath(QStringLiteral("export"));
    std::unique_ptr<storage::Store> m_store;
    qint64 m_pitchId = 0;
    rehearsal::Take m_take;
    qint64 m_drawSeq = 0;
    answers::Answer m_answer;
};

TEST_F(ExporterTest, JsonHoldsEveryFieldOfEveryTable)
{
    auto summary = exportData(*m_store->database, m_out, ExportFormat::Json);
    ASSERT_TRUE(summary.ok()) << summary.error().toString().toStdString();
    EXPECT_EQ(summary->files.size(), 5);
    EXPECT_EQ(summary->answers, 2);
    EXPECT_EQ(test::permissionBits(m_out), 0700);
    for (const QString& file : summary->files)
        EXPECT_EQ(test::permissionBits(file), 0600);

    const QJsonObject pitch = jsonFile(QStringLiteral("pitches.json")).first().toObject();
    EXPECT_EQ(
        pitch.value(QStringLiteral("title")).toString(), QStringLiteral("Intro, the \"long\" one"));
    EXPECT_EQ(pitch.value(QStringLiteral("text")).toString(), kAwkward);
    EXPECT_EQ(pitch.value(QStringLiteral("target_s")).toDouble(), 90.0);
    EXPECT_EQ(pitch.value(QStringLiteral("created_at")).toString(),
        QStringLiteral("2026-11-23T09:30:15.250Z"));

    const QJsonObject take = jsonFile(QStringLiteral("takes.json")).first().toObject();
    const analysis::TakeReport& r = m_take.report;
    EXPECT_EQ(take.value(QStringLiteral("id")).toInteger(), m_take.id);
    EXPECT_EQ(take.value(QStringLiteral("pitch_id")).toInteger(), m_pitchId);
    EXPECT_EQ(take.value(QStringLiteral("started_at")).toString(),
        QStringLiteral("2026-11-23T09:30:15.250Z"));
    EXPECT_EQ(take.value(QStringLiteral("green_s")).toDouble(), m_take.lights.greenMs / 1000.0);
    EXPECT_EQ(take.value(QStringLiteral("red_s")).toDouble(), 90.0);
    EXPECT_EQ(take.value(QStringLiteral("audio_path")).toString(), m_take.audioPath);
    EXPECT_TRUE(take.value(QStringLiteral("starred")).toBool());
    EXPECT_EQ(take.value(QStringLiteral("duration_s")).toDouble(), r.durationS);
    EXPECT_EQ(take.value(QStringLiteral("speech_start_s")).toDouble(), *r.speechStartS);
    EXPECT_EQ(take.value(QStringLiteral("speech_end_s")).toDouble(), *r.speechEndS);
    EXPECT_EQ(take.value(QStringLiteral("speaking_time_s")).toDouble(), *r.speakingTimeS);
    EXPECT_EQ(take.value(QStringLiteral("phonation_time_s")).toDouble(), *r.phonationTimeS);
    const QJsonArray pauses = take.value(QStringLiteral("pauses")).toArray();
    ASSERT_EQ(pauses.size(), 2);
    EXPECT_EQ(pauses[1].toObject().value(QStringLiteral("start_s")).toDouble(), 40.25);
    EXPECT_EQ(pauses[1].toObject().value(QStringLiteral("end_s")).toDouble(), 42.5);
    EXPECT_EQ(take.value(QStringLiteral("pause_count")).toInt(), 2);
    EXPECT_EQ(take.value(QStringLiteral("longest_pause_s")).toDouble(), *r.longestPauseS);
    EXPECT_EQ(take.value(QStringLiteral("syllable_count")).toInt(), *r.syllableCount);
    EXPECT_EQ(
        take.value(QStringLiteral("articulation_rate_sps")).toDouble(), *r.articulationRateSps);
    EXPECT_EQ(take.value(QStringLiteral("words_per_minute")).toDouble(), *r.wordsPerMinute);
    EXPECT_EQ(take.value(QStringLiteral("pitch_median_hz")).toDouble(), *r.pitchMedianHz);
    EXPECT_EQ(take.value(QStringLiteral("pitch_sd_semitones")).toDouble(), *r.pitchSdSemitones);
    EXPECT_FALSE(take.value(QStringLiteral("monotone")).toBool(true));
    EXPECT_EQ(take.value(QStringLiteral("loudness_lufs")).toDouble(), *r.loudnessLufs);
    EXPECT_EQ(take.value(QStringLiteral("peak_dbfs")).toDouble(), *r.peakDbfs);
    EXPECT_EQ(take.value(QStringLiteral("clipped_ratio")).toDouble(), *r.clippedRatio);
    EXPECT_EQ(take.value(QStringLiteral("signal_to_noise_db")).toDouble(), *r.signalToNoiseDb);
    EXPECT_EQ(take.value(QStringLiteral("caveats")).toArray(),
        (QJsonArray { QStringLiteral("noisy"), QStringLiteral("clipped") }));
    EXPECT_EQ(take.value(QStringLiteral("analysis_ms")).toDouble(), r.analysisMs);
    EXPECT_EQ(take.value(QStringLiteral("rating_overall")).toInt(), 4);
    EXPECT_EQ(take.value(QStringLiteral("rating_passion")).toInt(), 5);
    EXPECT_TRUE(take.value(QStringLiteral("rating_genuine")).isNull());
    EXPECT_EQ(take.value(QStringLiteral("felt_timing")).toString(), QStringLiteral("on-time"));
    EXPECT_TRUE(take.value(QStringLiteral("felt_pace")).isNull());
    EXPECT_EQ(take.value(QStringLiteral("note")).toString(), kAwkward);
    EXPECT_EQ(take.value(QStringLiteral("rated_at")).toString(),
        QStringLiteral("2026-11-23T09:31:15.250Z"));
    EXPECT_FALSE(take.contains(QStringLiteral("file")));

    const QJsonObject draw = jsonFile(QStringLiteral("draws.json")).first().toObject();
    EXPECT_EQ(draw.value(QStringLiteral("zone")).toString(), QStringLiteral("fun"));
    EXPECT_EQ(draw.value(QStringLiteral("text")).toString(), kAwkward);
    const QJsonObject talk = jsonFile(QStringLiteral("conversations.json")).first().toObject();
    EXPECT_EQ(talk.value(QStringLiteral("date")).toString(), QStringLiteral("2026-11-22"));
    EXPECT_EQ(talk.value(QStringLiteral("with")).toString(), QStringLiteral("Sam, from \"ops\""));
    EXPECT_EQ(talk.value(QStringLiteral("questions"))
                  .toArray()
                  .first()
                  .toObject()
                  .value(QStringLiteral("id"))
                  .toString(),
        QStringLiteral("rapport.fun/f-01"));
}

TEST_F(ExporterTest, CsvHasTheSameValuesAsJsonAndQuotesPerRfc4180)
{
    ASSERT_TRUE(
        exportData(*m_store->database, m_out + QStringLiteral("/json"), ExportFormat::Json).ok());
    auto summary = exportData(*m_store->database, m_out, ExportFormat::Csv);
    ASSERT_TRUE(summary.ok());
    EXPECT_EQ(summary->files.size(), 6);
    for (const QString& table :
        { QStringLiteral("pitches"), QStringLiteral("takes"), QStringLiteral("draws"),
            QStringLiteral("answers"), QStringLiteral("conversations") }) {
        const QByteArray bytes = test::fileBytes(m_out + u'/' + table + QStringLiteral(".csv"));
        EXPECT_FALSE(bytes.startsWith("\xEF\xBB\xBF")) << table.toStdString();
        const QList<QStringList> rows = parseCsv(QString::fromUtf8(bytes));
        const QJsonArray json = QJsonDocument::fromJson(
            test::fileBytes(m_out + QStringLiteral("/json/") + table + QStringLiteral(".json")))
                                    .array();
        ASSERT_EQ(rows.size(), json.size() + 1) << table.toStdString();
        const QStringList header = rows.first();
        for (qsizetype r = 0; r < json.size(); ++r) {
            const QJsonObject object = json[r].toObject();
            for (qsizetype c = 0; c < header.size(); ++c) {
                const QJsonValue v = object.value(header[c]);
                const QString cell = rows[r + 1][c];
                if (v.isNull()) {
                    EXPECT_TRUE(cell.isEmpty()) << header[c].toStdString();
                } else if (v.isString()) {
                    EXPECT_EQ(cell, v.toString()) << header[c].toStdString();
                } else if (v.isDouble()) {
                    EXPECT_DOUBLE_EQ(cell.toDouble(), v.toDouble()) << header[c].toStdString();
                } else if (v.isBool()) {
                    EXPECT_EQ(cell, v.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
                } else if (v.isArray()) {
                    EXPECT_EQ(QJsonDocument::fromJson(cell.toUtf8()).array(), v.toArray());
                }
            }
        }
    }
    const QList<QStringList> questions = parseCsv(
        QString::fromUtf8(test::fileBytes(m_out + QStringLiteral("/conversation_questions.csv"))));
    ASSERT_EQ(questions.size(), 2);
    EXPECT_EQ(questions[1][2], QStringLiteral("rapport.fun/f-01"));
    // A list is its compact JSON text in a cell, as the pauses are.
    const QList<QStringList> takes
        = parseCsv(QString::fromUtf8(test::fileBytes(m_out + QStringLiteral("/takes.csv"))));
    ASSERT_EQ(takes.size(), 2);
    EXPECT_EQ(takes[1][takes[0].indexOf(QStringLiteral("caveats"))],
        QStringLiteral("[\"noisy\",\"clipped\"]"));
    EXPECT_EQ(questions[1][3], kAwkward);
}

TEST_F(ExporterTest, AnswersHoldTheirCardTheirDrawAndTheColumnsOfATake)
{
    auto summary = exportData(*m_store->database, m_out, ExportFormat::Csv);
    ASSERT_TRUE(summary.ok()) << summary.error().toString().toStdString();
    EXPECT_TRUE(summary->files.contains(m_out + QStringLiteral("/answers.csv")));
    EXPECT_EQ(test::permissionBits(m_out + QStringLiteral("/answers.csv")), 0600);
    const QList<QStringList> answers
        = parseCsv(QString::fromUtf8(test::fileBytes(m_out + QStringLiteral("/answers.csv"))));
    const QList<QStringList> takes
        = parseCsv(QString::fromUtf8(test::fileBytes(m_out + QStringLiteral("/takes.csv"))));
    ASSERT_EQ(answers.size(), 3);
    // The card and its draw, then the take's columns from the timing window on, with the
    // impromptu rubric where a take has its own rubric and felt timing and pace.
    QStringList expected { QStringLiteral("id"), QStringLiteral("card"), QStringLiteral("zone"),
        QStringLiteral("card_text"), QStringLiteral("draw_seq"), QStringLiteral("started_at") };
    // The take's report columns are those between "starred" and "rating_overall".
    const QStringList& takeHeader = takes.first();
    const qsizetype greenAt = takeHeader.indexOf(QStringLiteral("green_s"));
    const qsizetype starredAt = takeHeader.indexOf(QStringLiteral("starred"));
    const qsizetype overallAt = takeHeader.indexOf(QStringLiteral("rating_overall"));
    ASSERT_EQ(starredAt, greenAt + 4);
    const QStringList reportColumns = takeHeader.mid(starredAt + 1, overallAt - starredAt - 1);
    EXPECT_TRUE(reportColumns.contains(QStringLiteral("words_per_minute")));
    EXPECT_FALSE(reportColumns.contains(QStringLiteral("file")));
    expected << takeHeader.mid(greenAt, 4) // green_s, yellow_s, red_s, audio_path
             << reportColumns << QStringLiteral("rating_overall")
             << QStringLiteral("rating_answered") << QStringLiteral("rating_one_point")
             << QStringLiteral("rating_story") << QStringLiteral("rating_ended")
             << QStringLiteral("rating_asked_back") << QStringLiteral("note")
             << QStringLiteral("rated_at") << QStringLiteral("words")
             << QStringLiteral("filler_count") << QStringLiteral("fillers_per_minute")
             << QStringLiteral("script_coverage");
    EXPECT_EQ(answers.first(), expected);

    const QStringList& header = answers.first();
    const QStringList& full = answers[1];
    auto at = [&](const QStringList& row, const char* column) {
        return row.value(header.indexOf(QString::fromLatin1(column)));
    };
    EXPECT_EQ(at(full, "id"), QString::number(m_answer.id));
    EXPECT_EQ(at(full, "card"), QStringLiteral("rapport.fun/f-01"));
    EXPECT_EQ(at(full, "zone"), QStringLiteral("fun"));
    EXPECT_EQ(at(full, "card_text"), kAwkward);
    EXPECT_EQ(at(full, "draw_seq"), QString::number(m_drawSeq));
    EXPECT_EQ(at(full, "started_at"), QStringLiteral("2026-11-23T09:30:20.250Z"));
    EXPECT_EQ(at(full, "green_s"), QStringLiteral("60"));
    EXPECT_EQ(at(full, "red_s"), QStringLiteral("120"));
    EXPECT_EQ(at(full, "audio_path"), m_answer.audioPath);
    EXPECT_EQ(at(full, "caveats"), QStringLiteral("[\"noisy\",\"clipped\"]"));
    EXPECT_EQ(at(full, "rating_overall"), QStringLiteral("3"));
    EXPECT_EQ(at(full, "rating_one_point"), QStringLiteral("4"));
    EXPECT_EQ(at(full, "rating_asked_back"), QStringLiteral("1"));
    EXPECT_EQ(at(full, "rating_story"), QString());
    EXPECT_EQ(at(full, "note"), kAwkward);
    EXPECT_EQ(at(full, "rated_at"), QStringLiteral("2026-11-23T09:33:35.250Z"));
    const QJsonObject words = QJsonDocument::fromJson(at(full, "words").toUtf8()).object();
    EXPECT_EQ(words, speech::wordReportToJson(*m_answer.words));
    EXPECT_EQ(at(full, "filler_count"), QString::number(m_answer.words->fillers.size()));
    // A take's report and the same report of an answer are the same cells.
    const QStringList& take = takes[1];
    for (const QString& column : reportColumns) {
        EXPECT_EQ(at(full, column.toLatin1().constData()), take[takeHeader.indexOf(column)])
            << column.toStdString();
    }

    const QStringList& plain = answers[2];
    EXPECT_EQ(at(plain, "card"), QStringLiteral("user.team/q_2"));
    EXPECT_EQ(at(plain, "zone"), QStringLiteral("deep"));
    EXPECT_EQ(at(plain, "draw_seq"), QString()); // answered without a draw
    EXPECT_EQ(at(plain, "audio_path"), QString());
    EXPECT_EQ(at(plain, "rating_overall"), QString());
    EXPECT_EQ(at(plain, "rated_at"), QString());
    EXPECT_EQ(at(plain, "words"), QString());
    EXPECT_EQ(at(plain, "filler_count"), QString());

    ASSERT_TRUE(exportData(*m_store->database, m_out, ExportFormat::Json).ok());
    const QJsonArray json = jsonFile(QStringLiteral("answers.json"));
    ASSERT_EQ(json.size(), 2);
    EXPECT_EQ(json[0].toObject().value(QStringLiteral("draw_seq")).toInteger(), m_drawSeq);
    EXPECT_EQ(json[0].toObject().value(QStringLiteral("words")).toObject(), words);
    EXPECT_TRUE(json[1].toObject().value(QStringLiteral("draw_seq")).isNull());
    EXPECT_TRUE(json[1].toObject().value(QStringLiteral("rating_overall")).isNull());
}

TEST_F(ExporterTest, AnEmptyDatabaseExportsHeadersOnly)
{
    QTemporaryDir other;
    auto store = storage::openStore(other.path());
    ASSERT_TRUE(store.ok());
    auto summary
        = exportData(*store->database, other.filePath(QStringLiteral("out")), ExportFormat::Csv);
    ASSERT_TRUE(summary.ok());
    EXPECT_EQ(summary->takes, 0);
    const QList<QStringList> rows = parseCsv(
        QString::fromUtf8(test::fileBytes(other.filePath(QStringLiteral("out/takes.csv")))));
    ASSERT_EQ(rows.size(), 1);
    EXPECT_TRUE(rows.first().contains(QStringLiteral("words_per_minute")));
    EXPECT_EQ(summary->answers, 0);
    const QList<QStringList> answers = parseCsv(
        QString::fromUtf8(test::fileBytes(other.filePath(QStringLiteral("out/answers.csv")))));
    ASSERT_EQ(answers.size(), 1);
    EXPECT_EQ(answers.first().first(), QStringLiteral("id"));
}

} // namespace
} // namespace rapport::data
