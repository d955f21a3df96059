#include "core/analysis/analysispipeline.h"

#include "core/audio/wavfilesource.h"

#include <QElapsedTimer>
#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace rapport::analysis {

namespace {

// Speech, pauses and rates from the voice activity and the syllable count.
void fillTiming(TakeReport& report, const VoiceActivity& vad, const SyllableNuclei& syllables)
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
        report.wordsPerMinute = syllables.count() / kSyllablesPerWord / ((end - start) / 60.0);
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

// One thread that runs the pitch tracker over the blocks the pipeline hands it, in order, while
// the calling thread runs the other analysers; drain() waits until it has caught up, before the
// pitch tracker is finished or reset.
class AnalysisPipeline::PitchWorker
{
public:
    explicit PitchWorker(PitchTracker& pitch)
        : m_pitch(pitch)
        , m_thread([this] { run(); })
    { }
    ~PitchWorker()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_quit = true;
        }
        m_wake.notify_one();
        m_thread.join();
    }
    PitchWorker(const PitchWorker&) = delete;
    PitchWorker& operator=(const PitchWorker&) = delete;

    /// Queues a copy of `block` for the pitch tracker.
    void post(const audio::AudioBlock& block)
    {
        {
            const std::lock_guard lock(m_mutex);
            m_queue.push_back(block);
        }
        m_wake.notify_one();
    }
    /// Waits until every queued block has been processed.
    void drain()
    {
        std::unique_lock lock(m_mutex);
        m_idle.wait(lock, [this] { return m_queue.empty() && !m_busy; });
    }

private:
    void run()
    {
        std::unique_lock lock(m_mutex);
        for (;;) {
            m_wake.wait(lock, [this] { return m_quit || !m_queue.empty(); });
            if (m_quit)
                return;
            audio::AudioBlock block = std::move(m_queue.front());
            m_queue.pop_front();
            m_busy = true;
            lock.unlock();
            m_pitch.process(block);
            lock.lock();
            m_busy = false;
            if (m_queue.empty())
                m_idle.notify_all();
        }
    }

    PitchTracker& m_pitch;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_idle;
    std::deque<audio::AudioBlock> m_queue;
    bool m_busy = false;
    bool m_quit = false;
    std::thread m_thread; ///< last: started once everything it uses exists
};

AnalysisPipeline::~AnalysisPipeline() = default;

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
    if (m_pitchWorker)
        m_pitchWorker->drain();
    for (Analyser* analyser : m_analysers)
        analyser->reset();
    m_frames = 0;
    m_elapsedNs = 0;
}

void AnalysisPipeline::process(const audio::AudioBlock& block)
{
    QElapsedTimer timer;
    timer.start();
    if (!m_pitchWorker)
        m_pitchWorker = std::make_unique<PitchWorker>(m_pitch);
    m_pitchWorker->post(block);
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
    if (m_pitchWorker)
        m_pitchWorker->drain();
    for (Analyser* analyser : m_analysers)
        analyser->finish();

    TakeReport report;
    report.durationS = audio::framesToSeconds(m_frames);
    fillTiming(report, m_voiceActivity, m_syllables);
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

Result<TakeReport> analyseFile(const QString& path)
{
    QElapsedTimer timer;
    timer.start();
    Result<std::unique_ptr<audio::WavFileSource>> source = audio::WavFileSource::open(path);
    if (!source)
        return source.error();
    AnalysisPipeline pipeline;
    pipeline.reset();
    audio::AudioBlock block;
    constexpr int kBlockFrames = 4096;
    for (;;) {
        Result<bool> more = (*source)->read(block, kBlockFrames);
        if (!more)
            return more.error();
        if (!*more)
            break;
        pipeline.process(block);
    }
    TakeReport report = pipeline.finish();
    report.analysisMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    return report;
}

} // namespace rapport::analysis
