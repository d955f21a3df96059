#include "tests/support/cliprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace rapport {
namespace {

class PitchCliTest : public ::testing::Test
{
protected:
    test::ProcessResult cli(const QStringList& args) { return test::runCli(args, m_dir.path()); }
    QTemporaryDir m_dir;
};

QStringList words(const char* text)
{
    return QString::fromUtf8(text).split(QLatin1Char(' '));
}

TEST_F(PitchCliTest, AddedPitchIsListedAndShownWithItsWindowAndEstimate)
{
    auto added = cli({ QStringLiteral("pitches"), QStringLiteral("add"), QStringLiteral("--title"),
        QStringLiteral("Team intro"), QStringLiteral("--target"), QStringLiteral("30"),
        QStringLiteral("--text"),
        QStringLiteral("We help small schools share great teachers, and it's working.") });
    ASSERT_EQ(added.exitCode, 0) << added.err.toStdString();
    EXPECT_TRUE(added.out.contains(QStringLiteral("10 words")));

    auto list = cli(words("pitches list --json"));
    ASSERT_EQ(list.exitCode, 0);
    const QJsonArray all = QJsonDocument::fromJson(list.out.toUtf8()).array();
    ASSERT_EQ(all.size(), 1);
    const QJsonObject pitch = all[0].toObject();
    EXPECT_EQ(pitch.value(QStringLiteral("title")).toString(), QStringLiteral("Team intro"));
    EXPECT_EQ(pitch.value(QStringLiteral("target_s")).toDouble(), 30.0);
    EXPECT_EQ(pitch.value(QStringLiteral("green_s")).toDouble(), 25.0);
    EXPECT_EQ(pitch.value(QStringLiteral("yellow_s")).toDouble(), 27.0);
    EXPECT_EQ(pitch.value(QStringLiteral("red_s")).toDouble(), 30.0);
    EXPECT_EQ(pitch.value(QStringLiteral("words")).toInt(), 10);
    EXPECT_EQ(pitch.value(QStringLiteral("takes")).toInt(), 0);
    EXPECT_FALSE(pitch.value(QStringLiteral("keep_it_fresh")).toBool());

    auto show = cli(words("pitches show team"));
    ASSERT_EQ(show.exitCode, 0) << show.err.toStdString();
    // 10 words: 4.6 s at 130 wpm, 3.75 s at 160 wpm.
    EXPECT_TRUE(show.out.contains(QStringLiteral("0:04 at 130 wpm, 0:03 at 160 wpm")))
        << show.out.toStdString();
    EXPECT_TRUE(show.out.contains(QStringLiteral("green 0:25, yellow 0:27, red 0:30")));
}

TEST_F(PitchCliTest, CustomLightsMustComeOnInOrder)
{
    auto ok = cli(words("pitches add --title A --target 60 --green 40 --yellow 50 --red 60"));
    EXPECT_EQ(ok.exitCode, 0) << ok.err.toStdString();
    auto bad = cli(words("pitches add --title B --green 50 --yellow 40 --red 60"));
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_TRUE(bad.err.contains(QStringLiteral("in order")));
    auto partial = cli(words("pitches add --title C --green 50"));
    EXPECT_EQ(partial.exitCode, 2);
    auto list = cli(words("pitches list --json"));
    EXPECT_EQ(QJsonDocument::fromJson(list.out.toUtf8()).array().size(), 1);
}

TEST_F(PitchCliTest, NonsenseArgumentsAreUsageErrors)
{
    EXPECT_EQ(cli(words("pitches")).exitCode, 2);
    EXPECT_EQ(cli(words("pitches add")).exitCode, 2);
    EXPECT_EQ(cli(words("pitches add --title A --target 0")).exitCode, 2);
    EXPECT_EQ(cli(words("pitches add --title A --target abc")).exitCode, 2);
    EXPECT_EQ(cli(words("pitches show")).exitCode, 2);
    EXPECT_EQ(cli(words("pitches list extra")).exitCode, 2);
    auto missing = cli(words("pitches show 42"));
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_TRUE(missing.err.contains(QStringLiteral("No pitch")));
    auto unreadable = cli(words("pitches add --title A --text-file /nonexistent/script.txt"));
    EXPECT_EQ(unreadable.exitCode, 3);
    EXPECT_TRUE(unreadable.err.contains(QStringLiteral("/nonexistent/script.txt")));
}

TEST_F(PitchCliTest, EmptyListSaysHowToStart)
{
    auto list = cli(words("pitches list"));
    EXPECT_EQ(list.exitCode, 0);
    EXPECT_TRUE(list.out.contains(QStringLiteral("pitches add")));
}

} // namespace
} // namespace rapport
