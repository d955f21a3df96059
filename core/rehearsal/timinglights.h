#pragma once

#include <QString>
#include <optional>

namespace rapport::rehearsal {

/// The signal a timekeeper shows, Toastmasters style.
enum class Light {
    None, ///< before the minimum: keep going
    Green, ///< the minimum is reached: you may finish
    Yellow, ///< the midpoint: start wrapping up
    Red, ///< the maximum: finish now
    Over, ///< past the maximum by more than the grace period: over time
};

/// When each light comes on, in milliseconds from the start. Precondition for use: valid().
struct LightTimes
{
    qint64 greenMs = 60'000;
    qint64 yellowMs = 90'000;
    qint64 redMs = 120'000;
    qint64 graceMs = 30'000; ///< red turns to "over time" this long after redMs

    /// Table Topics: green 1:00, yellow 1:30, red 2:00.
    static LightTimes tableTopics() { return {}; }
    /// A pitch's (and its takes') lights: no grace, past red a take is over time at once (the
    /// clock keeps counting). Neither pitches nor takes store a grace.
    static LightTimes pitch(qint64 greenMs, qint64 yellowMs, qint64 redMs)
    {
        return { greenMs, yellowMs, redMs, 0 };
    }
    /// Green at the minimum, yellow at the midpoint, red at the maximum (both in ms, min < max).
    static LightTimes forWindow(qint64 minimumMs, qint64 maximumMs);

    /// 0 < green < yellow < red and grace >= 0.
    bool valid() const;
    bool operator==(const LightTimes&) const = default;
};

/// The light showing `elapsedMs` after the start.
Light lightAt(qint64 elapsedMs, const LightTimes& times);

/// "Green", "Yellow", ... for labels next to the colour (never rely on colour alone).
QString lightName(Light light);

/// What the light asks of the speaker, e.g. "You can finish".
QString lightAdvice(Light light);

/// "1:05" for 65 000 ms; negative values are shown as 0:00.
QString formatClock(qint64 ms);

} // namespace rapport::rehearsal
