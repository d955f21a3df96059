#pragma once

#include "core/audio/audioblock.h"

namespace rapport::analysis {

/// One streaming analyser of a take (lifecycle after Mixxx's analyzers): reset(), then process()
/// for every block as it arrives, then finish(); results are read after finish().
class Analyser
{
public:
    virtual ~Analyser() = default;

    /// Forgets the previous take; the next block processed starts at frame 0.
    virtual void reset() = 0;
    /// Takes the next block (mono, kSampleRate); precondition: blocks are contiguous in time.
    virtual void process(const audio::AudioBlock& block) = 0;
    /// Ends the take: flushes partial frames and computes the results.
    virtual void finish() = 0;
};

/// Analysis frame shared by the frame-level analysers: 10 ms at kSampleRate.
inline constexpr int kHopFrames = audio::kSampleRate / 100;
/// Seconds per analysis hop.
inline constexpr double kHopS = static_cast<double>(kHopFrames) / audio::kSampleRate;

} // namespace rapport::analysis
