// How well Rapport hears the words of a take (issue 14), on data made at run time: espeak-ng
// reading two pitch scripts in three voices, whole, with sentences left out, and with "um" and
// "uh" said between sentences; and LibriVox read speech with its transcript
// (pocketsphinx-testdata). Prints, per voice and overall: the word error rate without and with
// the script, how well skipped sentences are found (precision, recall), how well fillers are
// found (within 0.6 s of where they were said), and the recogniser's speed; then the LibriVox
// reading through each room condition of the analysis benchmark (fan rumble, room tone, hum,
// white and pink noise, a noise gate).
//
//   words_accuracy [--verbose] [--cold]
#include "core/speech/recogniser.h"
#include "core/speech/wordreport.h"
#include "tests/support/realspeech.h"
#include "tests/support/wordmetrics.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <cmath>
#include <cstdio>
#include <cstdlib>

using namespace rapport;

namespace {

const QStringList kScripts[] = {
    { QStringLiteral("Hello, my name is Jordan and I design bicycles for city commuters."),
        QStringLiteral("Most riders give up in winter because their bikes rust and their "
                       "hands freeze."),
        QStringLiteral("Our frames are coated against salt and the grips are heated."),
        QStringLiteral("Last season four hundred riders kept cycling through January."),
        QStringLiteral("I am looking for a partner who sells to bike shops in the north.") },
    { QStringLiteral("Good morning, I run a small bakery that trains young people as bakers."),
        QStringLiteral("Each apprentice spends a year with us before they find a job."),
        QStringLiteral("Nine out of ten of them are still working in kitchens a year later."),
        QStringLiteral("We would like to open a second shop on the east side of town."),
        QStringLiteral("Could you tell me who handles small business loans at your bank?") },
};

struct Variant
{
    const char* name;
    std::vector<int> skipped; // sentence indices left out
    std::vector<std::pair<int, const char*>> fillers; // said before sentence i
};

const Variant kVariants[] = {
    { "whole", {}, {} },
    { "skip one", { 2 }, {} },
    { "skip two", { 1, 3 }, {} },
    { "fillers", {}, { { 1, "um" }, { 3, "uh" }, { 4, "um" } } },
};

struct Voice
{
    const char* name;
    int wpm;
};
const Voice kVoices[] = { { "en-us", 160 }, { "en", 140 }, { "en+f3", 180 } };

// The words of a transcript that are not fillers.
QStringList spokenWords(const speech::Transcript& t)
{
    return speech::wordsWithoutFillers(t, speech::findFillers(t));
}

// Biases `r` toward `script` (empty: none); a refusal ends the program, the figures would lie.
void bias(speech::Recogniser& r, const QString& script)
{
    if (Status s = r.setScript(script); !s) {
        std::fprintf(stderr, "words_accuracy: %s\n", qPrintable(s.error().toString()));
        std::exit(1);
    }
}

struct Tally
{
    int truthWords = 0;
    int generalErrors = 0;
    int scriptErrors = 0;
    int skippedTrue = 0, skippedFound = 0, skippedRight = 0;
    int fillersTrue = 0, fillersFound = 0, fillersRight = 0;
    double audioS = 0.0, decodeMs = 0.0;

    void add(const Tally& o)
    {
        truthWords += o.truthWords;
        generalErrors += o.generalErrors;
        scriptErrors += o.scriptErrors;
        skippedTrue += o.skippedTrue;
        skippedFound += o.skippedFound;
        skippedRight += o.skippedRight;
        fillersTrue += o.fillersTrue;
        fillersFound += o.fillersFound;
        fillersRight += o.fillersRight;
        audioS += o.audioS;
        decodeMs += o.decodeMs;
    }
    static double share(int a, int b) { return b > 0 ? 100.0 * a / b : 100.0; }
    void print(const char* label) const
    {
        std::printf("| %-12s | %5.1f | %5.1f | %5.1f | %5.1f | %5.1f | %5.1f | %4.1f |\n", label,
            share(generalErrors, truthWords), share(scriptErrors, truthWords),
            share(skippedRight, skippedFound), share(skippedRight, skippedTrue),
            share(fillersRight, fillersFound), share(fillersRight, fillersTrue),
            decodeMs > 0 ? audioS / (decodeMs / 1000.0) : 0.0);
    }
};

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const bool verbose = app.arguments().contains(QStringLiteral("--verbose"));
    if (const QString missing = test::SpeechCorpus::missingTools(); !missing.isEmpty()) {
        std::fprintf(stderr, "words_accuracy: %s\n", qPrintable(missing));
        return 3;
    }
    auto model = speech::findSpeechModel();
    if (!model) {
        std::fprintf(stderr, "words_accuracy: %s\n", qPrintable(model.error().toString()));
        return 3;
    }
    auto made = speech::makeRecogniser(*model);
    if (!made) {
        std::fprintf(stderr, "words_accuracy: %s\n", qPrintable(made.error().toString()));
        return 3;
    }
    // --cold: a new recogniser for every decode, as `rapport-cli analyze` and the first take of
    // a program run have (no channel learnt from an earlier take).
    const bool cold = app.arguments().contains(QStringLiteral("--cold"));
    auto fresh = [&]() -> speech::Recogniser& {
        if (cold) {
            auto again = speech::makeRecogniser(*model);
            if (!again) {
                std::fprintf(stderr, "words_accuracy: %s\n", qPrintable(again.error().toString()));
                std::exit(3);
            }
            made = std::move(again);
        }
        return **made;
    };
    QTemporaryDir dir;
    test::SpeechCorpus corpus(dir.path());
    const test::Samples pause(static_cast<std::size_t>(0.6 * test::kCorpusRate), 0.0F);
    const test::Samples breath(static_cast<std::size_t>(0.4 * test::kCorpusRate), 0.0F);

    std::puts("| voice        | WER % | WER with script % | skipped precision % | skipped recall % "
              "| filler precision % | filler recall % | x real time |");
    std::puts("|---|---|---|---|---|---|---|---|");
    Tally all;
    for (const Voice& voice : kVoices) {
        Tally byVoice;
        for (const QStringList& script : kScripts) {
            const QString scriptText = script.join(QLatin1Char(' '));
            for (const Variant& variant : kVariants) {
                Tally t;
                test::Samples samples = pause;
                QStringList saidWords;
                std::vector<double> fillerTimes;
                for (int i = 0; i < script.size(); ++i) {
                    if (std::find(variant.skipped.begin(), variant.skipped.end(), i)
                        != variant.skipped.end())
                        continue;
                    for (const auto& [before, filler] : variant.fillers) {
                        if (before != i)
                            continue;
                        const auto said = corpus.speak(QString::fromLatin1(filler),
                            QString::fromLatin1(voice.name), voice.wpm);
                        if (!said)
                            return 1;
                        fillerTimes.push_back(double(samples.size()) / test::kCorpusRate);
                        samples.insert(samples.end(), said->begin(), said->end());
                        samples.insert(samples.end(), breath.begin(), breath.end());
                    }
                    const auto said
                        = corpus.speak(script[i], QString::fromLatin1(voice.name), voice.wpm);
                    if (!said) {
                        std::fprintf(stderr, "%s\n", qPrintable(corpus.error()));
                        return 1;
                    }
                    samples.insert(samples.end(), said->begin(), said->end());
                    samples.insert(samples.end(), pause.begin(), pause.end());
                    saidWords += speech::normalisedWords(script[i]);
                }
                t.truthWords = int(saidWords.size());
                speech::Recogniser& generalRecogniser = fresh();
                bias(generalRecogniser, QString());
                const speech::Transcript general = test::decodeInBlocks(generalRecogniser, samples);
                t.generalErrors = test::wordEditDistance(saidWords, spokenWords(general));
                speech::Recogniser& recogniser = fresh();
                bias(recogniser, scriptText);
                const speech::Transcript heard = test::decodeInBlocks(recogniser, samples);
                t.scriptErrors = test::wordEditDistance(saidWords, spokenWords(heard));
                t.audioS = heard.audioS;
                t.decodeMs = heard.decodeMs;

                const speech::ScriptCoverage coverage = speech::coverScript(scriptText, heard);
                for (std::size_t i = 0; i < coverage.sentences.size(); ++i) {
                    const bool skipped
                        = std::find(variant.skipped.begin(), variant.skipped.end(), int(i))
                        != variant.skipped.end();
                    const bool found
                        = coverage.sentences[i].status == speech::SentenceStatus::Skipped;
                    t.skippedTrue += skipped ? 1 : 0;
                    t.skippedFound += found ? 1 : 0;
                    t.skippedRight += skipped && found ? 1 : 0;
                }
                std::vector<bool> used(fillerTimes.size(), false);
                const std::vector<speech::Filler> fillers = speech::findFillers(heard);
                t.fillersTrue = int(fillerTimes.size());
                t.fillersFound = int(fillers.size());
                for (const speech::Filler& f : fillers) {
                    for (std::size_t k = 0; k < fillerTimes.size(); ++k) {
                        if (!used[k] && std::abs(f.startS - fillerTimes[k]) < 0.6) {
                            used[k] = true;
                            ++t.fillersRight;
                            break;
                        }
                    }
                }
                if (verbose) {
                    std::printf("  %s / %s: %s\n    general: %s\n    script:  %s\n", voice.name,
                        variant.name, qPrintable(saidWords.join(QLatin1Char(' '))),
                        qPrintable(general.text()), qPrintable(heard.text()));
                }
                byVoice.add(t);
            }
        }
        byVoice.print(voice.name);
        all.add(byVoice);
    }
    all.print("espeak-ng");

    // Real read speech: the word error rate only (nothing was skipped or filled).
    Tally real;
    for (const test::SpeechClip& clip : test::SpeechCorpus::librivoxClips()) {
        const auto samples = corpus.load(clip);
        if (!samples)
            return 1;
        const QStringList truth = speech::normalisedWords(clip.text);
        speech::Recogniser& generalRecogniser = fresh();
        bias(generalRecogniser, QString());
        real.generalErrors += test::wordEditDistance(
            truth, spokenWords(test::decodeInBlocks(generalRecogniser, *samples)));
        speech::Recogniser& recogniser = fresh();
        bias(recogniser, clip.text);
        const speech::Transcript heard = test::decodeInBlocks(recogniser, *samples);
        real.scriptErrors += test::wordEditDistance(truth, spokenWords(heard));
        // The reader says no filler: any found is a false one (precision 0 then).
        real.fillersFound += int(speech::findFillers(heard).size());
        real.truthWords += int(truth.size());
        real.audioS += heard.audioS;
        real.decodeMs += heard.decodeMs;
    }
    real.print("LibriVox");

    // The same reading in the rooms people rehearse in (tests/support/realspeech.h): the five
    // clips joined with pauses, through each condition. Fillers found are false ones.
    std::puts("\nLibriVox in a room (the five clips as one take):\n");
    std::puts("| condition | WER % | WER with script % | false fillers | x real time |");
    std::puts("|---|---|---|---|---|");
    const std::vector<test::SpeechClip> clips = test::SpeechCorpus::librivoxClips();
    QStringList texts;
    for (const test::SpeechClip& clip : clips)
        texts << clip.text;
    const QString passageText = texts.join(QLatin1Char(' '));
    const QStringList passageTruth = speech::normalisedWords(passageText);
    const std::optional<test::Passage> passage = corpus.joinClips(
        QStringLiteral("librivox"), clips, 1.0, { 0.8, 1.2, 0.6, 2.0 }, 0.8, 1.0);
    if (!passage) {
        std::fprintf(stderr, "%s\n", qPrintable(corpus.error()));
        return 1;
    }
    for (const test::Condition& condition : test::roomConditions()) {
        if (!condition.soxOutput.isEmpty())
            continue; // rates and channels: the recogniser gets 16 kHz mono whatever they were
        const test::Samples samples = condition.apply(*passage, corpus);
        speech::Recogniser& generalRecogniser = fresh();
        bias(generalRecogniser, QString());
        const int generalErrors = test::wordEditDistance(
            passageTruth, spokenWords(test::decodeInBlocks(generalRecogniser, samples)));
        speech::Recogniser& recogniser = fresh();
        bias(recogniser, passageText);
        const speech::Transcript heard = test::decodeInBlocks(recogniser, samples);
        const int scriptErrors = test::wordEditDistance(passageTruth, spokenWords(heard));
        std::printf("| %s | %5.1f | %5.1f | %zu | %4.1f |\n", qPrintable(condition.name),
            100.0 * generalErrors / passageTruth.size(), 100.0 * scriptErrors / passageTruth.size(),
            speech::findFillers(heard).size(), heard.realTimeFactor());
        if (verbose)
            std::printf("    %s\n", qPrintable(heard.text()));
    }
    return 0;
}
