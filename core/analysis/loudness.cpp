#include "core/analysis/loudness.h"

#include <cmath>
#include <ebur128.h>

namespace rapport::analysis {

struct Loudness::Meter
{
    // The histogram keeps memory constant however long the take.
    ebur128_state* state = ebur128_init(
        1, audio::kSampleRate, EBUR128_MODE_I | EBUR128_MODE_SAMPLE_PEAK | EBUR128_MODE_HISTOGRAM);

    Meter() = default;
    ~Meter()
    {
        if (state)
            ebur128_destroy(&state);
    }
    Meter(const Meter&) = delete;
    Meter& operator=(const Meter&) = delete;
};

Loudness::Loudness()
    : m_meter(std::make_unique<Meter>())
{ }

Loudness::~Loudness() = default;

void Loudness::reset()
{
    m_meter = std::make_unique<Meter>();
    m_frames = 0;
    m_clipped = 0;
    m_lufs.reset();
}

void Loudness::process(const audio::AudioBlock& block)
{
    if (block.samples.empty())
        return;
    if (m_meter->state)
        ebur128_add_frames_float(m_meter->state, block.samples.data(), block.samples.size());
    for (const float x : block.samples) {
        if (std::abs(x) >= kClipLevel)
            ++m_clipped;
    }
    m_frames += static_cast<std::int64_t>(block.samples.size());
}

void Loudness::finish()
{
    m_lufs.reset();
    double lufs = -HUGE_VAL;
    if (m_meter->state && ebur128_loudness_global(m_meter->state, &lufs) == EBUR128_SUCCESS
        && std::isfinite(lufs)) {
        m_lufs = lufs;
    }
}

std::optional<double> Loudness::peakDbfs() const
{
    double peak = 0.0;
    if (!m_meter->state || ebur128_sample_peak(m_meter->state, 0, &peak) != EBUR128_SUCCESS
        || peak <= 0.0)
        return std::nullopt;
    return 20.0 * std::log10(peak);
}

std::optional<double> Loudness::clippedRatio() const
{
    if (m_frames == 0)
        return std::nullopt;
    return static_cast<double>(m_clipped) / static_cast<double>(m_frames);
}

} // namespace rapport::analysis
