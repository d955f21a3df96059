#include "app/cli/audiocommands.h"
#include "app/cli/commands.h"
#include "app/cli/liverecording.h"
#include "app/cli/takecommon.h"
#include "app/cli/wordsoutput.h"
#include "core/analysis/reportjson.h"
#include "core/analysis/scriptsyllables.h"
#include "core/audio/audioblock.h"
#include "core/common/clock.h"
#include "core/rehearsal/recordings.h"
#include "core/rehearsal/takesession.h"
#include "core/speech/wordlistener.h"
#include "core/speech/wordreport.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>

namespace rapport::cli {

namespace {

const QString kName = QStringLiteral("rehearse");

struct RehearseOptions
{
    QString pitch;
    std::int64_t frames = 0; ///< at audio::kSampleRate
    std::optional<int> rating;
    QString note;
    bool json = false;
    bool words = true;
};

// Parses the arguments; returns an exit code when the command must stop now.
std::variant<RehearseOptions, int> parseOptions(CommandContext& ctx, const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Records a take of a pitch from the default microphone, analyses it while recording and "
        "stores it: the audio in the data folder's recordings/, the report, the pitch's window "
        "and your rating. Prints the report with the take's id and how the speaking time fell "
        "against the window. Ctrl+C stops early and keeps the take."));
    const QCommandLineOption pitch(QStringLiteral("pitch"),
        QStringLiteral("The pitch rehearsed: its id or title."), QStringLiteral("ID|TITLE"));
    const QCommandLineOption seconds(QStringLiteral("seconds"),
        QStringLiteral("How long to record, in seconds of audio (up to %1).").arg(kMaxTakeSeconds),
        QStringLiteral("N"));
    const QCommandLineOption rating(QStringLiteral("rating"),
        QStringLiteral("Your overall rating of the take, 1-5 (rate it in full later with "
                       "'takes rate')."),
        QStringLiteral("1-5"));
    const QCommandLineOption note(QStringLiteral("note"),
        QStringLiteral("A note to keep with the take."), QStringLiteral("TEXT"));
    const QCommandLineOption json(
        QStringLiteral("json"), QStringLiteral("Print one JSON object instead of a summary."));
    const QCommandLineOption noWords(
        QStringLiteral("no-words"), QStringLiteral("Leave out the words (no speech recognition)."));
    parser.addOptions({ pitch, seconds, rating, note, json, noWords });
    if (std::optional<int> stop = parseCommandLine(ctx, parser, kName, args))
        return *stop;
    if (!parser.positionalArguments().isEmpty())
        return ctx.usageError(kName,
            QStringLiteral("unexpected argument '%1'.").arg(parser.positionalArguments().first()));
    if (!parser.isSet(pitch) || parser.value(pitch).trimmed().isEmpty())
        return ctx.usageError(kName, QStringLiteral("rehearse needs --pitch ID|TITLE."));
    if (!parser.isSet(seconds))
        return ctx.usageError(kName, QStringLiteral("rehearse needs --seconds N."));
    RehearseOptions options;
    const std::optional<std::int64_t> frames = takeFrames(ctx, kName, parser.value(seconds));
    if (!frames)
        return kExitUsage;
    options.frames = *frames;
    if (parser.isSet(rating)) {
        options.rating = ctx.wholeNumber(kName, QStringLiteral("rating"), parser.value(rating), 5);
        if (!options.rating)
            return kExitUsage;
    }
    options.pitch = parser.value(pitch);
    options.note = parser.value(note);
    options.json = parser.isSet(json);
    options.words = !parser.isSet(noWords);
    return options;
}

// Tells the speaker on stderr when a light comes on, as a timekeeper would.
std::function<void(std::int64_t)> lightAnnouncer(QTextStream& err, const rehearsal::Pitch& pitch)
{
    return [&err, lights = pitch.lights, shownLight = rehearsal::Light::None](
               std::int64_t frames) mutable {
        const qint64 elapsedMs = frames * 1000 / audio::kSampleRate;
        const rehearsal::Light light = rehearsal::lightAt(elapsedMs, lights);
        if (light == shownLight)
            return;
        shownLight = light;
        err << rehearsal::formatClock(elapsedMs) << "  " << rehearsal::lightName(light) << ": "
            << rehearsal::lightAdvice(light) << '\n';
        err.flush();
    };
}

void printTake(
    CommandContext& ctx, const rehearsal::Take& take, const rehearsal::Pitch& pitch, bool json)
{
    if (json) {
        QJsonObject object = analysis::reportToJson(take.report, take.audioPath);
        object.insert(QStringLiteral("take_id"), take.id);
        object.insert(QStringLiteral("pitch_id"), take.pitchId);
        object.insert(QStringLiteral("started_at"), take.startedAt.toString(Qt::ISODate));
        object.insert(QStringLiteral("target"), targetJson(take.lights));
        object.insert(QStringLiteral("timing"), timingJson(take));
        object.insert(QStringLiteral("rating"), ratingJson(take.rating));
        object.insert(QStringLiteral("note"), take.rating.note);
        if (take.words)
            insertWordKeys(object, *take.words);
        ctx.out << QJsonDocument(object).toJson(QJsonDocument::Indented);
    } else {
        ctx.out << analysis::reportToText(take.report, take.audioPath);
        if (take.words)
            ctx.out << speech::wordReportToText(*take.words);
        ctx.out << "\nTake " << take.id << " of \"" << pitch.title << "\", started "
                << take.startedAt.toString(Qt::ISODate) << "\nSpeaking time: " << timingText(take)
                << "\nRating: " << ratingText(take.rating) << '\n';
        if (!take.rating.note.isEmpty())
            ctx.out << "Note: " << take.rating.note << '\n';
    }
    ctx.out.flush();
}

} // namespace

int rehearseCommand(CommandContext& ctx, const QStringList& args)
{
    const std::variant<RehearseOptions, int> parsed = parseOptions(ctx, args);
    if (const int* code = std::get_if<int>(&parsed))
        return *code;
    const RehearseOptions& options = std::get<RehearseOptions>(parsed);

    std::optional<storage::Store> store = ctx.openStore();
    if (!store)
        return kExitData;
    const std::variant<rehearsal::Pitch, int> found
        = findPitch(ctx, *store->database, options.pitch);
    if (const int* code = std::get_if<int>(&found))
        return *code;
    const rehearsal::Pitch& pitch = std::get<rehearsal::Pitch>(found);

    rehearsal::TakeRepository takes(*store->database);
    rehearsal::Recordings recordings(store->paths, takes);
    const SystemClock clock;
    rehearsal::TakeSession session(recordings, takes, clock);
    rehearsal::SelfRating rating;
    rating.overall = options.rating;
    rating.note = options.note;
    session.setRating(rating);
    SessionWords words(session, options.words);

    LiveRecording recording(ctx.err);
    recording.setAnnouncement(QStringLiteral(" for %1 s: \"%2\" (green %3, yellow %4, red %5; "
                                             "Ctrl+C stops and keeps the take)")
                                  .arg(QString::number(audio::framesToSeconds(options.frames)),
                                      pitch.title, rehearsal::formatClock(pitch.lights.greenMs),
                                      rehearsal::formatClock(pitch.lights.yellowMs),
                                      rehearsal::formatClock(pitch.lights.redMs)));
    if (!options.json)
        recording.setProgressCallback(lightAnnouncer(ctx.err, pitch));
    const Result<LiveTake> live
        = recording.run(session.recorder(), [&](audio::AudioSource& microphone) {
              return session.start(microphone, pitch, options.frames);
          });
    if (!live)
        return ctx.fail(live.error(), exitCodeFor(live.error()));
    const rehearsal::TakeOutcome& outcome = session.outcome();
    if (!outcome.take) {
        // Nothing heard (no file is left), or the row could not be written (the file stays):
        // TakeSession says which in notStored whenever it stores no take.
        return ctx.fail(*outcome.notStored, live->frames == 0 ? kExitFailure : kExitData);
    }
    words.finish(ctx);
    printTake(ctx, *outcome.take, pitch, options.json); // with its words, once heard
    if (live->failure)
        return ctx.fail(*live->failure, kExitFailure);
    return kExitOk;
}

} // namespace rapport::cli
