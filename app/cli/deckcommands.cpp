#include "app/cli/commands.h"
#include "core/conversations/conversationrepository.h"
#include "core/decks/deckfiles.h"
#include "core/decks/drawer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace rapport::cli {

using namespace rapport::decks;

namespace {

// The store, its deck repository and the library of built-in + user decks.
struct DeckEnvironment
{
    storage::Store store;
    std::unique_ptr<decks::DeckRepository> repository;
    DeckLibrary library;
    SystemClock clock;
};

std::unique_ptr<DeckEnvironment> openDecks(CommandContext& ctx, storage::StoreUse use)
{
    std::optional<storage::Store> store = ctx.openStore(use);
    if (!store)
        return nullptr;
    auto env = std::make_unique<DeckEnvironment>();
    env->store = std::move(*store);
    env->repository = std::make_unique<decks::DeckRepository>(*env->store.database);
    Result<DeckLibrary> library = DeckLibrary::load(*env->repository);
    if (!library) {
        ctx.fail(library.error(), kExitData);
        return nullptr;
    }
    env->library = std::move(*library);
    return env;
}

QJsonObject cardJson(const decks::CardKey& key, const Question& q)
{
    return QJsonObject { { QStringLiteral("id"), key.questionId },
        { QStringLiteral("deck"), key.deckId }, { QStringLiteral("zone"), zoneKey(q.zone) },
        { QStringLiteral("level"), q.level ? QJsonValue(*q.level) : QJsonValue() },
        { QStringLiteral("text"), q.text },
        { QStringLiteral("tags"), QJsonArray::fromStringList(q.tags) },
        { QStringLiteral("follow_up"), q.followUp }, { QStringLiteral("hint"), q.hint } };
}

void printCard(QTextStream& out, const DrawnCard& card)
{
    out << zoneDisplayName(card.question.zone);
    if (card.deckTitle != zoneDisplayName(card.question.zone))
        out << " · " << card.deckTitle;
    out << " · " << card.key.toString() << '\n' << "  " << card.question.text << '\n';
    if (!card.question.followUp.isEmpty())
        out << "  Follow-up: " << card.question.followUp << '\n';
    if (!card.question.hint.isEmpty())
        out << "  Hint: " << card.question.hint << '\n';
}

int rejectPositionals(CommandContext& ctx, const QString& command, const QStringList& extra)
{
    return ctx.usageError(command, QStringLiteral("unexpected argument '%1'.").arg(extra.first()));
}

} // namespace

int drawCommand(CommandContext& ctx, const QStringList& args)
{
    const QString name = QStringLiteral("draw");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Draws conversation cards without repeats: a card returns only after every other card "
        "of the same selection has been drawn. Every draw is remembered."));
    const QCommandLineOption zone(QStringLiteral("zone"),
        QStringLiteral("Only this zone: small-talk, fun, deep or interview (repeatable)."),
        QStringLiteral("ZONE"));
    const QCommandLineOption ladder(QStringLiteral("ladder"),
        QStringLiteral("Climb small talk -> fun -> deep (2, 2, 1 per round), each zone from "
                       "level 1 up."));
    const QCommandLineOption context(QStringLiteral("context"),
        QStringLiteral("Only cards for this occasion: work, networking, conference, social, "
                       "dinner, date, family, neighbours or online."),
        QStringLiteral("TAG"));
    const QCommandLineOption level(QStringLiteral("level"),
        QStringLiteral("Only cards of this level within their zone: 1 light, 2 warmer, 3 "
                       "personal."),
        QStringLiteral("1-3"));
    const QCommandLineOption deck(QStringLiteral("deck"),
        QStringLiteral("Only this deck (repeatable)."), QStringLiteral("DECK_ID"));
    const QCommandLineOption favourites(
        QStringLiteral("favourites"), QStringLiteral("Only favourites."));
    const QCommandLineOption count(QStringLiteral("count"),
        QStringLiteral("How many cards (default 1, at most 1000)."), QStringLiteral("N"),
        QStringLiteral("1"));
    const QCommandLineOption seed(QStringLiteral("seed"),
        QStringLiteral("Seed for a reproducible draw."), QStringLiteral("S"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print a JSON array."));
    parser.addOptions({ zone, ladder, context, level, deck, favourites, count, seed, json });
    if (std::optional<int> stop = parseCommandLine(ctx, parser, name, args))
        return *stop;
    if (!parser.positionalArguments().isEmpty())
        return rejectPositionals(ctx, name, parser.positionalArguments());

    DrawFilter filter;
    for (const QString& key : parser.values(zone)) {
        const std::optional<Zone> z = zoneFromKey(key);
        if (!z)
            return ctx.usageError(name,
                QStringLiteral("unknown zone '%1' (expected small-talk, fun, deep or interview).")
                    .arg(key));
        filter.zones << *z;
    }
    if (parser.isSet(ladder) && !filter.zones.isEmpty())
        return ctx.usageError(
            name, QStringLiteral("--ladder chooses the zones; leave out --zone."));
    const std::optional<int> howMany
        = ctx.wholeNumber(name, QStringLiteral("count"), parser.value(count), 1000);
    if (!howMany)
        return kExitUsage;
    quint64 seedValue = std::random_device {}();
    if (parser.isSet(seed)) {
        bool ok = false;
        seedValue = parser.value(seed).toULongLong(&ok);
        if (!ok)
            return ctx.usageError(name,
                QStringLiteral("--seed takes a whole number, not '%1'.").arg(parser.value(seed)));
    }
    filter.context = parser.value(context);
    if (parser.isSet(level)) {
        const QString value = parser.value(level).trimmed();
        if (value != QLatin1String("1") && value != QLatin1String("2")
            && value != QLatin1String("3"))
            return ctx.usageError(name,
                QStringLiteral("--level takes 1 (light), 2 (warmer) or 3 (personal), not '%1'.")
                    .arg(value));
        filter.level = value.toInt();
    }
    filter.deckIds = parser.values(deck);
    filter.favouritesOnly = parser.isSet(favourites);

    std::unique_ptr<DeckEnvironment> env = openDecks(ctx, storage::StoreUse::ReadWrite);
    if (!env)
        return kExitData;
    for (const QString& id : std::as_const(filter.deckIds)) {
        if (!env->library.deck(id))
            return ctx.usageError(name,
                QStringLiteral("no deck has the id '%1' (see 'rapport-cli decks list').").arg(id));
    }
    Drawer drawer(env->library, *env->repository, env->clock, seedValue);
    Ladder steps;
    QJsonArray cards;
    for (int i = 0; i < *howMany; ++i) {
        Result<std::optional<DrawnCard>> card
            = parser.isSet(ladder) ? drawer.drawLadderStep(steps, filter) : drawer.draw(filter);
        if (!card)
            return ctx.fail(card.error(), kExitData);
        if (!card->has_value()) {
            return ctx.fail(
                Error { ErrorKind::NoSuchRecord, QStringLiteral("No card matches this selection."),
                    QStringLiteral("Drop --favourites, --context, --level or --deck, or unhide "
                                   "cards in the Conversation cards view."),
                    {} },
                kExitFailure);
        }
        if (parser.isSet(json))
            cards << cardJson((*card)->key, (*card)->question);
        else
            printCard(ctx.out, **card);
    }
    if (parser.isSet(json))
        ctx.out << QJsonDocument(cards).toJson(QJsonDocument::Indented);
    ctx.out.flush();
    return kExitOk;
}

namespace {

int decksList(CommandContext& ctx, const DeckEnvironment& env, bool json)
{
    Result<QStringList> disabled = env.repository->disabledDecks();
    if (!disabled)
        return ctx.fail(disabled.error(), kExitData);
    QJsonArray array;
    for (const Deck& deck : env.library.decks()) {
        const bool enabled = !disabled->contains(deck.id);
        if (json) {
            array << QJsonObject { { QStringLiteral("id"), deck.id },
                { QStringLiteral("title"), deck.title },
                { QStringLiteral("questions"), static_cast<int>(deck.questions.size()) },
                { QStringLiteral("built_in"), deck.builtIn },
                { QStringLiteral("enabled"), enabled } };
            continue;
        }
        ctx.out << deck.id.leftJustified(34) << ' ' << deck.title.leftJustified(28) << ' '
                << QString::number(deck.questions.size()).rightJustified(4) << " questions"
                << (deck.builtIn ? QStringLiteral(", built in") : QStringLiteral(", yours"))
                << (enabled ? QString() : QStringLiteral(", switched off")) << '\n';
    }
    if (json)
        ctx.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
    ctx.out.flush();
    return kExitOk;
}

int writeExport(CommandContext& ctx, const QByteArray& bytes, const QString& outPath, bool force)
{
    if (outPath.isEmpty()) {
        ctx.out.flush();
        QFile stdoutFile;
        if (!stdoutFile.open(stdout, QIODevice::WriteOnly)
            || stdoutFile.write(bytes) != bytes.size())
            return ctx.fail(Error { ErrorKind::Io,
                                QStringLiteral("Could not write to standard output."), {}, {} },
                kExitFailure);
        return kExitOk;
    }
    if (QFile::exists(outPath) && !force) {
        return ctx.fail(
            Error { ErrorKind::InvalidArgument,
                QStringLiteral("%1 already exists; it was not changed.").arg(outPath),
                QStringLiteral("Choose another name, or add --force to replace it."), {} },
            kExitFailure);
    }
    QSaveFile file(outPath);
    // Private like everything Rapport writes (0600), whatever the umask.
    if (!file.open(QIODevice::WriteOnly)
        || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || file.write(bytes) != bytes.size() || !file.commit()) {
        return ctx.fail(
            Error { ErrorKind::Io, QStringLiteral("Could not write %1.").arg(outPath),
                QStringLiteral("Check the folder exists, is writable and the disk is not full."),
                file.errorString() },
            kExitFailure);
    }
    ctx.err << "Wrote " << outPath << '\n';
    return kExitOk;
}

} // namespace

int decksCommand(CommandContext& ctx, const QStringList& args)
{
    const QString name = QStringLiteral("decks");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Lists, imports and exports question decks.\n\n"
                       "  decks list [--json]\n"
                       "  decks import FILE [--replace] a .json deck (see "
                       "resources/decks/FORMAT.md) or a .csv with\n"
                       "                               text, zone, tags columns; added beside a "
                       "deck with\n"
                       "                               the same id unless --replace\n"
                       "  decks export DECK_ID --format json|csv [--out FILE [--force]]"));
    parser.addPositionalArgument(
        QStringLiteral("action"), QStringLiteral("list, import or export"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("list: print JSON."));
    const QCommandLineOption format(QStringLiteral("format"),
        QStringLiteral("export: json or csv."), QStringLiteral("FORMAT"), QStringLiteral("json"));
    const QCommandLineOption out(QStringLiteral("out"),
        QStringLiteral("export: write to FILE instead of standard output."),
        QStringLiteral("FILE"));
    const QCommandLineOption force(
        QStringLiteral("force"), QStringLiteral("export: replace an existing FILE."));
    const QCommandLineOption replace(QStringLiteral("replace"),
        QStringLiteral("import: update your deck with the file's id instead of adding a new one "
                       "(questions the file lacks are removed)."));
    parser.addOptions({ json, format, out, force, replace });
    if (std::optional<int> stop = parseCommandLine(ctx, parser, name, args))
        return *stop;
    const QStringList words = parser.positionalArguments();
    const QString action = words.value(0);
    const qsizetype wanted = action == QLatin1String("list") ? 1 : 2;
    if (action != QLatin1String("list") && action != QLatin1String("import")
        && action != QLatin1String("export"))
        return ctx.usageError(name,
            action.isEmpty() ? QStringLiteral("say list, import or export.")
                             : QStringLiteral("unknown action '%1'.").arg(action));
    if (words.size() != wanted)
        return ctx.usageError(name,
            words.size() < wanted
                ? QStringLiteral("%1 needs %2.")
                      .arg(action,
                          action == QLatin1String("import") ? QStringLiteral("a FILE")
                                                            : QStringLiteral("a DECK_ID"))
                : QStringLiteral("unexpected argument '%1'.").arg(words.last()));
    const std::optional<DeckFileFormat> fileFormat = deckFileFormatFromKey(parser.value(format));
    if (!fileFormat)
        return ctx.usageError(name,
            QStringLiteral("--format takes json or csv, not '%1'.").arg(parser.value(format)));

    std::unique_ptr<DeckEnvironment> env = openDecks(ctx,
        action == QLatin1String("import") ? storage::StoreUse::ReadWrite : storage::StoreUse::Read);
    if (!env)
        return kExitData;
    if (action == QLatin1String("list"))
        return decksList(ctx, *env, parser.isSet(json));
    if (action == QLatin1String("import")) {
        Result<ImportOutcome> outcome = importDeckFile(words[1], env->library, *env->repository,
            env->clock, parser.isSet(replace) ? DeckImportMode::Replace : DeckImportMode::AddNew);
        if (!outcome)
            return ctx.fail(outcome.error(),
                outcome.error().kind == ErrorKind::Database ? kExitData : kExitInput);
        ctx.out << (outcome->replacedExisting ? "Updated" : "Imported") << " \""
                << outcome->deck.title << "\" (" << outcome->deck.id << ") with "
                << outcome->deck.questions.size() << " questions.\n";
        if (!outcome->note.isEmpty())
            ctx.out << outcome->note << '\n';
        if (outcome->addedBesideExisting)
            ctx.out << "To update the deck you had instead, import with --replace.\n";
        ctx.out.flush();
        return kExitOk;
    }
    const Deck* deck = env->library.deck(words[1]);
    if (!deck)
        return ctx.fail(Error { ErrorKind::NoSuchRecord,
                            QStringLiteral("No deck has the id \"%1\".").arg(words[1]),
                            QStringLiteral("See the ids with 'rapport-cli decks list'."), {} },
            kExitFailure);
    return writeExport(ctx, exportDeck(*deck, *fileFormat), parser.value(out), parser.isSet(force));
}

int conversationsCommand(CommandContext& ctx, const QStringList& args)
{
    const QString name = QStringLiteral("conversations");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Logs the real conversations you had, and lists them.\n\n"
                       "  conversations add --rating 1-5 [--question ID]... [--with TEXT] [--note "
                       "TEXT] [--date YYYY-MM-DD]\n"
                       "  conversations list [--json]"));
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("add or list"));
    const QCommandLineOption rating(
        QStringLiteral("rating"), QStringLiteral("How it went, 1-5."), QStringLiteral("N"));
    const QCommandLineOption question(QStringLiteral("question"),
        QStringLiteral("A question you used: DECK/QUESTION or a question id (repeatable)."),
        QStringLiteral("ID"));
    const QCommandLineOption with(
        QStringLiteral("with"), QStringLiteral("With whom (optional)."), QStringLiteral("TEXT"));
    const QCommandLineOption note(
        QStringLiteral("note"), QStringLiteral("A note (optional)."), QStringLiteral("TEXT"));
    const QCommandLineOption date(QStringLiteral("date"),
        QStringLiteral("The day (default today)."), QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("list: print JSON."));
    parser.addOptions({ rating, question, with, note, date, json });
    if (std::optional<int> stop = parseCommandLine(ctx, parser, name, args))
        return *stop;
    const QStringList words = parser.positionalArguments();
    const QString action = words.value(0);
    if (words.size() != 1 || (action != QLatin1String("add") && action != QLatin1String("list")))
        return ctx.usageError(name, QStringLiteral("say add or list."));

    conversations::Conversation conversation;
    if (action == QLatin1String("add")) {
        if (!parser.isSet(rating))
            return ctx.usageError(name, QStringLiteral("add needs --rating 1-5."));
        const std::optional<int> value
            = ctx.wholeNumber(name, QStringLiteral("rating"), parser.value(rating), 5);
        if (!value)
            return kExitUsage;
        conversation.rating = *value;
        conversation.happenedOn = parser.isSet(date)
            ? QDate::fromString(parser.value(date), Qt::ISODate)
            : QDate::currentDate();
        if (!conversation.happenedOn.isValid())
            return ctx.usageError(
                name, QStringLiteral("--date takes YYYY-MM-DD, not '%1'.").arg(parser.value(date)));
        conversation.withWhom = parser.value(with);
        conversation.note = parser.value(note);
    }

    std::unique_ptr<DeckEnvironment> env = openDecks(ctx,
        action == QLatin1String("add") ? storage::StoreUse::ReadWrite : storage::StoreUse::Read);
    if (!env)
        return kExitData;
    conversations::ConversationRepository repository(*env->store.database);
    if (action == QLatin1String("add")) {
        for (const QString& reference : parser.values(question)) {
            Result<decks::CardKey> key = env->library.resolveCard(reference);
            if (!key)
                return ctx.fail(key.error(), kExitUsage);
            conversation.questions
                << conversations::UsedQuestion { *key, env->library.question(*key)->text };
        }
        conversation.createdAt = env->clock.nowUtc();
        Result<qint64> id = repository.add(conversation);
        if (!id)
            return ctx.fail(id.error(), kExitData);
        ctx.out << "Logged conversation " << *id << " on "
                << conversation.happenedOn.toString(Qt::ISODate) << ".\n";
        ctx.out.flush();
        return kExitOk;
    }
    Result<QList<conversations::Conversation>> all = repository.list();
    if (!all)
        return ctx.fail(all.error(), kExitData);
    QJsonArray array;
    for (const conversations::Conversation& c : *all) {
        QJsonArray used;
        for (const conversations::UsedQuestion& q : c.questions)
            used << QJsonObject { { QStringLiteral("id"), q.key.toString() },
                { QStringLiteral("text"), q.text } };
        if (parser.isSet(json)) {
            array << QJsonObject { { QStringLiteral("id"), c.id },
                { QStringLiteral("date"), c.happenedOn.toString(Qt::ISODate) },
                { QStringLiteral("with"), c.withWhom }, { QStringLiteral("rating"), c.rating },
                { QStringLiteral("note"), c.note }, { QStringLiteral("questions"), used } };
            continue;
        }
        ctx.out << c.happenedOn.toString(Qt::ISODate) << "  "
                << QString(c.rating, QChar(0x2605)).leftJustified(5, QChar(0x2606)) << "  "
                << (c.withWhom.isEmpty() ? QStringLiteral("(someone)") : c.withWhom) << '\n';
        for (const conversations::UsedQuestion& q : c.questions)
            ctx.out << "    asked: " << q.text << '\n';
        if (!c.note.isEmpty())
            ctx.out << "    note: " << c.note << '\n';
    }
    if (parser.isSet(json))
        ctx.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
    else if (all->isEmpty())
        ctx.out << "No conversations logged yet. Add one with: rapport-cli conversations add "
                   "--rating 4\n";
    ctx.out.flush();
    return kExitOk;
}

} // namespace rapport::cli
