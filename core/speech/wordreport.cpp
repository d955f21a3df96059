#include "core/speech/wordreport.h"

#include <QHash>
#include <QJsonArray>
#include <QMap>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

namespace rapport::speech {

namespace {

constexpr double kTakeEdge = std::numeric_limits<double>::infinity();

// Seconds of silence before word `i` and after word `last` (the take's edges count as pauses).
double gapBefore(const std::vector<Word>& words, std::size_t i)
{
    return i == 0 ? kTakeEdge : words[i].startS - words[i - 1].endS;
}

double gapAfter(const std::vector<Word>& words, std::size_t last)
{
    return last + 1 >= words.size() ? kTakeEdge : words[last + 1].startS - words[last].endS;
}

std::vector<RepeatedPhrase> repeatedIn(const QStringList& tokens, int minWords, int minCount);
ScriptCoverage coverWords(const QStringList& sentences, const std::vector<Word>& spoken);
// The words said, fillers left out, with their times.
std::vector<Word> spokenWords(const Transcript& transcript, const std::vector<Filler>& fillers);

// The words' texts, in order.
QStringList textsOf(const std::vector<Word>& words)
{
    QStringList texts;
    texts.reserve(static_cast<qsizetype>(words.size()));
    for (const Word& word : words)
        texts << word.text;
    return texts;
}

// How long `word` was said (never negative).
double lengthOf(const Word& word)
{
    return std::max(0.0, word.endS - word.startS);
}

QString elided(const QString& text, int maxChars)
{
    return text.size() <= maxChars ? text
                                   : text.left(maxChars - 3).trimmed() + QStringLiteral("...");
}

} // namespace

std::vector<Filler> findFillers(const Transcript& transcript)
{
    const std::vector<Word>& words = transcript.words;
    std::vector<Filler> fillers;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const QString& w = words[i].text;
        std::size_t last = i;
        bool fills = false;
        if (isHesitation(w)) {
            fills = true;
        } else if (w == QLatin1String("so") || w == QLatin1String("basically")) {
            fills = gapBefore(words, i) >= kSetApartS;
        } else if (w == QLatin1String("like")) {
            fills = gapBefore(words, i) >= kSetApartS && gapAfter(words, i) >= kSetApartS;
        } else if (w == QLatin1String("you") && i + 1 < words.size()
            && words[i + 1].text == QLatin1String("know")) {
            last = i + 1;
            fills = gapBefore(words, i) >= kSetApartS && gapAfter(words, last) >= kSetApartS;
        }
        if (!fills)
            continue;
        QStringList text;
        for (std::size_t k = i; k <= last; ++k)
            text << words[k].text;
        fillers.push_back({ static_cast<int>(i), static_cast<int>(last - i + 1),
            text.join(QLatin1Char(' ')), words[i].startS, words[last].endS });
        i = last;
    }
    return fillers;
}

QMap<QString, int> fillersByKind(const std::vector<Filler>& fillers)
{
    QMap<QString, int> byKind;
    for (const Filler& f : fillers)
        ++byKind[f.text];
    return byKind;
}

std::vector<bool> fillerFlags(const Transcript& transcript, const std::vector<Filler>& fillers)
{
    std::vector<bool> flags(transcript.words.size(), false);
    for (const Filler& f : fillers)
        for (int k = 0; k < f.wordCount; ++k)
            flags[static_cast<std::size_t>(f.firstWord + k)] = true;
    return flags;
}

namespace {

std::vector<Word> spokenWords(const Transcript& transcript, const std::vector<Filler>& fillers)
{
    const std::vector<bool> flags = fillerFlags(transcript, fillers);
    std::vector<Word> words;
    for (std::size_t i = 0; i < flags.size(); ++i)
        if (!flags[i])
            words.push_back(transcript.words[i]);
    return words;
}

} // namespace

QStringList wordsWithoutFillers(const Transcript& transcript, const std::vector<Filler>& fillers)
{
    return textsOf(spokenWords(transcript, fillers));
}

std::vector<RepeatedPhrase> findRepeatedPhrases(
    const Transcript& transcript, int minWords, int minCount)
{
    return repeatedIn(wordsWithoutFillers(transcript, findFillers(transcript)), minWords, minCount);
}

ScriptCoverage coverScript(const QString& script, const Transcript& transcript)
{
    return coverWords(splitSentences(script), spokenWords(transcript, findFillers(transcript)));
}

namespace {

// findRepeatedPhrases() over the words said, fillers already left out.
std::vector<RepeatedPhrase> repeatedIn(const QStringList& tokens, int minWords, int minCount)
{
    constexpr int kLongest = 8;

    struct Candidate
    {
        QString phrase;
        int words = 0;
        int count = 0;
        qsizetype first = 0;
    };
    std::vector<Candidate> found;
    for (int n = kLongest; n >= minWords; --n) {
        struct Seen
        {
            int count = 0;
            qsizetype nextFree = 0; // occurrences may not overlap
            qsizetype first = 0;
        };
        QHash<QString, Seen> seen;
        for (qsizetype start = 0; start + n <= tokens.size(); ++start) {
            const QString phrase = tokens.mid(start, n).join(QLatin1Char(' '));
            auto it = seen.find(phrase);
            if (it == seen.end()) {
                seen.insert(phrase, { 1, start + n, start });
            } else if (start >= it->nextFree) {
                ++it->count;
                it->nextFree = start + n;
            }
        }
        for (auto it = seen.cbegin(); it != seen.cend(); ++it) {
            if (it->count < minCount)
                continue;
            // Inside a longer phrase said at least as often: that one is the phrase.
            const QString padded = QLatin1Char(' ') + it.key() + QLatin1Char(' ');
            const bool inside = std::any_of(found.begin(), found.end(), [&](const Candidate& c) {
                return c.count >= it->count
                    && QString(QLatin1Char(' ') + c.phrase + QLatin1Char(' ')).contains(padded);
            });
            if (!inside)
                found.push_back({ it.key(), n, it->count, it->first });
        }
    }
    std::sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) {
        if (a.count != b.count)
            return a.count > b.count;
        if (a.words != b.words)
            return a.words > b.words;
        return a.first < b.first;
    });
    std::vector<RepeatedPhrase> phrases;
    for (const Candidate& c : found)
        phrases.push_back({ c.phrase, c.count });
    return phrases;
}

} // namespace

QStringList splitSentences(const QString& script)
{
    static const QRegularExpression boundary(QStringLiteral("(?<=[.!?\\x{2026}])\\s+|\\n"));
    QStringList sentences;
    for (const QString& piece : script.split(boundary)) {
        const QString sentence = piece.simplified();
        if (!normalisedWords(sentence).isEmpty())
            sentences << sentence;
    }
    return sentences;
}

QStringList normalisedWords(const QString& text)
{
    QString lower = text.toLower();
    lower.replace(QChar(0x2019), QLatin1Char('\'')); // ’
    static const QRegularExpression separators(QStringLiteral("[^\\p{L}\\p{N}']+"));
    QStringList words;
    for (QString word : lower.split(separators, Qt::SkipEmptyParts)) {
        while (word.startsWith(QLatin1Char('\'')))
            word.remove(0, 1);
        while (word.endsWith(QLatin1Char('\'')))
            word.chop(1);
        if (!word.isEmpty())
            words << word;
    }
    return words;
}

namespace {

// coverScript() over the script's sentences and the words said, fillers already left out.
ScriptCoverage coverWords(const QStringList& sentences, const std::vector<Word>& spokenTimed)
{
    const QStringList spoken = textsOf(spokenTimed);
    // The script's words, each with its sentence.
    ScriptCoverage coverage;
    QStringList scriptWords;
    std::vector<std::size_t> sentenceOf;
    for (const QString& text : sentences) {
        const QStringList words = normalisedWords(text);
        coverage.sentences.push_back({ text, SentenceStatus::Skipped, int(words.size()), 0 });
        for (const QString& w : words) {
            scriptWords << w;
            sentenceOf.push_back(coverage.sentences.size() - 1);
        }
    }
    QStringList said = spoken;
    // A take far longer than any pitch is aligned on its first words only (the table holds at
    // most kMaxCells entries: 32 MB).
    constexpr qsizetype kMaxCells = qsizetype { 16 } << 20;
    const qsizetype m = scriptWords.size();
    if (m > 0 && said.size() > kMaxCells / m)
        said = said.mid(0, kMaxCells / m);
    const qsizetype n = said.size();

    // The longest common subsequence of the two word lists, by the textbook table (suffix
    // lengths), then walked from the start to mark the script words it uses.
    std::vector<std::uint16_t> table(static_cast<std::size_t>((m + 1) * (n + 1)), 0);
    auto at = [&](qsizetype i, qsizetype j) -> std::uint16_t& {
        return table[static_cast<std::size_t>(i * (n + 1) + j)];
    };
    for (qsizetype i = m - 1; i >= 0; --i)
        for (qsizetype j = n - 1; j >= 0; --j)
            at(i, j) = scriptWords[i] == said[j]
                ? static_cast<std::uint16_t>(std::min<int>(at(i + 1, j + 1) + 1, 65535))
                : std::max(at(i + 1, j), at(i, j + 1));
    int matched = 0;
    std::vector<qsizetype> heardAt(static_cast<std::size_t>(m), -1); // script word -> word said
    for (qsizetype i = 0, j = 0; i < m && j < n;) {
        if (scriptWords[i] == said[j]) {
            ++coverage.sentences[sentenceOf[static_cast<std::size_t>(i)]].wordsSaid;
            heardAt[static_cast<std::size_t>(i)] = j;
            ++matched;
            ++i;
            ++j;
        } else if (at(i + 1, j) >= at(i, j + 1)) {
            ++i;
        } else {
            ++j;
        }
    }
    // How long a word of this speaker lasts, to know how long a sentence would have taken.
    double wordsS = 0.0;
    for (qsizetype j = 0; j < n; ++j)
        wordsS += lengthOf(spokenTimed[std::size_t(j)]);
    const double perWordS = n > 0 ? wordsS / double(n) : 0.0;
    qsizetype firstWord = 0; // of the sentence in scriptWords
    for (std::size_t s = 0; s < coverage.sentences.size(); ++s) {
        ScriptSentence& sentence = coverage.sentences[s];
        const qsizetype lastWord = firstWord + sentence.words; // one past
        const double share = sentence.words > 0 ? double(sentence.wordsSaid) / sentence.words : 0.0;
        sentence.status = share >= kSaidShare ? SentenceStatus::Said
            : share < kSkippedBelowShare      ? SentenceStatus::Skipped
                                              : SentenceStatus::Partly;
        if (sentence.status == SentenceStatus::Skipped && n > 0) {
            // A sentence left out leaves no time for itself between the sentences around it.
            // Where words were said there, as long as this sentence would take, it was said
            // but not heard clearly (a noisy room, a voice the recogniser knows badly, or the
            // speaker's own words for it): not skipped.
            qsizetype before = -1; // the last word said that belongs to an earlier sentence
            for (qsizetype i = 0; i < firstWord; ++i)
                before = std::max(before, heardAt[std::size_t(i)]);
            qsizetype after = n; // the first word said that belongs to a later sentence
            for (qsizetype i = lastWord; i < m; ++i)
                if (heardAt[std::size_t(i)] >= 0)
                    after = std::min(after, heardAt[std::size_t(i)]);
            double saidBetweenS = 0.0;
            for (qsizetype j = before + 1; j < after; ++j)
                saidBetweenS += lengthOf(spokenTimed[std::size_t(j)]);
            if (saidBetweenS >= kUnclearShare * sentence.words * perWordS)
                sentence.status = SentenceStatus::Partly;
        }
        firstWord = lastWord;
    }
    coverage.coverage = m > 0 ? double(matched) / double(m) : 0.0;
    coverage.wordsOffScript = static_cast<int>(spoken.size()) - matched;
    return coverage;
}

} // namespace

QString ScriptCoverage::summary() const
{
    auto firstWith = [&](SentenceStatus status, int& count) {
        QString first;
        count = 0;
        for (const ScriptSentence& s : sentences) {
            if (s.status != status)
                continue;
            if (count++ == 0)
                first = s.text;
        }
        return first;
    };
    int skipped = 0;
    int partly = 0;
    const QString firstSkipped = firstWith(SentenceStatus::Skipped, skipped);
    const QString firstPartly = firstWith(SentenceStatus::Partly, partly);
    if (skipped > 0) {
        return QStringLiteral("You skipped: \u201c%1\u201d%2")
            .arg(elided(firstSkipped, 70),
                skipped > 1 ? QStringLiteral(" and %1 more").arg(skipped - 1) : QString());
    }
    if (partly > 0) {
        return QStringLiteral("You said only part of: \u201c%1\u201d%2")
            .arg(elided(firstPartly, 70),
                partly > 1 ? QStringLiteral(" and %1 more").arg(partly - 1) : QString());
    }
    return sentences.empty() ? QString()
                             : QStringLiteral("You said every sentence of your script.");
}

WordReport makeWordReport(
    Transcript transcript, std::optional<double> speakingTimeS, const QString& script)
{
    WordReport report;
    report.fillers = findFillers(transcript);
    if (speakingTimeS && *speakingTimeS > 0.0)
        report.fillersPerMinute = double(report.fillers.size()) / (*speakingTimeS / 60.0);
    const std::vector<Word> spokenTimed = spokenWords(transcript, report.fillers);
    const QStringList spoken = textsOf(spokenTimed);
    report.repeatedPhrases = repeatedIn(spoken, kPhraseWords, kPhraseRepeats);
    if (const QStringList sentences = splitSentences(script); !sentences.isEmpty()) {
        report.script = coverWords(sentences, spokenTimed);
        const double offShare = spoken.isEmpty()
            ? 1.0
            : double(report.script->wordsOffScript) / double(spoken.size());
        if (speakingTimeS && *speakingTimeS > 0.0 && report.script->coverage >= kPaceCoverage
            && offShare <= kPaceOffScript)
            report.wordsPerMinute = double(spoken.size()) / (*speakingTimeS / 60.0);
    }
    report.transcript = std::move(transcript);
    return report;
}

QString sentenceStatusKey(SentenceStatus status)
{
    switch (status) {
    case SentenceStatus::Said:
        return QStringLiteral("said");
    case SentenceStatus::Partly:
        return QStringLiteral("partly");
    case SentenceStatus::Skipped:
        return QStringLiteral("skipped");
    }
    return {};
}

QJsonObject wordReportToJson(const WordReport& report)
{
    const std::vector<Word>& words = report.transcript.words;
    const std::vector<bool> filling = fillerFlags(report.transcript, report.fillers);
    QJsonArray transcript;
    for (std::size_t i = 0; i < words.size(); ++i) {
        transcript.append(QJsonObject { { QStringLiteral("word"), words[i].text },
            { QStringLiteral("start_s"), words[i].startS },
            { QStringLiteral("end_s"), words[i].endS },
            { QStringLiteral("filler"), bool(filling[i]) } });
    }
    QJsonArray phrases;
    for (const RepeatedPhrase& p : report.repeatedPhrases)
        phrases.append(QJsonObject {
            { QStringLiteral("phrase"), p.phrase }, { QStringLiteral("count"), p.count } });
    QJsonObject json { { QStringLiteral("transcript"), transcript },
        { QStringLiteral("filler_count"), int(report.fillers.size()) },
        { QStringLiteral("fillers_per_minute"),
            report.fillersPerMinute ? QJsonValue(*report.fillersPerMinute) : QJsonValue() },
        { QStringLiteral("repeated_phrases"), phrases },
        { QStringLiteral("words_real_time"), report.transcript.realTimeFactor() },
        { QStringLiteral("words_per_minute_from_words"),
            report.wordsPerMinute ? QJsonValue(*report.wordsPerMinute) : QJsonValue() } };
    if (report.script) {
        QJsonArray sentences;
        for (const ScriptSentence& s : report.script->sentences)
            sentences.append(QJsonObject { { QStringLiteral("text"), s.text },
                { QStringLiteral("status"), sentenceStatusKey(s.status) },
                { QStringLiteral("words"), s.words },
                { QStringLiteral("words_said"), s.wordsSaid } });
        json.insert(QStringLiteral("script_sentences"), sentences);
        json.insert(QStringLiteral("script_coverage"), report.script->coverage);
        json.insert(QStringLiteral("words_off_script"), report.script->wordsOffScript);
        json.insert(QStringLiteral("script_summary"), report.script->summary());
    }
    return json;
}

namespace {

Error badKey(const QString& key)
{
    return Error { ErrorKind::Format,
        QStringLiteral("The stored words of a take are damaged (%1).").arg(key),
        QStringLiteral("Analyse the take's recording again to hear its words."), {} };
}

} // namespace

Result<WordReport> wordReportFromJson(const QJsonObject& json)
{
    WordReport report;
    const QJsonValue transcript = json.value(QStringLiteral("transcript"));
    if (!transcript.isArray())
        return badKey(QStringLiteral("transcript"));
    std::vector<bool> filling;
    for (const QJsonValue& value : transcript.toArray()) {
        const QJsonObject w = value.toObject();
        const QJsonValue text = w.value(QStringLiteral("word"));
        const QJsonValue start = w.value(QStringLiteral("start_s"));
        const QJsonValue end = w.value(QStringLiteral("end_s"));
        if (!text.isString() || !start.isDouble() || !end.isDouble()
            || !w.value(QStringLiteral("filler")).isBool())
            return badKey(QStringLiteral("transcript"));
        report.transcript.words.push_back({ text.toString(), start.toDouble(), end.toDouble() });
        filling.push_back(w.value(QStringLiteral("filler")).toBool());
    }
    // The fillers as flagged when the take was heard (the rules may have changed since): a
    // flagged "you" before a flagged "know" is one filler, any other flagged word one.
    const std::vector<Word>& words = report.transcript.words;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (!filling[i])
            continue;
        const bool pair = words[i].text == QLatin1String("you") && i + 1 < words.size()
            && filling[i + 1] && words[i + 1].text == QLatin1String("know");
        const std::size_t last = pair ? i + 1 : i;
        report.fillers.push_back({ static_cast<int>(i), pair ? 2 : 1,
            pair ? QStringLiteral("you know") : words[i].text, words[i].startS, words[last].endS });
        i = last;
    }
    const QJsonValue perMinute = json.value(QStringLiteral("fillers_per_minute"));
    if (perMinute.isDouble())
        report.fillersPerMinute = perMinute.toDouble();
    else if (!perMinute.isNull())
        return badKey(QStringLiteral("fillers_per_minute"));
    // Absent from words stored before it was counted.
    if (const QJsonValue wpm = json.value(QStringLiteral("words_per_minute_from_words"));
        wpm.isDouble())
        report.wordsPerMinute = wpm.toDouble();
    else if (!wpm.isNull() && !wpm.isUndefined())
        return badKey(QStringLiteral("words_per_minute_from_words"));
    const QJsonValue phrases = json.value(QStringLiteral("repeated_phrases"));
    if (!phrases.isArray())
        return badKey(QStringLiteral("repeated_phrases"));
    for (const QJsonValue& value : phrases.toArray()) {
        const QJsonObject p = value.toObject();
        if (!p.value(QStringLiteral("phrase")).isString()
            || !p.value(QStringLiteral("count")).isDouble())
            return badKey(QStringLiteral("repeated_phrases"));
        report.repeatedPhrases.push_back({ p.value(QStringLiteral("phrase")).toString(),
            p.value(QStringLiteral("count")).toInt() });
    }
    const double realTime = json.value(QStringLiteral("words_real_time")).toDouble();
    report.transcript.audioS
        = report.transcript.words.empty() ? 0.0 : report.transcript.words.back().endS;
    report.transcript.decodeMs
        = realTime > 0.0 ? report.transcript.audioS / realTime * 1000.0 : 0.0;
    if (json.contains(QStringLiteral("script_sentences"))) {
        ScriptCoverage coverage;
        const QJsonValue sentences = json.value(QStringLiteral("script_sentences"));
        if (!sentences.isArray())
            return badKey(QStringLiteral("script_sentences"));
        for (const QJsonValue& value : sentences.toArray()) {
            const QJsonObject o = value.toObject();
            const QString status = o.value(QStringLiteral("status")).toString();
            ScriptSentence sentence { o.value(QStringLiteral("text")).toString(),
                SentenceStatus::Skipped, o.value(QStringLiteral("words")).toInt(),
                o.value(QStringLiteral("words_said")).toInt() };
            if (status == QLatin1String("said"))
                sentence.status = SentenceStatus::Said;
            else if (status == QLatin1String("partly"))
                sentence.status = SentenceStatus::Partly;
            else if (status != QLatin1String("skipped"))
                return badKey(QStringLiteral("script_sentences"));
            coverage.sentences.push_back(sentence);
        }
        if (!json.value(QStringLiteral("script_coverage")).isDouble())
            return badKey(QStringLiteral("script_coverage"));
        coverage.coverage = json.value(QStringLiteral("script_coverage")).toDouble();
        coverage.wordsOffScript = json.value(QStringLiteral("words_off_script")).toInt();
        report.script = coverage;
    }
    return report;
}

QString wordReportToText(const WordReport& report)
{
    QStringList lines;
    const QString said = report.transcript.text();
    lines << QStringLiteral("  Words            %1")
                 .arg(said.isEmpty() ? QStringLiteral("none recognised") : elided(said, 300));
    const QMap<QString, int> byKind = fillersByKind(report.fillers);
    QStringList kinds;
    for (auto it = byKind.cbegin(); it != byKind.cend(); ++it)
        kinds << (it.value() > 1 ? QStringLiteral("%1 x%2").arg(it.key()).arg(it.value())
                                 : it.key());
    lines << QStringLiteral("  Fillers          %1%2%3")
                 .arg(report.fillers.size())
                 .arg(report.fillersPerMinute
                         ? QStringLiteral(" (%1 a minute)").arg(*report.fillersPerMinute, 0, 'f', 1)
                         : QString(),
                     kinds.isEmpty() ? QString()
                                     : QStringLiteral(": ") + kinds.join(QStringLiteral(", ")));
    if (!report.repeatedPhrases.empty()) {
        QStringList phrases;
        for (const RepeatedPhrase& p : report.repeatedPhrases)
            phrases << QStringLiteral("\u201c%1\u201d x%2").arg(p.phrase).arg(p.count);
        lines << QStringLiteral("  Repeated         %1").arg(phrases.join(QStringLiteral(", ")));
    }
    if (report.script) {
        lines << QStringLiteral("  Script           %1 % of its words said, %2 words off script")
                     .arg(report.script->coverage * 100.0, 0, 'f', 0)
                     .arg(report.script->wordsOffScript);
        for (const ScriptSentence& s : report.script->sentences)
            lines << QStringLiteral("    %1  %2")
                         .arg(sentenceStatusKey(s.status), -8)
                         .arg(elided(s.text, 70));
        lines << QStringLiteral("  %1").arg(report.script->summary());
    }
    if (report.wordsPerMinute)
        lines << QStringLiteral("  Pace from words  %1 words a minute (the script was followed)")
                     .arg(std::lround(*report.wordsPerMinute));
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace rapport::speech
