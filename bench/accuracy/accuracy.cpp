// Accuracy of the take analysis on real voices in real rooms, side by side with a plain Praat
// intensity-threshold script (bench/accuracy/praat_reference.praat) when praat is installed.
//
// Builds a corpus at run time from Debian's packages (tests/support/realspeech.h): LibriVox
// read speech and the "cards" recordings from pocketsphinx-testdata, alsa-utils' voice prompts,
// espeak-ng at known rates; clips joined with known gaps, time-stretched with sox for fast and slow
// speech, then put through the conditions people record in (noise of three colours at 10-40 dB
// under the speech, the recording's own room tone, mains hum, a DC offset, microphones that
// deliver zeros, a noise gate, other sample rates and stereo). Prints one row per condition.
//
//   accuracy [--keep DIR] [--only CONDITION] [--verbose] [--no-praat] [--words]
//
// --words also recognises each file's words (PocketSphinx) and prints, under each row, the pace
// those words would give and the recogniser's speed.
#include "core/analysis/analysispipeline.h"
#include "core/analysis/scriptsyllables.h"
#include "core/speech/recogniser.h"
#include "core/speech/wordpace.h"
#include "tests/support/cliprocess.h"
#include "tests/support/realspeech.h"
#include "tests/support/speechfixture.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <algorithm>
#include <cmath>
#include <cstdio>

namespace {

using namespace rapport;
using test::Condition;
using test::Passage;
using test::Samples;
using test::SpeechCorpus;
using test::SpeechTruth;

constexpr double kEdgeToleranceS = 0.100;
constexpr double kWpmUncertain = 1.0; ///< a missing estimate counts as a 100 % error

// What one system said about one file.
struct Measured
{
    std::optional<double> startS;
    std::optional<double> endS;
    std::vector<std::pair<double, double>> pausesS;
    std::optional<double> wordsPerMinute;
    std::optional<double> wordsPerMinuteByScript; ///< counted in the script's syllables per word
    std::optional<double> wordsPerMinuteByWords; ///< in the recognised words' syllables per word
    std::optional<double> wordsPerMinuteCounted; ///< recognised words per speaking minute
    std::optional<int> syllables;
    double seconds = 0.0; ///< time spent
    double wordSeconds = 0.0; ///< time spent recognising words
};

// One file of the corpus under one condition.
struct Item
{
    QString passage;
    SpeechTruth truth;
    QString path;
    double durationS = 0.0;
    bool pace = false; ///< part of the pace series (a rank correlation is computed over them)
    QString script; ///< the passage's transcript, as the pitch's script would hold it
};

int wordCount(const QString& text)
{
    return static_cast<int>(text.split(QLatin1Char(' '), Qt::SkipEmptyParts).size());
}

// The clean passages: three real voices and espeak-ng, at several rates.
struct CleanPassage
{
    Passage passage;
    bool pace = false;
    QString script;
};

std::vector<CleanPassage> passages(SpeechCorpus& corpus)
{
    std::vector<CleanPassage> out;
    const auto fromClips = [&](const QString& name, const std::vector<test::SpeechClip>& clips,
                               double tempo, const std::vector<double>& gaps, bool pace) {
        std::optional<Passage> passage = corpus.joinClips(
            QStringLiteral("%1-x%2").arg(name).arg(tempo), clips, tempo, gaps, 0.8, 1.0);
        if (!passage) {
            std::fprintf(stderr, "accuracy: %s\n", qPrintable(corpus.error()));
            std::exit(1);
        }
        QStringList script;
        for (const test::SpeechClip& clip : clips)
            script << clip.text;
        out.push_back({ std::move(*passage), pace, script.join(QLatin1Char(' ')) });
    };
    const std::vector<double> gaps { 0.45, 0.8, 1.3, 2.1, 0.6, 0.35, 1.0 };
    for (const double tempo : { 0.7, 0.85, 1.0, 1.2, 1.4 })
        fromClips(QStringLiteral("librivox"), SpeechCorpus::librivoxClips(), tempo, gaps, true);
    for (const double tempo : { 0.8, 1.0, 1.3 })
        fromClips(QStringLiteral("cards"), SpeechCorpus::cardsClips(), tempo, gaps, true);
    for (const double tempo : { 1.0, 1.3 })
        fromClips(QStringLiteral("alsa"), SpeechCorpus::alsaClips(), tempo, gaps, false);
    for (const auto& [voice, wpm] :
        std::vector<std::pair<QString, int>> { { QStringLiteral("en-us"), 100 },
            { QStringLiteral("en-us"), 140 }, { QStringLiteral("en+f3"), 170 },
            { QStringLiteral("en"), 200 }, { QStringLiteral("en-us"), 230 } }) {
        std::vector<Samples> audio;
        std::vector<int> words;
        for (const QString& sentence : test::examplePitch()) {
            std::optional<Samples> samples = corpus.speak(sentence, voice, wpm);
            if (!samples) {
                std::fprintf(stderr, "accuracy: %s\n", qPrintable(corpus.error()));
                std::exit(1);
            }
            audio.push_back(std::move(*samples));
            words.push_back(wordCount(sentence));
        }
        out.push_back(
            { SpeechCorpus::compose(QStringLiteral("espeak-%1-%2").arg(voice).arg(wpm), audio,
                  words, { 0.5, 1.2, 2.0 }, 0.7, 0.8, test::examplePitchSyllables()),
                true, test::examplePitch().join(QLatin1Char(' ')) });
    }
    return out;
}

Measured rapportOn(const QString& path, const QString& script, bool words)
{
    Measured m;
    const Result<analysis::TakeReport> report = analysis::analyseFile(path);
    if (!report)
        return m;
    m.startS = report->speechStartS;
    m.endS = report->speechEndS;
    for (const analysis::Pause& pause : report->pauses)
        m.pausesS.emplace_back(pause.startS, pause.endS);
    m.wordsPerMinute = report->wordsPerMinute;
    // What a take of a pitch with this script reports: the rate is linear in the syllables per
    // word (AnalysisPipelineTest checks that), so the same analysis serves both.
    if (report->wordsPerMinute) {
        m.wordsPerMinuteByScript = *report->wordsPerMinute * analysis::kSyllablesPerWord
            / analysis::paceSyllablesPerWord(script);
    }
    m.syllables = report->syllableCount;
    m.seconds = report->analysisMs / 1000.0;
    if (words && report->wordsPerMinute) {
        const Result<speech::Transcript> transcript = speech::transcribeFile(path);
        if (transcript) {
            if (const std::optional<double> spw = speech::spokenSyllablesPerWord(*transcript))
                m.wordsPerMinuteByWords
                    = *report->wordsPerMinute * analysis::kSyllablesPerWord / *spw;
            m.wordsPerMinuteCounted
                = transcript->spokenWordCount() / (*report->speakingTimeS / 60.0);
            m.wordSeconds = transcript->decodeMs / 1000.0;
        }
    }
    return m;
}

Measured praatOn(const QString& script, const QString& path)
{
    Measured m;
    QElapsedTimer timer;
    timer.start();
    const test::ProcessResult result
        = test::runProgram(QStringLiteral("praat"), { QStringLiteral("--run"), script, path });
    m.seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    if (result.exitCode != 0) {
        std::fprintf(
            stderr, "accuracy: praat failed on %s: %s\n", qPrintable(path), qPrintable(result.err));
        return m;
    }
    int syllables = -1;
    for (const QString& line : result.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QStringList f = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        bool ok = false;
        if (f.size() == 2 && f[0] == QLatin1String("speech_start")) {
            const double v = f[1].toDouble(&ok);
            if (ok)
                m.startS = v;
        } else if (f.size() == 2 && f[0] == QLatin1String("speech_end")) {
            const double v = f[1].toDouble(&ok);
            if (ok)
                m.endS = v;
        } else if (f.size() == 3 && f[0] == QLatin1String("pause")) {
            m.pausesS.emplace_back(f[1].toDouble(), f[2].toDouble());
        } else if (f.size() == 2 && f[0] == QLatin1String("syllables")) {
            syllables = f[1].toInt();
            m.syllables = syllables;
        }
    }
    if (m.startS && m.endS && *m.endS > *m.startS && syllables >= 0)
        m.wordsPerMinute = syllables / analysis::kSyllablesPerWord / ((*m.endS - *m.startS) / 60.0);
    return m;
}

// Figures of one system over the files of one condition.
struct Score
{
    int edges = 0;
    int edgesRight = 0;
    int pauses = 0;
    int pausesFound = 0;
    int falsePauses = 0;
    int takes = 0;
    std::vector<double> wpmErrors;
    std::vector<double> scriptWpmErrors;
    std::vector<double> wordsWpmErrors;
    std::vector<double> countedWpmErrors;
    double wordSpentS = 0.0;
    std::vector<double> syllableErrors;
    std::vector<std::pair<double, double>> paceSeries; ///< truth, estimate (0 when none)
    double audioS = 0.0;
    double spentS = 0.0;

    void add(const Item& item, const Measured& m)
    {
        ++takes;
        edges += 2;
        edgesRight += (m.startS && std::abs(*m.startS - item.truth.startS) <= kEdgeToleranceS)
            + (m.endS && std::abs(*m.endS - item.truth.endS) <= kEdgeToleranceS);
        pauses += static_cast<int>(item.truth.pausesS.size());
        for (const auto& [ts, te] : item.truth.pausesS) {
            pausesFound += std::any_of(m.pausesS.begin(), m.pausesS.end(), [&](const auto& p) {
                return std::abs(p.first - ts) <= kEdgeToleranceS
                    && std::abs(p.second - te) <= kEdgeToleranceS;
            });
        }
        for (const auto& [ms, me] : m.pausesS) {
            falsePauses += std::none_of(item.truth.pausesS.begin(), item.truth.pausesS.end(),
                [&](const auto& t) { return ms < t.second && me > t.first; });
        }
        if (item.truth.syllables > 0) {
            syllableErrors.push_back(m.syllables
                    ? std::abs(static_cast<double>(*m.syllables) / item.truth.syllables - 1.0)
                    : 1.0);
        }
        if (item.truth.words > 0) {
            const double truth = item.truth.wordsPerMinute();
            wpmErrors.push_back(
                m.wordsPerMinute ? std::abs(*m.wordsPerMinute / truth - 1.0) : kWpmUncertain);
            const std::optional<double> byScript
                = m.wordsPerMinuteByScript ? m.wordsPerMinuteByScript : m.wordsPerMinute;
            scriptWpmErrors.push_back(byScript ? std::abs(*byScript / truth - 1.0) : kWpmUncertain);
            const std::optional<double> byWords
                = m.wordsPerMinuteByWords ? m.wordsPerMinuteByWords : m.wordsPerMinute;
            wordsWpmErrors.push_back(byWords ? std::abs(*byWords / truth - 1.0) : kWpmUncertain);
            countedWpmErrors.push_back(m.wordsPerMinuteCounted
                    ? std::abs(*m.wordsPerMinuteCounted / truth - 1.0)
                    : kWpmUncertain);
            if (item.pace)
                paceSeries.emplace_back(truth, m.wordsPerMinute.value_or(0.0));
        }
        audioS += item.durationS;
        spentS += m.seconds;
        wordSpentS += m.wordSeconds;
    }
};

std::vector<double> ranks(const std::vector<double>& values)
{
    std::vector<std::size_t> order(values.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](auto a, auto b) { return values[a] < values[b]; });
    std::vector<double> rank(values.size());
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        while (j + 1 < order.size() && values[order[j + 1]] == values[order[i]])
            ++j;
        for (std::size_t k = i; k <= j; ++k)
            rank[order[k]] = (static_cast<double>(i + j) / 2.0) + 1.0;
        i = j + 1;
    }
    return rank;
}

// Spearman's rank correlation (Pearson's on the ranks, ties averaged).
double spearman(const std::vector<std::pair<double, double>>& pairs)
{
    std::vector<double> a;
    std::vector<double> b;
    for (const auto& [x, y] : pairs) {
        a.push_back(x);
        b.push_back(y);
    }
    const std::vector<double> ra = ranks(a);
    const std::vector<double> rb = ranks(b);
    const double n = static_cast<double>(ra.size());
    double ma = 0, mb = 0;
    for (std::size_t i = 0; i < ra.size(); ++i) {
        ma += ra[i] / n;
        mb += rb[i] / n;
    }
    double sab = 0, saa = 0, sbb = 0;
    for (std::size_t i = 0; i < ra.size(); ++i) {
        sab += (ra[i] - ma) * (rb[i] - mb);
        saa += (ra[i] - ma) * (ra[i] - ma);
        sbb += (rb[i] - mb) * (rb[i] - mb);
    }
    return saa > 0 && sbb > 0 ? sab / std::sqrt(saa * sbb) : 0.0;
}

struct Row
{
    double edges;
    double recall;
    double falsePerTake;
    double wpmMae;
    double scriptWpmMae;
    double wordsWpmMae;
    double countedWpmMae;
    double wordsRtf;
    double syllableMae;
    double rho;
    double rtf;
};

Row rowOf(const Score& s)
{
    const auto mean = [](const std::vector<double>& values) {
        double sum = 0.0;
        for (const double v : values)
            sum += v / static_cast<double>(values.size());
        return sum;
    };
    return { 100.0 * s.edgesRight / std::max(1, s.edges),
        100.0 * s.pausesFound / std::max(1, s.pauses),
        static_cast<double>(s.falsePauses) / std::max(1, s.takes), 100.0 * mean(s.wpmErrors),
        100.0 * mean(s.scriptWpmErrors), 100.0 * mean(s.wordsWpmErrors),
        100.0 * mean(s.countedWpmErrors), s.wordSpentS > 0 ? s.audioS / s.wordSpentS : 0.0,
        100.0 * mean(s.syllableErrors), spearman(s.paceSeries),
        s.spentS > 0 ? s.audioS / s.spentS : 0.0 };
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    QString keep;
    QString only;
    bool verbose = false;
    bool words = false;
    bool usePraat = !QStandardPaths::findExecutable(QStringLiteral("praat")).isEmpty();
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--keep") && i + 1 < args.size())
            keep = args[++i];
        else if (args[i] == QLatin1String("--only") && i + 1 < args.size())
            only = args[++i];
        else if (args[i] == QLatin1String("--verbose"))
            verbose = true;
        else if (args[i] == QLatin1String("--no-praat"))
            usePraat = false;
        else if (args[i] == QLatin1String("--words"))
            words = true;
        else {
            std::fprintf(stderr,
                "usage: accuracy [--keep DIR] [--only CONDITION] [--verbose] [--no-praat] "
                "[--words]\n");
            return 2;
        }
    }
    if (const QString missing = SpeechCorpus::missingTools(); !missing.isEmpty()) {
        std::fprintf(stderr, "accuracy: %s\n", qPrintable(missing));
        return 3;
    }
    const QString script
        = QStringLiteral(RAPPORT_SOURCE_DIR "/bench/accuracy/praat_reference.praat");
    QTemporaryDir temporary;
    const QString dir = keep.isEmpty() ? temporary.path() : keep;
    QDir().mkpath(dir);
    SpeechCorpus corpus(dir);
    const std::vector<CleanPassage> clean = passages(corpus);

    std::printf(
        "Rapport%s on %zu passages (LibriVox, cards, alsa prompts, espeak-ng; 0.7-1.4x "
        "tempo) per condition.\n"
        "edges: speech start/end within 100 ms; recall: true pauses found with both edges "
        "within 100 ms;\nfalse: reported pauses overlapping no true pause, per take; wpm: "
        "mean absolute error against the transcripts' words; script: the same for a pitch "
        "whose script is the transcript (its syllables per word, not the average; Rapport only);\n"
        "syll: the syllable count's mean absolute error against the transcripts' "
        "syllables; rho: rank correlation "
        "over the pace series; xRT: real-time factor (Praat's includes its start-up).\n\n",
        usePraat ? " | Praat" : "", clean.size());
    std::printf(
        "| condition | edges %% | recall %% | false/take | wpm MAE %% | script wpm MAE %% | "
        "syll MAE %% | rho | xRT |\n");
    std::printf("|---|---|---|---|---|---|---|---|---|\n");
    bool rapportWins = true;
    for (const Condition& condition : test::roomConditions()) {
        if (!only.isEmpty() && condition.name != only)
            continue;
        Score rapportScore;
        Score praatScore;
        for (const auto& [passage, pace, text] : clean) {
            const std::optional<test::RenderedTake> file = corpus.render(passage, condition);
            if (!file) {
                std::fprintf(stderr, "accuracy: %s\n", qPrintable(corpus.error()));
                return 1;
            }
            const QString name = passage.name + QLatin1Char('-') + condition.name;
            const Item item { passage.name, passage.truth, file->path, file->durationS, pace,
                text };
            const Measured ours = rapportOn(file->path, text, words);
            rapportScore.add(item, ours);
            std::optional<Measured> theirs;
            if (usePraat) {
                theirs = praatOn(script, file->path);
                praatScore.add(item, *theirs);
            }
            if (verbose) {
                const auto show = [&](const char* who, const Measured& m) {
                    std::printf(
                        "   %-6s start %+5.0f end %+5.0f ms, pauses %zu/%zu, wpm %5.1f/%5.1f, "
                        "syllables %d/%d\n",
                        who, (m.startS.value_or(-9) - item.truth.startS) * 1000,
                        (m.endS.value_or(-9) - item.truth.endS) * 1000, m.pausesS.size(),
                        item.truth.pausesS.size(), m.wordsPerMinute.value_or(0),
                        item.truth.words > 0 ? item.truth.wordsPerMinute() : 0.0,
                        m.syllables.value_or(-1), item.truth.syllables);
                    if (m.wordsPerMinuteCounted)
                        std::printf("          by words %5.1f, counted %5.1f\n",
                            m.wordsPerMinuteByWords.value_or(0), *m.wordsPerMinuteCounted);
                };
                std::printf("%s\n", qPrintable(name));
                show("rapport", ours);
                if (verbose && qEnvironmentVariableIsSet("ACCURACY_PAUSES")) {
                    std::printf("   truth  %.2f", item.truth.startS);
                    for (const auto& [a, b] : item.truth.pausesS)
                        std::printf(" [%.2f %.2f]", a, b);
                    std::printf(" %.2f\n   found  %.2f", item.truth.endS, ours.startS.value_or(-1));
                    for (const auto& [a, b] : ours.pausesS)
                        std::printf(" [%.2f %.2f]", a, b);
                    std::printf(" %.2f\n", ours.endS.value_or(-1));
                }
                if (theirs)
                    show("praat", *theirs);
            }
        }
        const Row r = rowOf(rapportScore);
        if (usePraat) {
            const Row p = rowOf(praatScore);
            QStringList behind;
            if (r.edges < p.edges)
                behind << QStringLiteral("edges");
            if (r.recall < p.recall)
                behind << QStringLiteral("recall");
            if (r.falsePerTake > p.falsePerTake)
                behind << QStringLiteral("false");
            if (r.wpmMae > p.wpmMae)
                behind << QStringLiteral("wpm");
            if (r.syllableMae > p.syllableMae)
                behind << QStringLiteral("syll");
            if (r.rho < p.rho)
                behind << QStringLiteral("rho");
            if (r.rtf < p.rtf)
                behind << QStringLiteral("xRT");
            const bool wins = behind.isEmpty();
            rapportWins = rapportWins && wins;
            std::printf(
                "| %s | %.0f / %.0f | %.0f / %.0f | %.2f / %.2f | %.1f / %.1f | %.1f | %.1f / %.1f "
                "| %.2f / %.2f | %.0f / %.0f |%s\n",
                qPrintable(condition.name), r.edges, p.edges, r.recall, p.recall, r.falsePerTake,
                p.falsePerTake, r.wpmMae, p.wpmMae, r.scriptWpmMae, r.syllableMae, p.syllableMae,
                r.rho, p.rho, r.rtf, p.rtf,
                wins
                    ? ""
                    : qPrintable(QStringLiteral(" Praat ahead: ") + behind.join(QLatin1Char(' '))));
        } else {
            std::printf("| %s | %.0f | %.0f | %.2f | %.1f | %.1f | %.1f | %.2f | %.0f |\n",
                qPrintable(condition.name), r.edges, r.recall, r.falsePerTake, r.wpmMae,
                r.scriptWpmMae, r.syllableMae, r.rho, r.rtf);
        }
        if (words)
            std::printf("    words: wpm MAE by recognised syllables/word %.1f %%, by word count "
                        "%.1f %%, recogniser %.1fx real time\n",
                r.wordsWpmMae, r.countedWpmMae, r.wordsRtf);
        std::fflush(stdout);
    }
    if (usePraat)
        std::printf("\n%s\n",
            rapportWins ? "Rapport is ahead of (or level with) the Praat script on every figure."
                        : "The Praat script is ahead on the figures named after a row.");
    return 0;
}
