#pragma once

#include "core/rehearsal/timinglights.h"

#include <optional>

namespace rapport::rehearsal {

/// Where a take's speaking time fell against its window (green light .. red light).
struct TimingResult
{
    enum class Verdict { Under, Within, Over };
    Verdict verdict = Verdict::Within;
    qint64 byMs = 0; ///< how far outside the window (0 when within)
    qint64 errorMs = 0; ///< |speaking time - target (red light)|, for "how close to target"
};

/// The comfortable speaking pace, words per minute (Speaker Coach guidance; see the brief).
inline constexpr double kComfortableWpmMin = 100.0;
inline constexpr double kComfortableWpmMax = 165.0;

/// Where a measured pace falls: below, inside or above the comfortable band.
enum class PaceBand { Slow, Comfortable, Fast };
PaceBand paceBand(double wordsPerMinute);

/// Judges `speakingMs` against the window [greenMs, redMs] of `lights`.
TimingResult judgeTiming(qint64 speakingMs, const LightTimes& lights);

/// "Within the window", "12 s under the window", "0:08 over" — for reports.
QString describeTiming(const TimingResult& result);

} // namespace rapport::rehearsal
