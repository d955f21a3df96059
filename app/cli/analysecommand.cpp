#include "app/cli/audiocommands.h"
#include "app/cli/commands.h"
#include "core/analysis/analysispipeline.h"
#include "core/analysis/reportjson.h"
#include "core/analysis/scriptsyllables.h"
#include "core/common/regularfile.h"

#include <QFile>
#include <QJsonDocument>

namespace rapport::cli {

// `analyze`: the command keeps the spelling people type; the code spells it "analyse".
int analyseCommand(CommandContext& ctx, const QStringList& args)
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
    const QCommandLineOption script(QStringLiteral("script"),
        QStringLiteral("A text file (UTF-8) with the words the take says: words per minute are "
                       "counted in its syllables per word instead of English's average."),
        QStringLiteral("TEXT"));
    parser.addOption(script);
    if (std::optional<int> stop = parseCommandLine(ctx, parser, name, args))
        return *stop;
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        return ctx.usageError(name, QStringLiteral("analyze needs an audio file."));
    if (files.size() > 1)
        return ctx.usageError(name, QStringLiteral("unexpected argument '%1'.").arg(files[1]));

    double syllablesPerWord = analysis::kSyllablesPerWord;
    if (parser.isSet(script)) {
        const Result<QString> text = readTextFile(
            parser.value(script), analysis::kMaxScriptBytes, QStringLiteral("the script"));
        if (!text)
            return ctx.fail(text.error(), kExitInput);
        const std::optional<double> own = analysis::scriptSyllablesPerWord(*text);
        if (!own) {
            return ctx.usageError(name,
                QStringLiteral("the script %1 has fewer than %2 words; pace needs a longer one.")
                    .arg(parser.value(script))
                    .arg(analysis::kMinScriptWords));
        }
        syllablesPerWord = *own;
    }
    const Result<analysis::TakeReport> report
        = analysis::analyseFile(files.first(), syllablesPerWord);
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
