#include "app/cli/audiocommands.h"
#include "app/cli/commands.h"
#include "app/cli/liverecording.h"
#include "core/analysis/reportjson.h"
#include "core/audio/audioblock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace rapport::cli {

namespace {

struct RecordOptions
{
    std::int64_t frames = 0; ///< at audio::kSampleRate
    QString out;
    bool json = false;
};

// Parses the arguments; returns an exit code when the command must stop now.
std::variant<RecordOptions, int> parseRecordOptions(CommandContext& ctx, const QStringList& args)
{
    const QString name = QStringLiteral("record");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Records a take from the default microphone into a WAV file (16 kHz mono, 16-bit, "
        "private to you) and analyses it while recording: speaking time, pauses, pace, pitch, "
        "loudness. Ctrl+C stops early and keeps what was recorded. Until the take ends it is "
        "written to FILE.recording-XXXXXXXX.wav beside FILE, so an existing FILE is replaced only "
        "by a take."));
    const QCommandLineOption seconds(QStringLiteral("seconds"),
        QStringLiteral("How long to record, in seconds of audio (up to %1).").arg(kMaxTakeSeconds),
        QStringLiteral("N"));
    const QCommandLineOption out(
        QStringLiteral("out"), QStringLiteral("The WAV file to write."), QStringLiteral("FILE"));
    const QCommandLineOption json(
        QStringLiteral("json"), QStringLiteral("Print one JSON object instead of a summary."));
    parser.addOptions({ seconds, out, json });
    if (std::optional<int> stop = parseCommandLine(ctx, parser, name, args))
        return *stop;
    if (!parser.positionalArguments().isEmpty())
        return ctx.usageError(name,
            QStringLiteral("unexpected argument '%1'.").arg(parser.positionalArguments().first()));
    if (!parser.isSet(seconds))
        return ctx.usageError(name, QStringLiteral("record needs --seconds N."));
    const std::optional<std::int64_t> frames = takeFrames(ctx, name, parser.value(seconds));
    if (!frames)
        return kExitUsage;
    if (!parser.isSet(out) || parser.value(out).trimmed().isEmpty())
        return ctx.usageError(name, QStringLiteral("record needs --out FILE.wav."));
    RecordOptions options;
    options.frames = *frames;
    options.out = parser.value(out);
    options.json = parser.isSet(json);
    const QFileInfo target(options.out);
    if (!target.absoluteDir().exists())
        return ctx.usageError(name,
            QStringLiteral("the folder %1 does not exist.")
                .arg(QDir::toNativeSeparators(target.absolutePath())));
    if (target.isDir())
        return ctx.usageError(
            name, QStringLiteral("%1 is a folder; --out needs a file name.").arg(options.out));
    return options;
}

// A name next to `out` for the take while it is recorded: the file at `out` is replaced only
// once there is a take to put there (no microphone must not cost the user an existing file).
QString partialPath(const QString& out)
{
    const QFileInfo target(out);
    return target.absoluteDir().filePath(
        QStringLiteral("%1.recording-%2.wav")
            .arg(target.fileName(),
                QStringLiteral("%1").arg(
                    QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'))));
}

Status moveInto(const QString& from, const QString& to)
{
    // rename(2) replaces `to` in one step; QFile::rename refuses an existing target.
    if (std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) == 0)
        return {};
    return Error { ErrorKind::Io,
        QStringLiteral("Could not move the take to %1; it is kept as %2.")
            .arg(QDir::toNativeSeparators(to), QDir::toNativeSeparators(from)),
        QStringLiteral("Check the folder's permissions, then rename the file yourself."),
        QString::fromLocal8Bit(std::strerror(errno)) };
}

} // namespace

int recordCommand(CommandContext& ctx, const QStringList& args)
{
    const std::variant<RecordOptions, int> parsed = parseRecordOptions(ctx, args);
    if (const int* code = std::get_if<int>(&parsed))
        return *code;
    const RecordOptions& options = std::get<RecordOptions>(parsed);

    LiveRecording recording(ctx.err);
    recording.setAnnouncement(QStringLiteral(" for %1 s (Ctrl+C stops and keeps the take)")
                                  .arg(audio::framesToSeconds(options.frames)));
    const QString partial = partialPath(options.out);
    rehearsal::TakeRecorder recorder;
    const Result<LiveTake> take = recording.run(recorder, [&](audio::AudioSource& microphone) {
        return recorder.start(microphone, partial, options.frames);
    });
    if (!take)
        return ctx.fail(take.error(), kExitInput);
    // Nothing heard at all (a silent device): leave whatever was at --out alone.
    Status moved;
    if (take->frames > 0)
        moved = moveInto(partial, options.out);
    else
        QFile::remove(partial);
    if (options.json) {
        ctx.out << QString::fromUtf8(
            QJsonDocument(analysis::reportToJson(take->report, options.out))
                .toJson(QJsonDocument::Indented));
    } else {
        ctx.out << analysis::reportToText(take->report, options.out);
    }
    ctx.out.flush();
    if (take->failure)
        return ctx.fail(*take->failure, kExitFailure);
    if (!moved)
        return ctx.fail(moved.error(), kExitFailure);
    return kExitOk;
}

} // namespace rapport::cli
