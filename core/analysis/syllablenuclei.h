#pragma once

#include "core/analysis/analyser.h"

#include <vector>

namespace rapport::analysis {

class PitchTracker;
class VoiceActivity;

/// Counts syllables after de Jong & Wempe (2009): a syllable nucleus is a peak of the smoothed
/// intensity that stands at least kMinDipDb above the dips on both sides, lies above the silence
/// threshold (kSilenceBelowSpeechDb under the take's loud speech level), inside speech, and is
/// voiced.
///
/// It reads the 10 ms levels of a VoiceActivity and the voicing of a PitchTracker, so its
/// finish() must run after theirs; process() does nothing (its inputs are gathered by them).
class SyllableNuclei final : public Analyser
{
public:
    static constexpr float kMinDipDb = 2.0f; ///< de Jong & Wempe's "mindip"
    static constexpr float kSilenceBelowSpeechDb = 25.0f; ///< their "silencedb" of -25 dB
    static constexpr int kSmoothingHops = 5; ///< Hann window over 50 ms, near Praat's intensity

    /// Precondition: both outlive this object.
    SyllableNuclei(const VoiceActivity& voiceActivity, const PitchTracker& pitch);

    void reset() override;
    void process(const audio::AudioBlock& block) override;
    void finish() override;

    /// Hop indices (10 ms) of the syllable nuclei found, in order, after finish().
    const std::vector<std::size_t>& nucleusHops() const { return m_nuclei; }
    /// Number of syllables found.
    int count() const { return static_cast<int>(m_nuclei.size()); }

private:
    const VoiceActivity& m_voiceActivity;
    const PitchTracker& m_pitch;
    std::vector<std::size_t> m_nuclei;
};

/// Levels smoothed with a Hann window of `hops` hops, averaging power (not dB).
std::vector<float> smoothLevelsDb(const std::vector<float>& levelsDb, int hops);

} // namespace rapport::analysis
