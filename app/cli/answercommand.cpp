// `answer`: draws a card (or takes the one named), prints it, records the answer from the
// default microphone through the take engine a pitch's takes use (rehearsal::TakeSession),
// analyses it, stores it with the card and prints the report.
#include "app/cli/answercommon.h"
#include "app/cli/audiocommands.h"
#include "app/cli/liverecording.h"
#include "app/cli/takecommon.h"
#include "app/cli/wordsoutput.h"
#include "core/analysis/reportjson.h"
#include "core/answers/answerrepository.h"
#include "core/answers/answerwindow.h"
#include "core/audio/audioblock.h"
#include "core/common/clock.h"
#include "core/decks/drawer.h"
#include "core/rehearsal/recordings.h"
#include "core/rehearsal/takesession.h"
#include "core/speech/wordlistener.h"
#include "core/speech/wordreport.h"

#include <QJsonDocument>

namespace rapport::cli {

namespace {

const QString kName = QStringLiteral("answer");

struct AnswerOptions
{
    QList<decks::Zone> zones;
    QString card;
    std::int64_t frames = 0; ///< at audio::kSampleRate
    std::optional<int> rating;
    QString note;
    bool json = false;
    bool words = true;
};

std::variant<AnswerOptions, int> parseOptions(CommandContext& ctx, const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Draws a conversation card (or takes the one you name), prints it, and records your "
        "answer from the default microphone, Table Topics style: no preparation, the lights at "
        "your answer light times (set under Light times… on the Cards page; 1:00, 1:30 and 2:00 "
        "at first). The answer is analysed while it records and stored with the card: "
        "the audio in the data folder's recordings/, the report with the time to your first "
        "word, and your rating. Ctrl+C stops early and keeps the answer."));
    const QCommandLineOption zone(QStringLiteral("zone"),
        QStringLiteral("Draw from this zone: small-talk, fun, deep or interview (repeatable)."),
        QStringLiteral("ZONE"));
    const QCommandLineOption card(QStringLiteral("card"),
        QStringLiteral("Answer this card instead of drawing one: DECK/QUESTION as 'draw' prints "
                       "it, or a question id."),
        QStringLiteral("CARD"));
    const QCommandLineOption seconds(QStringLiteral("seconds"),
        QStringLiteral("How long to record, in seconds of audio (up to %1).").arg(kMaxTakeSeconds),
        QStringLiteral("N"));
    const QCommandLineOption rating(QStringLiteral("rating"),
        QStringLiteral("Your overall rating of the answer, 1-5 (rate it in full later with "
                       "'answers rate')."),
        QStringLiteral("1-5"));
    const QCommandLineOption note(QStringLiteral("note"),
        QStringLiteral("A note to keep with the answer."), QStringLiteral("TEXT"));
    const QCommandLineOption json(
        QStringLiteral("json"), QStringLiteral("Print one JSON object instead of a summary."));
    const QCommandLineOption noWords(
        QStringLiteral("no-words"), QStringLiteral("Leave out the words (no speech recognition)."));
    parser.addOptions({ zone, card, seconds, rating, note, json, noWords });
    if (std::optional<int> stop = parseCommandLine(ctx, parser, kName, args))
        return *stop;
    if (!parser.positionalArguments().isEmpty())
        return ctx.usageError(kName,
            QStringLiteral("unexpected argument '%1'.").arg(parser.positionalArguments().first()));
    AnswerOptions options;
    for (const QString& key : parser.values(zone)) {
        const std::optional<decks::Zone> z = decks::zoneFromKey(key);
        if (!z)
            return ctx.usageError(kName,
                QStringLiteral("unknown zone '%1' (expected small-talk, fun, deep or interview).")
                    .arg(key));
        options.zones << *z;
    }
    if (parser.isSet(card) && parser.value(card).trimmed().isEmpty())
        return ctx.usageError(kName, QStringLiteral("--card needs a card id."));
    if (parser.isSet(card) && !options.zones.isEmpty())
        return ctx.usageError(kName, QStringLiteral("--card names the card; leave out --zone."));
    if (!parser.isSet(seconds))
        return ctx.usageError(kName, QStringLiteral("answer needs --seconds N."));
    const std::optional<std::int64_t> frames = takeFrames(ctx, kName, parser.value(seconds));
    if (!frames)
        return kExitUsage;
    options.frames = *frames;
    if (parser.isSet(rating)) {
        options.rating = ctx.wholeNumber(kName, QStringLiteral("rating"), parser.value(rating), 5);
        if (!options.rating)
            return kExitUsage;
    }
    options.card = parser.value(card);
    options.note = parser.value(note);
    options.json = parser.isSet(json);
    options.words = !parser.isSet(noWords);
    return options;
}

// The card to answer: the one named, or one drawn (written to the draw history, so it does not
// come back before the rest of its pool). Prints why and returns the exit code on failure.
std::variant<std::pair<answers::CardRef, std::optional<qint64>>, int> chooseCard(
    CommandContext& ctx, const AnswerOptions& options, const storage::Store& store,
    const Clock& clock)
{
    decks::DeckRepository repository(*store.database);
    Result<decks::DeckLibrary> library = decks::DeckLibrary::load(repository);
    if (!library)
        return ctx.fail(library.error(), kExitData);
    if (!options.card.isEmpty()) {
        std::variant<answers::CardRef, int> card = findCard(ctx, *library, options.card);
        if (const int* code = std::get_if<int>(&card))
            return *code;
        return std::pair { std::get<answers::CardRef>(card), std::optional<qint64>() };
    }
    decks::Drawer drawer(*library, repository, clock);
    decks::DrawFilter filter;
    filter.zones = options.zones;
    Result<std::optional<decks::DrawnCard>> drawn = drawer.draw(filter);
    if (!drawn)
        return ctx.fail(drawn.error(), kExitData);
    if (!drawn->has_value()) {
        return ctx.fail(
            Error { ErrorKind::NoSuchRecord, QStringLiteral("No card matches this selection."),
                QStringLiteral("Choose another --zone, or unhide cards in the "
                               "Conversation cards view."),
                {} },
            kExitFailure);
    }
    const decks::DrawnCard& card = **drawn;
    return std::pair { answers::CardRef { card.key.deckId, card.key.questionId, card.question.zone,
                           card.question.text },
        std::optional<qint64>(card.record.seq) };
}

void printAnswer(CommandContext& ctx, const answers::Answer& answer, bool json)
{
    const rehearsal::Take take = answers::asTake(answer);
    const std::optional<bool> askedBack = answers::askedBack(answer.words);
    if (json) {
        QJsonObject object = analysis::reportToJson(answer.report, answer.audioPath);
        object.insert(QStringLiteral("answer_id"), answer.id);
        object.insert(QStringLiteral("card"), answerCardJson(answer.card));
        object.insert(QStringLiteral("draw_seq"),
            answer.drawSeq ? QJsonValue(*answer.drawSeq) : QJsonValue());
        object.insert(QStringLiteral("started_at"), answer.startedAt.toString(Qt::ISODate));
        object.insert(QStringLiteral("first_word_s"),
            answer.firstWordS() ? QJsonValue(*answer.firstWordS()) : QJsonValue());
        object.insert(
            QStringLiteral("asked_back"), askedBack ? QJsonValue(*askedBack) : QJsonValue());
        object.insert(QStringLiteral("target"), targetJson(answer.lights));
        object.insert(QStringLiteral("timing"), timingJson(take));
        object.insert(QStringLiteral("rating"), answerRatingJson(answer.rating));
        object.insert(QStringLiteral("note"), answer.rating.note);
        if (answer.words)
            insertWordKeys(object, *answer.words);
        ctx.out << QJsonDocument(object).toJson(QJsonDocument::Indented);
    } else {
        ctx.out << analysis::reportToText(answer.report, answer.audioPath);
        if (answer.words)
            ctx.out << speech::wordReportToText(*answer.words);
        ctx.out << "\nAnswer " << answer.id << " to " << answer.card.deckId << '/'
                << answer.card.questionId << ": \"" << answer.card.text << "\"\nFirst word after "
                << firstWordText(answer) << "\nSpeaking time: " << timingText(take);
        if (askedBack)
            ctx.out << "\nAsked something back: " << (*askedBack ? "yes" : "no");
        ctx.out << "\nRating: " << answerRatingText(answer.rating) << '\n';
        if (!answer.rating.note.isEmpty())
            ctx.out << "Note: " << answer.rating.note << '\n';
    }
    ctx.out.flush();
}

} // namespace

int answerCommand(CommandContext& ctx, const QStringList& args)
{
    const std::variant<AnswerOptions, int> parsed = parseOptions(ctx, args);
    if (const int* code = std::get_if<int>(&parsed))
        return *code;
    const AnswerOptions& options = std::get<AnswerOptions>(parsed);

    std::optional<storage::Store> store = ctx.openStore();
    if (!store)
        return kExitData;
    const SystemClock clock;
    const auto chosen = chooseCard(ctx, options, *store, clock);
    if (const int* code = std::get_if<int>(&chosen))
        return *code;
    const auto& [card, drawSeq]
        = std::get<std::pair<answers::CardRef, std::optional<qint64>>>(chosen);
    // The card first, where the speaker reads it (stderr keeps --json's output one object).
    ctx.err << decks::zoneDisplayName(card.zone) << " · " << card.deckId << '/' << card.questionId
            << "\n  " << card.text << "\n";
    ctx.err.flush();

    rehearsal::TakeRepository takes(*store->database);
    rehearsal::Recordings recordings(store->paths, takes);
    answers::AnswerRepository answers(*store->database);
    answers::AnswerTakeStore answerStore(answers);
    answerStore.setCard(card, drawSeq);
    if (options.rating || !options.note.isEmpty()) {
        answers::AnswerRating rating;
        rating.overall = options.rating;
        rating.note = options.note;
        answerStore.setRating(rating);
    }
    rehearsal::TakeSession session(recordings, takes, clock);
    SessionWords words(session, options.words);

    // The window's light times (Light times… on the Cards page), kept with the data.
    Result<rehearsal::LightTimes> lights = answers::loadAnswerLights(*store->database);
    if (!lights)
        return ctx.fail(lights.error(), kExitData);
    LiveRecording recording(ctx.err);
    recording.setAnnouncement(
        QStringLiteral(" for %1 s (green %2, yellow %3, red %4; Ctrl+C "
                       "stops and keeps the answer)")
            .arg(QString::number(audio::framesToSeconds(options.frames)),
                rehearsal::formatClock(lights->greenMs), rehearsal::formatClock(lights->yellowMs),
                rehearsal::formatClock(lights->redMs)));
    const Result<LiveTake> live
        = recording.run(session.recorder(), [&](audio::AudioSource& microphone) {
              return session.start(
                  microphone, answers::answerPitch(card, *lights), options.frames, &answerStore);
          });
    if (!live)
        return ctx.fail(live.error(), exitCodeFor(live.error()));
    const rehearsal::TakeOutcome& outcome = session.outcome();
    if (!outcome.take)
        return ctx.fail(*outcome.notStored, live->frames == 0 ? kExitFailure : kExitData);
    words.finish(ctx);
    // Read back as stored: with its words once heard, and its rating.
    Result<answers::Answer> stored = answers.get(outcome.take->id);
    if (!stored)
        return ctx.fail(stored.error(), kExitData);
    printAnswer(ctx, *stored, options.json);
    if (live->failure)
        return ctx.fail(*live->failure, kExitFailure);
    return kExitOk;
}

} // namespace rapport::cli
