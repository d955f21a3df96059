#pragma once

#include <QDateTime>

namespace rapport {

/// Wall-clock time, for the few things that need dates (when a card was drawn, when a take
/// started). Audio timing never uses it: that comes from frame counts.
class Clock
{
public:
    virtual ~Clock() = default;
    /// The current time in UTC.
    virtual QDateTime nowUtc() const = 0;
};

/// The real clock.
class SystemClock final : public Clock
{
public:
    QDateTime nowUtc() const override { return QDateTime::currentDateTimeUtc(); }
};

} // namespace rapport
