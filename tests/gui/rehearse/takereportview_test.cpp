#include "app/gui/rehearse/takereportview.h"
#include "app/gui/rehearse/taketimeline.h"
#include "core/analysis/reportjson.h"
#include "core/coaching/advice.h"
#include "core/rehearsal/take.h"

#include <QLabel>
#include <gtest/gtest.h>

namespace rapport::gui {
namespace {

const rehearsal::LightTimes kWindow = rehearsal::LightTimes::forWindow(50'000, 60'000);

// A plain, healthy take whose speaking time the test chooses.
analysis::TakeReport take(double speakingS)
{
    analysis::TakeReport report;
    report.durationS = speakingS + 2.0;
    report.speechStartS = 1.0;
    report.speechEndS = 1.0 + speakingS;
    report.speakingTimeS = speakingS;
    report.pauses = { { 10.0, 11.44 }, { 20.0, 20.5 }, { 30.0, 30.4 } };
    report.pauseCount = 3;
    report.longestPauseS = 1.44;
    report.wordsPerMinute = 142.3;
    report.pitchSdSemitones = 3.24;
    report.monotone = false;
    report.loudnessLufs = -18.46;
    report.peakDbfs = -3.2;
    report.clippedRatio = 0.0;
    return report;
}

TEST(TakeReportViewTest, SpeakingTimeIsJudgedAgainstTheWindow)
{
    TakeReportView view;
    view.setReport(take(45.0), kWindow);
    EXPECT_EQ(view.speakingTimeText(),
        QStringLiteral("0:45 — 5.0 s short of the green light (green 0:50 to red 1:00)"));
    view.setReport(take(52.0), kWindow);
    EXPECT_EQ(view.speakingTimeText(),
        QStringLiteral("0:52 — within the window (green 0:50 to red 1:00)"));
    view.setReport(take(63.5), kWindow);
    EXPECT_EQ(view.speakingTimeText(),
        QStringLiteral("1:03 — 3.5 s over the red light (green 0:50 to red 1:00)"));
    EXPECT_TRUE(view.warningText().isEmpty());
}

TEST(TakeReportViewTest, ShowsPausesPaceAndLoudness)
{
    TakeReportView view;
    view.setReport(take(52.0), kWindow);
    EXPECT_EQ(view.pausesText(), QStringLiteral("3 pauses, longest 1.4 s"));
    EXPECT_EQ(view.paceText(),
        QStringLiteral("about 142 words a minute — in the comfortable band (100–165)"));
    EXPECT_EQ(view.pitchText(), QStringLiteral("3.2 semitones of variation — lively enough"));
    EXPECT_EQ(view.loudnessText(), QStringLiteral("−18.5 LUFS, peak −3.2 dBFS"));
    EXPECT_EQ(view.timeline()->segmentRects(400).size(), 4);

    analysis::TakeReport one = take(52.0);
    one.pauses = { { 10.0, 10.8 } };
    one.pauseCount = 1;
    one.longestPauseS = 0.8;
    view.setReport(one, kWindow);
    EXPECT_EQ(view.pausesText(), QStringLiteral("1 pause, 0.8 s"));
    one.pauses.clear();
    one.pauseCount = 0;
    one.longestPauseS.reset();
    view.setReport(one, kWindow);
    EXPECT_EQ(view.pausesText(), QStringLiteral("No pauses"));
}

TEST(TakeReportViewTest, PaceIsPlacedAgainstTheComfortableBand)
{
    TakeReportView view;
    const std::pair<double, const char*> cases[]
        = { { 92.0, "relaxed" }, { 99.4, "relaxed" }, { 100.0, "in the comfortable band" },
              { 165.0, "in the comfortable band" }, { 165.6, "fast" }, { 181.0, "fast" } };
    for (const auto& [wpm, verdict] : cases) {
        analysis::TakeReport report = take(52.0);
        report.wordsPerMinute = wpm;
        view.setReport(report, kWindow);
        EXPECT_TRUE(view.paceText().contains(QStringLiteral(" — %1 (").arg(QLatin1String(verdict))))
            << wpm << " " << view.paceText().toStdString();
    }
}

TEST(TakeReportViewTest, AMonotoneTakeIsFlagged)
{
    TakeReportView view;
    analysis::TakeReport report = take(52.0);
    report.pitchSdSemitones = 1.4;
    report.monotone = true;
    view.setReport(report, kWindow);
    EXPECT_EQ(view.pitchText(),
        QStringLiteral("1.4 semitones of variation — monotone — vary your pitch"));
    report.monotone = false;
    report.pitchSdSemitones = 2.6;
    view.setReport(report, kWindow);
    EXPECT_FALSE(view.pitchText().contains(QStringLiteral("monotone")));
}

TEST(TakeReportViewTest, ClippingOrAHotPeakWarnsTooLoud)
{
    TakeReportView view;
    const QString tooLoud = QStringLiteral("Too loud — move back from the microphone");
    analysis::TakeReport report = take(52.0);
    report.clippedRatio = 0.002;
    report.peakDbfs = 0.0;
    view.setReport(report, kWindow);
    EXPECT_TRUE(view.warningText().contains(tooLoud)) << view.warningText().toStdString();
    EXPECT_TRUE(view.warningText().contains(QStringLiteral("0.2 % of the samples clipped")));

    report.clippedRatio = 0.0;
    report.peakDbfs = -0.5;
    view.setReport(report, kWindow);
    EXPECT_TRUE(view.warningText().contains(tooLoud));
    EXPECT_TRUE(view.warningText().contains(QStringLiteral("peak −0.5 dBFS")));

    // Just under both limits: no warning.
    report.clippedRatio = 0.0009;
    report.peakDbfs = -1.2;
    view.setReport(report, kWindow);
    EXPECT_TRUE(view.warningText().isEmpty()) << view.warningText().toStdString();
}

TEST(TakeReportViewTest, NoSpeechShowsDashesAndAsksToCheckTheMicrophone)
{
    analysis::TakeReport silent;
    silent.durationS = 6.0;
    silent.peakDbfs = -52.0;
    TakeReportView view;
    view.setReport(silent, kWindow);
    const QString dash = QStringLiteral("—");
    EXPECT_EQ(view.speakingTimeText(), dash);
    EXPECT_EQ(view.pausesText(), dash);
    EXPECT_EQ(view.paceText(), dash);
    EXPECT_EQ(view.pitchText(), dash);
    EXPECT_EQ(view.loudnessText(), QStringLiteral("—, peak −52.0 dBFS"));
    EXPECT_EQ(view.warningText(), QStringLiteral("No speech found — check the microphone."));
    EXPECT_TRUE(view.timeline()->summary().contains(QStringLiteral("no speech found")));
    EXPECT_TRUE(view.accessibleDescription().contains(QStringLiteral("No speech found")));
}

// The texts of the labels the view shows (not hidden inside it).
QStringList shownTexts(const TakeReportView& view)
{
    QStringList texts;
    for (const QLabel* label : view.findChildren<QLabel*>()) {
        if (label->isVisibleTo(&view))
            texts << label->text();
    }
    return texts;
}

bool shows(const TakeReportView& view, const QString& text)
{
    for (const QString& shown : shownTexts(view)) {
        if (shown.contains(text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

const analysis::Caveat kAllCaveats[] = { analysis::Caveat::Noisy, analysis::Caveat::TooNoisyForPace,
    analysis::Caveat::TooShortForPace, analysis::Caveat::Clipped };

TEST(TakeReportViewTest, CaveatsAreSaidNextToTheFiguresTheyConcern)
{
    analysis::TakeReport report = take(52.0);
    report.wordsPerMinute.reset(); // withheld: too noisy
    report.signalToNoiseDb = 4.6;
    report.clippedRatio = 0.004;
    report.caveats
        = { analysis::Caveat::Noisy, analysis::Caveat::TooNoisyForPace, analysis::Caveat::Clipped };
    TakeReportView view;
    view.setReport(report, kWindow);

    EXPECT_EQ(view.speechNoteText(),
        QStringLiteral("Noisy room: speaking time, pauses and pace are approximate."));
    EXPECT_EQ(view.paceText(),
        QStringLiteral("— too noisy to estimate the pace: record somewhere quieter or closer to "
                       "the microphone"));
    EXPECT_EQ(view.loudnessNoteText(),
        QStringLiteral("The recording clips: loudness and pitch are uncertain; move back from "
                       "the microphone or lower its gain."));
    EXPECT_EQ(view.backgroundText(), QStringLiteral("5 dB under your voice"));
    for (const analysis::Caveat caveat :
        { analysis::Caveat::Noisy, analysis::Caveat::TooNoisyForPace, analysis::Caveat::Clipped }) {
        EXPECT_TRUE(shows(view, analysis::caveatText(caveat)))
            << analysis::caveatKey(caveat).toStdString();
        EXPECT_TRUE(view.accessibleDescription().contains(analysis::caveatText(caveat)));
    }
    EXPECT_TRUE(shows(view, QStringLiteral("Background")));
    EXPECT_FALSE(shows(view, analysis::caveatText(analysis::Caveat::TooShortForPace)));

    // Too little speech: the pace says so, and nothing is said to be noisy.
    report.caveats = { analysis::Caveat::TooShortForPace };
    report.signalToNoiseDb = 31.2;
    view.setReport(report, kWindow);
    EXPECT_EQ(
        view.paceText(), QStringLiteral("— too little speech (under 3 s) to estimate the pace"));
    EXPECT_TRUE(view.speechNoteText().isEmpty());
    EXPECT_TRUE(view.loudnessNoteText().isEmpty());
    EXPECT_FALSE(shows(view, QStringLiteral("noisy")));
    EXPECT_EQ(view.backgroundText(), QStringLiteral("31 dB under your voice"));
}

TEST(TakeReportViewTest, WithoutCaveatsNoCaveatIsSaid)
{
    TakeReportView view;
    analysis::TakeReport report = take(52.0);
    report.signalToNoiseDb = 18.4;
    view.setReport(report, kWindow);
    for (const analysis::Caveat caveat : kAllCaveats) {
        EXPECT_FALSE(shows(view, analysis::caveatText(caveat)))
            << analysis::caveatKey(caveat).toStdString();
    }
    EXPECT_TRUE(view.speechNoteText().isEmpty());
    EXPECT_TRUE(view.loudnessNoteText().isEmpty());
    EXPECT_TRUE(view.paceText().startsWith(QStringLiteral("about 142 words a minute")));
    EXPECT_EQ(view.backgroundText(), QStringLiteral("18 dB under your voice"));
    EXPECT_TRUE(shows(view, QStringLiteral("18 dB under your voice")));

    // A take stored before the background was measured: no background row at all.
    report.signalToNoiseDb.reset();
    view.setReport(report, kWindow);
    EXPECT_TRUE(view.backgroundText().isEmpty());
    EXPECT_FALSE(shows(view, QStringLiteral("Background")));
    EXPECT_FALSE(shows(view, QStringLiteral("under your voice")));

    // A background as loud as the voice is not "0 dB under" it.
    report.signalToNoiseDb = -0.8;
    view.setReport(report, kWindow);
    EXPECT_EQ(view.backgroundText(), QStringLiteral("as loud as your voice"));
}

// The advice on `report` as a take timed against kWindow, after a take `previousS` long.
coaching::Coaching adviceOn(const analysis::TakeReport& report, double previousS)
{
    rehearsal::Take current;
    current.id = 2;
    current.lights = kWindow;
    current.report = report;
    rehearsal::Take previous = current;
    previous.id = 1;
    previous.report = take(previousS);
    previous.report.wordsPerMinute = report.wordsPerMinute;
    return coaching::coach(current, previous, std::nullopt);
}

TEST(TakeReportViewTest, AdviceLeadsWithTryNextAndSaysEachVerdictInWords)
{
    analysis::TakeReport report = take(73.0);
    report.wordsPerMinute = 185.0;
    TakeReportView view;
    view.setReport(report, kWindow);
    EXPECT_FALSE(shows(view, QStringLiteral("Try next")));
    view.setAdvice(adviceOn(report, 85.0));

    EXPECT_EQ(view.tryNextText(),
        QStringLiteral("1. Cut about 40 words (your pace is 185 wpm) — too long by 13 s\n"
                       "2. Slow down to about 150: pause after each point — too fast (185 wpm)"));
    EXPECT_TRUE(shows(view, QStringLiteral("Try next")));
    EXPECT_TRUE(shows(view, QStringLiteral("Cut about 40 words")));
    EXPECT_EQ(view.adviceText(coaching::Measure::Pace),
        QStringLiteral("Too fast (185 wpm) — slow down to about 150: pause after each point"));
    EXPECT_EQ(view.adviceText(coaching::Measure::Length),
        QStringLiteral("Too long by 13 s — cut about 40 words (your pace is 185 wpm)"));
    // The loudness is said in words; its figure stays, under them.
    EXPECT_EQ(view.adviceText(coaching::Measure::Loudness), QStringLiteral("Comfortable"));
    EXPECT_EQ(view.adviceText(coaching::Measure::Peak), QStringLiteral("Clean: no clipping"));
    EXPECT_TRUE(shows(view, QStringLiteral("Comfortable")));
    EXPECT_EQ(view.loudnessText(), QStringLiteral("−18.5 LUFS, peak −3.2 dBFS"));
    EXPECT_TRUE(shows(view, view.loudnessText()));
    EXPECT_EQ(view.adviceText(coaching::Measure::PitchVariation), QStringLiteral("Lively"));
    // The figure under a verdict does not say the verdict again.
    EXPECT_EQ(view.pitchText(), QStringLiteral("3.2 semitones of variation"));
    EXPECT_EQ(view.comparisonText(), QStringLiteral("12 s shorter than last time"));
    EXPECT_TRUE(shows(view, QStringLiteral("12 s shorter than last time")));
    // No words, so no advice on them.
    EXPECT_TRUE(view.adviceText(coaching::Measure::Fillers).isEmpty());
    EXPECT_TRUE(view.accessibleDescription().contains(QStringLiteral("Try next: 1. Cut about")));

    // A new report comes without advice.
    view.setReport(take(52.0), kWindow);
    EXPECT_TRUE(view.tryNextText().isEmpty());
    EXPECT_TRUE(view.adviceText(coaching::Measure::Pace).isEmpty());
    EXPECT_TRUE(view.comparisonText().isEmpty());
    EXPECT_FALSE(shows(view, QStringLiteral("Try next")));
    EXPECT_FALSE(shows(view, QStringLiteral("Clean: no clipping")));
    EXPECT_FALSE(view.accessibleDescription().contains(QStringLiteral("Try next")));
}

TEST(TakeReportViewTest, AGoodTakeHasNothingToTryNext)
{
    TakeReportView view;
    view.setReport(take(52.0), kWindow);
    view.setAdvice(adviceOn(take(52.0), 52.0));
    EXPECT_TRUE(view.tryNextText().isEmpty());
    EXPECT_FALSE(shows(view, QStringLiteral("Try next")));
    EXPECT_EQ(view.adviceText(coaching::Measure::Length), QStringLiteral("Inside the window"));
    EXPECT_EQ(view.comparisonText(), QStringLiteral("About as long as last time"));
}

TEST(TakeReportViewTest, ThePeaksAdviceTakesOverTheTooLoudWarning)
{
    analysis::TakeReport report = take(52.0);
    report.clippedRatio = 0.004;
    report.peakDbfs = 0.0;
    report.caveats = { analysis::Caveat::Clipped };
    TakeReportView view;
    view.setReport(report, kWindow);
    EXPECT_TRUE(view.warningText().contains(QStringLiteral("Too loud")));
    view.setAdvice(adviceOn(report, 52.0));
    EXPECT_TRUE(view.warningText().isEmpty()) << view.warningText().toStdString();
    EXPECT_EQ(view.adviceText(coaching::Measure::Peak),
        QStringLiteral("Clipping — lower the input level: the loudest parts clip"));
    EXPECT_EQ(view.adviceText(coaching::Measure::Loudness),
        QStringLiteral("Uncertain while the recording clips"));
    EXPECT_EQ(view.tryNextText(),
        QStringLiteral("1. Lower the input level: the loudest parts clip — clipping"));
}

TEST(TakeReportViewTest, AnEmptyReportShowsOnlyDashes)
{
    TakeReportView view;
    view.setReport({}, {});
    for (const QString& text : { view.speakingTimeText(), view.pausesText(), view.paceText(),
             view.pitchText(), view.loudnessText() })
        EXPECT_EQ(text, QStringLiteral("—"));
}

} // namespace
} // namespace rapport::gui
