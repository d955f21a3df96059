#include "app/gui/pitches/pitchespage.h"
#include "tests/support/fixedclock.h"
#include "tests/support/widgetlookup.h"

#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <gtest/gtest.h>

namespace rapport::gui {
namespace {

class PitchesPageTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        auto store = storage::openStore(m_dir.path());
        ASSERT_TRUE(store.ok());
        m_store = std::make_unique<storage::Store>(std::move(*store));
    }
    QTemporaryDir m_dir;
    std::unique_ptr<storage::Store> m_store;
    test::FixedClock m_clock;
};

TEST_F(PitchesPageTest, NewPitchStartsFromTheOutlineAndSavesWhatWasTyped)
{
    PitchesPage page(*m_store, &m_clock);
    EXPECT_EQ(page.pitchList()->count(), 0);
    page.newPitch();
    EXPECT_EQ(page.scriptEdit()->toPlainText(), rehearsal::pitchOutline());
    EXPECT_FALSE(page.save()); // no title yet
    EXPECT_TRUE(page.problemText().contains(QStringLiteral("title")));

    QTest::keyClicks(page.titleEdit(), QStringLiteral("Director intro"));
    page.scriptEdit()->setPlainText(QStringLiteral("We help small schools share teachers."));
    page.targetChoice()->setCurrentIndex(page.targetChoice()->findData(30'000));
    ASSERT_TRUE(page.save()) << page.problemText().toStdString();
    ASSERT_EQ(page.pitchList()->count(), 1);

    rehearsal::PitchRepository repository(*m_store->database);
    const rehearsal::Pitch stored = *repository.get(page.currentPitchId());
    EXPECT_EQ(stored.title, QStringLiteral("Director intro"));
    EXPECT_EQ(stored.text, QStringLiteral("We help small schools share teachers."));
    EXPECT_EQ(stored.targetMs, 30'000);
    EXPECT_EQ(stored.lights, rehearsal::defaultLightsFor(30'000));
}

TEST_F(PitchesPageTest, StatsFollowTheTextAsItIsTyped)
{
    PitchesPage page(*m_store, &m_clock);
    page.newPitch();
    page.scriptEdit()->clear();
    QTest::keyClicks(page.scriptEdit(), QStringLiteral("one two three four five six seven eight"));
    // 8 words: 3.69 s at 130 wpm, 3.0 s at 160 wpm.
    EXPECT_TRUE(page.statsText().startsWith(QStringLiteral("8 words · 0:03 at 130 wpm, 0:03")))
        << page.statsText().toStdString();
    EXPECT_TRUE(page.statsText().endsWith(QStringLiteral(
        " · At 130 wpm it is 0:47 short of green; at 160 wpm it is 0:47 short of green")))
        << page.statsText().toStdString();
    // 200 words: 1:32 at 130 wpm, 1:15 at 160 wpm (whole seconds, as shown), against the default
    // window 0:50-1:00.
    page.scriptEdit()->setPlainText(QString(QStringLiteral("word ")).repeated(200));
    EXPECT_TRUE(page.statsText().endsWith(QStringLiteral(" · At 130 wpm it runs 0:32 over the red "
                                                         "light; at 160 wpm it runs 0:15 over "
                                                         "the red light")))
        << page.statsText().toStdString();
}

// "Fits" only when the estimate at both paces is inside the window; otherwise the pace that
// misses is named.
TEST_F(PitchesPageTest, FitsTheWindowOnlyWhenBothPacesDo)
{
    PitchesPage page(*m_store, &m_clock);
    page.newPitch(); // a minute: green 0:50, red 1:00
    // 130 words: 1:00 at 130 wpm fits, 0:48 at 160 wpm is short.
    page.scriptEdit()->setPlainText(QString(QStringLiteral("word ")).repeated(130));
    EXPECT_FALSE(page.statsText().contains(QStringLiteral("fits")))
        << page.statsText().toStdString();
    EXPECT_TRUE(
        page.statsText().endsWith(QStringLiteral(" · At 160 wpm it is 0:02 short of green")))
        << page.statsText().toStdString();
    // 140 words: 1:04 at 130 wpm runs over (by 0:04, as the figures read), 0:52 at 160 wpm
    // fits.
    page.scriptEdit()->setPlainText(QString(QStringLiteral("word ")).repeated(140));
    EXPECT_TRUE(
        page.statsText().endsWith(QStringLiteral(" · At 130 wpm it runs 0:04 over the red light")))
        << page.statsText().toStdString();
    if (const QString dir = qEnvironmentVariable("RAPPORT_SCREENSHOT_DIR"); !dir.isEmpty()) {
        page.resize(800, 560); // the page in a 980-pixel window, beside the sections
        page.grab().save(QDir(dir).filePath(QStringLiteral("pitch-estimate.png")));
    }
    // A wider window, green at 0:40: 120 words (0:55 and 0:45) fit at both paces.
    test::widgetNamed<QSpinBox>(&page, QStringLiteral("Green light"))->setValue(40);
    page.scriptEdit()->setPlainText(QString(QStringLiteral("word ")).repeated(120));
    EXPECT_TRUE(page.statsText().endsWith(QStringLiteral(" · fits the window at both paces")))
        << page.statsText().toStdString();
}

TEST_F(PitchesPageTest, CustomTargetAndStaleMarker)
{
    rehearsal::PitchRepository repository(*m_store->database);
    rehearsal::Pitch old;
    old.title = QStringLiteral("Old pitch");
    ASSERT_TRUE(repository.add(old, m_clock.nowUtc().addDays(-20)).ok());
    PitchesPage page(*m_store, &m_clock);
    ASSERT_EQ(page.pitchList()->count(), 1);
    EXPECT_TRUE(page.pitchList()->item(0)->text().contains(QStringLiteral("keep it fresh")));

    page.targetChoice()->setCurrentIndex(page.targetChoice()->findData(-1));
    page.customTarget()->setValue(45);
    ASSERT_TRUE(page.save());
    EXPECT_EQ(repository.get(page.currentPitchId())->targetMs, 45'000);
    EXPECT_FALSE(page.pitchList()->item(0)->text().contains(QStringLiteral("keep it fresh")));
}

TEST_F(PitchesPageTest, DuplicateAndDelete)
{
    PitchesPage page(*m_store, &m_clock);
    page.newPitch();
    page.titleEdit()->setText(QStringLiteral("A"));
    ASSERT_TRUE(page.save());
    const qint64 first = page.currentPitchId();
    page.duplicateCurrent();
    EXPECT_EQ(page.pitchList()->count(), 2);
    EXPECT_NE(page.currentPitchId(), first);
    EXPECT_EQ(page.titleEdit()->text(), QStringLiteral("A (copy)"));
    ASSERT_TRUE(page.deletePitch(page.currentPitchId()));
    EXPECT_EQ(page.pitchList()->count(), 1);
}

} // namespace
} // namespace rapport::gui
