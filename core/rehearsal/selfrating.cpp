#include "core/rehearsal/selfrating.h"

#include <QCoreApplication>

namespace rapport::rehearsal {

QString rubricText(RubricItem item)
{
    switch (item) {
    case RubricItem::Connection:
        return QCoreApplication::translate("rapport", "Started with a genuine connection");
    case RubricItem::Listener:
        return QCoreApplication::translate("rapport", "Built on what matters to the listener");
    case RubricItem::NoAssumptions:
        return QCoreApplication::translate("rapport", "Did not assume they know my world");
    case RubricItem::Language:
        return QCoreApplication::translate("rapport", "Spoke in understandable language");
    case RubricItem::NotMinimising:
        return QCoreApplication::translate("rapport", "Did not minimise who I am");
    case RubricItem::Passion:
        return QCoreApplication::translate("rapport", "Shared passion and energy");
    case RubricItem::Genuine:
        return QCoreApplication::translate("rapport", "Spoke from the heart");
    }
    return {};
}

QString rubricKey(RubricItem item)
{
    switch (item) {
    case RubricItem::Connection:
        return QStringLiteral("connection");
    case RubricItem::Listener:
        return QStringLiteral("listener");
    case RubricItem::NoAssumptions:
        return QStringLiteral("no_assumptions");
    case RubricItem::Language:
        return QStringLiteral("language");
    case RubricItem::NotMinimising:
        return QStringLiteral("not_minimising");
    case RubricItem::Passion:
        return QStringLiteral("passion");
    case RubricItem::Genuine:
        return QStringLiteral("genuine");
    }
    return {};
}

std::optional<RubricItem> rubricItemFromKey(const QString& key)
{
    for (RubricItem item : kRubricItems) {
        if (rubricKey(item) == key)
            return item;
    }
    return std::nullopt;
}

QString SelfRating::problem() const
{
    auto bad = [](const std::optional<int>& v) { return v && (*v < 1 || *v > 5); };
    if (!overall)
        return QCoreApplication::translate("rapport", "Give the take an overall rating, 1 to 5.");
    if (bad(overall))
        return QCoreApplication::translate("rapport", "The overall rating must be 1 to 5.");
    for (RubricItem i : kRubricItems) {
        if (bad(item(i)))
            return QCoreApplication::translate("rapport", "\"%1\" must be rated 1 to 5.")
                .arg(rubricText(i));
    }
    return {};
}

QString feltTimingKey(FeltTiming felt)
{
    switch (felt) {
    case FeltTiming::Short:
        return QStringLiteral("short");
    case FeltTiming::OnTime:
        return QStringLiteral("on-time");
    case FeltTiming::Long:
        return QStringLiteral("long");
    }
    return {};
}

std::optional<FeltTiming> feltTimingFromKey(const QString& key)
{
    for (FeltTiming felt : { FeltTiming::Short, FeltTiming::OnTime, FeltTiming::Long }) {
        if (feltTimingKey(felt) == key)
            return felt;
    }
    return std::nullopt;
}

QString feltPaceKey(FeltPace felt)
{
    switch (felt) {
    case FeltPace::Slow:
        return QStringLiteral("slow");
    case FeltPace::Comfortable:
        return QStringLiteral("comfortable");
    case FeltPace::Fast:
        return QStringLiteral("fast");
    }
    return {};
}

std::optional<FeltPace> feltPaceFromKey(const QString& key)
{
    for (FeltPace felt : { FeltPace::Slow, FeltPace::Comfortable, FeltPace::Fast }) {
        if (feltPaceKey(felt) == key)
            return felt;
    }
    return std::nullopt;
}

} // namespace rapport::rehearsal
