#include "app/cli/audiohelper.h"
#include "app/cli/commands.h"
#include "app/cli/takecommon.h"
#include "core/audio/audioblock.h"
#include "core/rehearsal/recordings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <array>

namespace rapport::cli {

namespace {

const QString kName = QStringLiteral("takes");

// The option of a rubric item: its key with dashes, e.g. --no-assumptions.
QString rubricOption(rehearsal::RubricItem item)
{
    return rehearsal::rubricKey(item).replace(QLatin1Char('_'), QLatin1Char('-'));
}

struct Action
{
    const char* name;
    const char* argument; ///< what its one positional argument is, or nullptr
    bool takesId = false; ///< the argument is a take's id
    QStringList options; ///< the options it accepts besides --help
};

QStringList rateOptions()
{
    QStringList options { QStringLiteral("overall"), QStringLiteral("note") };
    for (rehearsal::RubricItem item : rehearsal::kRubricItems)
        options << rubricOption(item);
    return options;
}

const std::array<Action, 8>& actions()
{
    static const std::array<Action, 8> all { {
        { "list", nullptr, false, { QStringLiteral("pitch"), QStringLiteral("json") } },
        { "rate", "a take id", true, rateOptions() },
        { "delete", "a take id", true, {} },
        { "star", "a take id", true, { QStringLiteral("off") } },
        { "orphans", nullptr, false, { QStringLiteral("json") } },
        { "recover", "a recording file", false,
            { QStringLiteral("pitch"), QStringLiteral("json") } },
        { "discard", "a recording file", false, {} },
        { "words", "a take id", true, { QStringLiteral("json") } },
    } };
    return all;
}

// Everything a `takes` action needs once the arguments are checked.
struct TakesRun
{
    CommandContext& ctx;
    const QCommandLineParser& parser;
    storage::Store& store;
    rehearsal::TakeRepository takes;
    QString argument; ///< the action's ID or FILE

    qint64 id() const { return argument.toLongLong(); }
    bool json() const { return parser.isSet(QStringLiteral("json")); }
    void print(const QJsonValue& value)
    {
        ctx.out << (value.isArray() ? QJsonDocument(value.toArray())
                                    : QJsonDocument(value.toObject()))
                       .toJson(QJsonDocument::Indented);
        ctx.out.flush();
    }
};

int listTakes(TakesRun& run)
{
    qint64 pitchId = 0;
    if (run.parser.isSet(QStringLiteral("pitch"))) {
        const std::variant<rehearsal::Pitch, int> pitch
            = findPitch(run.ctx, *run.store.database, run.parser.value(QStringLiteral("pitch")));
        if (const int* code = std::get_if<int>(&pitch))
            return *code;
        pitchId = std::get<rehearsal::Pitch>(pitch).id;
    }
    Result<QList<rehearsal::Take>> all = run.takes.list(pitchId);
    if (!all)
        return run.ctx.fail(all.error(), kExitData);
    if (run.json()) {
        QJsonArray array;
        for (const rehearsal::Take& take : *all)
            array << takeListJson(take);
        run.print(array);
        return kExitOk;
    }
    QTextStream& out = run.ctx.out;
    for (const rehearsal::Take& take : *all) {
        out << QString::number(take.id).rightJustified(4) << (take.starred ? " * " : "   ")
            << take.startedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm")) << " UTC  pitch "
            << take.pitchId << "  " << timingText(take) << "  "
            << (take.report.wordsPerMinute
                       ? QStringLiteral("%1 wpm").arg(*take.report.wordsPerMinute, 0, 'f', 0)
                       : QStringLiteral("- wpm"))
            << "  " << ratingText(take.rating) << '\n';
    }
    if (all->isEmpty())
        out << "No takes yet. Record one with: rapport-cli rehearse --pitch ID --seconds 60\n";
    out.flush();
    return kExitOk;
}

// The ratings given to `takes rate`, checked (before anything is opened); an exit code when
// one is not a whole number from 1 to 5.
std::variant<rehearsal::SelfRating, int> givenRating(
    CommandContext& ctx, const QCommandLineParser& parser)
{
    rehearsal::SelfRating given;
    given.overall = ctx.wholeNumber(
        kName, QStringLiteral("overall"), parser.value(QStringLiteral("overall")), 5);
    if (!given.overall)
        return kExitUsage;
    for (rehearsal::RubricItem item : rehearsal::kRubricItems) {
        const QString option = rubricOption(item);
        if (!parser.isSet(option))
            continue;
        given.item(item) = ctx.wholeNumber(kName, option, parser.value(option), 5);
        if (!given.item(item))
            return kExitUsage;
    }
    return given;
}

int rateTake(TakesRun& run, const rehearsal::SelfRating& given)
{
    Result<rehearsal::Take> take = run.takes.get(run.id());
    if (!take)
        return run.ctx.fail(take.error(), exitCodeFor(take.error()));
    // Values not given keep what the take had.
    rehearsal::SelfRating rating = take->rating;
    rating.overall = given.overall;
    for (rehearsal::RubricItem item : rehearsal::kRubricItems) {
        if (given.item(item))
            rating.item(item) = given.item(item);
    }
    if (run.parser.isSet(QStringLiteral("note")))
        rating.note = run.parser.value(QStringLiteral("note"));
    rating.ratedAt = QDateTime::currentDateTimeUtc();
    if (Status saved = run.takes.setRating(run.id(), rating); !saved)
        return run.ctx.fail(saved.error(), exitCodeFor(saved.error()));
    run.ctx.out << "Rated take " << run.id() << ": " << ratingText(rating) << ".\n";
    run.ctx.out.flush();
    return kExitOk;
}

int deleteTake(TakesRun& run)
{
    Result<rehearsal::TakeDeletion> deleted
        = rehearsal::Recordings(run.store.paths, run.takes).deleteTake(run.id());
    if (!deleted)
        return run.ctx.fail(deleted.error(), exitCodeFor(deleted.error()));
    const Result<rehearsal::AudioRemoval>& removed = deleted->audio;
    if (!removed) {
        return run.ctx.fail(
            { ErrorKind::Io,
                QStringLiteral("Deleted take %1, but not its audio %2.")
                    .arg(run.id())
                    .arg(QDir::toNativeSeparators(deleted->audioPath)),
                QStringLiteral("Delete the file yourself."), removed.error().detail },
            kExitFailure);
    }
    switch (*removed) {
    case rehearsal::AudioRemoval::Removed:
        run.ctx.out << "Deleted take " << run.id() << " and its audio.\n";
        break;
    case rehearsal::AudioRemoval::AlreadyGone:
        run.ctx.out << "Deleted take " << run.id() << " (its audio was already gone).\n";
        break;
    case rehearsal::AudioRemoval::KeptOutside:
        run.ctx.out << "Deleted take " << run.id() << ". Its audio "
                    << QDir::toNativeSeparators(deleted->audioPath)
                    << " is outside this data folder (an imported take) and was left alone.\n";
        break;
    case rehearsal::AudioRemoval::KeptShared:
        run.ctx.out << "Deleted take " << run.id() << ". Its audio "
                    << QDir::toNativeSeparators(deleted->audioPath)
                    << " is also another take's recording and was kept.\n";
        break;
    }
    run.ctx.out.flush();
    return kExitOk;
}

int starTake(TakesRun& run)
{
    const bool starred = !run.parser.isSet(QStringLiteral("off"));
    if (Status s = run.takes.setStarred(run.id(), starred); !s)
        return run.ctx.fail(s.error(), exitCodeFor(s.error()));
    run.ctx.out << (starred ? "Starred take " : "Unstarred take ") << run.id()
                << (starred ? " as its pitch's best.\n" : ".\n");
    run.ctx.out.flush();
    return kExitOk;
}

// Checks the action, its argument and its options; an exit code when they are wrong.
std::optional<int> checkArguments(
    CommandContext& ctx, const QCommandLineParser& parser, const Action*& action)
{
    const QStringList words = parser.positionalArguments();
    for (const Action& candidate : actions()) {
        if (words.value(0) == QLatin1String(candidate.name))
            action = &candidate;
    }
    if (!action)
        return ctx.usageError(kName,
            QStringLiteral("say list, rate, delete, star, words, orphans, recover or discard."));
    const qsizetype wanted = action->argument ? 2 : 1;
    if (words.size() < wanted)
        return ctx.usageError(kName,
            QStringLiteral("%1 needs %2.")
                .arg(QLatin1String(action->name), QLatin1String(action->argument)));
    if (words.size() > wanted)
        return ctx.usageError(
            kName, QStringLiteral("unexpected argument '%1'.").arg(words[wanted]));
    for (const QString& option : parser.optionNames()) {
        if (!action->options.contains(option) && option != QLatin1String("h")
            && option != QLatin1String("help"))
            return ctx.usageError(kName,
                QStringLiteral("%1 does not take --%2.").arg(QLatin1String(action->name), option));
    }
    if (action->takesId) {
        bool ok = false;
        if (words[1].toLongLong(&ok) <= 0 || !ok)
            return ctx.usageError(kName,
                QStringLiteral("a take id is a whole number above 0, not '%1'.").arg(words[1]));
    }
    const QString name = QLatin1String(action->name);
    if (name == QLatin1String("rate") && !parser.isSet(QStringLiteral("overall")))
        return ctx.usageError(kName, QStringLiteral("rate needs --overall 1-5."));
    return std::nullopt;
}

} // namespace

int takesCommand(CommandContext& ctx, const QStringList& args)
{
    return takesCommandWith(ctx, args, nullptr);
}

int takesCommandWith(CommandContext& ctx, const QStringList& args, const OrphanActions* orphans)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Your rehearsal takes.\n\n"
        "  takes list [--pitch ID|TITLE] [--json]       in time order\n"
        "  takes rate ID --overall 1-5 [--connection N] [--listener N] [--no-assumptions N]\n"
        "             [--language N] [--not-minimising N] [--passion N] [--genuine N] "
        "[--note TEXT]\n"
        "  takes star ID [--off]                        mark the pitch's best take\n"
        "  takes delete ID                              the take and its audio\n"
        "  takes words ID [--json]                      hear its words again from its "
        "recording\n"
        "  takes orphans [--json]                       recordings nothing uses (a take or "
        "an answer cut short)\n"
        "  takes recover FILE [--pitch ID|TITLE] [--json]\n"
        "                                               keep one as what it was (a take of "
        "its pitch,\n"
        "                                               an answer to its card), or as a "
        "take of --pitch\n"
        "  takes discard FILE                           delete one\n\n"
        "Ratings not given keep the value they had."));
    parser.addPositionalArgument(QStringLiteral("action"),
        QStringLiteral("list, rate, star, delete, words, orphans, recover or discard"));
    QList<QCommandLineOption> options {
        { QStringLiteral("pitch"), QStringLiteral("A pitch's id or title."),
            QStringLiteral("ID|TITLE") },
        { QStringLiteral("json"), QStringLiteral("Print JSON.") },
        { QStringLiteral("overall"), QStringLiteral("Overall rating."), QStringLiteral("1-5") },
        { QStringLiteral("note"), QStringLiteral("A note on the take."), QStringLiteral("TEXT") },
        { QStringLiteral("off"), QStringLiteral("Unstar instead.") },
    };
    for (rehearsal::RubricItem item : rehearsal::kRubricItems)
        options.append({ rubricOption(item),
            rehearsal::rubricText(item) + QStringLiteral(" (1-5)."), QStringLiteral("N") });
    parser.addOptions(options);
    if (std::optional<int> stop = parseCommandLine(ctx, parser, kName, args))
        return *stop;
    const Action* action = nullptr;
    if (std::optional<int> stop = checkArguments(ctx, parser, action))
        return *stop;
    const QString name = QLatin1String(action->name);
    std::variant<rehearsal::SelfRating, int> rating = rehearsal::SelfRating {};
    if (name == QLatin1String("rate")) {
        rating = givenRating(ctx, parser);
        if (const int* code = std::get_if<int>(&rating))
            return *code;
    }

    // The actions that read recordings: rapport-cli-analyse does them (see audiohelper.h).
    const bool onOrphans = name == QLatin1String("orphans") || name == QLatin1String("recover")
        || name == QLatin1String("discard") || name == QLatin1String("words");
    if (onOrphans && !orphans)
        return execHelper(ctx, Helper::Analysis, QCoreApplication::arguments());

    std::optional<storage::Store> store
        = ctx.openStore(name == QLatin1String("list") || name == QLatin1String("orphans")
                ? storage::StoreUse::Read
                : storage::StoreUse::ReadWrite);
    if (!store)
        return kExitData;
    TakesRun run { ctx, parser, *store, rehearsal::TakeRepository(*store->database),
        parser.positionalArguments().value(1) };
    rehearsal::Recordings recordings(store->paths, run.takes);
    if (name == QLatin1String("list"))
        return listTakes(run);
    if (name == QLatin1String("rate"))
        return rateTake(run, std::get<rehearsal::SelfRating>(rating));
    if (name == QLatin1String("delete"))
        return deleteTake(run);
    if (name == QLatin1String("star"))
        return starTake(run);
    if (name == QLatin1String("orphans"))
        return orphans->list(ctx, recordings, run.json());
    if (name == QLatin1String("words"))
        return orphans->words(ctx, *store->database, run.takes, run.id(), run.json());
    if (name == QLatin1String("recover")) {
        std::optional<rehearsal::Pitch> chosen;
        if (parser.isSet(QStringLiteral("pitch"))) {
            const std::variant<rehearsal::Pitch, int> pitch
                = findPitch(ctx, *store->database, parser.value(QStringLiteral("pitch")));
            if (const int* code = std::get_if<int>(&pitch))
                return *code;
            chosen = std::get<rehearsal::Pitch>(pitch);
        }
        return orphans->recover(
            ctx, recordings, *store->database, chosen, run.argument, run.json());
    }
    return orphans->discard(ctx, recordings, run.argument);
}

} // namespace rapport::cli
