#pragma once

#include <array>
#include <optional>
#include <vector>

namespace rapport::analysis {

/// A silence of at least VoiceActivity::kMinPauseS between two stretches of speech.
struct Pause
{
    double startS = 0.0; ///< seconds from the start of the take
    double endS = 0.0;

    double durationS() const { return endS - startS; }
};

/// Why some figures of a take are less certain than they look (said next to them, not hidden).
enum class Caveat {
    Noisy, ///< the background is within kNoisyBelowDb of the speech: edges and pace approximate
    TooNoisyForPace, ///< within kNoPaceBelowDb: no pace is given
    TooShortForPace, ///< under kMinPaceSpeakingS of speech: no pace is given
    Clipped, ///< more than kClippedCaveatRatio of the samples at full scale: loudness too low
};

/// Every caveat, in order.
inline constexpr std::array kAllCaveats { Caveat::Noisy, Caveat::TooNoisyForPace,
    Caveat::TooShortForPace, Caveat::Clipped };

inline constexpr double kNoisyBelowDb = 15.0;
inline constexpr double kNoPaceBelowDb = 6.0;
inline constexpr double kMinPaceSpeakingS = 3.0;
inline constexpr double kClippedCaveatRatio = 0.001;

/// What the analysis of one take measured. Optional fields are empty when the value does not
/// exist (no speech, silence, too little voicing).
struct TakeReport
{
    double durationS = 0.0; ///< length of the take
    std::optional<double> speechStartS; ///< first word (leading silence trimmed)
    std::optional<double> speechEndS; ///< end of the last word (trailing silence trimmed)
    std::optional<double> speakingTimeS; ///< speechEndS - speechStartS
    std::optional<double> phonationTimeS; ///< speaking time without the pauses
    std::vector<Pause> pauses; ///< in order
    std::optional<int> pauseCount; ///< pauses.size() when there is speech
    std::optional<double> longestPauseS; ///< when there is a pause
    std::optional<int> syllableCount;
    std::optional<double> articulationRateSps; ///< syllables per second of phonation time
    std::optional<double> wordsPerMinute; ///< syllables / syllables per word, per speaking minute
    std::optional<double> pitchMedianHz;
    std::optional<double> pitchSdSemitones;
    std::optional<bool> monotone; ///< pitchSdSemitones below kMonotoneBelowSemitones
    std::optional<double> loudnessLufs; ///< integrated, EBU R 128
    std::optional<double> peakDbfs; ///< sample peak
    std::optional<double> clippedRatio; ///< share of samples at or near full scale
    /// The speech band's level while speaking over the background's, dB; empty without speech or
    /// when the take has no background to measure (digital silence between the words).
    std::optional<double> signalToNoiseDb;
    std::vector<Caveat> caveats; ///< in the order of the enum
    double analysisMs = 0.0; ///< wall time spent analysing (and decoding, for a file)
};

/// Average syllables per English word as spoken, to turn a syllable rate into words per minute
/// when the take has no script. The product brief's working figure was 1.45, a count over written
/// text; weighting every word of the US English language model that ships with PocketSphinx
/// (72,423 words, the unigram probabilities of its training text) by its syllables in CMUdict
/// gives 1.36, and SpeechModelTest re-derives that from the installed files.
inline constexpr double kSyllablesPerWord = 1.36;

} // namespace rapport::analysis
