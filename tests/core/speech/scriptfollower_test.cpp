// Following the speaker through the script for the teleprompter, from words heard so far.
#include "core/speech/scriptfollower.h"

#include <gtest/gtest.h>

namespace rapport::speech {
namespace {

const QString kScript = QStringLiteral(
    "Hi, I'm Sam and I teach data skills to nurses. The hospitals we work with spot trouble a "
    "day earlier. Last year we trained four hundred nurses in the north. So what I'd love from "
    "you is an introduction to the head of nursing at your hospital.");

QStringList words(const QString& text)
{
    return text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

TEST(ScriptFollowerTest, MovesSentenceBySentenceAsTheWordsCome)
{
    ScriptFollower follower(kScript);
    ASSERT_EQ(follower.sentences().size(), 4);
    EXPECT_EQ(follower.sentence(), -1);
    QString said = QStringLiteral("hi i'm sam");
    EXPECT_TRUE(follower.hear(words(said)));
    EXPECT_EQ(follower.sentence(), 0);
    said += QStringLiteral(" and i teach data skills to nurses the hospitals");
    EXPECT_TRUE(follower.hear(words(said)));
    EXPECT_EQ(follower.sentence(), 1);
    said += QStringLiteral(" we work with spot trouble a day earlier");
    EXPECT_FALSE(follower.hear(words(said))); // still the second
    said += QStringLiteral(" last year we trained");
    EXPECT_TRUE(follower.hear(words(said)));
    EXPECT_EQ(follower.sentence(), 2);
}

TEST(ScriptFollowerTest, ALoneCommonWordOrAHesitationDoesNotMoveIt)
{
    ScriptFollower follower(kScript);
    ASSERT_TRUE(follower.hear(words(QStringLiteral("hi i'm sam"))));
    // "the" and "you" come later in the script; said here among other words they mean nothing.
    EXPECT_FALSE(follower.hear(words(QStringLiteral("hi i'm sam um well you know the"))));
    EXPECT_EQ(follower.sentence(), 0);
    EXPECT_FALSE(follower.hear(words(QStringLiteral("hi i'm sam uh um"))));
    EXPECT_EQ(follower.sentence(), 0);
}

TEST(ScriptFollowerTest, FollowsASkippedSentenceAndAGoingBack)
{
    ScriptFollower follower(kScript);
    ASSERT_TRUE(follower.hear(words(QStringLiteral("hi i'm sam and i teach data skills"))));
    // Straight to the ask, over two sentences: a run of three words is enough.
    EXPECT_TRUE(follower.hear(
        words(QStringLiteral("hi i'm sam and i teach data skills so what i'd love from"))));
    EXPECT_EQ(follower.sentence(), 3);
    // ... then back for the figure forgotten.
    EXPECT_TRUE(follower.hear(words(QStringLiteral(
        "hi i'm sam and i teach data skills so what i'd love from last year we trained"))));
    EXPECT_EQ(follower.sentence(), 2);
}

TEST(ScriptFollowerTest, WhereWordsAreOffItMovesOnAtThePitchsPaceNeverBack)
{
    ScriptFollower follower(kScript);
    ASSERT_TRUE(follower.hear(words(QStringLiteral("hi i'm sam and i teach"))));
    EXPECT_TRUE(follower.found());
    // Nothing recognisable: the position holds.
    EXPECT_FALSE(follower.hear(words(QStringLiteral("hi i'm sam and i teach mm hm blur fog"))));
    EXPECT_EQ(follower.sentence(), 0);
    EXPECT_FALSE(follower.found());
    // 4 s after "teach" at 120 words a minute: the 8th word on, in the second sentence.
    EXPECT_TRUE(follower.pace(4.0, 120.0));
    EXPECT_EQ(follower.sentence(), 1);
    EXPECT_FALSE(follower.pace(2.0, 120.0)); // never back
    EXPECT_EQ(follower.sentence(), 1);
    EXPECT_TRUE(follower.pace(600.0, 120.0)); // never past the end
    EXPECT_EQ(follower.sentence(), 3);
}

TEST(ScriptFollowerTest, NoScriptNothingToFollow)
{
    ScriptFollower follower(QString {});
    EXPECT_TRUE(follower.sentences().isEmpty());
    EXPECT_FALSE(follower.hear(words(QStringLiteral("hello there"))));
    EXPECT_FALSE(follower.pace(10.0, 150.0));
    EXPECT_EQ(follower.sentence(), -1);
}

} // namespace
} // namespace rapport::speech
