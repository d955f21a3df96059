#include "core/analysis/analysispipeline.h"

#include "core/audio/wavfilesource.h"

#include <QElapsedTimer>
#include <algorithm>

namespace rapport::analysis {

namespace {

// Speech, pauses and rates from the voice activity and the syllable count.
void fillTiming(TakeReport& report, const VoiceActivity& vad, const SyllableNuclei& syllables,
    double syllablesPerWord)
{
    const std::vector<SpeechSegment>& segments = vad.segments();
    if (segments.empty())
        return;
    const double start = audio::framesToSeconds(segments.front().startFrame);
    const double end = audio::framesToSeconds(segments.back().endFrame);
    double phonation = 0.0;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        phonation += audio::framesToSeconds(segments[i].endFrame - segments[i].startFrame);
        if (i > 0) {
            report.pauses.push_back({ audio::framesToSeconds(segments[i - 1].endFrame),
                audio::framesToSeconds(segments[i].startFrame) });
        }
    }
    report.speechStartS = start;
    report.speechEndS = end;
    report.speakingTimeS = end - start;
    report.phonationTimeS = phonation;
    report.pauseCount = static_cast<int>(report.pauses.size());
    if (!report.pauses.empty()) {
        report.longestPauseS = std::max_element(
            report.pauses.begin(), report.pauses.end(), [](const Pause& a, const Pause& b) {
                return a.durationS() < b.durationS();
            })->durationS();
    }
    report.syllableCount = syllables.count();
    if (phonation > 0.0)
        report.articulationRateSps = syllables.count() / phonation;
    if (end > start)
        report.wordsPerMinute = syllables.count() / syllablesPerWord / ((end - start) / 60.0);
}

// Says what is uncertain, and withholds a pace that would only look precise.
void addCaveats(TakeReport& report)
{
    const bool noisy = report.signalToNoiseDb && *report.signalToNoiseDb < kNoisyBelowDb;
    const bool tooNoisy = report.signalToNoiseDb && *report.signalToNoiseDb < kNoPaceBelowDb;
    const bool tooShort = report.speakingTimeS && *report.speakingTimeS < kMinPaceSpeakingS;
    if (noisy)
        report.caveats.push_back(Caveat::Noisy);
    if (tooNoisy)
        report.caveats.push_back(Caveat::TooNoisyForPace);
    if (tooShort)
        report.caveats.push_back(Caveat::TooShortForPace);
    if (report.clippedRatio && *report.clippedRatio > kClippedCaveatRatio)
        report.caveats.push_back(Caveat::Clipped);
    if (tooNoisy || tooShort) {
        report.wordsPerMinute.reset();
        report.articulationRateSps.reset();
    }
}

} // namespace

AnalysisPipeline::~AnalysisPipeline()
{
    waitForPitch();
}

void AnalysisPipeline::waitForPitch()
{
    if (m_pitchJob.valid())
        m_pitchJob.get();
}

void AnalysisPipeline::startPitch()
{
    // One batch at a time: the previous one has ended before the tracker sees the next, so it
    // sees every sample once, in order. The thread's start and end are the only hand-overs.
    waitForPitch();
    std::swap(m_pitchInFlight.samples, m_pitchPending.samples);
    m_pitchPending.samples.clear();
    m_pitchJob = std::async(std::launch::async, [this] { m_pitch.process(m_pitchInFlight); });
}

AnalysisPipeline::AnalysisPipeline()
    : m_voiceActivity(m_spectrum, m_pitch)
    , m_syllables(m_spectrum, m_voiceActivity, m_pitch)
    , m_analysers { &m_levelMeter, &m_spectrum, &m_pitch, &m_loudness, &m_voiceActivity,
        &m_syllables }
{ }

void AnalysisPipeline::setLevelCallback(std::function<void(const LevelReading&)> callback)
{
    m_levelMeter.setCallback(std::move(callback));
}

void AnalysisPipeline::reset()
{
    waitForPitch();
    m_pitchPending.samples.clear();
    for (Analyser* analyser : m_analysers)
        analyser->reset();
    m_frames = 0;
    m_elapsedNs = 0;
}

void AnalysisPipeline::process(const audio::AudioBlock& block)
{
    QElapsedTimer timer;
    timer.start();
    m_pitchPending.samples.insert(
        m_pitchPending.samples.end(), block.samples.begin(), block.samples.end());
    if (static_cast<int>(m_pitchPending.samples.size()) >= kPitchBatchFrames)
        startPitch();
    for (Analyser* analyser : m_analysers) {
        if (analyser != &m_pitch)
            analyser->process(block);
    }
    m_frames += static_cast<std::int64_t>(block.samples.size());
    m_elapsedNs += timer.nsecsElapsed();
}

TakeReport AnalysisPipeline::finish()
{
    QElapsedTimer timer;
    timer.start();
    waitForPitch();
    m_pitch.process(m_pitchPending); // the last, unfinished batch
    m_pitchPending.samples.clear();
    for (Analyser* analyser : m_analysers)
        analyser->finish();

    TakeReport report;
    report.durationS = audio::framesToSeconds(m_frames);
    fillTiming(report, m_voiceActivity, m_syllables, m_syllablesPerWord);
    report.pitchMedianHz = m_pitch.medianHz();
    report.pitchSdSemitones = m_pitch.sdSemitones();
    if (report.pitchSdSemitones)
        report.monotone = *report.pitchSdSemitones < PitchTracker::kMonotoneBelowSemitones;
    report.loudnessLufs = m_loudness.integratedLufs();
    report.peakDbfs = m_loudness.peakDbfs();
    report.clippedRatio = m_loudness.clippedRatio();
    report.signalToNoiseDb = m_voiceActivity.signalToNoiseDb();
    addCaveats(report);
    m_elapsedNs += timer.nsecsElapsed();
    report.analysisMs = static_cast<double>(m_elapsedNs) / 1e6;
    return report;
}

Result<TakeReport> analyseFile(const QString& path, double syllablesPerWord)
{
    QElapsedTimer timer;
    timer.start();
    Result<std::unique_ptr<audio::WavFileSource>> source = audio::WavFileSource::open(path);
    if (!source)
        return source.error();
    AnalysisPipeline pipeline;
    pipeline.setSyllablesPerWord(syllablesPerWord);
    pipeline.reset();
    if (Status read
        = (*source)->readAll([&](const audio::AudioBlock& block) { pipeline.process(block); });
        !read)
        return read.error();
    TakeReport report = pipeline.finish();
    report.analysisMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    return report;
}

} // namespace rapport::analysis
