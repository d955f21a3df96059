#include "app/cli/commands.h"
#include "core/analysis/analysispipeline.h"
#include "core/analysis/reportjson.h"

#include <QJsonDocument>

namespace rapport::cli {

int analyzeCommand(CommandContext& ctx, const QStringList& args)
{
    const QString name = QStringLiteral("analyze");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Analyses a recorded take (WAV, FLAC, OGG; any rate and channels): speaking time, "
        "pauses, estimated words per minute, pitch variation, loudness and clipping. "
        "Needs no database."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The audio file."));
    const QCommandLineOption json(
        QStringLiteral("json"), QStringLiteral("Print one JSON object instead of a summary."));
    parser.addOption(json);
    if (std::optional<int> stop = parseCommandLine(ctx, parser, name, args))
        return *stop;
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        return ctx.usageError(name, QStringLiteral("analyze needs an audio file."));
    if (files.size() > 1)
        return ctx.usageError(name, QStringLiteral("unexpected argument '%1'.").arg(files[1]));

    const Result<analysis::TakeReport> report = analysis::analyseFile(files.first());
    if (!report)
        return ctx.fail(report.error(), kExitInput);
    if (parser.isSet(json)) {
        ctx.out << QString::fromUtf8(QJsonDocument(analysis::reportToJson(*report, files.first()))
                                         .toJson(QJsonDocument::Indented));
    } else {
        ctx.out << analysis::reportToText(*report, files.first());
    }
    ctx.out.flush();
    return kExitOk;
}

} // namespace rapport::cli
