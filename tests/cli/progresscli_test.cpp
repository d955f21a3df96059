#include "core/progress/isoweek.h"
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
                "on_target_ratio", "avg_wpm", "fillers_per_minute", "script_coverage", "goal_met" })
            EXPECT_TRUE(week.contains(QLatin1String(key))) << key;
        EXPECT_EQ(week.size(), 11);
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

    auto text = cli({ QStringLiteral("progress"), QStringLiteral("--weeks"), QStringLiteral("3") });
    EXPECT_TRUE(text.out.contains(QStringLiteral("Streak: 2 weeks"))) << text.out.toStdString();
    EXPECT_TRUE(text.out.contains(QStringLiteral("Weekly goal: 0 takes and 1 conversation.")));
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
