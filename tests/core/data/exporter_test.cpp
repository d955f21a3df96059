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

        ASSERT_TRUE(decks::DeckRepository(db)
                        .recordDraw({ QStringLiteral("rapport.fun"), QStringLiteral("f-01") },
                            decks::Zone::Fun, kAwkward, kNow)
                        .ok());
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
};

TEST_F(ExporterTest, JsonHoldsEveryFieldOfEveryTable)
{
    auto summary = exportData(*m_store->database, m_out, ExportFormat::Json);
    ASSERT_TRUE(summary.ok()) << summary.error().toString().toStdString();
    EXPECT_EQ(summary->files.size(), 4);
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
    EXPECT_EQ(summary->files.size(), 5);
    for (const QString& table : { QStringLiteral("pitches"), QStringLiteral("takes"),
             QStringLiteral("draws"), QStringLiteral("conversations") }) {
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
}

} // namespace
} // namespace rapport::data
