#include "core/analysis/pitchtracker.h"

#include <algorithm>
#include <aubio/aubio.h>
#include <cmath>
#include <numbers>

namespace rapport::analysis {

namespace {

constexpr int kPitchHopFrames = kHopFrames / PitchTracker::kDecimation;

} // namespace

// One low-pass biquad (RBJ's cookbook), transposed direct form II.
struct PitchTracker::Biquad
{
    float b0 = 1, b1 = 0, b2 = 0, a1 = 0, a2 = 0;
    float z1 = 0, z2 = 0;

    Biquad(double cutoffHz, double q)
    {
        const double w = 2.0 * std::numbers::pi * cutoffHz / audio::kSampleRate;
        const double alpha = std::sin(w) / (2.0 * q);
        const double a0 = 1.0 + alpha;
        b0 = static_cast<float>((1.0 - std::cos(w)) / 2.0 / a0);
        b1 = static_cast<float>((1.0 - std::cos(w)) / a0);
        b2 = b0;
        a1 = static_cast<float>(-2.0 * std::cos(w) / a0);
        a2 = static_cast<float>((1.0 - alpha) / a0);
    }
    float operator()(float x)
    {
        const float y = b0 * x + z1;
        z1 = b1 * x - a1 * y + z2;
        z2 = b2 * x - a2 * y;
        return y;
    }
};

struct PitchTracker::Aubio
{
    aubio_pitch_t* pitch = nullptr;
    fvec_t* in = nullptr;
    fvec_t* out = nullptr;
    // A 4th-order Butterworth low-pass (two biquads) before taking every kDecimation-th sample.
    Biquad low1 { kLowPassHz, 0.5412 };
    Biquad low2 { kLowPassHz, 1.3066 };

    Aubio()
        : pitch(new_aubio_pitch("yinfast", PitchTracker::kWindowFrames, kPitchHopFrames,
            audio::kSampleRate / PitchTracker::kDecimation))
        , in(new_fvec(kPitchHopFrames))
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
    m_phase = 0;
    m_skippedFirst = false;
    m_f0.clear();
    m_hz.clear();
    m_confidence.clear();
    m_medianHz.reset();
    m_sdSemitones.reset();
}

void PitchTracker::process(const audio::AudioBlock& block)
{
    for (const float x : block.samples) {
        const float y = m_aubio->low2(m_aubio->low1(x));
        if (m_phase++ % kDecimation != 0)
            continue;
        m_aubio->in->data[m_fill++] = y;
        if (m_fill == kPitchHopFrames)
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
        std::fill(m_aubio->in->data + m_fill, m_aubio->in->data + kPitchHopFrames, 0.0f);
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

bool PitchTracker::periodicNear(
    std::size_t hop, std::size_t slackHops, float minConfidence, float minHz, float maxHz) const
{
    const std::size_t first = hop > slackHops ? hop - slackHops : 0;
    const std::size_t last = std::min(hop + slackHops + 1, m_hz.size());
    for (std::size_t i = first; i < last; ++i) {
        if (m_confidence[i] >= minConfidence && m_hz[i] >= minHz && m_hz[i] <= maxHz)
            return true;
    }
    return false;
}

} // namespace rapport::analysis
