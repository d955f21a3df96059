#pragma once

#include <QDate>
#include <QString>
#include <compare>
#include <optional>

namespace rapport::progress {

/// An ISO 8601 week: weeks start on Monday, and week 1 is the week holding the year's first
/// Thursday, so some years have 53 weeks and a week's year can differ from its days' years.
struct IsoWeek
{
    int year = 0;
    int week = 0; ///< 1-53

    /// The week holding `date`. Precondition: date.isValid().
    static IsoWeek containing(const QDate& date);
    /// Parses "2026-W48"; nullopt when malformed or the year has no such week.
    static std::optional<IsoWeek> fromKey(const QString& key);
    /// Weeks in `year`: 52 or 53.
    static int weeksInYear(int year);

    QDate monday() const;
    QDate sunday() const { return monday().addDays(6); }
    IsoWeek next() const { return containing(monday().addDays(7)); }
    IsoWeek previous() const { return containing(monday().addDays(-7)); }
    /// "2026-W48"
    QString key() const;
    /// Whole weeks from this week to `later` (negative when `later` is earlier).
    int weeksTo(const IsoWeek& later) const;

    auto operator<=>(const IsoWeek&) const = default;
};

} // namespace rapport::progress
