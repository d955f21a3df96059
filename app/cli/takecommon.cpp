#include "app/cli/takecommon.h"

#include "core/rehearsal/pitchrepository.h"

#include <QJsonArray>
#include <cmath>

namespace rapport::cli {

namespace {

QString verdictKey(rehearsal::TimingResult::Verdict verdict)
{
    switch (verdict) {
    case rehearsal::TimingResult::Verdict::Under:
        return QStringLiteral("under");
    case rehearsal::TimingResult::Verdict::Within:
        return QStringLiteral("within");
    case rehearsal::TimingResult::Verdict::Over:
        return QStringLiteral("over");
    }
    return {};
}

template <typename T> QJsonValue orNull(const std::optional<T>& value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

} // namespace

std::variant<rehearsal::Pitch, int> findPitch(
    CommandContext& ctx, const storage::Database& database, const QString& reference)
{
    Result<rehearsal::Pitch> pitch = rehearsal::PitchRepository(database).find(reference);
    if (pitch)
        return *pitch;
    return ctx.fail(pitch.error(), exitCodeFor(pitch.error()));
}

QJsonObject targetJson(const rehearsal::LightTimes& lights)
{
    return { { QStringLiteral("green_s"), lights.greenMs / 1000.0 },
        { QStringLiteral("yellow_s"), lights.yellowMs / 1000.0 },
        { QStringLiteral("red_s"), lights.redMs / 1000.0 } };
}

QJsonValue timingJson(const rehearsal::Take& take)
{
    const std::optional<rehearsal::TimingResult> timing = rehearsal::takeTiming(take);
    if (!timing)
        return QJsonValue();
    return QJsonObject { { QStringLiteral("verdict"), verdictKey(timing->verdict) },
        { QStringLiteral("by_s"), timing->byMs / 1000.0 } };
}

QJsonValue ratingJson(const rehearsal::SelfRating& rating)
{
    if (!rating.rated())
        return QJsonValue();
    QJsonObject items;
    for (rehearsal::RubricItem item : rehearsal::kRubricItems) {
        if (rating.item(item))
            items.insert(rehearsal::rubricKey(item), *rating.item(item));
    }
    return QJsonObject { { QStringLiteral("overall"), *rating.overall },
        { QStringLiteral("items"), items },
        { QStringLiteral("rated_at"),
            rating.ratedAt.isValid() ? QJsonValue(rating.ratedAt.toString(Qt::ISODate))
                                     : QJsonValue() } };
}

QJsonObject takeListJson(const rehearsal::Take& take)
{
    const analysis::TakeReport& r = take.report;
    return { { QStringLiteral("id"), take.id }, { QStringLiteral("pitch_id"), take.pitchId },
        { QStringLiteral("started_at"), take.startedAt.toString(Qt::ISODate) },
        { QStringLiteral("duration_s"), r.durationS },
        { QStringLiteral("speaking_time_s"), orNull(r.speakingTimeS) },
        { QStringLiteral("words_per_minute"), orNull(r.wordsPerMinute) },
        { QStringLiteral("pause_count"), orNull(r.pauseCount) },
        { QStringLiteral("target"), targetJson(take.lights) },
        { QStringLiteral("timing"), timingJson(take) }, { QStringLiteral("starred"), take.starred },
        { QStringLiteral("rating"), ratingJson(take.rating) },
        { QStringLiteral("note"), take.rating.note },
        { QStringLiteral("audio_path"), take.audioPath } };
}

QString timingText(const rehearsal::Take& take)
{
    const std::optional<rehearsal::TimingResult> timing = rehearsal::takeTiming(take);
    if (!timing)
        return QStringLiteral("no speech found");
    const rehearsal::LightTimes& l = take.lights;
    return QStringLiteral("%1 — %2 (green %3, yellow %4, red %5)")
        .arg(rehearsal::formatClock(std::llround(*take.report.speakingTimeS * 1000.0)),
            rehearsal::describeTiming(*timing), rehearsal::formatClock(l.greenMs),
            rehearsal::formatClock(l.yellowMs), rehearsal::formatClock(l.redMs));
}

QString ratingText(const rehearsal::SelfRating& rating)
{
    if (!rating.rated())
        return QStringLiteral("not rated");
    QStringList items;
    for (rehearsal::RubricItem item : rehearsal::kRubricItems) {
        if (rating.item(item))
            items
                << QStringLiteral("%1 %2").arg(rehearsal::rubricKey(item)).arg(*rating.item(item));
    }
    return QStringLiteral("%1/5").arg(*rating.overall)
        + (items.isEmpty() ? QString()
                           : QStringLiteral(" (%1)").arg(items.join(QStringLiteral(", "))));
}

} // namespace rapport::cli
