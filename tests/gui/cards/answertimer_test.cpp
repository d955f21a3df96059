#include "app/gui/cards/answertimer.h"
#include "core/answers/answerwindow.h"
#include "core/storage/store.h"

#include <QSettings>
#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace rapport::gui {
namespace {

using rehearsal::Light;

struct FakeTime
{
    qint64 nowMs = 1'000'000;
    std::function<qint64()> source()
    {
        return [this] { return nowMs; };
    }
};

TEST(AnswerTimerTest, LightsChangeAtTableTopicsTimes)
{
    FakeTime time;
    AnswerTimer timer(nullptr);
    timer.setTimeSource(time.source());
    EXPECT_EQ(timer.clockText(), QStringLiteral("0:00"));
    EXPECT_EQ(timer.light(), Light::None);
    timer.start();
    time.nowMs += 59'000;
    timer.refresh();
    EXPECT_EQ(timer.light(), Light::None);
    EXPECT_EQ(timer.clockText(), QStringLiteral("0:59"));
    time.nowMs += 1'000;
    timer.refresh();
    EXPECT_EQ(timer.light(), Light::Green);
    EXPECT_TRUE(timer.lightText().startsWith(QStringLiteral("Green")));
    time.nowMs += 30'000;
    timer.refresh();
    EXPECT_EQ(timer.light(), Light::Yellow);
    time.nowMs += 30'000;
    timer.refresh();
    EXPECT_EQ(timer.light(), Light::Red);
    EXPECT_EQ(timer.clockText(), QStringLiteral("2:00"));
}

TEST(AnswerTimerTest, StoppingFreezesTheClockAndStartingAgainContinues)
{
    FakeTime time;
    AnswerTimer timer(nullptr);
    timer.setTimeSource(time.source());
    timer.start();
    time.nowMs += 10'000;
    timer.stop();
    time.nowMs += 50'000;
    EXPECT_EQ(timer.elapsedMs(), 10'000);
    timer.toggle();
    EXPECT_TRUE(timer.isRunning());
    time.nowMs += 5'000;
    EXPECT_EQ(timer.elapsedMs(), 15'000);
    timer.reset();
    EXPECT_FALSE(timer.isRunning());
    EXPECT_EQ(timer.elapsedMs(), 0);
}

TEST(AnswerTimerTest, CustomTimesAreUsedAndRemembered)
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    rehearsal::LightTimes custom = rehearsal::LightTimes::tableTopics();
    custom.greenMs = 30'000;
    custom.yellowMs = 45'000;
    custom.redMs = 60'000;
    {
        AnswerTimer timer(&settings);
        timer.setTimes(custom);
        rehearsal::LightTimes invalid = custom;
        invalid.yellowMs = 10'000;
        timer.setTimes(invalid);
        EXPECT_EQ(timer.times(), custom);
    }
    FakeTime time;
    AnswerTimer timer(&settings);
    EXPECT_EQ(timer.times(), custom);
    timer.setTimeSource(time.source());
    timer.start();
    time.nowMs += 46'000;
    EXPECT_EQ(timer.light(), Light::Yellow);
}

// Kept with the data (where rapport-cli answer reads them); times an earlier Rapport kept in the
// settings move there once.
TEST(AnswerTimerTest, TimesAreKeptWithTheDataAndOldSettingsMoveThere)
{
    QTemporaryDir dir;
    auto store = storage::openStore(dir.filePath(QStringLiteral("data")));
    ASSERT_TRUE(store.ok());
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    rehearsal::LightTimes custom = rehearsal::LightTimes::tableTopics();
    custom.greenMs = 30'000;
    custom.yellowMs = 45'000;
    custom.redMs = 60'000;
    {
        AnswerTimer old(&settings); // an earlier Rapport: the settings only
        old.setTimes(custom);
    }
    {
        AnswerTimer timer(&settings);
        timer.keepTimesIn(store->database.get());
        EXPECT_EQ(timer.times(), custom);
        EXPECT_EQ(*answers::loadAnswerLights(*store->database),
            rehearsal::LightTimes::pitch(30'000, 45'000, 60'000));
        custom.redMs = 75'000;
        timer.setTimes(custom);
    }
    EXPECT_EQ(*answers::loadAnswerLights(*store->database),
        rehearsal::LightTimes::pitch(30'000, 45'000, 75'000));
    // A new timer reads them from the data, whatever the settings hold.
    AnswerTimer fresh(nullptr);
    fresh.keepTimesIn(store->database.get());
    EXPECT_EQ(fresh.times().redMs, 75'000);
    EXPECT_EQ(fresh.times().greenMs, 30'000);
}

} // namespace
} // namespace rapport::gui
