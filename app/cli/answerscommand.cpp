// `answers`: the answers given out loud to cards (rapport-cli answer, the Cards page): list them,
// rate them, delete them with their audio.
#include "app/cli/answercommon.h"
#include "app/cli/audiohelper.h"
#include "app/cli/commands.h"
#include "core/answers/answerrepository.h"
#include "core/decks/decklibrary.h"
#include "core/decks/deckrepository.h"
#include "core/rehearsal/recordings.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>

namespace rapport::cli {

namespace {

const QString kName = QStringLiteral("answers");

int listAnswers(CommandContext& ctx, const QCommandLineParser& parser, storage::Store& store)
{
    answers::AnswerFilter filter;
    if (parser.isSet(QStringLiteral("card"))) {
        decks::DeckRepository decks(*store.database);
        Result<decks::DeckLibrary> library = decks::DeckLibrary::load(decks);
        if (!library)
            return ctx.fail(library.error(), kExitData);
        // A card whose deck is gone is still named by DECK/QUESTION.
        const QString reference = parser.value(QStringLiteral("card"));
        const std::variant<answers::CardRef, int> card = findCard(ctx, *library, reference);
        if (const int* code = std::get_if<int>(&card))
            return *code;
        filter.deckId = std::get<answers::CardRef>(card).deckId;
        filter.questionId = std::get<answers::CardRef>(card).questionId;
    }
    answers::AnswerRepository repository(*store.database);
    Result<QList<answers::Answer>> all = repository.list(filter);
    if (!all)
        return ctx.fail(all.error(), kExitData);
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const answers::Answer& answer : *all)
            array << answerListJson(answer);
        ctx.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        ctx.out.flush();
        return kExitOk;
    }
    for (const answers::Answer& answer : *all) {
        ctx.out << QString::number(answer.id).rightJustified(4) << "  "
                << answer.startedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm")) << " UTC  "
                << answer.card.deckId << '/' << answer.card.questionId << "  first word "
                << firstWordText(answer) << "  "
                << (answer.report.speakingTimeS ? QStringLiteral("%1 s speaking")
                                                      .arg(*answer.report.speakingTimeS, 0, 'f', 0)
                                                : QStringLiteral("no speech"))
                << "  " << answerRatingText(answer.rating) << "\n      " << answer.card.text
                << '\n';
    }
    if (all->isEmpty()) {
        ctx.out << (filter.questionId.isEmpty()
                ? "No answers yet. Answer a card out loud with: rapport-cli answer --seconds 90\n"
                : "No answers to this card yet.\n");
    }
    ctx.out.flush();
    return kExitOk;
}

int rateAnswer(
    CommandContext& ctx, const QCommandLineParser& parser, storage::Store& store, qint64 id)
{
    answers::AnswerRepository repository(*store.database);
    Result<answers::Answer> answer = repository.get(id);
    if (!answer)
        return ctx.fail(answer.error(), exitCodeFor(answer.error()));
    answers::AnswerRating rating = answer->rating; // values not given keep what they had
    rating.overall = ctx.wholeNumber(
        kName, QStringLiteral("overall"), parser.value(QStringLiteral("overall")), 5);
    if (!rating.overall)
        return kExitUsage;
    for (answers::AnswerItem item : answers::kAnswerItems) {
        const QString option = answers::answerItemKey(item);
        if (!parser.isSet(option))
            continue;
        rating.item(item) = ctx.wholeNumber(kName, option, parser.value(option), 5);
        if (!rating.item(item))
            return kExitUsage;
    }
    if (parser.isSet(QStringLiteral("note")))
        rating.note = parser.value(QStringLiteral("note"));
    rating.ratedAt = QDateTime::currentDateTimeUtc();
    if (Status saved = repository.setRating(id, rating); !saved)
        return ctx.fail(saved.error(), exitCodeFor(saved.error()));
    ctx.out << "Rated answer " << id << ": " << answerRatingText(rating) << ".\n";
    ctx.out.flush();
    return kExitOk;
}

int deleteOneAnswer(CommandContext& ctx, storage::Store& store, qint64 id)
{
    answers::AnswerRepository repository(*store.database);
    rehearsal::TakeRepository takes(*store.database);
    rehearsal::Recordings recordings(store.paths, takes);
    Result<rehearsal::TakeDeletion> deleted = answers::deleteAnswer(recordings, repository, id);
    if (!deleted)
        return ctx.fail(deleted.error(), exitCodeFor(deleted.error()));
    if (!deleted->audio) {
        return ctx.fail(
            { ErrorKind::Io,
                QStringLiteral("Deleted answer %1, but not its audio %2.")
                    .arg(id)
                    .arg(QDir::toNativeSeparators(deleted->audioPath)),
                QStringLiteral("Delete the file yourself."), deleted->audio.error().detail },
            kExitFailure);
    }
    ctx.out << "Deleted answer " << id
            << (*deleted->audio == rehearsal::AudioRemoval::Removed
                       ? " and its audio.\n"
                       : " (its audio was not in this data folder's recordings).\n");
    ctx.out.flush();
    return kExitOk;
}

} // namespace

int answersCommand(CommandContext& ctx, const QStringList& args)
{
    return answersCommandWith(ctx, args, nullptr);
}

int answersCommandWith(CommandContext& ctx, const QStringList& args, AnswerWordsAction words)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Your answers to cards, given out loud (rapport-cli answer, or the Cards page).\n\n"
        "  answers list [--card DECK/QUESTION] [--json]   in time order\n"
        "  answers rate ID --overall 1-5 [--answered N] [--one-point N] [--story N]\n"
        "               [--ended N] [--asked-back N] [--note TEXT]\n"
        "  answers delete ID                              the answer and its audio\n"
        "  answers words ID [--json]                      hear its words again from its "
        "recording\n\n"
        "Ratings not given keep the value they had."));
    parser.addPositionalArgument(
        QStringLiteral("action"), QStringLiteral("list, rate, delete or words"));
    QList<QCommandLineOption> options {
        { QStringLiteral("card"),
            QStringLiteral("Only the answers to this card (DECK/QUESTION, or a question id)."),
            QStringLiteral("CARD") },
        { QStringLiteral("json"), QStringLiteral("Print JSON.") },
        { QStringLiteral("overall"), QStringLiteral("Overall rating."), QStringLiteral("1-5") },
        { QStringLiteral("note"), QStringLiteral("A note on the answer."), QStringLiteral("TEXT") },
    };
    for (answers::AnswerItem item : answers::kAnswerItems)
        options.append({ answers::answerItemKey(item),
            answers::answerItemText(item) + QStringLiteral(" (1-5)."), QStringLiteral("N") });
    parser.addOptions(options);
    if (std::optional<int> stop = parseCommandLine(ctx, parser, kName, args))
        return *stop;
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return ctx.usageError(
            kName, QStringLiteral("name an action: list, rate, delete or words."));
    const QString action = positional.first();
    const bool withId = action == QLatin1String("rate") || action == QLatin1String("delete")
        || action == QLatin1String("words");
    if (action != QLatin1String("list") && !withId)
        return ctx.usageError(kName,
            QStringLiteral("unknown action '%1' (expected list, rate, delete or words).")
                .arg(action));
    if (positional.size() != (withId ? 2 : 1)) {
        return ctx.usageError(kName,
            withId ? QStringLiteral("%1 needs one answer id.").arg(action)
                   : QStringLiteral("unexpected argument '%1'.").arg(positional.last()));
    }
    qint64 id = 0;
    if (withId) {
        bool ok = false;
        id = positional[1].toLongLong(&ok);
        if (!ok || id <= 0)
            return ctx.usageError(kName,
                QStringLiteral("'%1' is not an answer id (see 'rapport-cli answers list').")
                    .arg(positional[1]));
    }
    if (action == QLatin1String("rate") && !parser.isSet(QStringLiteral("overall")))
        return ctx.usageError(kName, QStringLiteral("rate needs --overall 1-5."));

    // Hearing words reads audio: rapport-cli-analyse does it (see audiohelper.h).
    if (action == QLatin1String("words") && !words)
        return execHelper(ctx, Helper::Analysis, QCoreApplication::arguments());

    std::optional<storage::Store> store = ctx.openStore(
        action == QLatin1String("list") ? storage::StoreUse::Read : storage::StoreUse::ReadWrite);
    if (!store)
        return kExitData;
    if (action == QLatin1String("list"))
        return listAnswers(ctx, parser, *store);
    if (action == QLatin1String("rate"))
        return rateAnswer(ctx, parser, *store, id);
    if (action == QLatin1String("words"))
        return words(ctx, *store, id, parser.isSet(QStringLiteral("json")));
    return deleteOneAnswer(ctx, *store, id);
}

} // namespace rapport::cli
