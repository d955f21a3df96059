#include "core/rehearsal/timing.h"

#include <QCoreApplication>

namespace rapport::rehearsal {

TimingResult judgeTiming(qint64 speakingMs, const LightTimes& lights)
{
    TimingResult result;
    result.errorMs = std::abs(speakingMs - lights.redMs);
    if (speakingMs < lights.greenMs) {
        result.verdict = TimingResult::Verdict::Under;
        result.byMs = lights.greenMs - speakingMs;
    } else if (speakingMs > lights.redMs) {
        result.verdict = TimingResult::Verdict::Over;
        result.byMs = speakingMs - lights.redMs;
    }
    return result;
}

PaceBand paceBand(double wordsPerMinute)
{
    if (wordsPerMinute < kComfortableWpmMin)
        return PaceBand::Slow;
    if (wordsPerMinute > kComfortableWpmMax)
        return PaceBand::Fast;
    return PaceBand::Comfortable;
}

QString describeTiming(const TimingResult& result)
{
    const QString by = QString::number(result.byMs / 1000.0, 'f', 1);
    switch (result.verdict) {
    case TimingResult::Verdict::Under:
        return QCoreApplication::translate("rapport", "%1 s short of the green light").arg(by);
    case TimingResult::Verdict::Within:
        return QCoreApplication::translate("rapport", "within the window");
    case TimingResult::Verdict::Over:
        return QCoreApplication::translate("rapport", "%1 s over the red light").arg(by);
    }
    return {};
}

} // namespace rapport::rehearsal
