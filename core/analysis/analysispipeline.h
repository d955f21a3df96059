#pragma once

#include "core/analysis/bandspectrum.h"
#include "core/analysis/levelmeter.h"
#include "core/analysis/loudness.h"
#include "core/analysis/pitchtracker.h"
#include "core/analysis/syllablenuclei.h"
#include "core/analysis/takereport.h"
#include "core/analysis/voiceactivity.h"
#include "core/common/result.h"

#include <QString>
#include <array>
#include <functional>
#include <future>

namespace rapport::analysis {

/// Runs every analyser over a take in one pass: blocks are analysed as they arrive, so the
/// report is ready moments after the last block.
class AnalysisPipeline
{
public:
    AnalysisPipeline();
    ~AnalysisPipeline();
    AnalysisPipeline(const AnalysisPipeline&) = delete;
    AnalysisPipeline& operator=(const AnalysisPipeline&) = delete;

    /// Called with every 50 ms level reading (on the thread calling process()).
    void setLevelCallback(std::function<void(const LevelReading&)> callback);
    /// The latest 50 ms level reading.
    LevelReading latestLevel() const { return m_levelMeter.latest(); }

    /// Syllables per word that turn the syllable count into words per minute: the pitch's own
    /// (scriptSyllablesPerWord()) when it has a script, else kSyllablesPerWord. Kept across
    /// reset(). Precondition: > 0.
    void setSyllablesPerWord(double syllablesPerWord) { m_syllablesPerWord = syllablesPerWord; }

    /// Starts a new take.
    void reset();
    /// Analyses the next block; precondition: blocks contiguous, the first at frame 0.
    void process(const audio::AudioBlock& block);
    /// Ends the take and returns its report; reset() before the next take.
    TakeReport finish();

private:
    LevelMeter m_levelMeter;
    BandSpectrum m_spectrum;
    PitchTracker m_pitch;
    Loudness m_loudness;
    VoiceActivity m_voiceActivity;
    SyllableNuclei m_syllables;
    /// In finish() order: the voice activity reads the spectrum and the pitch, the syllables all.
    std::array<Analyser*, 6> m_analysers;
    // The pitch tracker (YIN, a third of the work) runs beside the other analysers, on batches of
    // kPitchBatchFrames in a thread of their own, so a take is analysed on two cores; it sees the
    // same samples in the same order, so results do not change.
    void startPitch();
    void waitForPitch();
    static constexpr int kPitchBatchFrames = 4 * audio::kSampleRate; ///< 4 s
    audio::AudioBlock m_pitchPending; ///< samples not yet handed to the pitch thread
    audio::AudioBlock m_pitchInFlight; ///< the batch the pitch thread is processing
    std::future<void> m_pitchJob;
    std::int64_t m_frames = 0;
    std::int64_t m_elapsedNs = 0;
    double m_syllablesPerWord = kSyllablesPerWord;
};

/// Decodes `path` with WavFileSource and analyses it; errors are those of WavFileSource.
/// `syllablesPerWord` as for AnalysisPipeline::setSyllablesPerWord().
Result<TakeReport> analyseFile(const QString& path, double syllablesPerWord = kSyllablesPerWord);

} // namespace rapport::analysis
