// `answers words`: hearing an answer's words again from its recording. It reads audio, so it is
// linked into the helper programs only (see audiohelper.h), as `takes words` is.
#include "app/cli/answercommon.h"
#include "app/cli/audiocommands.h"
#include "app/cli/wordsoutput.h"
#include "core/answers/answerrepository.h"
#include "core/rehearsal/takewords.h"

#include <QJsonDocument>

namespace rapport::cli {

namespace {

int hearAnswerWords(CommandContext& ctx, storage::Store& store, qint64 id, bool json)
{
    answers::AnswerRepository repository(*store.database);
    Result<answers::Answer> answer = repository.get(id);
    if (!answer)
        return ctx.fail(answer.error(), exitCodeFor(answer.error()));
    answers::AnswerTakeStore takeStore(repository);
    // Heard without a script: an answer is said without one.
    Result<speech::WordReport> words = rehearsal::hearWordsOf(
        takeStore, answers::asTake(*answer), QString(), QStringLiteral("Answer %1").arg(id));
    if (!words)
        return ctx.fail(words.error(), exitCodeFor(words.error()));
    const std::optional<bool> askedBack = answers::askedBack(*words);
    if (json) {
        QJsonObject object { { QStringLiteral("answer_id"), id } };
        insertWordKeys(object, *words);
        object.insert(
            QStringLiteral("asked_back"), askedBack ? QJsonValue(*askedBack) : QJsonValue());
        ctx.out << QJsonDocument(object).toJson(QJsonDocument::Indented);
    } else {
        ctx.out << "Answer " << id << " to \"" << answer->card.text << "\", heard again:\n"
                << speech::wordReportToText(*words);
        if (askedBack)
            ctx.out << (*askedBack ? "It ended by asking something back.\n"
                                   : "It did not end with a question back.\n");
    }
    ctx.out.flush();
    return kExitOk;
}

} // namespace

int answersCommandWithWords(CommandContext& ctx, const QStringList& args)
{
    return answersCommandWith(ctx, args, &hearAnswerWords);
}

} // namespace rapport::cli
