#include "core/analysis/voiceactivity.h"

#include "core/analysis/syllablenuclei.h"

#include <algorithm>
#include <cmath>

namespace rapport::analysis {

namespace {

constexpr float kFloorRisePerHop = VoiceActivity::kFloorRiseDbPerS * static_cast<float>(kHopS);

std::int64_t secondsToFrames(double seconds)
{
    return static_cast<std::int64_t>(std::llround(seconds * audio::kSampleRate));
}

// Joins speech runs separated by less than kMinPauseS, then drops isolated short bursts.
std::vector<SpeechSegment> bridgeAndClean(const std::vector<SpeechSegment>& runs)
{
    std::vector<SpeechSegment> merged;
    for (const SpeechSegment& run : runs) {
        if (!merged.empty()
            && run.startFrame - merged.back().endFrame
                < secondsToFrames(VoiceActivity::kMinPauseS)) {
            merged.back().endFrame = run.endFrame;
        } else {
            merged.push_back(run);
        }
    }
    std::erase_if(merged, [](const SpeechSegment& s) {
        return s.endFrame - s.startFrame < secondsToFrames(VoiceActivity::kMinSpeechS);
    });
    return merged;
}

// The noise floor under each hop: the level followed down at once and up only slowly, run
// forwards and backwards so that a take starting (or ending) mid-word gets a floor from the
// silence after (or before) it.
std::vector<float> noiseFloor(const std::vector<float>& levelDb)
{
    std::vector<float> floorDb(levelDb.size());
    float floor = levelDb.front();
    for (std::size_t i = 0; i < levelDb.size(); ++i) {
        floor = std::min(levelDb[i], floor + kFloorRisePerHop);
        floorDb[i] = floor;
    }
    floor = levelDb.back();
    for (std::size_t i = levelDb.size(); i-- > 0;) {
        floor = std::min(levelDb[i], floor + kFloorRisePerHop);
        floorDb[i] = std::min(floorDb[i], floor);
    }
    return floorDb;
}

} // namespace

float quantileOf(std::vector<float> values, double quantile)
{
    const auto index = static_cast<std::size_t>(
        std::clamp(quantile, 0.0, 1.0) * static_cast<double>(values.size() - 1));
    std::nth_element(
        values.begin(), values.begin() + static_cast<std::ptrdiff_t>(index), values.end());
    return values[index];
}

void VoiceActivity::reset()
{
    m_levelDb.clear();
    m_segments.clear();
    m_frames = 0;
    m_sumSquares = 0.0;
    m_hopCount = 0;
    m_speechLevelDb = kMinFloorDb;
}

void VoiceActivity::process(const audio::AudioBlock& block)
{
    for (const float x : block.samples) {
        m_sumSquares += static_cast<double>(x) * x;
        if (++m_hopCount == kHopFrames)
            endHop();
    }
    m_frames += static_cast<std::int64_t>(block.samples.size());
}

void VoiceActivity::endHop()
{
    const double meanSquare = m_sumSquares / m_hopCount;
    const float level = meanSquare > 0.0
        ? std::max(kMinFloorDb, static_cast<float>(10.0 * std::log10(meanSquare)))
        : kMinFloorDb;
    m_levelDb.push_back(level);
    m_sumSquares = 0.0;
    m_hopCount = 0;
}

void VoiceActivity::finish()
{
    if (m_hopCount > 0)
        endHop();
    m_segments.clear();
    if (m_levelDb.empty())
        return;
    m_speechLevelDb = quantileOf(m_levelDb, kSpeechQuantile);
    const std::vector<float> floorDb = noiseFloor(m_levelDb);
    // Double threshold (as in classic endpoint detection): a hop well above the floor starts
    // speech; the speech around it reaches out over the quieter hops still clearly above the
    // floor (the last fricative or release of a word, a soft onset).
    const std::vector<float> level = smoothLevelsDb(m_levelDb, kEdgeSmoothingHops);
    const auto strong = [&](std::size_t i) {
        return m_levelDb[i]
            >= std::max(m_speechLevelDb - kBelowSpeechDb, floorDb[i] + kAboveFloorDb);
    };
    const auto weak = [&](std::size_t i) {
        return level[i]
            >= std::max(m_speechLevelDb - kEdgeBelowSpeechDb, floorDb[i] + kEdgeAboveFloorDb);
    };
    std::vector<bool> speech(m_levelDb.size(), false);
    for (std::size_t i = 0; i < m_levelDb.size(); ++i) {
        if (!strong(i) || speech[i])
            continue;
        std::size_t first = i;
        while (first > 0 && !speech[first - 1] && weak(first - 1))
            --first;
        std::size_t last = i;
        while (last + 1 < m_levelDb.size() && (strong(last + 1) || weak(last + 1)))
            ++last;
        std::fill(speech.begin() + static_cast<std::ptrdiff_t>(first),
            speech.begin() + static_cast<std::ptrdiff_t>(last + 1), true);
    }
    std::vector<SpeechSegment> runs;
    for (std::size_t i = 0; i < speech.size(); ++i) {
        const auto frame = static_cast<std::int64_t>(i) * kHopFrames;
        if (speech[i] && (i == 0 || !speech[i - 1]))
            runs.push_back({ frame, frame + kHopFrames });
        else if (speech[i])
            runs.back().endFrame = frame + kHopFrames;
    }
    if (!runs.empty())
        runs.back().endFrame = std::min(runs.back().endFrame, m_frames);
    m_segments = bridgeAndClean(runs);
}

} // namespace rapport::analysis
