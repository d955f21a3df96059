#include "core/decks/question.h"

namespace rapport::decks {

QString zoneKey(Zone zone)
{
    switch (zone) {
    case Zone::SmallTalk:
        return QStringLiteral("small-talk");
    case Zone::Fun:
        return QStringLiteral("fun");
    case Zone::Deep:
        return QStringLiteral("deep");
    case Zone::Interview:
        return QStringLiteral("interview");
    }
    return {};
}

std::optional<Zone> zoneFromKey(const QString& key)
{
    const QString normalized = key.trimmed().toLower();
    for (Zone zone : kAllZones) {
        if (zoneKey(zone) == normalized)
            return zone;
    }
    return std::nullopt;
}

QString zoneDisplayName(Zone zone)
{
    switch (zone) {
    case Zone::SmallTalk:
        return QStringLiteral("Small talk");
    case Zone::Fun:
        return QStringLiteral("Fun zone");
    case Zone::Deep:
        return QStringLiteral("Deep zone");
    case Zone::Interview:
        return QStringLiteral("Interview");
    }
    return {};
}

QStringList knownContextTags()
{
    return { QStringLiteral("work"), QStringLiteral("networking"), QStringLiteral("conference"),
        QStringLiteral("social"), QStringLiteral("dinner"), QStringLiteral("date"),
        QStringLiteral("family"), QStringLiteral("neighbours"), QStringLiteral("online") };
}

} // namespace rapport::decks
