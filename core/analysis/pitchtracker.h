#pragma once

#include "core/analysis/analyser.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace rapport::analysis {

/// Fundamental frequency with aubio's YIN (fast variant) every 10 ms, gated by YIN's confidence
/// and the 70–400 Hz range of speaking voices; summarised as the median F0 and its spread in
/// semitones. YIN runs at 8 kHz (low-passed at kLowPassHz, every other sample): a speaking
/// voice's F0 needs no more, and it halves the cost of YIN's FFTs.
class PitchTracker final : public Analyser
{
public:
    static constexpr int kDecimation = 2; ///< YIN sees kSampleRate / kDecimation
    static constexpr double kLowPassHz = 3400.0;
    static constexpr int kWindowFrames = 256; ///< 32 ms at 8 kHz: two periods of the lowest F0
    static constexpr float kMinHz = 70.0f;
    static constexpr float kMaxHz = 400.0f;
    static constexpr float kMinConfidence = 0.8f;
    /// A syllable's vowel may be creaky (a phrase's last word) or squeaky: wider than kMinHz -
    /// kMaxHz, for voicing evidence inside speech already found.
    static constexpr float kMinPeriodicHz = 50.0f;
    static constexpr float kMaxPeriodicHz = 500.0f;
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
    /// Whether hop `hop` (or a neighbour within `slackHops`) is periodic at `minHz` - `maxHz`
    /// with a confidence of at least `minConfidence`.
    bool periodicNear(std::size_t hop, std::size_t slackHops, float minConfidence,
        float minHz = kMinHz, float maxHz = kMaxHz) const;
    /// Median F0 of the voiced hops in Hz after finish(); nullopt with too little voicing.
    std::optional<double> medianHz() const { return m_medianHz; }
    /// Standard deviation of voiced F0 in semitones around the median; nullopt as medianHz.
    std::optional<double> sdSemitones() const { return m_sdSemitones; }

private:
    void runHop();

    struct Biquad;
    struct Aubio;
    std::unique_ptr<Aubio> m_aubio;
    int m_fill = 0;
    std::int64_t m_phase = 0; ///< input frames seen, to keep every kDecimation-th
    bool m_skippedFirst = false;
    std::vector<float> m_f0;
    std::vector<float> m_hz; ///< YIN's estimate of each hop, voiced or not
    std::vector<float> m_confidence;
    std::optional<double> m_medianHz;
    std::optional<double> m_sdSemitones;
};

} // namespace rapport::analysis
