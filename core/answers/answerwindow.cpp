#include "core/answers/answerwindow.h"

#include "core/answers/answer.h"
#include "core/storage/appmeta.h"

namespace rapport::answers {

namespace {

const QString kGreenKey = QStringLiteral("answer_green_ms");
const QString kYellowKey = QStringLiteral("answer_yellow_ms");
const QString kRedKey = QStringLiteral("answer_red_ms");
constexpr qint64 kMaxRedMs = 3'600'000;

Result<QHash<QString, QString>> readLights(const storage::Database& database)
{
    return storage::readMeta(database, { kGreenKey, kYellowKey, kRedKey },
        QStringLiteral("Could not read your answer light times."));
}

} // namespace

Result<rehearsal::LightTimes> loadAnswerLights(const storage::Database& database)
{
    Result<QHash<QString, QString>> stored = readLights(database);
    if (!stored)
        return stored.error();
    bool green = false;
    bool yellow = false;
    bool red = false;
    const rehearsal::LightTimes lights
        = rehearsal::LightTimes::pitch(stored->value(kGreenKey).toLongLong(&green),
            stored->value(kYellowKey).toLongLong(&yellow), stored->value(kRedKey).toLongLong(&red));
    if (!green || !yellow || !red || !lights.valid() || lights.redMs > kMaxRedMs)
        return defaultAnswerLights(); // none saved, or damaged: the default window
    return lights;
}

Result<bool> answerLightsSaved(const storage::Database& database)
{
    Result<QHash<QString, QString>> stored = readLights(database);
    if (!stored)
        return stored.error();
    return stored->contains(kRedKey);
}

Status saveAnswerLights(const storage::Database& database, const rehearsal::LightTimes& lights)
{
    if (!lights.valid() || lights.redMs > kMaxRedMs)
        return Error { ErrorKind::InvalidArgument,
            QStringLiteral("The answer lights need green before yellow before red, all within "
                           "an hour."),
            QStringLiteral("For example: green at 1:00, yellow at 1:30, red at 2:00."), {} };
    return storage::writeMeta(database,
        { { kGreenKey, QString::number(lights.greenMs) },
            { kYellowKey, QString::number(lights.yellowMs) },
            { kRedKey, QString::number(lights.redMs) } },
        QStringLiteral("Could not save your answer light times."));
}

} // namespace rapport::answers
