#pragma once

#include <QDateTime>
#include <QString>
#include <array>
#include <optional>

namespace rapport::rehearsal {

/// The seven rubric items of the user's source material, each rated 1-5 (optional).
enum class RubricItem {
    Connection, ///< started with a genuine connection
    Listener, ///< built on what matters to the listener
    NoAssumptions, ///< did not assume they know my world
    Language, ///< spoke in understandable language
    NotMinimising, ///< did not minimise who I am
    Passion, ///< shared passion and energy
    Genuine, ///< spoke from the heart
};
inline constexpr std::array kRubricItems = { RubricItem::Connection, RubricItem::Listener,
    RubricItem::NoAssumptions, RubricItem::Language, RubricItem::NotMinimising, RubricItem::Passion,
    RubricItem::Genuine };

/// The sentence shown for an item, e.g. "Started with a genuine connection".
QString rubricText(RubricItem item);
/// The stable key used in files and the CLI, e.g. "connection".
QString rubricKey(RubricItem item);
std::optional<RubricItem> rubricItemFromKey(const QString& key);

/// How long the take felt to the speaker, against the window.
enum class FeltTiming { Short, OnTime, Long };
/// How fast the take felt to the speaker.
enum class FeltPace { Slow, Comfortable, Fast };

QString feltTimingKey(FeltTiming felt); ///< "short", "on-time", "long"
std::optional<FeltTiming> feltTimingFromKey(const QString& key);
QString feltPaceKey(FeltPace felt); ///< "slow", "comfortable", "fast"
std::optional<FeltPace> feltPaceFromKey(const QString& key);

/// How the speaker rated a take: overall (required once rated) and the optional rubric items.
struct SelfRating
{
    std::optional<int> overall; ///< 1-5; empty until the take is rated
    std::array<std::optional<int>, kRubricItems.size()> items {}; ///< by RubricItem order
    QString note;
    std::optional<FeltTiming> feltTiming; ///< optional; compared with the measured timing
    std::optional<FeltPace> feltPace; ///< optional; compared with the measured pace
    QDateTime ratedAt; ///< UTC; invalid until rated

    std::optional<int>& item(RubricItem i) { return items[static_cast<std::size_t>(i)]; }
    const std::optional<int>& item(RubricItem i) const
    {
        return items[static_cast<std::size_t>(i)];
    }
    bool rated() const { return overall.has_value(); }
    /// Empty when every given value is 1-5 and overall is given; else what to fix.
    QString problem() const;
    bool operator==(const SelfRating&) const = default;
};

} // namespace rapport::rehearsal
