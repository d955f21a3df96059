#include "core/analysis/voiceactivity.h"

#include "core/analysis/pitchtracker.h"
#include "core/analysis/syllablenuclei.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace rapport::analysis {

namespace {

constexpr float kTinyPower = 1e-12f; ///< -120 dB: a band can never be quieter than this

std::int64_t secondsToFrames(double seconds)
{
    return static_cast<std::int64_t>(std::llround(seconds * audio::kSampleRate));
}

int secondsToHops(double seconds)
{
    return static_cast<int>(std::lround(seconds / kHopS));
}

float toDb(double power)
{
    return static_cast<float>(10.0 * std::log10(std::max(power, 1e-30)));
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

} // namespace

float quantileOf(std::vector<float> values, double quantile)
{
    const auto index = static_cast<std::size_t>(
        std::clamp(quantile, 0.0, 1.0) * static_cast<double>(values.size() - 1));
    std::nth_element(
        values.begin(), values.begin() + static_cast<std::ptrdiff_t>(index), values.end());
    return values[index];
}

VoiceActivity::VoiceActivity(const BandSpectrum& spectrum, const PitchTracker& pitch)
    : m_spectrum(spectrum)
    , m_pitch(pitch)
{ }

void VoiceActivity::reset()
{
    m_noise = {};
    m_backgroundMeasured = false;
    m_whitenedDb.clear();
    m_segments.clear();
    m_snrDb.reset();
    m_frames = 0;
}

void VoiceActivity::process(const audio::AudioBlock& block)
{
    m_frames += static_cast<std::int64_t>(block.samples.size());
}

// The background band by band, and each hop weighed against it.
void VoiceActivity::estimateBackground()
{
    const std::vector<BandSpectrum::Bands>& hops = m_spectrum.hops();
    const std::vector<bool>& silent = m_spectrum.silentHops();
    std::vector<std::size_t> live;
    for (std::size_t i = 0; i < hops.size(); ++i) {
        if (!silent[i])
            live.push_back(i);
    }
    m_whitenedDb.assign(hops.size(), kSilentHopDb);
    if (live.empty())
        return;
    const auto whiten = [&](const BandSpectrum::Bands& noise) {
        // Voiced sound shows below ~1.5 kHz, a fricative above: each half is weighed on its own
        // and the louder counts, so noise in one half does not dilute speech in the other.
        constexpr std::size_t kHalf = BandSpectrum::kBands / 2;
        for (const std::size_t i : live) {
            double low = 0.0;
            double high = 0.0;
            for (std::size_t b = 0; b < BandSpectrum::kBands; ++b)
                (b < kHalf ? low : high) += hops[i][b] / noise[b];
            m_whitenedDb[i] = toDb(std::max(low, high) / kHalf);
        }
    };
    // First guess: a low quantile of each band; then the mean of the hops near that floor, which
    // is the background's level itself rather than its quiet moments.
    std::vector<float> values(live.size());
    for (std::size_t b = 0; b < BandSpectrum::kBands; ++b) {
        std::transform(
            live.begin(), live.end(), values.begin(), [&](std::size_t i) { return hops[i][b]; });
        m_noise[b] = std::max(kTinyPower, quantileOf(values, kNoiseQuantile));
    }
    whiten(m_noise);
    // The background is what is heard on its own for a while: quiet runs of kMinQuietS or
    // more (between sentences, before and after them, in a stop closure); the dips between two
    // syllables of continuous speech are not it.
    std::vector<std::size_t> quiet;
    const auto minRun = static_cast<std::size_t>(secondsToHops(kMinQuietS));
    for (std::size_t k = 0; k < live.size();) {
        std::size_t end = k;
        while (end < live.size() && m_whitenedDb[live[end]] < kWeakDb
            && (end == k || live[end] == live[end - 1] + 1))
            ++end;
        if (end - k >= minRun)
            quiet.insert(quiet.end(), live.begin() + static_cast<std::ptrdiff_t>(k),
                live.begin() + static_cast<std::ptrdiff_t>(end));
        k = std::max(end, k + 1);
    }
    BandSpectrum::Bands mean {};
    for (const std::size_t i : quiet) {
        for (std::size_t b = 0; b < BandSpectrum::kBands; ++b)
            mean[b] += hops[i][b] / static_cast<float>(quiet.size());
    }
    // A steady background (noise, hum, room tone) varies little from hop to hop once whitened;
    // the quiet ends of words falling into digital silence vary a lot.
    double sum = 0.0;
    double sumSquares = 0.0;
    for (const std::size_t i : quiet) {
        sum += m_whitenedDb[i];
        sumSquares += static_cast<double>(m_whitenedDb[i]) * m_whitenedDb[i];
    }
    const double n = static_cast<double>(std::max<std::size_t>(quiet.size(), 1));
    const double spread = std::sqrt(std::max(0.0, sumSquares / n - (sum / n) * (sum / n)));
    m_backgroundMeasured = !quiet.empty() && spread <= kSteadyBackgroundDb;
    const float scale = m_backgroundMeasured ? 1.0f : std::pow(10.0f, -kNoBackgroundDb / 10.0f);
    for (std::size_t b = 0; b < BandSpectrum::kBands; ++b)
        m_noise[b] = std::max(kTinyPower, (quiet.empty() ? m_noise[b] : mean[b]) * scale);
    whiten(m_noise);
}

// Hysteresis from voiced seeds, with unvoiced edges limited.
std::vector<bool> VoiceActivity::findSpeechHops() const
{
    const std::size_t n = m_whitenedDb.size();
    std::vector<float> live;
    for (std::size_t i = 0; i < n; ++i) {
        if (m_whitenedDb[i] > kSilentHopDb)
            live.push_back(m_whitenedDb[i]);
    }
    std::vector<bool> speech(n, false);
    if (live.empty())
        return speech;
    const float loud = quantileOf(live, kSpeechQuantile);
    const std::vector<float> smooth = smoothLevelsDb(m_whitenedDb, 3);
    const float strongDb = std::max(kStrongDb, loud - kBelowSpeechDb);
    const float weakDb = std::max(kWeakDb, loud - kEdgeBelowSpeechDb);
    std::vector<bool> voicedHops(n);
    for (std::size_t i = 0; i < n; ++i)
        voicedHops[i] = m_pitch.periodicNear(i, 1, kSeedConfidence);
    const auto voiced = [&](std::size_t i) { return voicedHops[i]; };
    const auto above
        = [&](std::size_t i) { return m_whitenedDb[i] >= weakDb && smooth[i] >= weakDb; };
    // Loud unvoiced or creaky sound (a final /s/, vocal fry at a phrase end) is speech however
    // long; quiet unvoiced sound only next to voicing.
    const float firmDb = std::max(kStrongDb, loud - kFirmBelowSpeechDb);
    const auto anchored = [&](std::size_t i) { return voiced(i) || m_whitenedDb[i] >= firmDb; };
    const auto maxUnvoiced = static_cast<std::size_t>(secondsToHops(kMaxUnvoicedEdgeS));
    // A seed: a voiced hop clearly above the room, or the middle of a long run of sound as loud as
    // speech (a creaky or whispered word YIN cannot follow; a breath is never that loud or long).
    // "As loud as speech" is measured on the take's voiced sound: without a voice, nothing is.
    std::vector<float> voicedLevels;
    for (std::size_t i = 0; i < n; ++i) {
        if (m_whitenedDb[i] >= strongDb && voiced(i))
            voicedLevels.push_back(m_whitenedDb[i]);
    }
    const float loudRunDb = voicedLevels.empty()
        ? std::numeric_limits<float>::infinity()
        : std::max(strongDb, quantileOf(voicedLevels, kSpeechQuantile) - kLoudRunBelowSpeechDb);
    const auto loudRunHops = static_cast<std::size_t>(secondsToHops(kMinLoudRunS));
    std::vector<bool> loudRun(n, false);
    for (std::size_t i = 0, run = 0; i < n; ++i) {
        run = m_whitenedDb[i] >= loudRunDb ? run + 1 : 0;
        if (run >= loudRunHops)
            loudRun[i] = true;
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (speech[i] || m_whitenedDb[i] < strongDb || !(voiced(i) || loudRun[i]))
            continue;
        // Grow from the seed over hops above the background; remember the outermost voiced hop.
        std::size_t first = i;
        std::size_t firstVoiced = i;
        while (first > 0 && !speech[first - 1] && above(first - 1)
            && firstVoiced - (first - 1) <= maxUnvoiced) {
            --first;
            if (anchored(first))
                firstVoiced = first;
        }
        std::size_t last = i;
        std::size_t lastVoiced = i;
        while (last + 1 < n && above(last + 1) && (last + 1) - lastVoiced <= maxUnvoiced) {
            ++last;
            if (anchored(last))
                lastVoiced = last;
        }
        std::fill(speech.begin() + static_cast<std::ptrdiff_t>(first),
            speech.begin() + static_cast<std::ptrdiff_t>(last + 1), true);
    }
    // A final consonant across a stop's closure belongs to the word: the /s/ of "clinics" after
    // the /k/'s silence, and so does the next one of a cluster across a second closure ("-cts s"),
    // which is why the scan goes on from what it has just attached. (Not before a word: what
    // precedes one across a silence is more often a breath than the /s/ of "stop".)
    const auto closure = static_cast<std::size_t>(secondsToHops(kMaxClosureS));
    const std::vector<bool> seeded = speech;
    for (std::size_t i = 0; i + 1 < n; ++i) {
        if (!speech[i] || speech[i + 1])
            continue;
        std::size_t j = i + 1;
        while (j < n && j - i <= closure && !above(j))
            ++j;
        std::size_t end = j;
        bool clear = false; // the consonant stands clearly above the room, unlike its murmur
        while (end < n && end - j < maxUnvoiced && above(end) && !seeded[end]) {
            clear = clear || m_whitenedDb[end] >= strongDb;
            ++end;
        }
        if (clear)
            std::fill(speech.begin() + static_cast<std::ptrdiff_t>(i + 1),
                speech.begin() + static_cast<std::ptrdiff_t>(end), true);
    }
    return speech;
}

void VoiceActivity::finish()
{
    m_segments.clear();
    m_snrDb.reset();
    estimateBackground();
    if (m_whitenedDb.empty())
        return;
    const std::vector<bool> speech = findSpeechHops();
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

    // Signal to noise: the speech band's power while speaking over the background's.
    if (m_segments.empty() || !m_backgroundMeasured)
        return;
    const std::vector<BandSpectrum::Bands>& hops = m_spectrum.hops();
    double speechPower = 0.0;
    int count = 0;
    for (std::size_t i = 0; i < speech.size(); ++i) {
        if (!speech[i])
            continue;
        speechPower += std::accumulate(hops[i].begin(), hops[i].end(), 0.0);
        ++count;
    }
    const double noisePower = std::accumulate(m_noise.begin(), m_noise.end(), 0.0);
    if (count > 0)
        m_snrDb = 10.0 * std::log10(speechPower / count / noisePower);
}

} // namespace rapport::analysis
