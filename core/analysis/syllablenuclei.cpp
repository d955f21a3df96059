#include "core/analysis/syllablenuclei.h"

#include "core/analysis/bandspectrum.h"
#include "core/analysis/pitchtracker.h"
#include "core/analysis/voiceactivity.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <optional>

namespace rapport::analysis {

std::vector<float> smoothLevelsDb(const std::vector<float>& levelsDb, int hops)
{
    const int half = hops / 2;
    std::vector<double> weights(static_cast<std::size_t>(hops));
    for (int k = 0; k < hops; ++k)
        weights[static_cast<std::size_t>(k)]
            = 0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * (k + 1) / (hops + 1));
    std::vector<double> power(levelsDb.size());
    std::transform(levelsDb.begin(), levelsDb.end(), power.begin(),
        [](float db) { return std::pow(10.0, db / 10.0); });
    std::vector<float> smoothed(levelsDb.size());
    const auto n = static_cast<std::ptrdiff_t>(levelsDb.size());
    for (std::ptrdiff_t i = 0; i < n; ++i) {
        double sum = 0.0;
        double weightSum = 0.0;
        for (int k = 0; k < hops; ++k) {
            const std::ptrdiff_t j = i + k - half;
            if (j < 0 || j >= n)
                continue;
            sum += weights[static_cast<std::size_t>(k)] * power[static_cast<std::size_t>(j)];
            weightSum += weights[static_cast<std::size_t>(k)];
        }
        smoothed[static_cast<std::size_t>(i)]
            = static_cast<float>(10.0 * std::log10(sum / weightSum));
    }
    return smoothed;
}

namespace {
// Stands for "no dip": the nucleus opens a stretch of speech.
constexpr float kNoDip = std::numeric_limits<float>::infinity();
} // namespace

SyllableNuclei::SyllableNuclei(
    const BandSpectrum& spectrum, const VoiceActivity& voiceActivity, const PitchTracker& pitch)
    : m_spectrum(spectrum)
    , m_voiceActivity(voiceActivity)
    , m_pitch(pitch)
{ }

void SyllableNuclei::reset()
{
    m_nuclei.clear();
}

void SyllableNuclei::process(const audio::AudioBlock&)
{ }

void SyllableNuclei::finish()
{
    m_nuclei.clear();
    // The vowel band's power over the background: the bands wholly inside it.
    std::size_t firstBand = 0;
    while (BandSpectrum::bandEdgeHz(static_cast<int>(firstBand)) < kVowelLowHz)
        ++firstBand;
    std::size_t endBand = firstBand;
    while (BandSpectrum::bandEdgeHz(static_cast<int>(endBand) + 1) <= kVowelHighHz)
        ++endBand;
    const BandSpectrum::Bands& noise = m_voiceActivity.noiseBands();
    std::vector<float> raw;
    raw.reserve(m_spectrum.hops().size());
    for (const BandSpectrum::Bands& bands : m_spectrum.hops()) {
        double power = 0.0;
        for (std::size_t b = firstBand; b < endBand; ++b)
            power += std::max(0.0f, bands[b] - noise[b]);
        raw.push_back(static_cast<float>(10.0 * std::log10(std::max(power, 1e-14))));
    }
    const std::vector<float> level = smoothLevelsDb(raw, kSmoothingHops);
    const auto localHops = static_cast<std::size_t>(std::lround(kLocalS / kHopS));
    const auto loudNear = [&](std::size_t i, std::size_t first, std::size_t last) {
        const std::size_t from = std::max(first, i > localHops ? i - localHops : 0);
        const std::size_t to = std::min(last, i + localHops + 1);
        return *std::max_element(level.begin() + static_cast<std::ptrdiff_t>(from),
            level.begin() + static_cast<std::ptrdiff_t>(to));
    };
    std::vector<float> dipBefore; // the dip between each nucleus and the one before (same segment)
    for (const SpeechSegment& segment : m_voiceActivity.segments()) {
        const std::size_t firstNucleus = m_nuclei.size();
        const auto push = [&](std::size_t hop) {
            if (m_nuclei.size() == firstNucleus) {
                dipBefore.push_back(kNoDip);
            } else {
                const std::size_t previous = m_nuclei.back();
                const float floor
                    = *std::min_element(level.begin() + static_cast<std::ptrdiff_t>(previous),
                        level.begin() + static_cast<std::ptrdiff_t>(hop));
                dipBefore.push_back(std::min(level[previous], level[hop]) - floor);
            }
            m_nuclei.push_back(hop);
        };
        const auto first = static_cast<std::size_t>(segment.startFrame / kHopFrames);
        const auto last = std::min(level.size(),
            static_cast<std::size_t>((segment.endFrame + kHopFrames - 1) / kHopFrames));
        // Walk the local maxima; a candidate becomes a nucleus once the dip after it is deep
        // enough on both sides, otherwise the lower of two close peaks is dropped.
        std::optional<std::size_t> candidate;
        float dip = 0.0f;
        for (std::size_t i = first; i < last; ++i) {
            if (candidate)
                dip = std::min(dip, level[i]);
            const bool isPeak = (i == first || level[i] > level[i - 1])
                && (i + 1 == last || level[i] >= level[i + 1]);
            if (!isPeak || level[i] < loudNear(i, first, last) - kBelowLocalPeakDb)
                continue;
            if (!candidate) {
                candidate = i;
                dip = level[i];
                continue;
            }
            if (level[*candidate] - dip >= kMinDipDb && level[i] - dip >= kMinDipDb) {
                push(*candidate);
                candidate = i;
                dip = level[i];
            } else if (level[i] > level[*candidate]) {
                candidate = i;
                dip = level[i];
            }
        }
        if (candidate)
            push(*candidate);
    }
    mergeCloseNuclei(level, dipBefore);
    // Voiced: YIN as sure as for a seed of speech (lossy recordings rarely reach the 0.8 that
    // the pitch statistics ask for).
    std::erase_if(m_nuclei, [this](std::size_t hop) {
        return !m_pitch.periodicNear(hop, 2, VoiceActivity::kSeedConfidence,
            PitchTracker::kMinPeriodicHz, PitchTracker::kMaxPeriodicHz);
    });
}

void SyllableNuclei::mergeCloseNuclei(
    const std::vector<float>& level, const std::vector<float>& dipBefore)
{
    std::vector<std::size_t> gaps;
    for (std::size_t k = 1; k < m_nuclei.size(); ++k) {
        if (dipBefore[k] != kNoDip)
            gaps.push_back(m_nuclei[k] - m_nuclei[k - 1]);
    }
    if (gaps.size() < kMinGapsForTypical)
        return;
    const auto middle = gaps.begin() + static_cast<std::ptrdiff_t>(gaps.size() / 2);
    std::nth_element(gaps.begin(), middle, gaps.end());
    const double tooClose = kMergeBelowTypicalGap * static_cast<double>(*middle);
    std::vector<std::size_t> kept;
    kept.reserve(m_nuclei.size());
    for (std::size_t k = 0; k < m_nuclei.size(); ++k) {
        const std::size_t hop = m_nuclei[k];
        if (!kept.empty() && dipBefore[k] < kMergeDipDb
            && static_cast<double>(hop - kept.back()) < tooClose) {
            if (level[hop] > level[kept.back()])
                kept.back() = hop;
            continue;
        }
        kept.push_back(hop);
    }
    m_nuclei = std::move(kept);
}

} // namespace rapport::analysis
