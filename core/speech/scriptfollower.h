#pragma once

#include <QString>
#include <QStringList>
#include <vector>

namespace rapport::speech {

/// Follows a speaker through their script, sentence by sentence, from the words a recogniser has
/// heard so far: what a teleprompter needs to keep the sentence being said in view. The last few
/// words heard are looked for in the script near where the speaker was; a lone common word ("the")
/// never moves it, a run of two or more does. Where the words cannot be followed (a noisy room,
/// words off the script), pace() moves on at the pitch's pace instead, never back.
class ScriptFollower
{
public:
    /// Words of the heard tail looked for in the script.
    static constexpr int kTailWords = 4;

    explicit ScriptFollower(const QString& script);

    /// The script's sentences (splitSentences()).
    const QStringList& sentences() const { return m_sentences; }
    /// The sentence being said: an index in sentences(), or -1 before the first is heard.
    int sentence() const { return m_sentence; }

    /// Updates from everything heard so far in the take (the recogniser's latest best guess);
    /// true when the sentence changed.
    bool hear(const QStringList& heardSoFar);
    /// Whether the last hear() found the speaker in the script.
    bool found() const { return m_found; }
    /// Moves on to where a speaker would be `seconds` after the voice was last followed (or
    /// after the start) at `wordsPerMinute`, when that is further than the sentence heard; true
    /// when the sentence changed.
    bool pace(double seconds, double wordsPerMinute);

private:
    QStringList m_sentences;
    QStringList m_words; ///< the script's words, normalised
    std::vector<int> m_sentenceOf; ///< for each of m_words
    qsizetype m_next = 0; ///< the script word expected next
    qsizetype m_followed = 0; ///< m_next when the voice was last followed
    int m_sentence = -1;
    bool m_found = false;
};

} // namespace rapport::speech
