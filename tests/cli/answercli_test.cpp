// `rapport-cli answers` and `answer`'s command line, without a microphone: answers are stored
// through the repository, then listed, rated and deleted through the CLI.
#include "core/answers/answerrepository.h"
#include "core/storage/store.h"
#include "tests/support/cliprocess.h"
#include "tests/support/realspeech.h"
#include "tests/support/testtake.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace rapport {
namespace {

const QDateTime kThen(QDate(2026, 11, 20), QTime(8, 0), Qt::UTC);

QStringList words(const char* text)
{
    return QString::fromUtf8(text).split(QLatin1Char(' '));
}

class AnswerCliTest : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(m_dir.isValid()); }

    test::ProcessResult cli(const QStringList& args) { return test::runCli(args, m_dir.path()); }

    // Stores an answer to `card` with a recording in the data folder; returns its id.
    qint64 addAnswer(const answers::CardRef& card, const QDateTime& at, bool withAudio = true)
    {
        Result<storage::Store> store = storage::openStore(m_dir.path());
        EXPECT_TRUE(store.ok());
        if (!store)
            return 0;
        answers::Answer answer;
        answer.card = card;
        answer.startedAt = at;
        answer.lights = answers::defaultAnswerLights();
        answer.report = test::everyFieldReport();
        answer.words = speech::makeWordReport(
            test::evenlySaid(QStringLiteral("it rained all day what about you")), 30.0, QString());
        if (withAudio) {
            answer.audioPath = store->paths.recordings()
                + QStringLiteral("/take-%1-0000abcd.wav")
                      .arg(at.toString(QStringLiteral("yyyyMMddTHHmmssZ")));
            EXPECT_EQ(test::writeToneTake(answer.audioPath, 16000, 16000, 16000), QString());
        }
        Result<qint64> id = answers::AnswerRepository(*store->database).add(answer);
        EXPECT_TRUE(id.ok());
        return id ? *id : 0;
    }

    QJsonArray list(const QStringList& extra = {})
    {
        auto listed = cli(words("answers list --json") + extra);
        EXPECT_EQ(listed.exitCode, 0) << listed.err.toStdString();
        return QJsonDocument::fromJson(listed.out.toUtf8()).array();
    }

    const answers::CardRef m_fun { QStringLiteral("rapport.fun-zone"), QStringLiteral("fun-003"),
        decks::Zone::Fun, QStringLiteral("What was your worst date like?") };
    const answers::CardRef m_deep { QStringLiteral("rapport.deep-zone"), QStringLiteral("deep-001"),
        decks::Zone::Deep, QStringLiteral("What is the most vivid memory from your childhood?") };
    QTemporaryDir m_dir;
};

// An answer recorded with words off (or whose words were heard badly) is heard again on request,
// without a script: printed, stored with it, and read for a question back.
TEST_F(AnswerCliTest, AnAnswersWordsAreHeardAgainFromItsRecording)
{
    const test::SpeechClip clip = test::SpeechCorpus::librivoxClips().front();
    qint64 id = 0;
    QString audio;
    {
        Result<storage::Store> store = storage::openStore(m_dir.path());
        ASSERT_TRUE(store.ok());
        answers::Answer answer;
        answer.card = m_deep;
        answer.startedAt = kThen;
        answer.lights = answers::defaultAnswerLights();
        answer.report = test::everyFieldReport();
        audio = store->paths.recordings() + QStringLiteral("/take-20261120T080000Z-0000abcd.wav");
        ASSERT_TRUE(QFile::copy(clip.path, audio));
        answer.audioPath = audio;
        Result<qint64> added = answers::AnswerRepository(*store->database).add(answer);
        ASSERT_TRUE(added.ok());
        id = *added;
    }
    auto heard = cli(words("answers words") + QStringList { QString::number(id), u"--json"_s });
    ASSERT_EQ(heard.exitCode, 0) << heard.err.toStdString();
    const QJsonObject json = QJsonDocument::fromJson(heard.out.toUtf8()).object();
    EXPECT_EQ(json.value(u"answer_id").toInteger(), id);
    const qsizetype truth = speech::normalisedWords(clip.text).size();
    EXPECT_GE(json.value(u"transcript").toArray().size(), truth / 2) << heard.out.toStdString();
    EXPECT_FALSE(json.contains(u"script_coverage"_s)) << "an answer has no script";
    EXPECT_TRUE(json.contains(u"asked_back"_s));
    // Stored with the answer.
    const QJsonArray listed = list();
    ASSERT_EQ(listed.size(), 1);
    EXPECT_TRUE(listed[0].toObject().value(u"fillers_per_minute").isDouble())
        << QJsonDocument(listed[0].toObject()).toJson().toStdString();

    // Without its recording it says so; an answer that does not exist is not found.
    ASSERT_TRUE(QFile::remove(audio));
    auto gone = cli(words("answers words") + QStringList { QString::number(id) });
    EXPECT_EQ(gone.exitCode, 3) << gone.err.toStdString();
    EXPECT_TRUE(gone.err.contains(u"Answer %1's recording is gone"_s.arg(id)))
        << gone.err.toStdString();
    EXPECT_EQ(cli(words("answers words 999")).exitCode, 1);
    EXPECT_EQ(cli(words("answers words")).exitCode, 2);
}

TEST_F(AnswerCliTest, AnswersAreListedInTimeOrderAndByCard)
{
    auto empty = cli(words("answers list"));
    ASSERT_EQ(empty.exitCode, 0) << empty.err.toStdString();
    EXPECT_TRUE(empty.out.contains(QStringLiteral("No answers yet"))) << empty.out.toStdString();

    const qint64 first = addAnswer(m_fun, kThen);
    const qint64 second = addAnswer(m_deep, kThen.addDays(1));
    const qint64 third = addAnswer(m_fun, kThen.addDays(2));
    const QJsonArray all = list();
    ASSERT_EQ(all.size(), 3);
    EXPECT_EQ(all[0].toObject().value(QStringLiteral("id")).toInteger(), first);
    EXPECT_EQ(all[1].toObject().value(QStringLiteral("id")).toInteger(), second);
    const QJsonObject row = all[2].toObject();
    EXPECT_EQ(row.value(QStringLiteral("id")).toInteger(), third);
    EXPECT_EQ(row.value(QStringLiteral("card")).toObject().value(QStringLiteral("id")).toString(),
        QStringLiteral("fun-003"));
    EXPECT_DOUBLE_EQ(row.value(QStringLiteral("first_word_s")).toDouble(),
        *test::everyFieldReport().speechStartS);
    EXPECT_EQ(row.value(QStringLiteral("asked_back")), QJsonValue(true));
    EXPECT_TRUE(row.value(QStringLiteral("rating")).isNull());

    // By card: a question id alone, or DECK/QUESTION.
    EXPECT_EQ(list(words("--card fun-003")).size(), 2);
    EXPECT_EQ(list(words("--card rapport.deep-zone/deep-001")).size(), 1);
    auto unknown = cli(words("answers list --card nope-1"));
    EXPECT_EQ(unknown.exitCode, 1);
    EXPECT_TRUE(unknown.err.contains(QStringLiteral("nope-1"))) << unknown.err.toStdString();

    auto text = cli(words("answers list"));
    ASSERT_EQ(text.exitCode, 0);
    EXPECT_TRUE(text.out.contains(QStringLiteral("What was your worst date like?")))
        << text.out.toStdString();
    EXPECT_TRUE(text.out.contains(QStringLiteral("rapport.fun-zone/fun-003")));
}

TEST_F(AnswerCliTest, AnAnswerIsRatedOnTheImpromptuRubric)
{
    const qint64 id = addAnswer(m_fun, kThen);
    auto rated = cli(words("answers rate") + QStringList { QString::number(id) }
        + words("--overall 4 --asked-back 2 --story 5 --note Shorter"));
    ASSERT_EQ(rated.exitCode, 0) << rated.err.toStdString();
    EXPECT_TRUE(rated.out.contains(QStringLiteral("4/5"))) << rated.out.toStdString();
    const QJsonObject rating = list()[0].toObject().value(QStringLiteral("rating")).toObject();
    EXPECT_EQ(rating.value(QStringLiteral("overall")).toInt(), 4);
    EXPECT_EQ(rating.value(QStringLiteral("items")).toObject(),
        (QJsonObject { { QStringLiteral("story"), 5 }, { QStringLiteral("asked-back"), 2 } }));
    EXPECT_EQ(
        list()[0].toObject().value(QStringLiteral("note")).toString(), QStringLiteral("Shorter"));

    // Values not given keep theirs; bad ones are refused before anything changes.
    ASSERT_EQ(
        cli(words("answers rate") + QStringList { QString::number(id) } + words("--overall 5"))
            .exitCode,
        0);
    EXPECT_EQ(list()[0]
                  .toObject()
                  .value(QStringLiteral("rating"))
                  .toObject()
                  .value(QStringLiteral("items"))
                  .toObject()
                  .value(QStringLiteral("story"))
                  .toInt(),
        5);
    EXPECT_EQ(
        cli(words("answers rate") + QStringList { QString::number(id) } + words("--overall 6"))
            .exitCode,
        2);
    EXPECT_EQ(cli(words("answers rate") + QStringList { QString::number(id) }).exitCode, 2);
    EXPECT_EQ(cli(words("answers rate 999 --overall 3")).exitCode, 1);
}

TEST_F(AnswerCliTest, DeletingAnAnswerDeletesItsRecording)
{
    const qint64 kept = addAnswer(m_deep, kThen);
    const qint64 id = addAnswer(m_fun, kThen.addDays(1));
    const QString audio = list()[1].toObject().value(QStringLiteral("audio_path")).toString();
    ASSERT_TRUE(QFile::exists(audio));
    auto deleted = cli(words("answers delete") + QStringList { QString::number(id) });
    ASSERT_EQ(deleted.exitCode, 0) << deleted.err.toStdString();
    EXPECT_TRUE(deleted.out.contains(QStringLiteral("and its audio"))) << deleted.out.toStdString();
    EXPECT_FALSE(QFile::exists(audio));
    const QJsonArray left = list();
    ASSERT_EQ(left.size(), 1);
    EXPECT_EQ(left[0].toObject().value(QStringLiteral("id")).toInteger(), kept);
    // The other answer's recording is no orphan.
    auto orphans = cli(words("takes orphans --json"));
    ASSERT_EQ(orphans.exitCode, 0) << orphans.err.toStdString();
    EXPECT_TRUE(QJsonDocument::fromJson(orphans.out.toUtf8()).array().isEmpty())
        << orphans.out.toStdString();
    EXPECT_EQ(cli(words("answers delete") + QStringList { QString::number(id) }).exitCode, 1);
}

TEST_F(AnswerCliTest, NonsenseArgumentsAreRefusedWithTheirReason)
{
    for (const char* bad : { "answers", "answers frobnicate", "answers delete", "answers delete x",
             "answers list extra", "answer", "answer --seconds 0",
             "answer --seconds 10 --zone nowhere", "answer --seconds 10 --card fun-003 --zone fun",
             "answer --seconds 10 --rating 9" }) {
        auto result = cli(words(bad));
        EXPECT_EQ(result.exitCode, 2) << bad << ": " << result.err.toStdString();
        EXPECT_FALSE(result.err.isEmpty()) << bad;
    }
    auto help = cli(words("answers --help"));
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_TRUE(help.out.contains(QStringLiteral("answers rate ID"))) << help.out.toStdString();
}

} // namespace
} // namespace rapport
