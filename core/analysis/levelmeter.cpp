#include "core/analysis/levelmeter.h"

#include <algorithm>
#include <cmath>

namespace rapport::analysis {

float amplitudeToDbfs(double amplitude, float floorDb)
{
    if (amplitude <= 0.0)
        return floorDb;
    return std::max(floorDb, static_cast<float>(20.0 * std::log10(amplitude)));
}

void LevelMeter::setCallback(std::function<void(const LevelReading&)> callback)
{
    m_callback = std::move(callback);
}

void LevelMeter::reset()
{
    m_latest = {};
    m_frame = 0;
    m_count = 0;
    m_sumSquares = 0.0;
    m_peak = 0.0f;
}

void LevelMeter::process(const audio::AudioBlock& block)
{
    for (const float x : block.samples) {
        m_sumSquares += static_cast<double>(x) * x;
        m_peak = std::max(m_peak, std::abs(x));
        ++m_frame;
        if (++m_count == kWindowFrames)
            emitReading();
    }
}

void LevelMeter::finish()
{
    if (m_count > 0)
        emitReading();
}

void LevelMeter::emitReading()
{
    m_latest.endFrame = m_frame;
    m_latest.rmsDbfs = amplitudeToDbfs(std::sqrt(m_sumSquares / m_count));
    m_latest.peakDbfs = amplitudeToDbfs(m_peak);
    m_count = 0;
    m_sumSquares = 0.0;
    m_peak = 0.0f;
    if (m_callback)
        m_callback(m_latest);
}

} // namespace rapport::analysis
