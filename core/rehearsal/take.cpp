#include "core/rehearsal/take.h"

#include <cmath>

namespace rapport::rehearsal {

std::optional<TimingResult> takeTiming(const Take& take)
{
    if (!take.report.speakingTimeS)
        return std::nullopt;
    return judgeTiming(std::llround(*take.report.speakingTimeS * 1000.0), take.lights);
}

} // namespace rapport::rehearsal
