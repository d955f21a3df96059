#include "app/cli/audiocommands.h"
#include "app/cli/commands.h"
#include "app/cli/wordsoutput.h"
#include "core/analysis/analysispipeline.h"
#include "core/analysis/reportjson.h"
#include "core/analysis/scriptsyllables.h"
#include "core/common/regularfile.h"
#include "core/speech/recogniser.h"
#include "core/speech/wordreport.h"

#include <QFile>
#include <QJsonDocument>
#include <future>

namespace rapport::cli {

// `analyze`: the command keeps the spelling people type; the code spells it "analyse".
int analyseCommand(CommandContext& ctx, const QStringList& args)
{
    const QString name = QStringLiteral("analyze");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Analyses a recorded take (WAV, FLAC, OGG; any rate and channels): speaking time, "
        "pauses, estimated words per minute, pitch variation, loudness and clipping; and the "
        "words said (offline): a transcript, filler words, repeated phrases and, with --script, "
        "which sentences of the script were said. Needs no database."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The audio file."));
    const QCommandLineOption json(
        QStringLiteral("json"), QStringLiteral("Print one JSON object instead of a summary."));
    parser.addOption(json);
    const QCommandLineOption script(QStringLiteral("script"),
        QStringLiteral("A text file (UTF-8) with the words the take says: words per minute are "
                       "counted in its syllables per word instead of English's average."),
        QStringLiteral("TEXT"));
    parser.addOption(script);
    const QCommandLineOption noWords(QStringLiteral("no-words"),
        QStringLiteral("Leave out the words (no speech recognition): faster."));
    parser.addOption(noWords);
    if (std::optional<int> stop = parseCommandLine(ctx, parser, name, args))
        return *stop;
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        return ctx.usageError(name, QStringLiteral("analyze needs an audio file."));
    if (files.size() > 1)
        return ctx.usageError(name, QStringLiteral("unexpected argument '%1'.").arg(files[1]));

    double syllablesPerWord = analysis::kSyllablesPerWord;
    QString scriptText;
    if (parser.isSet(script)) {
        const Result<QString> text = readTextFile(
            parser.value(script), analysis::kMaxScriptBytes, QStringLiteral("the script"));
        if (!text)
            return ctx.fail(text.error(), kExitInput);
        scriptText = *text;
        const std::optional<double> own = analysis::scriptSyllablesPerWord(*text);
        if (!own) {
            return ctx.usageError(name,
                QStringLiteral("the script %1 has fewer than %2 words; pace needs a longer one.")
                    .arg(parser.value(script))
                    .arg(analysis::kMinScriptWords));
        }
        syllablesPerWord = *own;
    }
    // The words are decoded beside the analysis, on the other core.
    std::future<Result<speech::Transcript>> words;
    if (!parser.isSet(noWords)) {
        words = std::async(std::launch::async, [path = files.first(), scriptText] {
            return speech::transcribeFile(path, scriptText);
        });
    }
    const Result<analysis::TakeReport> report
        = analysis::analyseFile(files.first(), syllablesPerWord);
    if (!report)
        return ctx.fail(report.error(), kExitInput);
    std::optional<speech::WordReport> wordReport;
    if (words.valid()) {
        Result<speech::Transcript> transcript = words.get();
        if (transcript) {
            wordReport
                = speech::makeWordReport(std::move(*transcript), report->speakingTimeS, scriptText);
        } else {
            warnWordsLeftOut(ctx, transcript.error());
        }
    }
    if (parser.isSet(json)) {
        QJsonObject object = analysis::reportToJson(*report, files.first());
        if (wordReport)
            insertWordKeys(object, *wordReport);
        ctx.out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
    } else {
        ctx.out << analysis::reportToText(*report, files.first());
        if (wordReport)
            ctx.out << speech::wordReportToText(*wordReport);
    }
    ctx.out.flush();
    return kExitOk;
}

} // namespace rapport::cli
