// The `takes` actions on recordings no take uses (orphans, recover, discard): they read the
// recordings, so they are linked into the helper programs only (see audiohelper.h).
#include "app/cli/answercommon.h"
#include "app/cli/audiocommands.h"
#include "app/cli/takecommon.h"
#include "app/cli/wordsoutput.h"
#include "core/answers/answerrecovery.h"
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

// What the recording was, from its label: "answer to "…"", "take of pitch 3"; empty when unknown.
QString recordedFor(const rehearsal::OrphanRecording& orphan)
{
    if (const std::optional<answers::AnswerLabel> answer = answers::answerOfLabel(orphan.label))
        return QStringLiteral("an answer to \"%1\"").arg(answer->card.text);
    if (const std::optional<qint64> pitch = rehearsal::takeLabelPitch(orphan.label))
        return QStringLiteral("a take of pitch %1").arg(*pitch);
    return {};
}

QJsonObject orphanJson(const rehearsal::OrphanRecording& orphan)
{
    QJsonObject object { { QStringLiteral("path"), orphan.path },
        { QStringLiteral("duration_s"), orphan.durationS() },
        { QStringLiteral("started_at"), orphan.startedAt.toString(Qt::ISODate) },
        { QStringLiteral("problem"),
            orphan.problem.isEmpty() ? QJsonValue() : QJsonValue(orphan.problem) } };
    // What it was recorded as: "take" (with its pitch_id), "answer" (with its card), or null.
    QJsonValue kind;
    if (const std::optional<answers::AnswerLabel> answer = answers::answerOfLabel(orphan.label)) {
        kind = QStringLiteral("answer");
        object.insert(QStringLiteral("card"), answerCardJson(answer->card));
    } else if (const std::optional<qint64> pitch = rehearsal::takeLabelPitch(orphan.label)) {
        kind = QStringLiteral("take");
        object.insert(QStringLiteral("pitch_id"), *pitch);
    }
    object.insert(QStringLiteral("recorded_as"), kind);
    return object;
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
        if (const QString what = recordedFor(orphan); !what.isEmpty())
            out << "      " << what << '\n';
    }
    if (orphans->isEmpty())
        out << "Every recording belongs to a take or an answer.\n";
    else
        out << "Keep one as what it was with 'rapport-cli takes recover FILE' (or as a take of "
               "a pitch you choose: add --pitch ID|TITLE), or delete it with 'rapport-cli takes "
               "discard FILE'.\n";
    out.flush();
    return kExitOk;
}

int recoverAnswer(CommandContext& ctx, rehearsal::Recordings& recordings,
    const storage::Database& database, const answers::AnswerLabel& what, const QString& file,
    bool json)
{
    answers::AnswerRepository repository(database);
    Result<answers::Answer> answer = answers::recoverAnswer(recordings, repository, file, what);
    if (!answer)
        return ctx.fail(answer.error(), exitCodeFor(answer.error()));
    // Its words, as an answer recorded whole would have them.
    answers::AnswerTakeStore store(repository);
    if (Result<speech::WordReport> words = rehearsal::hearWordsOf(store, answers::asTake(*answer),
            QString(), QStringLiteral("Answer %1").arg(answer->id))) {
        answer->words = std::move(*words);
    } else {
        warnWordsLeftOut(ctx, words.error());
    }
    if (json) {
        ctx.out << QJsonDocument(answerListJson(*answer)).toJson(QJsonDocument::Indented);
    } else {
        ctx.out << "Recovered " << QDir::toNativeSeparators(answer->audioPath) << " as answer "
                << answer->id << " to \"" << answer->card.text << "\": first word "
                << firstWordText(*answer) << ".\n";
    }
    ctx.out.flush();
    return kExitOk;
}

int recoverTake(CommandContext& ctx, rehearsal::Recordings& recordings,
    const storage::Database& database, const std::optional<rehearsal::Pitch>& chosen,
    const QString& file, bool json)
{
    std::optional<rehearsal::Pitch> found = chosen;
    if (!found) {
        // Recovered as what it was recorded for.
        Result<rehearsal::OrphanRecording> orphan = recordings.orphan(file);
        if (!orphan)
            return ctx.fail(orphan.error(), exitCodeFor(orphan.error()));
        if (const std::optional<answers::AnswerLabel> answer
            = answers::answerOfLabel(orphan->label))
            return recoverAnswer(ctx, recordings, database, *answer, file, json);
        const std::optional<qint64> pitchId = rehearsal::takeLabelPitch(orphan->label);
        if (!pitchId)
            return ctx.usageError(QStringLiteral("takes"),
                QStringLiteral("%1 does not say what it was recorded for: say which pitch it "
                               "is a take of with --pitch ID|TITLE.")
                    .arg(QDir::toNativeSeparators(orphan->path)));
        Result<rehearsal::Pitch> pitch = rehearsal::PitchRepository(database).get(*pitchId);
        if (!pitch) {
            Error error = pitch.error();
            error.fix = QStringLiteral("It was a take of pitch %1, which is gone: keep it as a "
                                       "take of another with --pitch ID|TITLE.")
                            .arg(*pitchId);
            return ctx.fail(error, exitCodeFor(error));
        }
        found = *pitch;
    }
    const rehearsal::Pitch& pitch = *found;
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
