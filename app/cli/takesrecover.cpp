#include "app/cli/audiocommands.h"
#include "app/cli/takecommon.h"

#include <QDir>
#include <QJsonDocument>

namespace rapport::cli {

namespace {

int recoverTake(CommandContext& ctx, rehearsal::Recordings& recordings,
    const rehearsal::Pitch& pitch, const QString& file, bool json)
{
    Result<rehearsal::Take> take = recordings.recover(file, pitch);
    if (!take)
        return ctx.fail(take.error(), exitCodeFor(take.error()));
    if (json) {
        ctx.out << QJsonDocument(takeListJson(*take)).toJson(QJsonDocument::Indented);
    } else {
        ctx.out << "Recovered " << QDir::toNativeSeparators(take->audioPath) << " as take "
                << take->id << " of \"" << pitch.title << "\": speaking time " << timingText(*take)
                << ".\n";
    }
    ctx.out.flush();
    return kExitOk;
}

} // namespace

int takesCommandWithRecovery(CommandContext& ctx, const QStringList& args)
{
    return takesCommandWith(ctx, args, &recoverTake);
}

} // namespace rapport::cli
