#pragma once

#include <cstdint>
#include <vector>

namespace rapport::audio {

/// The one format every analyser and writer works on: mono float samples in [-1, 1].
inline constexpr int kSampleRate = 16000;

/// A run of consecutive samples of a take, at kSampleRate, mono.
struct AudioBlock
{
    std::int64_t startFrame = 0; ///< index of samples[0], counted from the first frame of the take
    std::vector<float> samples; ///< mono, [-1, 1]

    /// One past the last frame of the block.
    std::int64_t endFrame() const { return startFrame + static_cast<std::int64_t>(samples.size()); }
};

/// Frames at kSampleRate to seconds.
constexpr double framesToSeconds(std::int64_t frames)
{
    return static_cast<double>(frames) / kSampleRate;
}

} // namespace rapport::audio
