#pragma once

#include "core/analysis/analyser.h"

#include <cstdint>
#include <memory>
#include <optional>

namespace rapport::analysis {

/// Integrated loudness (EBU R 128, libebur128), sample peak and the share of clipped samples.
class Loudness final : public Analyser
{
public:
    static constexpr float kClipLevel = 0.999f; ///< |sample| at or above this counts as clipped

    Loudness();
    ~Loudness() override;
    Loudness(const Loudness&) = delete;
    Loudness& operator=(const Loudness&) = delete;

    void reset() override;
    void process(const audio::AudioBlock& block) override;
    void finish() override;

    /// Integrated loudness in LUFS after finish(); nullopt for silence or under 0.4 s of audio.
    std::optional<double> integratedLufs() const { return m_lufs; }
    /// Largest |sample| in dBFS; nullopt when every sample is zero.
    std::optional<double> peakDbfs() const;
    /// Clipped samples ÷ all samples (0..1); nullopt before any sample.
    std::optional<double> clippedRatio() const;

private:
    struct Meter;
    std::unique_ptr<Meter> m_meter;
    std::int64_t m_frames = 0;
    std::int64_t m_clipped = 0;
    std::optional<double> m_lufs;
};

} // namespace rapport::analysis
