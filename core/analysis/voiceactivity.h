#pragma once

#include "core/analysis/analyser.h"

#include <cstdint>
#include <vector>

namespace rapport::analysis {

/// A stretch of speech, in frames at kSampleRate; short gaps inside it are bridged.
struct SpeechSegment
{
    std::int64_t startFrame = 0;
    std::int64_t endFrame = 0; ///< one past the last frame
};

/// Voice activity with an adaptive noise floor: finds where speech starts and ends (leading and
/// trailing silence trimmed) and the pauses (silences of at least kMinPauseS) between.
///
/// Per 10 ms hop it measures the level while blocks arrive; finish() tracks the noise floor
/// (follows the level down at once, creeps up kFloorRiseDbPerS while the level stays above,
/// run in both directions). A hop is speech when it stands
/// kAboveFloorDb over the floor and lies within kBelowSpeechDb of the take's loud speech level;
/// speech then extends to neighbouring hops that still stand kEdgeAboveFloorDb over the floor
/// (within kEdgeBelowSpeechDb of the speech level), which keeps soft word edges.
/// Gaps shorter than kMinPauseS (stop closures, breaths between words) are bridged, so only real
/// pauses split the take.
class VoiceActivity final : public Analyser
{
public:
    static constexpr double kMinPauseS = 0.30; ///< de Jong & Wempe's, and Goldman-Eisler's, limit
    static constexpr double kMinSpeechS = 0.05; ///< shorter isolated bursts are clicks, not words
    static constexpr float kAboveFloorDb = 9.0f;
    static constexpr float kBelowSpeechDb = 40.0f;
    static constexpr float kEdgeAboveFloorDb = 3.0f; ///< speech reaches out over hops this loud
    static constexpr float kEdgeBelowSpeechDb = 50.0f;
    static constexpr int kEdgeSmoothingHops = 3; ///< steadies the noise for the lower threshold
    static constexpr float kFloorRiseDbPerS = 3.0f;
    static constexpr float kMinFloorDb = -90.0f; ///< digital silence counts as this level
    static constexpr double kSpeechQuantile = 0.99; ///< "loud speech" level, as de Jong & Wempe

    void reset() override;
    void process(const audio::AudioBlock& block) override;
    void finish() override;

    /// Level of each 10 ms hop in dBFS (mean square), in order; hop i covers frames
    /// [i * kHopFrames, (i + 1) * kHopFrames).
    const std::vector<float>& hopLevelsDb() const { return m_levelDb; }
    /// Speech segments after finish(), in order, separated by pauses of at least kMinPauseS.
    const std::vector<SpeechSegment>& segments() const { return m_segments; }
    /// The take's loud speech level (kSpeechQuantile of the hop levels) after finish(), dBFS.
    float speechLevelDb() const { return m_speechLevelDb; }
    /// Frames processed so far.
    std::int64_t frames() const { return m_frames; }

private:
    void endHop();

    std::vector<float> m_levelDb;
    std::vector<SpeechSegment> m_segments;
    std::int64_t m_frames = 0;
    double m_sumSquares = 0.0;
    int m_hopCount = 0;
    float m_speechLevelDb = kMinFloorDb;
};

/// The value below which `quantile` (0..1) of `values` lie; precondition: values not empty.
float quantileOf(std::vector<float> values, double quantile);

} // namespace rapport::analysis
