#include "core/analysis/pitchtracker.h"

#include <algorithm>
#include <aubio/aubio.h>
#include <cmath>

namespace rapport::analysis {

struct PitchTracker::Aubio
{
    aubio_pitch_t* pitch = nullptr;
    fvec_t* in = nullptr;
    fvec_t* out = nullptr;

    Aubio()
        : pitch(
            new_aubio_pitch("yinfast", PitchTracker::kWindowFrames, kHopFrames, audio::kSampleRate))
        , in(new_fvec(kHopFrames))
        , out(new_fvec(1))
    {
        aubio_pitch_set_unit(pitch, "Hz");
        // Quiet speech still gets a pitch; the confidence gate rejects noise.
        aubio_pitch_set_silence(pitch, -70.0f);
    }
    ~Aubio()
    {
        del_fvec(out);
        del_fvec(in);
        del_aubio_pitch(pitch);
    }
    Aubio(const Aubio&) = delete;
    Aubio& operator=(const Aubio&) = delete;
};

PitchTracker::PitchTracker()
    : m_aubio(std::make_unique<Aubio>())
{ }

PitchTracker::~PitchTracker() = default;

void PitchTracker::reset()
{
    m_aubio = std::make_unique<Aubio>();
    m_fill = 0;
    m_skippedFirst = false;
    m_f0.clear();
    m_hz.clear();
    m_confidence.clear();
    m_medianHz.reset();
    m_sdSemitones.reset();
}

void PitchTracker::process(const audio::AudioBlock& block)
{
    std::size_t pos = 0;
    while (pos < block.samples.size()) {
        const std::size_t take
            = std::min(block.samples.size() - pos, static_cast<std::size_t>(kHopFrames - m_fill));
        std::copy_n(block.samples.begin() + static_cast<std::ptrdiff_t>(pos), take,
            m_aubio->in->data + m_fill);
        m_fill += static_cast<int>(take);
        pos += take;
        if (m_fill == kHopFrames)
            runHop();
    }
}

void PitchTracker::runHop()
{
    aubio_pitch_do(m_aubio->pitch, m_aubio->in, m_aubio->out);
    m_fill = 0;
    // Output k describes the window ending at (k + 1) hops, centred in hop k - 1.
    if (!m_skippedFirst) {
        m_skippedFirst = true;
        return;
    }
    const float hz = m_aubio->out->data[0];
    const float confidence = aubio_pitch_get_confidence(m_aubio->pitch);
    const bool voiced = confidence >= kMinConfidence && hz >= kMinHz && hz <= kMaxHz;
    m_f0.push_back(voiced ? hz : 0.0f);
    m_hz.push_back(hz);
    m_confidence.push_back(confidence);
}

void PitchTracker::finish()
{
    if (m_fill > 0) {
        std::fill(m_aubio->in->data + m_fill, m_aubio->in->data + kHopFrames, 0.0f);
        runHop();
    }
    std::vector<double> voiced;
    for (const float hz : m_f0) {
        if (hz > 0.0f)
            voiced.push_back(hz);
    }
    if (static_cast<int>(voiced.size()) < kMinVoicedHops)
        return;
    const auto mid = voiced.begin() + static_cast<std::ptrdiff_t>(voiced.size() / 2);
    std::nth_element(voiced.begin(), mid, voiced.end());
    const double median = *mid;
    double sumSquares = 0.0;
    for (const double hz : voiced) {
        const double semitones = 12.0 * std::log2(hz / median);
        sumSquares += semitones * semitones;
    }
    m_medianHz = median;
    m_sdSemitones = std::sqrt(sumSquares / static_cast<double>(voiced.size()));
}

bool PitchTracker::voicedNear(std::size_t hop, std::size_t slackHops) const
{
    const std::size_t first = hop > slackHops ? hop - slackHops : 0;
    const std::size_t last = std::min(hop + slackHops + 1, m_f0.size());
    for (std::size_t i = first; i < last; ++i) {
        if (m_f0[i] > 0.0f)
            return true;
    }
    return false;
}

} // namespace rapport::analysis

namespace rapport::analysis {

bool PitchTracker::periodicNear(std::size_t hop, std::size_t slackHops, float minConfidence) const
{
    const std::size_t first = hop > slackHops ? hop - slackHops : 0;
    const std::size_t last = std::min(hop + slackHops + 1, m_hz.size());
    for (std::size_t i = first; i < last; ++i) {
        if (m_confidence[i] >= minConfidence && m_hz[i] >= kMinHz && m_hz[i] <= kMaxHz)
            return true;
    }
    return false;
}

} // namespace rapport::analysis
