#pragma once

#include "core/analysis/analyser.h"
#include "core/analysis/bandspectrum.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace rapport::analysis {

class PitchTracker;

/// A stretch of speech, in frames at kSampleRate; short gaps inside it are bridged.
struct SpeechSegment
{
    std::int64_t startFrame = 0;
    std::int64_t endFrame = 0; ///< one past the last frame
};

/// Voice activity measured against the take's own background: finds where speech starts and
/// ends and the pauses (silences of at least kMinPauseS) between.
///
/// The background is estimated band by band (BandSpectrum, 120 Hz - 7.6 kHz, so DC, mains hum's
/// fundamental and a fan's rumble are left out) from the quiet part of the take that is not
/// digital silence: the kNoiseQuantile of each band's power, refined to the mean of the runs of
/// at least kMinQuietS near that floor. Each hop's power is then weighed band by band against it
/// ("whitened"), so noise of any colour, hum harmonics and room tone sit at 0 dB and speech stands
/// out wherever in the spectrum it is louder than the room. When the quiet part is not steady (a
/// recording that falls to digital silence between words has no background to measure) the
/// background is taken as kNoBackgroundDb under those quiet hops.
///
/// A stretch of speech must hold voicing (YIN's confidence, PitchTracker) where it stands
/// clearly above the background, so a breath, a cough or a fan's gust is not a word; or, in a
/// take that has a voice, a run of kMinLoudRunS within kLoudRunBelowSpeechDb of that voice (a
/// creaky or whispered word YIN cannot follow). From those seeds speech reaches out over hops still
/// above the background (hysteresis: kStrongDb to start, kWeakDb to continue, smoothed), but over
/// quiet unvoiced sound (more than kFirmBelowSpeechDb under the loud speech) at most
/// kMaxUnvoicedEdgeS beyond voicing or loud sound: a final /s/ or a creaky last word yes, the
/// breath before a sentence no. Unvoiced sound that stands kStrongDb over the room within
/// kMaxClosureS after a word (across a stop's closure: "clinics") joins it. Gaps shorter than
/// kMinPauseS are bridged, so only real pauses split the take.
class VoiceActivity final : public Analyser
{
public:
    static constexpr double kMinPauseS = 0.30; ///< de Jong & Wempe's, and Goldman-Eisler's, limit
    static constexpr double kMinSpeechS
        = 0.10; ///< shorter isolated bursts are clicks or knocks, not words
    static constexpr double kNoiseQuantile = 0.10;
    static constexpr float kStrongDb = 10.0f; ///< whitened level that starts speech (voiced)
    static constexpr float kWeakDb = 4.0f; ///< whitened level that continues it
    static constexpr float kBelowSpeechDb = 40.0f; ///< seeds within this of the loud speech
    static constexpr float kEdgeBelowSpeechDb = 50.0f; ///< speech continues within this
    static constexpr double kMaxUnvoicedEdgeS = 0.15;
    static constexpr double kMaxClosureS = 0.12; ///< a stop's silence inside a consonant cluster
    static constexpr float kLoudRunBelowSpeechDb = 20.0f; ///< with kMinLoudRunS: speech unvoiced
    static constexpr double kMinLoudRunS = 0.15;
    static constexpr float kFirmBelowSpeechDb = 30.0f; ///< unvoiced sound this loud is speech
    static constexpr float kSeedConfidence = 0.6f; ///< YIN confidence that makes a hop voiced
    static constexpr double kMinQuietS = 0.10; ///< the background is heard alone this long
    static constexpr float kSteadyBackgroundDb = 2.5f; ///< spread of a steady background's level
    static constexpr float kNoBackgroundDb = 30.0f;
    static constexpr double kSpeechQuantile = 0.99; ///< "loud speech", as de Jong & Wempe

    /// Precondition: both outlive this object, and their finish() runs before this one's.
    VoiceActivity(const BandSpectrum& spectrum, const PitchTracker& pitch);

    void reset() override;
    void process(const audio::AudioBlock& block) override;
    void finish() override;

    /// Speech segments after finish(), in order, separated by pauses of at least kMinPauseS.
    const std::vector<SpeechSegment>& segments() const { return m_segments; }
    /// The background's power in each band (BandSpectrum's units) after finish().
    const BandSpectrum::Bands& noiseBands() const { return m_noise; }
    /// The speech band's level during speech over the background's, in dB, after finish(); empty
    /// without speech, or when there was no background to measure.
    std::optional<double> signalToNoiseDb() const { return m_snrDb; }
    /// Frames processed so far.
    std::int64_t frames() const { return m_frames; }

    static constexpr float kSilentHopDb = -100.0f;

private:
    void estimateBackground();
    std::vector<bool> findSpeechHops() const;

    const BandSpectrum& m_spectrum;
    const PitchTracker& m_pitch;
    BandSpectrum::Bands m_noise {};
    bool m_backgroundMeasured = false;
    std::vector<float> m_whitenedDb;
    std::vector<SpeechSegment> m_segments;
    std::optional<double> m_snrDb;
    std::int64_t m_frames = 0;
};

/// The value below which `quantile` (0..1) of `values` lie; precondition: values not empty.
float quantileOf(std::vector<float> values, double quantile);

} // namespace rapport::analysis
