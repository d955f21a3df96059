#pragma once

#include "core/analysis/analyser.h"

#include <array>
#include <memory>
#include <vector>

namespace rapport::analysis {

/// The power of each 10 ms hop in kBands frequency bands between kLowestHz and kHighestHz
/// (mel-spaced), from a Hann-windowed kWindowFrames FFT centred on the hop; and which hops are
/// digital silence. Below kLowestHz lie DC, mains hum's fundamental and most of a fan's rumble,
/// none of which is speech.
///
/// The voice activity and the syllable count read these powers after finish().
class BandSpectrum final : public Analyser
{
public:
    static constexpr int kBands = 20;
    static constexpr int kWindowFrames = 512; ///< 32 ms at kSampleRate
    static constexpr float kLowestHz = 120.0f;
    static constexpr float kHighestHz = 7600.0f;
    /// A hop whose samples all lie within this of zero is digital silence (a microphone or gate
    /// delivering zeros; one 16-bit step is 3e-5).
    static constexpr float kDigitalSilence = 4e-5f;

    using Bands = std::array<float, kBands>;

    BandSpectrum();
    ~BandSpectrum() override;
    BandSpectrum(const BandSpectrum&) = delete;
    BandSpectrum& operator=(const BandSpectrum&) = delete;

    void reset() override;
    void process(const audio::AudioBlock& block) override;
    void finish() override;

    /// Band powers of each hop (hop i is centred in frames [i, i + 1) * kHopFrames), linear
    /// mean square per band, in order.
    const std::vector<Bands>& hops() const { return m_hops; }
    /// Whether each hop is digital silence.
    const std::vector<bool>& silentHops() const { return m_silent; }
    /// Lower edge of band `band` in Hz; band kBands is the upper edge of the last one.
    static float bandEdgeHz(int band);

private:
    void runHop();

    struct Fft;
    std::unique_ptr<Fft> m_fft;
    std::vector<float> m_ring; ///< the last kWindowFrames samples, circular
    std::size_t m_ringPos = 0;
    std::int64_t m_frames = 0;
    std::vector<Bands> m_hops;
    std::vector<bool> m_silent;
};

} // namespace rapport::analysis
