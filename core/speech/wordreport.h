#pragma once

#include "core/common/result.h"
#include "core/speech/transcript.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

// What the words of a take say about it, from its transcript alone: the filler words, the
// phrases said over and over, and, for a pitch with a script, which of its sentences were said.
// Pure functions over a Transcript, so they work the same for any recogniser.
namespace rapport::speech {

/// A filler: a hesitation ("um", "uh") anywhere, or a word that fills when it stands apart
/// ("like", "so", "basically", "you know") - see findFillers().
struct Filler
{
    int firstWord = 0; ///< index in Transcript::words
    int wordCount = 1; ///< 2 for "you know"
    QString text; ///< as said, lower case: "um", "you know"
    double startS = 0.0;
    double endS = 0.0;
    bool operator==(const Filler&) const = default;
};

/// A gap between two words at least this long sets a word apart (a comma's pause).
inline constexpr double kSetApartS = 0.2;

/// The take's fillers, in order. Hesitations always count. The words that also have a meaning
/// count only where they stand apart, a pause being a gap of kSetApartS or more (or the start or
/// end of the take): "so" and "basically" when a sentence starts with them (a pause before:
/// "So, I build..."); "like" and "you know" when set off on both sides ("it was, like, huge",
/// "..., you know, ..."). Inside a phrase ("I like it", "so much", "you know him") they are words.
std::vector<Filler> findFillers(const Transcript& transcript);

/// Each filler said in `fillers` ("um", "you know") and how often, in alphabetical order.
QMap<QString, int> fillersByKind(const std::vector<Filler>& fillers);

/// One flag a word of `transcript`: whether it is part of one of `fillers`.
std::vector<bool> fillerFlags(const Transcript& transcript, const std::vector<Filler>& fillers);

/// The words said, lower case, with `fillers` left out: what repeats and script coverage read.
QStringList wordsWithoutFillers(const Transcript& transcript, const std::vector<Filler>& fillers);

/// What makeWordReport() lists as a repeated phrase: this many words, said this often.
inline constexpr int kPhraseWords = 2;
inline constexpr int kPhraseRepeats = 3;

/// A phrase said again and again.
struct RepeatedPhrase
{
    QString phrase; ///< its words, lower case, joined by spaces
    int count = 0;
    bool operator==(const RepeatedPhrase&) const = default;
};

/// Word sequences of `minWords` or more (fillers left out) said `minCount` times or more, without
/// overlapping themselves. A phrase inside a longer one said as often is not listed again ("let's
/// say" is not listed beside "so let's say" when both come four times). Most often first, then
/// longest, then in the order first said.
std::vector<RepeatedPhrase> findRepeatedPhrases(
    const Transcript& transcript, int minWords = kPhraseWords, int minCount = kPhraseRepeats);

/// How much of a script sentence was said.
enum class SentenceStatus {
    Said, ///< at least kSaidShare of its words were heard, in order
    Partly, ///< some, or words there that were not heard clearly (kUnclearShare)
    Skipped, ///< under kSkippedBelowShare, and no time left for it between its neighbours
};

inline constexpr double kSaidShare = 2.0 / 3.0;
inline constexpr double kSkippedBelowShare = 0.25;
/// A sentence under kSkippedBelowShare is still not "skipped" when words were said between the
/// sentences around it for at least this share of the time it would take (at the speaker's
/// own length of a word): it was said, but not heard clearly, and is "partly".
inline constexpr double kUnclearShare = 0.5;

struct ScriptSentence
{
    QString text; ///< as written
    SentenceStatus status = SentenceStatus::Skipped;
    int words = 0; ///< words it has
    int wordsSaid = 0; ///< of those, heard in order
};

/// The script against what was said.
struct ScriptCoverage
{
    std::vector<ScriptSentence> sentences;
    double coverage = 0.0; ///< share of the script's words heard, 0-1
    int wordsOffScript = 0; ///< words said (fillers left out) that are not the script's
    /// One line for the speaker: "You skipped: 'So what I'd love from you is...'", or that every
    /// sentence was said.
    QString summary() const;
};

/// The sentences of a script: split after '.', '!', '?' (and '…') followed by a space or the
/// end, and at line breaks; blank ones left out.
QStringList splitSentences(const QString& script);

/// The words of a text as a recogniser spells them: lower case, apostrophes kept ("don't"),
/// other punctuation dropped.
QStringList normalisedWords(const QString& text);

/// Aligns what was said with the script (the longest run of words in the same order: a word
/// said out of place does not count for a sentence elsewhere) and marks each sentence. Fillers
/// are left out of the alignment.
ScriptCoverage coverScript(const QString& script, const Transcript& transcript);

/// The words heard are trusted to count a pace when the take had a script and the recogniser
/// followed it: at least this share of the script's words heard in order...
inline constexpr double kPaceCoverage = 0.8;
/// ... and at most this share of the words heard off the script. Then the words counted are the
/// words said. Without a script a recogniser mishears one word in four or more, and its count
/// is no surer than the estimate from syllables.
inline constexpr double kPaceOffScript = 0.2;

/// Everything above for one take.
struct WordReport
{
    Transcript transcript;
    std::vector<Filler> fillers;
    std::optional<double> fillersPerMinute; ///< per minute of speaking time, when there is some
    std::vector<RepeatedPhrase> repeatedPhrases;
    std::optional<ScriptCoverage> script; ///< when the take had a script
    /// Words said (fillers left out) per minute of speaking time, when the words are trusted to
    /// count (kPaceCoverage, kPaceOffScript); else empty and the pace is the syllable estimate.
    std::optional<double> wordsPerMinute;
};

/// The word report of `transcript`; `speakingTimeS` (from the take's analysis) gives the rate,
/// `script` (may be empty) the coverage.
WordReport makeWordReport(
    Transcript transcript, std::optional<double> speakingTimeS, const QString& script);

/// The JSON keys a take report gains from its words (rapport-cli analyze --json):
/// `transcript` (array of {word, start_s, end_s, filler}), `filler_count`, `fillers_per_minute`
/// (null without speaking time), `repeated_phrases` (array of {phrase, count}),
/// `words_real_time` (seconds of audio decoded per second), and with a script
/// `script_sentences` (array of {text, status: said, partly or skipped, words, words_said}),
/// `script_coverage` (0-1), `words_off_script` and `script_summary`; `words_per_minute_from_words`
/// (null unless trusted: WordReport::wordsPerMinute).
QJsonObject wordReportToJson(const WordReport& report);

/// The word report back from wordReportToJson()'s object (as a take stores it): Format, naming
/// the key, when a key is missing or of the wrong type. The fillers come back from the
/// transcript's filler flags; the script's sentences, coverage and words off script as stored
/// (the pitch's script may have changed since).
Result<WordReport> wordReportFromJson(const QJsonObject& json);

/// The words section of the text report: what was said, the fillers, the repeated phrases and
/// the script's sentences, indented as analysis::reportToText's lines.
QString wordReportToText(const WordReport& report);

/// "said", "partly", "skipped".
QString sentenceStatusKey(SentenceStatus status);

} // namespace rapport::speech
