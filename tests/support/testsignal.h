#pragma once

#include <cmath>
#include <cstdint>
#include <numbers>

namespace rapport::test {

/// The deterministic test signal of the audio tests: a 440 Hz tone at 0.6 plus a 97 Hz tone at
/// 0.3 (peak below 0.9, so no clipping), sample `frame` at 16 kHz. Every frame differs from its
/// neighbours, so a dropped, repeated or shifted block changes the samples.
inline float testSample(std::int64_t frame)
{
    const double t = static_cast<double>(frame) / 16000.0;
    return static_cast<float>(0.6 * std::sin(2.0 * std::numbers::pi * 440.0 * t)
        + 0.3 * std::sin(2.0 * std::numbers::pi * 97.0 * t));
}

/// A deterministic voice-like signal, sample `frame` at 16 kHz counted from its start: a 150 Hz
/// buzz with three overtones, swelling and fading four times a second like syllables (peak below
/// 0.5). Unlike a steady tone, it stands out from its own quietest moments as a voice does.
inline float voiceSample(std::int64_t frame)
{
    const double t = static_cast<double>(frame) / 16000.0;
    const double envelope = 0.55 - 0.45 * std::cos(2.0 * std::numbers::pi * 4.0 * t);
    double x = 0.0;
    for (int h = 1; h <= 4; ++h)
        x += envelope * 0.15 / h * std::sin(2.0 * std::numbers::pi * 150.0 * h * t);
    return static_cast<float>(x);
}

} // namespace rapport::test
