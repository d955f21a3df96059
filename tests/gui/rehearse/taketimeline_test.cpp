#include "app/gui/rehearse/taketimeline.h"

#include <QImage>
#include <QSignalSpy>
#include <QTest>
#include <gtest/gtest.h>

namespace rapport::gui {
namespace {

using Span = TakeTimeline::Span;

constexpr int kWidth = 216; // 16 px each side leaves 184 px: 18.4 px a second for 10 s

// A 10 s take: speech 1-9 s with pauses 3-4.5 s and 6-6.4 s, window 6 / 7 / 8 s.
analysis::TakeReport tenSecondTake()
{
    analysis::TakeReport report;
    report.durationS = 10.0;
    report.speechStartS = 1.0;
    report.speechEndS = 9.0;
    report.speakingTimeS = 8.0;
    report.pauses = { { 3.0, 4.5 }, { 6.0, 6.4 } };
    report.pauseCount = 2;
    report.longestPauseS = 1.5;
    return report;
}

rehearsal::LightTimes window(qint64 greenMs, qint64 redMs)
{
    return rehearsal::LightTimes::forWindow(greenMs, redMs);
}

TEST(TakeTimelineTest, SpeechIsTheSpokenStretchWithThePausesCutOut)
{
    const QList<Span> spans = TakeTimeline::speechSpans(tenSecondTake());
    const QList<Span> expected { { 1.0, 3.0 }, { 4.5, 6.0 }, { 6.4, 9.0 } };
    EXPECT_EQ(spans, expected);

    // Pauses reaching outside the speech are clipped to it.
    analysis::TakeReport odd = tenSecondTake();
    odd.pauses = { { 0.5, 2.0 }, { 8.5, 9.5 } };
    const QList<Span> clipped { { 2.0, 8.5 } };
    EXPECT_EQ(TakeTimeline::speechSpans(odd), clipped);
}

TEST(TakeTimelineTest, SegmentsArePlacedInProportionToTime)
{
    TakeTimeline timeline;
    timeline.setTake(tenSecondTake(), window(6'000, 8'000));
    EXPECT_DOUBLE_EQ(timeline.visibleSeconds(), 10.0);
    const QList<QRectF> rects = timeline.segmentRects(kWidth);
    ASSERT_EQ(rects.size(), 3);
    const double pxPerS = 18.4;
    const double expected[][2] = { { 1.0, 3.0 }, { 4.5, 6.0 }, { 6.4, 9.0 } };
    for (qsizetype i = 0; i < rects.size(); ++i) {
        EXPECT_NEAR(rects[i].left(), 16.0 + expected[i][0] * pxPerS, 1e-6) << i;
        EXPECT_NEAR(rects[i].right(), 16.0 + expected[i][1] * pxPerS, 1e-6) << i;
        EXPECT_DOUBLE_EQ(rects[i].top(), rects[0].top());
        EXPECT_DOUBLE_EQ(rects[i].height(), 24.0);
    }
    const QList<QRectF> gaps = timeline.pauseRects(kWidth);
    ASSERT_EQ(gaps.size(), 2);
    EXPECT_NEAR(gaps[0].left(), rects[0].right(), 1e-6);
    EXPECT_NEAR(gaps[0].right(), rects[1].left(), 1e-6);
    const QRectF band = timeline.windowRect(kWidth);
    EXPECT_NEAR(band.left(), 16.0 + 6.0 * pxPerS, 1e-6);
    EXPECT_NEAR(band.right(), 16.0 + 8.0 * pxPerS, 1e-6);
    // The whole drawing fits the height it asks for.
    EXPECT_LE(band.bottom(), timeline.sizeHint().height());
}

TEST(TakeTimelineTest, AShortTakeStillShowsTheWindowItMissed)
{
    analysis::TakeReport report = tenSecondTake();
    report.durationS = 10.0;
    TakeTimeline timeline;
    timeline.setTake(report, window(15'000, 20'000));
    EXPECT_DOUBLE_EQ(timeline.visibleSeconds(), 20.0);
    EXPECT_NEAR(timeline.xFor(10.0, kWidth), 16.0 + 92.0, 1e-6);
    EXPECT_NEAR(timeline.windowRect(kWidth).right(), kWidth - 16.0, 1e-6);
}

TEST(TakeTimelineTest, TooltipsNameSpeechAndPauses)
{
    TakeTimeline timeline;
    timeline.resize(kWidth, timeline.sizeHint().height());
    timeline.setTake(tenSecondTake(), window(6'000, 8'000));
    const QList<QRectF> rects = timeline.segmentRects(kWidth);
    ASSERT_EQ(rects.size(), 3);
    EXPECT_EQ(timeline.toolTipAt(rects[0].center()),
        QStringLiteral("Speech 0:01.0 – 0:03.0 (2.0 s). Click to play from here."));
    EXPECT_EQ(timeline.toolTipAt(timeline.pauseRects(kWidth)[0].center()),
        QStringLiteral("Pause of 1.5 s (0:03.0 – 0:04.5). Click to play from here."));
    EXPECT_EQ(timeline.toolTipAt(QPointF(17.0, rects[0].center().y())),
        QStringLiteral("Silence before the first word"));
}

TEST(TakeTimelineTest, AClickOnTheTrackAsksToPlayFromThere)
{
    TakeTimeline timeline;
    timeline.resize(kWidth, timeline.sizeHint().height());
    timeline.setTake(tenSecondTake(), window(6'000, 8'000));
    QSignalSpy seeks(&timeline, &TakeTimeline::seekRequested);
    const QList<QRectF> rects = timeline.segmentRects(kWidth);
    ASSERT_EQ(rects.size(), 3);
    // The middle of the second stretch of speech (4.5 s to 6.0 s), to a pixel.
    QTest::mouseClick(&timeline, Qt::LeftButton, {}, rects[1].center().toPoint());
    ASSERT_EQ(seeks.count(), 1);
    EXPECT_NEAR(seeks.at(0).at(0).toDouble(), 5.25, 10.0 / (kWidth - 32.0));
    // Above the track (the window's labels) is not a seek.
    QTest::mouseClick(&timeline, Qt::LeftButton, {}, QPoint(rects[1].center().x(), 2));
    EXPECT_EQ(seeks.count(), 1);
    // Past the end of a short take (the window goes on to the red light): not a seek either.
    analysis::TakeReport shortTake = tenSecondTake();
    timeline.setTake(shortTake, window(15'000, 20'000));
    QTest::mouseClick(&timeline, Qt::LeftButton, {},
        QPoint(static_cast<int>(timeline.xFor(15.0, kWidth)), rects[1].center().toPoint().y()));
    EXPECT_EQ(seeks.count(), 1);
    EXPECT_DOUBLE_EQ(timeline.secondsAt(kWidth, kWidth), 10.0) << "never past the take's end";
}

TEST(TakeTimelineTest, ThePlayheadIsShownWhileAsked)
{
    TakeTimeline timeline;
    timeline.resize(kWidth, timeline.sizeHint().height());
    timeline.setTake(tenSecondTake(), window(6'000, 8'000));
    EXPECT_FALSE(timeline.playhead());
    const QImage before = timeline.grab().toImage();
    timeline.setPlayhead(2.0);
    EXPECT_EQ(timeline.playhead(), 2.0);
    const QImage playing = timeline.grab().toImage();
    EXPECT_NE(before, playing) << "the playhead is painted";
    // A new take has no playhead.
    timeline.setTake(tenSecondTake(), window(6'000, 8'000));
    EXPECT_FALSE(timeline.playhead());
    timeline.setPlayhead(std::nullopt);
    EXPECT_EQ(timeline.grab().toImage(), before);
}

TEST(TakeTimelineTest, SummaryDescribesTheTake)
{
    TakeTimeline timeline;
    EXPECT_EQ(timeline.summary(), QStringLiteral("No take yet"));
    timeline.setTake(tenSecondTake(), window(6'000, 8'000));
    EXPECT_EQ(timeline.summary(),
        QStringLiteral("Take 0:10: speech from 0:01 to 0:09, 2 pauses, longest 1.5 s; window green "
                       "0:06 to red 0:08"));
    EXPECT_EQ(timeline.accessibleDescription(), timeline.summary());
}

TEST(TakeTimelineTest, AReportWithoutSpeechSaysSo)
{
    analysis::TakeReport silent;
    silent.durationS = 4.0;
    TakeTimeline timeline;
    timeline.setTake(silent, window(6'000, 8'000));
    EXPECT_TRUE(timeline.segmentRects(kWidth).isEmpty());
    EXPECT_TRUE(timeline.pauseRects(kWidth).isEmpty());
    EXPECT_TRUE(timeline.summary().contains(QStringLiteral("no speech found")));
    timeline.resize(kWidth, timeline.sizeHint().height());
    EXPECT_FALSE(timeline.grab().isNull()); // paints without speech
}

} // namespace
} // namespace rapport::gui
