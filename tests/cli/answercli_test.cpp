// `rapport-cli answers` and `answer`'s command line, without a microphone: answers are stored
// through the repository, then listed, rated and deleted through the CLI.
#include "core/answers/answerrepository.h"
#include "core/storage/store.h"
#include "tests/support/cliprocess.h"
#include "tests/support/testtake.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <gtest/gtest.h>

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
