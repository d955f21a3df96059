#include "core/rehearsal/timinglights.h"

#include <QCoreApplication>

namespace rapport::rehearsal {

LightTimes LightTimes::forWindow(qint64 minimumMs, qint64 maximumMs)
{
    LightTimes times;
    times.greenMs = minimumMs;
    times.yellowMs = minimumMs + (maximumMs - minimumMs) / 2;
    times.redMs = maximumMs;
    return times;
}

bool LightTimes::valid() const
{
    return greenMs > 0 && greenMs < yellowMs && yellowMs < redMs && graceMs >= 0;
}

Light lightAt(qint64 elapsedMs, const LightTimes& times)
{
    if (elapsedMs >= times.redMs + times.graceMs && times.graceMs > 0)
        return Light::Over;
    if (elapsedMs >= times.redMs)
        return Light::Red;
    if (elapsedMs >= times.yellowMs)
        return Light::Yellow;
    if (elapsedMs >= times.greenMs)
        return Light::Green;
    return Light::None;
}

QString lightName(Light light)
{
    switch (light) {
    case Light::None:
        return QCoreApplication::translate("rapport", "No light");
    case Light::Green:
        return QCoreApplication::translate("rapport", "Green");
    case Light::Yellow:
        return QCoreApplication::translate("rapport", "Yellow");
    case Light::Red:
        return QCoreApplication::translate("rapport", "Red");
    case Light::Over:
        return QCoreApplication::translate("rapport", "Over time");
    }
    return {};
}

QString lightAdvice(Light light)
{
    switch (light) {
    case Light::None:
        return QCoreApplication::translate("rapport", "Keep going");
    case Light::Green:
        return QCoreApplication::translate("rapport", "You can finish");
    case Light::Yellow:
        return QCoreApplication::translate("rapport", "Start wrapping up");
    case Light::Red:
        return QCoreApplication::translate("rapport", "Finish now");
    case Light::Over:
        return QCoreApplication::translate("rapport", "Over time");
    }
    return {};
}

QString formatClock(qint64 ms)
{
    const qint64 seconds = std::max<qint64>(ms, 0) / 1000;
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

} // namespace rapport::rehearsal
