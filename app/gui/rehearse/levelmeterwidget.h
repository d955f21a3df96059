#pragma once

#include <QWidget>

namespace rapport::gui {

/// A horizontal live level meter from −60 to 0 dBFS: the RMS level as a bar coloured by zone
/// (green below −12, amber to −3, red above), the peak as a tick, and the level in words beside
/// it with a "too quiet" or "clipping" hint, so the meter never depends on colour alone.
class LevelMeterWidget : public QWidget
{
    Q_OBJECT
public:
    static constexpr float kFloorDbfs = -60.0f; ///< the left end of the scale
    static constexpr float kAmberFromDbfs = -12.0f;
    static constexpr float kRedFromDbfs = -3.0f;
    static constexpr float kTooQuietBelowDbfs = -40.0f; ///< RMS below this is "too quiet"
    static constexpr float kClippingFromDbfs = -1.0f; ///< a peak from here on is "clipping"

    enum class Zone { Green, Amber, Red };

    explicit LevelMeterWidget(QWidget* parent = nullptr);

    /// Shows a reading (dBFS; anything below the floor, −inf and NaN count as the floor).
    void setLevel(float rmsDbfs, float peakDbfs);
    /// Back to silence (no reading).
    void reset();

    float rmsDbfs() const { return m_rms; }
    float peakDbfs() const { return m_peak; }
    /// Where `dbfs` sits on the scale: 0 at the floor (and below), 1 at 0 dBFS (and above).
    static double fraction(float dbfs);
    static Zone zone(float dbfs);
    /// The zone's colour (readable on light and dark palettes).
    static QColor zoneColour(Zone zone);
    /// "too quiet", "clipping" or empty.
    QString hint() const;
    /// "Level −18 dBFS", with the hint after a dash when there is one.
    QString text() const;
    /// The bar's track at the widget's current size.
    QRectF trackRect() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    int textWidth() const;

    float m_rms = kFloorDbfs;
    float m_peak = kFloorDbfs;
    bool m_hasReading = false;
};

} // namespace rapport::gui
