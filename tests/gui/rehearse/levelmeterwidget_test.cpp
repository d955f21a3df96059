#include "app/gui/rehearse/levelmeterwidget.h"

#include <QImage>
#include <cmath>
#include <gtest/gtest.h>
#include <limits>

namespace rapport::gui {
namespace {

using Zone = LevelMeterWidget::Zone;

TEST(LevelMeterWidgetTest, MapsDbfsOntoTheScale)
{
    EXPECT_DOUBLE_EQ(LevelMeterWidget::fraction(-60.0f), 0.0);
    EXPECT_DOUBLE_EQ(LevelMeterWidget::fraction(-30.0f), 0.5);
    EXPECT_DOUBLE_EQ(LevelMeterWidget::fraction(-12.0f), 0.8);
    EXPECT_DOUBLE_EQ(LevelMeterWidget::fraction(0.0f), 1.0);
    EXPECT_DOUBLE_EQ(LevelMeterWidget::fraction(-90.0f), 0.0);
    EXPECT_DOUBLE_EQ(LevelMeterWidget::fraction(3.0f), 1.0);
    EXPECT_DOUBLE_EQ(LevelMeterWidget::fraction(-std::numeric_limits<float>::infinity()), 0.0);
    EXPECT_DOUBLE_EQ(LevelMeterWidget::fraction(std::numeric_limits<float>::quiet_NaN()), 0.0);
}

TEST(LevelMeterWidgetTest, ZonesChangeAtMinusTwelveAndMinusThree)
{
    EXPECT_EQ(LevelMeterWidget::zone(-40.0f), Zone::Green);
    EXPECT_EQ(LevelMeterWidget::zone(-12.1f), Zone::Green);
    EXPECT_EQ(LevelMeterWidget::zone(-12.0f), Zone::Amber);
    EXPECT_EQ(LevelMeterWidget::zone(-3.1f), Zone::Amber);
    EXPECT_EQ(LevelMeterWidget::zone(-3.0f), Zone::Red);
    EXPECT_EQ(LevelMeterWidget::zone(0.0f), Zone::Red);
}

TEST(LevelMeterWidgetTest, SaysTheLevelAndWhetherItIsTooQuietOrClipping)
{
    LevelMeterWidget meter;
    EXPECT_EQ(meter.text(), QStringLiteral("No level yet"));
    EXPECT_TRUE(meter.hint().isEmpty());

    meter.setLevel(-18.2f, -9.0f);
    EXPECT_EQ(meter.text(), QStringLiteral("Level −18 dBFS"));
    EXPECT_TRUE(meter.hint().isEmpty());
    EXPECT_EQ(meter.accessibleDescription(), meter.text());

    meter.setLevel(-45.0f, -30.0f);
    EXPECT_EQ(meter.hint(), QStringLiteral("too quiet"));
    EXPECT_EQ(meter.text(), QStringLiteral("Level −45 dBFS — too quiet"));

    meter.setLevel(-6.0f, -0.4f);
    EXPECT_EQ(meter.hint(), QStringLiteral("clipping"));
    EXPECT_EQ(meter.accessibleDescription(), QStringLiteral("Level −6 dBFS — clipping"));

    meter.setLevel(
        -std::numeric_limits<float>::infinity(), -std::numeric_limits<float>::infinity());
    EXPECT_EQ(meter.text(), QStringLiteral("Level below −60 dBFS — too quiet"));
    EXPECT_FLOAT_EQ(meter.rmsDbfs(), -60.0f);

    meter.reset();
    EXPECT_EQ(meter.text(), QStringLiteral("No level yet"));
}

TEST(LevelMeterWidgetTest, ThePeakIsNeverBelowTheRms)
{
    LevelMeterWidget meter;
    meter.setLevel(-10.0f, -20.0f);
    EXPECT_FLOAT_EQ(meter.peakDbfs(), -10.0f);
}

TEST(LevelMeterWidgetTest, TheBarIsFilledUpToTheRmsInItsZoneColours)
{
    LevelMeterWidget meter;
    meter.resize(meter.sizeHint());
    meter.setLevel(-6.0f, -4.5f);
    const QImage image = meter.grab().toImage();
    ASSERT_FALSE(image.isNull());
    const QRectF track = meter.trackRect();
    const int y = static_cast<int>(track.center().y());
    auto pixelAt = [&](float dbfs) {
        const double x = track.left() + LevelMeterWidget::fraction(dbfs) * track.width();
        return image.pixelColor(static_cast<int>(x), y);
    };
    EXPECT_EQ(pixelAt(-30.0f), LevelMeterWidget::zoneColour(Zone::Green));
    EXPECT_EQ(pixelAt(-8.0f), LevelMeterWidget::zoneColour(Zone::Amber));
    // Beyond the RMS (and away from the peak tick) only the faint red tint shows.
    EXPECT_NE(pixelAt(-1.5f), LevelMeterWidget::zoneColour(Zone::Red));
    EXPECT_NE(pixelAt(-1.5f), LevelMeterWidget::zoneColour(Zone::Amber));
}

} // namespace
} // namespace rapport::gui
