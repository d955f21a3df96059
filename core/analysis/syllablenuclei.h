#pragma once

#include "core/analysis/analyser.h"

#include <vector>

namespace rapport::analysis {

class BandSpectrum;
class PitchTracker;
class VoiceActivity;

/// Counts syllables after de Jong & Wempe (2009): a syllable nucleus is a peak of the smoothed
/// intensity that stands at least kMinDipDb above the dips on both sides, inside speech, and is
/// voiced. Two changes make it hold on real voices, in noise and at fast rates:
/// - the intensity is that of the vowel band (kVowelLowHz - kVowelHighHz) with the background
///   subtracted band by band: nasals, voiced consonants, rumble and hum, which fill the dips
///   between syllables in broadband power, barely count there, so fast syllables stay apart;
/// - a peak must lie within kBelowLocalPeakDb of the loudest peak within kLocalS around it
///   (a local, not a global, threshold), so a quiet phrase keeps its syllables;
/// - the speaker's own rate sets how close two syllables can be: two nuclei nearer than
///   kMergeBelowTypicalGap of the take's median gap, with a dip under kMergeDipDb between them,
///   are one long vowel that wavers (slow, drawn-out speech), not two syllables. A fixed
///   spacing could not serve both slow and fast speakers.
///
/// It reads the band powers of a BandSpectrum, the background and speech of a VoiceActivity and
/// the voicing of a PitchTracker, so its finish() must run after theirs; process() does nothing.
class SyllableNuclei final : public Analyser
{
public:
    static constexpr float kMinDipDb = 2.0f; ///< de Jong & Wempe's "mindip"
    static constexpr float kBelowLocalPeakDb = 25.0f; ///< their "silencedb", taken locally
    static constexpr double kLocalS = 0.5;
    static constexpr int kSmoothingHops = 3; ///< Hann window over 30 ms
    static constexpr float kVowelLowHz = 300.0f;
    static constexpr float kVowelHighHz = 3000.0f;
    static constexpr double kMergeBelowTypicalGap = 0.5;
    static constexpr float kMergeDipDb = 2.0f * kMinDipDb;
    /// Gaps between nuclei needed before the median gap is trusted.
    static constexpr std::size_t kMinGapsForTypical = 4;

    /// Precondition: all three outlive this object.
    SyllableNuclei(const BandSpectrum& spectrum, const VoiceActivity& voiceActivity,
        const PitchTracker& pitch);

    void reset() override;
    void process(const audio::AudioBlock& block) override;
    void finish() override;

    /// Hop indices (10 ms) of the syllable nuclei found, in order, after finish().
    const std::vector<std::size_t>& nucleusHops() const { return m_nuclei; }
    /// Number of syllables found.
    int count() const { return static_cast<int>(m_nuclei.size()); }

private:
    // `dipBefore[k]`: how far the level falls between nucleus k-1 and k (infinite when k opens a
    // stretch of speech).
    void mergeCloseNuclei(const std::vector<float>& level, const std::vector<float>& dipBefore);

    const BandSpectrum& m_spectrum;
    const VoiceActivity& m_voiceActivity;
    const PitchTracker& m_pitch;
    std::vector<std::size_t> m_nuclei;
};

/// Levels smoothed with a Hann window of `hops` hops, averaging power (not dB).
std::vector<float> smoothLevelsDb(const std::vector<float>& levelsDb, int hops);

} // namespace rapport::analysis
