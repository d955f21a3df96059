#include "app/cli/commands.h"
#include "core/analysis/scriptsyllables.h"
#include "core/common/clock.h"
#include "core/common/regularfile.h"
#include "core/rehearsal/pitch.h"
#include "core/rehearsal/pitchrepository.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace rapport::cli {

using rehearsal::Pitch;

namespace {

const QString kName = QStringLiteral("pitches");

QJsonObject pitchJson(const Pitch& p, int takes, const QDateTime& lastTake)
{
    return QJsonObject { { QStringLiteral("id"), p.id }, { QStringLiteral("title"), p.title },
        { QStringLiteral("occasion"), p.occasion }, { QStringLiteral("text"), p.text },
        { QStringLiteral("words"), rehearsal::wordCount(p.text) },
        { QStringLiteral("target_s"), p.targetMs / 1000.0 },
        { QStringLiteral("green_s"), p.lights.greenMs / 1000.0 },
        { QStringLiteral("yellow_s"), p.lights.yellowMs / 1000.0 },
        { QStringLiteral("red_s"), p.lights.redMs / 1000.0 }, { QStringLiteral("takes"), takes },
        { QStringLiteral("last_take_at"),
            lastTake.isValid() ? QJsonValue(lastTake.toString(Qt::ISODate)) : QJsonValue() },
        { QStringLiteral("created_at"), p.createdAt.toString(Qt::ISODate) },
        { QStringLiteral("updated_at"), p.updatedAt.toString(Qt::ISODate) } };
}

QString seconds(qint64 ms)
{
    return rehearsal::formatClock(ms);
}

// Reads the script from --text, or --text-file (“-” for standard input).
std::optional<QString> scriptText(CommandContext& ctx, const QString& text, const QString& file)
{
    if (file.isEmpty())
        return text;
    const QString what = QStringLiteral("the script");
    Result<QString> read = file == QLatin1String("-")
        ? readTextFromStdin(analysis::kMaxScriptBytes, what)
        : readTextFile(file, analysis::kMaxScriptBytes, what);
    if (!read) {
        ctx.fail(read.error(), kExitInput);
        return std::nullopt;
    }
    return *read;
}

int listPitches(CommandContext& ctx, rehearsal::PitchRepository& pitches, bool json)
{
    Result<QList<rehearsal::PitchSummary>> all = pitches.list();
    if (!all)
        return ctx.fail(all.error(), kExitData);
    const QDateTime now = SystemClock().nowUtc();
    QJsonArray array;
    for (const rehearsal::PitchSummary& s : *all) {
        if (json) {
            QJsonObject o = pitchJson(s.pitch, s.takeCount, s.lastTakeAt);
            o.insert(
                QStringLiteral("keep_it_fresh"), rehearsal::needsFreshening(s.lastActivity(), now));
            array << o;
            continue;
        }
        ctx.out << QString::number(s.pitch.id).rightJustified(4) << "  " << s.pitch.title << "  ("
                << seconds(s.pitch.targetMs) << ", " << s.takeCount
                << (s.takeCount == 1 ? " take" : " takes") << ')'
                << (rehearsal::needsFreshening(s.lastActivity(), now) ? "  keep it fresh" : "")
                << '\n';
    }
    if (json)
        ctx.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
    else if (all->isEmpty())
        ctx.out << "No pitches yet. Write one with: rapport-cli pitches add --title \"My intro\" "
                   "--target 60 --text \"...\"\n";
    ctx.out.flush();
    return kExitOk;
}

int showPitch(
    CommandContext& ctx, rehearsal::PitchRepository& pitches, const QString& reference, bool json)
{
    Result<Pitch> p = pitches.find(reference);
    if (!p)
        return ctx.fail(p.error(), kExitFailure);
    if (json) {
        Result<QList<rehearsal::PitchSummary>> all = pitches.list();
        if (!all)
            return ctx.fail(all.error(), kExitData);
        for (const rehearsal::PitchSummary& s : *all) {
            if (s.pitch.id == p->id)
                ctx.out << QJsonDocument(pitchJson(s.pitch, s.takeCount, s.lastTakeAt))
                               .toJson(QJsonDocument::Indented);
        }
        ctx.out.flush();
        return kExitOk;
    }
    const int words = rehearsal::wordCount(p->text);
    ctx.out << p->title << (p->occasion.isEmpty() ? QString() : QStringLiteral(" — ") + p->occasion)
            << "\nTarget " << seconds(p->targetMs) << ": green " << seconds(p->lights.greenMs)
            << ", yellow " << seconds(p->lights.yellowMs) << ", red " << seconds(p->lights.redMs)
            << "\n"
            << words << (words == 1 ? " word: " : " words: ")
            << seconds(rehearsal::speakingTimeMs(words, rehearsal::kSlowWpm)) << " at "
            << rehearsal::kSlowWpm << " wpm, "
            << seconds(rehearsal::speakingTimeMs(words, rehearsal::kFastWpm)) << " at "
            << rehearsal::kFastWpm << " wpm\n\n"
            << p->text << (p->text.endsWith(QLatin1Char('\n')) ? "" : "\n");
    ctx.out.flush();
    return kExitOk;
}

} // namespace

int pitchesCommand(CommandContext& ctx, const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Your elevator-pitch scripts.\n\n"
        "  pitches add --title TEXT [--occasion TEXT] [--target SECONDS] [--text TEXT | "
        "--text-file FILE|-]\n"
        "              [--green SECONDS --yellow SECONDS --red SECONDS]\n"
        "  pitches list [--json]\n"
        "  pitches show ID|TITLE [--json]\n\n"
        "The default window for a target T: green at T less a sixth (at least 5 s), yellow "
        "halfway, red at T."));
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("add, list or show"));
    const QCommandLineOption title(
        QStringLiteral("title"), QStringLiteral("The pitch's title."), QStringLiteral("TEXT"));
    const QCommandLineOption occasion(QStringLiteral("occasion"),
        QStringLiteral("Where you will give it (optional)."), QStringLiteral("TEXT"));
    const QCommandLineOption target(QStringLiteral("target"),
        QStringLiteral("Target length in seconds (default 60)."), QStringLiteral("SECONDS"));
    const QCommandLineOption text(
        QStringLiteral("text"), QStringLiteral("The script."), QStringLiteral("TEXT"));
    const QCommandLineOption textFile(QStringLiteral("text-file"),
        QStringLiteral("Read the script from FILE (- for standard input)."),
        QStringLiteral("FILE"));
    const QCommandLineOption green(QStringLiteral("green"),
        QStringLiteral("Green light, seconds from the start."), QStringLiteral("SECONDS"));
    const QCommandLineOption yellow(
        QStringLiteral("yellow"), QStringLiteral("Yellow light."), QStringLiteral("SECONDS"));
    const QCommandLineOption red(
        QStringLiteral("red"), QStringLiteral("Red light."), QStringLiteral("SECONDS"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOptions({ title, occasion, target, text, textFile, green, yellow, red, json });
    if (std::optional<int> stop = parseCommandLine(ctx, parser, kName, args))
        return *stop;
    const QStringList words = parser.positionalArguments();
    const QString action = words.value(0);
    const bool isAdd = action == QLatin1String("add");
    const bool isList = action == QLatin1String("list");
    const bool isShow = action == QLatin1String("show");
    if (!isAdd && !isList && !isShow)
        return ctx.usageError(kName, QStringLiteral("say add, list or show."));
    if (words.size() != (isShow ? 2 : 1))
        return ctx.usageError(kName,
            isShow ? QStringLiteral("show takes one pitch id or title.")
                   : QStringLiteral("unexpected argument '%1'.").arg(words.value(1)));

    Pitch pitch;
    if (isAdd) {
        if (!parser.isSet(title))
            return ctx.usageError(kName, QStringLiteral("add needs --title."));
        if (parser.isSet(text) && parser.isSet(textFile))
            return ctx.usageError(kName, QStringLiteral("give --text or --text-file, not both."));
        pitch.title = parser.value(title);
        pitch.occasion = parser.value(occasion);
        if (parser.isSet(target)) {
            const std::optional<int> s
                = ctx.wholeNumber(kName, QStringLiteral("target"), parser.value(target), 1800);
            if (!s)
                return kExitUsage;
            pitch.targetMs = *s * 1000LL;
        }
        pitch.lights = rehearsal::defaultLightsFor(pitch.targetMs);
        const int lightsGiven
            = int(parser.isSet(green)) + int(parser.isSet(yellow)) + int(parser.isSet(red));
        if (lightsGiven != 0 && lightsGiven != 3)
            return ctx.usageError(
                kName, QStringLiteral("give all three of --green, --yellow and --red, or none."));
        if (lightsGiven == 3) {
            std::optional<int> g
                = ctx.wholeNumber(kName, QStringLiteral("green"), parser.value(green), 1800);
            std::optional<int> y = g
                ? ctx.wholeNumber(kName, QStringLiteral("yellow"), parser.value(yellow), 1800)
                : std::nullopt;
            std::optional<int> r = y
                ? ctx.wholeNumber(kName, QStringLiteral("red"), parser.value(red), 1800)
                : std::nullopt;
            if (!r)
                return kExitUsage;
            pitch.lights.greenMs = *g * 1000LL;
            pitch.lights.yellowMs = *y * 1000LL;
            pitch.lights.redMs = *r * 1000LL;
        }
        if (const QString problem = rehearsal::pitchProblem(pitch); !problem.isEmpty())
            return ctx.usageError(kName, problem);
        const std::optional<QString> script
            = scriptText(ctx, parser.value(text), parser.value(textFile));
        if (!script)
            return kExitInput;
        pitch.text = *script;
    }

    std::optional<storage::Store> store
        = ctx.openStore(isAdd ? storage::StoreUse::ReadWrite : storage::StoreUse::Read);
    if (!store)
        return kExitData;
    rehearsal::PitchRepository pitches(*store->database);
    if (isList)
        return listPitches(ctx, pitches, parser.isSet(json));
    if (isShow)
        return showPitch(ctx, pitches, words[1], parser.isSet(json));
    Result<qint64> id = pitches.add(pitch, SystemClock().nowUtc());
    if (!id)
        return ctx.fail(id.error(), kExitData);
    const int count = rehearsal::wordCount(pitch.text);
    ctx.out << "Added pitch " << *id << " \"" << pitch.title.trimmed() << "\": target "
            << seconds(pitch.targetMs) << ", " << count << (count == 1 ? " word" : " words")
            << ".\n";
    ctx.out.flush();
    return kExitOk;
}

} // namespace rapport::cli
