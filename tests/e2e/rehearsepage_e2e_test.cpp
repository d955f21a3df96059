// The Rehearse view end to end through a real sound server: speech played into a private
// PulseAudio server's virtual microphone is recorded by the view's default microphone source
// (QAudioSource), stored as a take and analysed. The truth is how the played file was built.
#include "app/audio/wavplayer.h"
#include "app/gui/cards/answerpanel.h"
#include "app/gui/cards/cardspage.h"
#include "app/gui/rehearse/rehearsepage.h"
#include "app/gui/rehearse/selfratingpanel.h"
#include "app/gui/rehearse/takereportview.h"
#include "app/gui/rehearse/taketimeline.h"
#include "app/gui/shell/mainwindow.h"
#include "app/gui/widgets/theme.h"
#include "core/answers/answerrepository.h"
#include "tests/support/speechfixture.h"
#include "tests/support/virtualmic.h"
#include "tests/support/widgetlookup.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>
#include <gtest/gtest.h>
#include <iostream>

namespace rapport::gui {
namespace {

using test::FixtureTake;
using test::SpeechFixture;
using test::TakeSpec;

// One private sound server for the suite: Qt Multimedia connects to the server named in the
// environment when it first records, and keeps that connection for the rest of the program.
class RehearsePageE2eTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_mic = std::make_unique<test::VirtualMic>();
        if (!s_mic->start())
            return;
        const QProcessEnvironment env = s_mic->environment();
        for (const char* name : { "XDG_RUNTIME_DIR", "HOME", "PULSE_SERVER" })
            qputenv(name, env.value(QString::fromLatin1(name)).toLocal8Bit());
    }
    static void TearDownTestSuite() { s_mic.reset(); }
    void SetUp() override { ASSERT_GT(s_mic->pid(), 0) << s_mic->error().toStdString(); }

    static std::unique_ptr<test::VirtualMic> s_mic;
};

std::unique_ptr<test::VirtualMic> RehearsePageE2eTest::s_mic;

TEST_F(RehearsePageE2eTest, ATakeFromTheMicrophoneIsStoredWithTheSpeakingTimeOfThePlayedSpeech)
{
    const QString missing = SpeechFixture::missingTools();
    ASSERT_TRUE(missing.isEmpty()) << missing.toStdString();
    QTemporaryDir dir;
    test::VirtualMic& mic = *s_mic;

    SpeechFixture fixture(dir.path());
    TakeSpec spec;
    spec.leadingS = 1.0;
    spec.trailingS = 1.0;
    spec.utterances = { { QStringLiteral("Hello, I am Sam. I help rural schools share great "
                                         "teachers over video.") } };
    const std::optional<FixtureTake> played = fixture.build(QStringLiteral("gui-played"), spec);
    ASSERT_TRUE(played) << fixture.error().toStdString();

    auto store = storage::openStore(dir.filePath(QStringLiteral("data")));
    ASSERT_TRUE(store.ok());
    rehearsal::Pitch pitch;
    pitch.title = QStringLiteral("Intro");
    pitch.text = spec.utterances.front().text; // the script the teleprompter follows
    pitch.targetMs = 30'000;
    pitch.lights = rehearsal::defaultLightsFor(30'000);
    ASSERT_TRUE(rehearsal::PitchRepository(*store->database)
                    .add(pitch, QDateTime::currentDateTimeUtc())
                    .ok());

    RehearsePage page(*store); // the default source: the system's microphone
    speech::WordListener listener; // the installed speech model, as the window has
    page.setWordListener(&listener);
    page.resize(1024, 700);
    page.show();
    page.startOrStop();
    ASSERT_EQ(page.stage(), RehearsePage::Stage::Recording) << page.statusText().toStdString();
    ASSERT_TRUE(page.statusText().contains(QStringLiteral("VirtualMic")))
        << page.statusText().toStdString();
    ASSERT_TRUE(QTest::qWaitFor([&] { return page.recordedFrames() > 0; }, 15'000))
        << "no audio reached the view";
    ASSERT_TRUE(mic.play(played->path)) << mic.error().toStdString();
    // Keep the event loop running (the view receives audio on it) while the file plays, and
    // watch the teleprompter follow the voice.
    int furthestSentence = -1;
    QElapsedTimer playing;
    playing.start();
    const qint64 playMs = static_cast<qint64>(played->durationS * 1000) + 800;
    const QString shots = qEnvironmentVariable("RAPPORT_SCREENSHOT_DIR");
    while (playing.elapsed() < playMs) {
        QTest::qWait(50);
        if (page.teleprompterSentence() > furthestSentence) {
            furthestSentence = page.teleprompterSentence();
            if (!shots.isEmpty())
                page.grab().save(QDir(shots).filePath(
                    QStringLiteral("teleprompter-%1.png").arg(furthestSentence)));
        }
    }
    ASSERT_TRUE(mic.waitForPlayback(10'000)) << mic.error().toStdString();
    QTest::qWait(300);
    page.startOrStop();
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return page.stage() == RehearsePage::Stage::Rating; }, 10'000));
    test::onlyChild<SelfRatingPanel>(&page)->overallButton(3)->click();
    ASSERT_TRUE(test::onlyChild<SelfRatingPanel>(&page)->submit());

    // The words, heard while the take recorded, fill the report in within a second or so.
    ASSERT_TRUE(QTest::qWaitFor([&] { return !page.report().isListening(); }, 10'000));
    EXPECT_TRUE(page.report().wordsStatusText().isEmpty())
        << page.report().wordsStatusText().toStdString();
    std::cout << "[ figures  ] GUI take: heard \"" << page.report().transcriptText().toStdString()
              << "\"; teleprompter reached sentence " << furthestSentence << " of 2\n";
    EXPECT_GE(furthestSentence, 0) << "the teleprompter never followed the voice";
    EXPECT_GE(page.report().transcriptText().split(QLatin1Char(' ')).size(), 8);

    auto takes = rehearsal::TakeRepository(*store->database).list();
    ASSERT_TRUE(takes.ok());
    ASSERT_EQ(takes->size(), 1);
    const rehearsal::Take& take = takes->first();
    ASSERT_TRUE(take.words);
    ASSERT_TRUE(take.words->script);
    EXPECT_EQ(take.rating.overall, 3);
    EXPECT_TRUE(QFile::exists(take.audioPath));
    ASSERT_TRUE(take.report.speakingTimeS);
    const double truthS = played->speakingTimeS();
    std::cout << "[ figures  ] GUI take: speech in played file " << truthS * 1000.0
              << " ms, stored speaking time " << *take.report.speakingTimeS * 1000.0
              << " ms, error " << (*take.report.speakingTimeS - truthS) * 1000.0 << " ms\n";
    EXPECT_NEAR(*take.report.speakingTimeS, truthS, 0.150);

    // Playback you can see: Play moves a playhead along the timeline with the elapsed time, Stop
    // ends it, and a click on the timeline plays from that point.
    auto* play = test::widgetNamed<QPushButton>(&page, QStringLiteral("Play the take"));
    ASSERT_NE(play, nullptr);
    ASSERT_TRUE(play->isEnabled());
    TakeTimeline* timeline = page.report().timeline();
    EXPECT_FALSE(timeline->playhead());
    play->click();
    ASSERT_EQ(page.player().state(), audio::WavPlayer::State::Playing);
    EXPECT_EQ(play->text(), QStringLiteral("■ &Stop"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return timeline->playhead().value_or(0.0) > 0.5; }, 5'000))
        << "the playhead did not move";
    const double early = *timeline->playhead();
    QTest::qWait(400);
    ASSERT_TRUE(timeline->playhead());
    EXPECT_GT(*timeline->playhead(), early) << "the playhead stood still";
    EXPECT_TRUE(page.playbackText().contains(QStringLiteral(" / 0:0")))
        << page.playbackText().toStdString();
    play->click(); // Stop
    EXPECT_EQ(page.player().state(), audio::WavPlayer::State::Stopped);
    EXPECT_FALSE(timeline->playhead());
    EXPECT_TRUE(page.playbackText().isEmpty());
    EXPECT_EQ(play->text(), QStringLiteral("▶ &Play"));

    const double fromS = 0.6 * take.report.durationS;
    const QPoint at(static_cast<int>(timeline->xFor(fromS, timeline->width())),
        timeline->segmentRects(timeline->width()).front().center().toPoint().y());
    QTest::mouseClick(timeline, Qt::LeftButton, {}, at);
    ASSERT_EQ(page.player().state(), audio::WavPlayer::State::Playing);
    EXPECT_GE(page.player().positionMs(), static_cast<qint64>((fromS - 0.2) * 1000.0));
    ASSERT_TRUE(timeline->playhead());
    EXPECT_GE(*timeline->playhead(), fromS - 0.2);
    if (!shots.isEmpty()) {
        QTest::qWait(300);
        page.grab().save(QDir(shots).filePath(QStringLiteral("playback.png")));
    }
    page.stopPlayback();
}

// Closing the window while an answer records from the microphone stops it and stores it: the
// microphone hands over its last block after stop(), asynchronously, and the window waits.
TEST_F(RehearsePageE2eTest, ClosingTheWindowWhileAnAnswerRecordsKeepsTheAnswer)
{
    QTemporaryDir dir;
    auto store = storage::openStore(dir.filePath(QStringLiteral("data")));
    ASSERT_TRUE(store.ok());
    QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    settings.setValue(QStringLiteral("words/hear"), false);
    ThemeManager theme(*qApp);
    auto window = std::make_unique<MainWindow>(*store, theme, settings);
    window->show();
    window->showSection(MainWindow::Section::Cards);
    auto* cards = qobject_cast<CardsPage*>(window->pages()->currentWidget());
    ASSERT_NE(cards, nullptr);
    cards->drawNext();
    AnswerPanel* panel = cards->answerPanel();
    panel->startOrStop();
    ASSERT_EQ(panel->stage(), AnswerPanel::Stage::Recording) << panel->statusText().toStdString();
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return panel->clockText() == QStringLiteral("0:01"); }, 15'000))
        << "no audio reached the answer";
    QElapsedTimer closing;
    closing.start();
    EXPECT_TRUE(window->close());
    const qint64 closeMs = closing.elapsed();
    auto answers = answers::AnswerRepository(*store->database).list();
    ASSERT_TRUE(answers.ok());
    ASSERT_EQ(answers->size(), 1) << "the answer recording was not stored on close";
    EXPECT_GE(answers->first().report.durationS, 1.0);
    EXPECT_TRUE(QFile::exists(answers->first().audioPath));
    rehearsal::TakeRepository takes(*store->database);
    auto orphans = rehearsal::Recordings(store->paths, takes).orphans();
    ASSERT_TRUE(orphans.ok());
    EXPECT_TRUE(orphans->isEmpty());
    std::cout << "[ figures  ] closing the window stored a " << answers->first().report.durationS
              << " s answer in " << closeMs << " ms\n";
    window.reset();
}

} // namespace
} // namespace rapport::gui
