#pragma once

#include "core/analysis/analyser.h"

#include <cstdint>
#include <functional>

namespace rapport::analysis {

/// One reading of the live level meter.
struct LevelReading
{
    std::int64_t endFrame = 0; ///< one past the last frame of the window (kSampleRate)
    float rmsDbfs = -120.0f; ///< RMS of the window in dBFS, floored at kFloorDbfs
    float peakDbfs = -120.0f; ///< largest |sample| of the window in dBFS, floored at kFloorDbfs
};

/// RMS and peak level every 50 ms, for a live meter.
class LevelMeter final : public Analyser
{
public:
    static constexpr int kWindowFrames = audio::kSampleRate / 20; ///< 50 ms
    static constexpr float kFloorDbfs = -120.0f;

    /// Called with each completed 50 ms reading, on the thread that calls process().
    void setCallback(std::function<void(const LevelReading&)> callback);
    /// The most recent completed reading (the floor before the first one).
    LevelReading latest() const { return m_latest; }

    void reset() override;
    void process(const audio::AudioBlock& block) override;
    void finish() override;

private:
    void emitReading();

    std::function<void(const LevelReading&)> m_callback;
    LevelReading m_latest;
    std::int64_t m_frame = 0;
    int m_count = 0;
    double m_sumSquares = 0.0;
    float m_peak = 0.0f;
};

/// Converts a linear amplitude (or RMS) to dBFS, floored at `floorDb`.
float amplitudeToDbfs(double amplitude, float floorDb = LevelMeter::kFloorDbfs);

} // namespace rapport::analysis
