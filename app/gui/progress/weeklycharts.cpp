#include "app/gui/progress/weeklycharts.h"

#include "core/rehearsal/timing.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>

namespace rapport::gui {

namespace {

using progress::WeekStats;

constexpr double kWpmAxisMin = 60.0;
constexpr double kWpmAxisMax = 200.0;

QList<QPointF> pointsOf(const QList<WeekStats>& weeks,
    const std::function<std::optional<double>(const WeekStats&)>& value)
{
    QList<QPointF> points;
    points.reserve(weeks.size());
    for (qsizetype i = 0; i < weeks.size(); ++i) {
        if (const std::optional<double> v = value(weeks[i]))
            points << QPointF(static_cast<qreal>(i), *v);
    }
    return points;
}

double maxOf(const QList<QPointF>& points, double floor)
{
    double most = floor;
    for (const QPointF& p : points)
        most = std::max(most, p.y());
    return most;
}

} // namespace

QString shortDate(const QDate& day, const QDate& today)
{
    // Spelt out here rather than asked of QLocale: English locales differ ("Sept", "Sep.").
    static const char* const kMonths[]
        = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
    if (!day.isValid())
        return {};
    QString text
        = QString::number(day.day()) + QLatin1Char(' ') + QLatin1String(kMonths[day.month() - 1]);
    if (day.year() != today.year())
        text += QLatin1Char(' ') + QString::number(day.year());
    return text;
}

QString weekOf(const QDate& monday, const QDate& today)
{
    return QCoreApplication::translate("rapport::gui::ProgressPage", "week of %1")
        .arg(shortDate(monday, today));
}

WeeklyChartData weeklyChartData(const QList<WeekStats>& weeks, const progress::WeeklyGoal& goal)
{
    WeeklyChartData data;
    const qsizetype n = weeks.size();

    double mostTakes = goal.takes;
    for (const WeekStats& w : weeks) {
        data.takes << w.takes;
        mostTakes = std::max<double>(mostTakes, w.takes);
    }
    const QList<QPointF> minutes = pointsOf(weeks,
        [](const WeekStats& w) { return w.takes > 0 ? std::optional(w.minutes) : std::nullopt; });
    data.minutes = minutes;
    if (!data.minutes.isEmpty() && data.minutes.last().x() == static_cast<qreal>(n - 1)) {
        data.minutesSoFar << data.minutes.takeLast();
        if (!data.minutes.isEmpty())
            data.minutesSoFar.prepend(data.minutes.last());
    }
    data.takesAxisMax = std::max(4.0, std::ceil(mostTakes * 1.1));
    data.minutesAxisMax = std::max(5.0, std::ceil(maxOf(minutes, 0) * 1.1));

    data.onTargetPercent = pointsOf(weeks, [](const WeekStats& w) -> std::optional<double> {
        return w.onTargetRatio ? std::optional(*w.onTargetRatio * 100.0) : std::nullopt;
    });
    data.timingErrorS = pointsOf(weeks, [](const WeekStats& w) { return w.meanAbsTimingErrorS; });
    data.errorAxisMax = std::max(10.0, std::ceil(maxOf(data.timingErrorS, 0) * 1.1));

    data.wpm = pointsOf(weeks, [](const WeekStats& w) { return w.avgWpm; });
    const qreal left = -0.5;
    const qreal right = static_cast<qreal>(n) - 0.5;
    data.paceBandLow = { QPointF(left, rehearsal::kComfortableWpmMin),
        QPointF(right, rehearsal::kComfortableWpmMin) };
    data.paceBandHigh = { QPointF(left, rehearsal::kComfortableWpmMax),
        QPointF(right, rehearsal::kComfortableWpmMax) };
    double lowest = kWpmAxisMin;
    for (const QPointF& p : data.wpm)
        lowest = std::min(lowest, p.y());
    data.wpmAxisMin = std::floor(lowest / 40.0) * 40.0;
    data.wpmAxisMax = std::ceil(std::max(kWpmAxisMax, maxOf(data.wpm, 0) + 10.0) / 40.0) * 40.0;

    data.fillersPerMinute = pointsOf(weeks, [](const WeekStats& w) { return w.fillersPerMinute; });
    data.scriptPercent = pointsOf(weeks, [](const WeekStats& w) -> std::optional<double> {
        return w.scriptCoverage ? std::optional(*w.scriptCoverage * 100.0) : std::nullopt;
    });
    data.answerFillersPerMinute
        = pointsOf(weeks, [](const WeekStats& w) { return w.answerFillersPerMinute; });
    data.fillersAxisMax = std::max(5.0,
        std::ceil(std::max(maxOf(data.fillersPerMinute, 0), maxOf(data.answerFillersPerMinute, 0))
            * 1.1));

    double mostAnswers = 0;
    for (const WeekStats& w : weeks) {
        data.answers << w.answers;
        mostAnswers = std::max<double>(mostAnswers, w.answers);
    }
    data.answersAxisMax = std::max(4.0, std::ceil(mostAnswers * 1.1));
    data.firstWordS = pointsOf(weeks, [](const WeekStats& w) { return w.avgFirstWordS; });
    data.firstWordAxisMax = std::max(5.0, std::ceil(maxOf(data.firstWordS, 0) * 1.1));

    data.selfRating = pointsOf(weeks, [](const WeekStats& w) { return w.avgSelfRating; });
    data.measured = pointsOf(weeks, [](const WeekStats& w) -> std::optional<double> {
        return w.onTargetRatio ? std::optional(*w.onTargetRatio * 5.0) : std::nullopt;
    });
    return data;
}

} // namespace rapport::gui
