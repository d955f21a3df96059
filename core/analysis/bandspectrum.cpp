#include "core/analysis/bandspectrum.h"

#include <algorithm>
#include <aubio/aubio.h>
#include <cmath>
#include <numbers>

namespace rapport::analysis {

namespace {

// The window of hop i is centred on the hop: frames [i * hop + hop / 2 - window / 2, + window).
constexpr std::int64_t kWindowLead = kHopFrames / 2 - BandSpectrum::kWindowFrames / 2;
constexpr int kBins = BandSpectrum::kWindowFrames / 2 + 1;

float hzToMel(float hz)
{
    return 2595.0f * std::log10(1.0f + hz / 700.0f);
}

float melToHz(float mel)
{
    return 700.0f * (std::pow(10.0f, mel / 2595.0f) - 1.0f);
}

} // namespace

struct BandSpectrum::Fft
{
    aubio_fft_t* fft = new_aubio_fft(kWindowFrames);
    fvec_t* in = new_fvec(kWindowFrames);
    fvec_t* out = new_fvec(kWindowFrames);
    std::vector<float> window = std::vector<float>(kWindowFrames);
    std::array<int, kBands + 1> firstBin {}; ///< band b covers bins [firstBin[b], firstBin[b + 1])
    float scale = 1.0f; ///< turns |X|^2 into the mean square of the windowed signal

    Fft()
    {
        double energy = 0.0;
        for (int i = 0; i < kWindowFrames; ++i) {
            window[static_cast<std::size_t>(i)] = static_cast<float>(
                0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * (i + 0.5) / kWindowFrames));
            energy += static_cast<double>(window[static_cast<std::size_t>(i)])
                * window[static_cast<std::size_t>(i)];
        }
        // Parseval: sum over the one-sided spectrum of 2|X|^2 / N equals the windowed energy.
        scale = static_cast<float>(2.0 / (kWindowFrames * energy));
        const float binHz = static_cast<float>(audio::kSampleRate) / kWindowFrames;
        for (int b = 0; b <= kBands; ++b) {
            firstBin[static_cast<std::size_t>(b)]
                = std::clamp(static_cast<int>(std::ceil(bandEdgeHz(b) / binHz)), 1, kBins - 1);
        }
        for (int b = 1; b <= kBands; ++b) { // every band holds at least one bin
            auto& edge = firstBin[static_cast<std::size_t>(b)];
            edge = std::max(edge, firstBin[static_cast<std::size_t>(b - 1)] + 1);
        }
    }
    ~Fft()
    {
        del_fvec(out);
        del_fvec(in);
        del_aubio_fft(fft);
    }
    Fft(const Fft&) = delete;
    Fft& operator=(const Fft&) = delete;
};

float BandSpectrum::bandEdgeHz(int band)
{
    const float low = hzToMel(kLowestHz);
    const float high = hzToMel(kHighestHz);
    return melToHz(low + (high - low) * static_cast<float>(band) / kBands);
}

BandSpectrum::BandSpectrum()
    : m_fft(std::make_unique<Fft>())
    , m_ring(kWindowFrames, 0.0f)
{ }

BandSpectrum::~BandSpectrum() = default;

void BandSpectrum::reset()
{
    std::fill(m_ring.begin(), m_ring.end(), 0.0f);
    m_ringPos = 0;
    m_frames = 0;
    m_hops.clear();
    m_silent.clear();
}

void BandSpectrum::process(const audio::AudioBlock& block)
{
    const float* x = block.samples.data();
    std::size_t left = block.samples.size();
    while (left > 0) {
        // Up to the end of the current hop or of the next window, whichever comes first.
        if (m_frames % kHopFrames == 0)
            m_silent.push_back(true);
        const std::int64_t nextWindowEnd
            = static_cast<std::int64_t>(m_hops.size()) * kHopFrames + kWindowLead + kWindowFrames;
        const std::int64_t hopEnd = (m_frames / kHopFrames + 1) * kHopFrames;
        const auto take = static_cast<std::size_t>(
            std::min<std::int64_t>({ static_cast<std::int64_t>(left), hopEnd - m_frames,
                nextWindowEnd - m_frames, static_cast<std::int64_t>(kWindowFrames - m_ringPos) }));
        float peak = 0.0f;
        for (std::size_t i = 0; i < take; ++i)
            peak = std::max(peak, std::abs(x[i]));
        if (peak > kDigitalSilence)
            m_silent.back() = false;
        std::copy_n(x, take, m_ring.begin() + static_cast<std::ptrdiff_t>(m_ringPos));
        m_ringPos = (m_ringPos + take) % kWindowFrames;
        m_frames += static_cast<std::int64_t>(take);
        x += take;
        left -= take;
        if (m_frames == nextWindowEnd)
            runHop();
    }
}

void BandSpectrum::finish()
{
    // The hops whose windows reach past the end see zeros there.
    while (m_hops.size() < m_silent.size()) {
        const std::int64_t windowEnd
            = static_cast<std::int64_t>(m_hops.size()) * kHopFrames + kWindowLead + kWindowFrames;
        for (std::int64_t f = std::max(m_frames, windowEnd - kWindowFrames); f < windowEnd; ++f) {
            m_ring[m_ringPos] = 0.0f;
            m_ringPos = (m_ringPos + 1) % kWindowFrames;
        }
        m_frames = std::max(m_frames, windowEnd);
        runHop();
    }
}

void BandSpectrum::runHop()
{
    Fft& f = *m_fft;
    // m_ringPos is the oldest sample of the window.
    const std::size_t firstPart = kWindowFrames - m_ringPos;
    for (std::size_t i = 0; i < firstPart; ++i)
        f.in->data[i] = m_ring[m_ringPos + i] * f.window[i];
    for (std::size_t i = firstPart; i < kWindowFrames; ++i)
        f.in->data[i] = m_ring[i - firstPart] * f.window[i];
    aubio_fft_do_complex(f.fft, f.in, f.out);
    // aubio's layout: real parts 0..N/2, then imaginary parts N/2-1..1.
    Bands bands {};
    for (int b = 0; b < kBands; ++b) {
        const int first = f.firstBin[static_cast<std::size_t>(b)];
        const int last = f.firstBin[static_cast<std::size_t>(b + 1)];
        double sum = 0.0;
        for (int k = first; k < last; ++k) {
            const double re = f.out->data[k];
            const double im = k < kWindowFrames / 2 ? f.out->data[kWindowFrames - k] : 0.0;
            sum += re * re + im * im;
        }
        bands[static_cast<std::size_t>(b)] = static_cast<float>(sum * f.scale);
    }
    m_hops.push_back(bands);
}

} // namespace rapport::analysis
