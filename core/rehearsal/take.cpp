#include "core/rehearsal/take.h"

#include <cmath>

namespace rapport::rehearsal {

Take takeOf(const Pitch& pitch, const QDateTime& startedAtUtc)
{
    Take take;
    take.pitchId = pitch.id;
    take.startedAt = startedAtUtc;
    take.lights
        = LightTimes::pitch(pitch.lights.greenMs, pitch.lights.yellowMs, pitch.lights.redMs);
    return take;
}

std::optional<TimingResult> takeTiming(const Take& take)
{
    if (!take.report.speakingTimeS)
        return std::nullopt;
    return judgeTiming(std::llround(*take.report.speakingTimeS * 1000.0), take.lights);
}

} // namespace rapport::rehearsal
