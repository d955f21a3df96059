// The `takes` actions on recordings no take uses (orphans, recover, discard): they read the
// recordings, so they are linked into the helper programs only (see audiohelper.h).
#include "app/cli/audiocommands.h"
#include "app/cli/takecommon.h"
#include "app/cli/wordsoutput.h"
#include "core/audio/audioblock.h"
#include "core/rehearsal/pitchrepository.h"
#include "core/rehearsal/takewords.h"
#include "core/rehearsal/timinglights.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace rapport::cli {

namespace {

QJsonObject orphanJson(const rehearsal::OrphanRecording& orphan)
{
    return { { QStringLiteral("path"), orphan.path },
        { QStringLiteral("duration_s"), orphan.durationS() },
        { QStringLiteral("started_at"), orphan.startedAt.toString(Qt::ISODate) },
        { QStringLiteral("problem"),
            orphan.problem.isEmpty() ? QJsonValue() : QJsonValue(orphan.problem) } };
}

int listOrphans(CommandContext& ctx, rehearsal::Recordings& recordings, bool json)
{
    Result<QList<rehearsal::OrphanRecording>> orphans = recordings.orphans();
    if (!orphans)
        return ctx.fail(orphans.error(), kExitData);
    QTextStream& out = ctx.out;
    if (json) {
        QJsonArray array;
        for (const rehearsal::OrphanRecording& orphan : *orphans)
            array << orphanJson(orphan);
        out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        out.flush();
        return kExitOk;
    }
    for (const rehearsal::OrphanRecording& orphan : *orphans) {
        out << QDir::toNativeSeparators(orphan.path) << "  "
            << rehearsal::formatClock(orphan.durationFrames * 1000 / audio::kSampleRate)
            << "  started " << orphan.startedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm"))
            << " UTC"
            << (orphan.problem.isEmpty() ? QString() : QStringLiteral("  ") + orphan.problem)
            << '\n';
    }
    if (orphans->isEmpty())
        out << "Every recording belongs to a take.\n";
    else
        out << "Keep one as a take with 'rapport-cli takes recover FILE --pitch ID|TITLE', or "
               "delete it with 'rapport-cli takes discard FILE'.\n";
    out.flush();
    return kExitOk;
}

int recoverTake(CommandContext& ctx, rehearsal::Recordings& recordings,
    const rehearsal::Pitch& pitch, const QString& file, bool json)
{
    Result<rehearsal::Take> take = recordings.recover(file, pitch);
    if (!take)
        return ctx.fail(take.error(), exitCodeFor(take.error()));
    // The words too, as a take recorded whole would have them; the take is kept without them
    // when they cannot be heard.
    if (Result<speech::WordReport> words
        = rehearsal::hearTakeWords(recordings.takes(), take->id, pitch.text)) {
        take->words = std::move(*words);
    } else {
        warnWordsLeftOut(ctx, words.error());
    }
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

int discardOrphan(CommandContext& ctx, rehearsal::Recordings& recordings, const QString& file)
{
    Result<QString> removed = recordings.discard(file);
    if (!removed)
        return ctx.fail(removed.error(), exitCodeFor(removed.error()));
    ctx.out << "Deleted " << QDir::toNativeSeparators(*removed) << ".\n";
    ctx.out.flush();
    return kExitOk;
}

int hearWords(CommandContext& ctx, const storage::Database& database,
    rehearsal::TakeRepository& takes, qint64 id, bool json)
{
    Result<rehearsal::Take> take = takes.get(id);
    if (!take)
        return ctx.fail(take.error(), exitCodeFor(take.error()));
    Result<rehearsal::Pitch> pitch = rehearsal::PitchRepository(database).get(take->pitchId);
    if (!pitch)
        return ctx.fail(pitch.error(), exitCodeFor(pitch.error()));
    Result<speech::WordReport> words = rehearsal::hearTakeWords(takes, id, pitch->text);
    if (!words)
        return ctx.fail(words.error(), exitCodeFor(words.error()));
    if (json) {
        QJsonObject object { { QStringLiteral("take_id"), id } };
        insertWordKeys(object, *words);
        ctx.out << QJsonDocument(object).toJson(QJsonDocument::Indented);
    } else {
        ctx.out << "Take " << id << " of \"" << pitch->title << "\", heard again:\n"
                << speech::wordReportToText(*words);
    }
    ctx.out.flush();
    return kExitOk;
}

constexpr OrphanActions kOrphanActions { &listOrphans, &recoverTake, &discardOrphan, &hearWords };

} // namespace

int takesCommandWithOrphans(CommandContext& ctx, const QStringList& args)
{
    return takesCommandWith(ctx, args, &kOrphanActions);
}

} // namespace rapport::cli
