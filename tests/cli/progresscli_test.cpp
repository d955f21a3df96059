#include "core/answers/answerrepository.h"
#include "core/progress/isoweek.h"
#include "core/storage/store.h"
#include "tests/support/cliprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace rapport {
namespace {

class ProgressCliTest : public ::testing::Test
{
protected:
    test::ProcessResult cli(const QStringList& args) { return test::runCli(args, m_dir.path()); }
    void conversation(const QDate& day)
    {
        ASSERT_EQ(cli({ QStringLiteral("conversations"), QStringLiteral("add"),
                          QStringLiteral("--rating"), QStringLiteral("4"), QStringLiteral("--date"),
                          day.toString(Qt::ISODate) })
                      .exitCode,
            0);
    }
    QTemporaryDir m_dir;
};

TEST_F(ProgressCliTest, WeeksAreIsoKeysWithTheDocumentedFieldsAndGoal)
{
    const QDate today = QDate::currentDate();
    ASSERT_EQ(
        cli({ QStringLiteral("progress"), QStringLiteral("--set-goal"), QStringLiteral("0,1") })
            .exitCode,
        0);
    conversation(today);
    conversation(today.addDays(-7));
    ASSERT_EQ(
        cli({ QStringLiteral("draw"), QStringLiteral("--count"), QStringLiteral("4") }).exitCode,
        0);

    auto result = cli({ QStringLiteral("progress"), QStringLiteral("--weeks"), QStringLiteral("3"),
        QStringLiteral("--json") });
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    const QJsonArray weeks = QJsonDocument::fromJson(result.out.toUtf8()).array();
    ASSERT_EQ(weeks.size(), 3);
    for (const QJsonValue& value : weeks) {
        const QJsonObject week = value.toObject();
        for (const char* key :
            { "week", "takes", "minutes", "cards_drawn", "conversations", "avg_self_rating",
                "on_target_ratio", "avg_wpm", "fillers_per_minute", "script_coverage", "answers",
                "avg_first_word_s", "answer_fillers_per_minute", "avg_answer_rating", "goal_met" })
            EXPECT_TRUE(week.contains(QLatin1String(key))) << key;
        EXPECT_EQ(week.size(), 15);
    }
    const QJsonObject thisWeek = weeks[2].toObject();
    EXPECT_EQ(thisWeek.value(QStringLiteral("week")).toString(),
        progress::IsoWeek::containing(today).key());
    EXPECT_EQ(thisWeek.value(QStringLiteral("cards_drawn")).toInt(), 4);
    EXPECT_EQ(thisWeek.value(QStringLiteral("conversations")).toInt(), 1);
    EXPECT_TRUE(thisWeek.value(QStringLiteral("goal_met")).toBool());
    EXPECT_TRUE(weeks[1].toObject().value(QStringLiteral("goal_met")).toBool());
    EXPECT_FALSE(weeks[0].toObject().value(QStringLiteral("goal_met")).toBool());
    EXPECT_TRUE(thisWeek.value(QStringLiteral("avg_self_rating")).isNull());
    EXPECT_EQ(thisWeek.value(QStringLiteral("answers")).toInt(), 0);
    EXPECT_TRUE(thisWeek.value(QStringLiteral("avg_first_word_s")).isNull());

    auto text = cli({ QStringLiteral("progress"), QStringLiteral("--weeks"), QStringLiteral("3") });
    EXPECT_TRUE(text.out.contains(QStringLiteral("Streak: 2 weeks"))) << text.out.toStdString();
    EXPECT_TRUE(text.out.contains(QStringLiteral("Weekly goal: 0 takes and 1 conversation.")));
}

TEST_F(ProgressCliTest, AnswersToCardsAreCountedWithTheTimeToTheirFirstWord)
{
    {
        Result<storage::Store> store = storage::openStore(m_dir.path());
        ASSERT_TRUE(store.ok());
        answers::AnswerRepository repository(*store->database);
        for (double firstWordS : { 1.25, 3.75 }) {
            answers::Answer a;
            a.card = { QStringLiteral("rapport.small-talk"), QStringLiteral("small-talk-001"),
                decks::Zone::SmallTalk, QStringLiteral("How was your weekend?") };
            a.startedAt = QDateTime::currentDateTimeUtc();
            a.lights = answers::defaultAnswerLights();
            a.report.durationS = 40;
            a.report.speechStartS = firstWordS;
            a.report.speakingTimeS = 30;
            a.rating.overall = firstWordS < 2 ? 5 : 2;
            a.rating.ratedAt = a.startedAt;
            ASSERT_TRUE(repository.add(a).ok());
        }
    }
    auto result = cli({ QStringLiteral("progress"), QStringLiteral("--weeks"), QStringLiteral("2"),
        QStringLiteral("--json") });
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    const QJsonArray weeks = QJsonDocument::fromJson(result.out.toUtf8()).array();
    ASSERT_EQ(weeks.size(), 2);
    const QJsonObject thisWeek = weeks[1].toObject();
    EXPECT_EQ(thisWeek.value(QStringLiteral("answers")).toInt(), 2);
    EXPECT_DOUBLE_EQ(thisWeek.value(QStringLiteral("avg_first_word_s")).toDouble(), 2.5);
    EXPECT_DOUBLE_EQ(thisWeek.value(QStringLiteral("avg_answer_rating")).toDouble(), 3.5);
    EXPECT_TRUE(thisWeek.value(QStringLiteral("answer_fillers_per_minute")).isNull()); // unheard
    EXPECT_EQ(thisWeek.value(QStringLiteral("takes")).toInt(), 0);
    EXPECT_EQ(weeks[0].toObject().value(QStringLiteral("answers")).toInt(), 0);

    auto text = cli({ QStringLiteral("progress"), QStringLiteral("--weeks"), QStringLiteral("2") });
    ASSERT_EQ(text.exitCode, 0) << text.err.toStdString();
    EXPECT_TRUE(text.out.contains(QStringLiteral("answers  first word"))) << text.out.toStdString();
    EXPECT_TRUE(text.out.contains(QStringLiteral("        2       2.5 s")))
        << text.out.toStdString();
}

TEST_F(ProgressCliTest, NonsenseIsAUsageError)
{
    for (const char* args : { "progress --weeks 0", "progress --weeks x", "progress extra",
             "progress --set-goal 3", "progress --set-goal 0,0", "progress --set-goal -1,2" }) {
        auto result = cli(QString::fromLatin1(args).split(QLatin1Char(' ')));
        EXPECT_EQ(result.exitCode, 2) << args;
        EXPECT_FALSE(result.err.isEmpty()) << args;
    }
}

} // namespace
} // namespace rapport
