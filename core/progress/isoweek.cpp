#include "core/progress/isoweek.h"

#include <QRegularExpression>

namespace rapport::progress {

IsoWeek IsoWeek::containing(const QDate& date)
{
    int year = 0;
    const int week = date.weekNumber(&year);
    return { year, week };
}

int IsoWeek::weeksInYear(int year)
{
    // December 28 is always in the year's last ISO week.
    return QDate(year, 12, 28).weekNumber();
}

std::optional<IsoWeek> IsoWeek::fromKey(const QString& key)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})-W(\\d{2})$"));
    const QRegularExpressionMatch match = pattern.match(key.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    const IsoWeek week { match.captured(1).toInt(), match.captured(2).toInt() };
    if (week.week < 1 || week.week > weeksInYear(week.year))
        return std::nullopt;
    return week;
}

QDate IsoWeek::monday() const
{
    // January 4 is always in week 1.
    const QDate january4(year, 1, 4);
    return january4.addDays(1 - january4.dayOfWeek() + 7 * (week - 1));
}

QString IsoWeek::key() const
{
    return QStringLiteral("%1-W%2")
        .arg(year, 4, 10, QLatin1Char('0'))
        .arg(week, 2, 10, QLatin1Char('0'));
}

int IsoWeek::weeksTo(const IsoWeek& later) const
{
    return static_cast<int>(monday().daysTo(later.monday()) / 7);
}

} // namespace rapport::progress
