#pragma once

#include "core/analysis/analyser.h"

#include <memory>
#include <optional>
#include <vector>

namespace rapport::analysis {

/// Fundamental frequency with aubio's YIN (fast variant) every 10 ms, gated by YIN's confidence
/// and the 70–400 Hz range of speaking voices; summarised as the median F0 and its spread in
/// semitones.
class PitchTracker final : public Analyser
{
public:
    static constexpr int kWindowFrames = 512; ///< 32 ms: two periods of the lowest F0
    static constexpr float kMinHz = 70.0f;
    static constexpr float kMaxHz = 400.0f;
    static constexpr float kMinConfidence = 0.8f;
    static constexpr int kMinVoicedHops = 20; ///< 0.2 s of voicing before F0 is summarised
    static constexpr double kMonotoneBelowSemitones = 2.0;

    PitchTracker();
    ~PitchTracker() override;
    PitchTracker(const PitchTracker&) = delete;
    PitchTracker& operator=(const PitchTracker&) = delete;

    void reset() override;
    void process(const audio::AudioBlock& block) override;
    void finish() override;

    /// F0 in Hz of each 10 ms hop (hop i is centred in frames [i, i + 1) * kHopFrames), 0 where
    /// unvoiced or unsure.
    const std::vector<float>& hopF0Hz() const { return m_f0; }
    /// YIN's confidence (0..1) of each hop, whatever its F0; aligned with hopF0Hz().
    const std::vector<float>& hopConfidence() const { return m_confidence; }
    /// Whether hop `hop` (or a neighbour within `slackHops`) is voiced.
    bool voicedNear(std::size_t hop, std::size_t slackHops = 1) const;
    /// Whether hop `hop` (or a neighbour within `slackHops`) has an F0 in the speaking range
    /// with a confidence of at least `minConfidence`.
    bool periodicNear(std::size_t hop, std::size_t slackHops, float minConfidence) const;
    /// Median F0 of the voiced hops in Hz after finish(); nullopt with too little voicing.
    std::optional<double> medianHz() const { return m_medianHz; }
    /// Standard deviation of voiced F0 in semitones around the median; nullopt as medianHz.
    std::optional<double> sdSemitones() const { return m_sdSemitones; }

private:
    void runHop();

    struct Aubio;
    std::unique_ptr<Aubio> m_aubio;
    int m_fill = 0;
    bool m_skippedFirst = false;
    std::vector<float> m_f0;
    std::vector<float> m_hz; ///< YIN's estimate of each hop, voiced or not
    std::vector<float> m_confidence;
    std::optional<double> m_medianHz;
    std::optional<double> m_sdSemitones;
};

} // namespace rapport::analysis
