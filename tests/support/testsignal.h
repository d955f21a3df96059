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

} // namespace rapport::test
