#include "core/speech/scriptfollower.h"

#include "core/speech/transcript.h"
#include "core/speech/wordreport.h"

#include <algorithm>
#include <cmath>

namespace rapport::speech {

namespace {

// How far around the expected word a run of two words may place the speaker; beyond it a run of
// three is needed (a skipped sentence, a restart).
constexpr qsizetype kNearBehind = 12;
constexpr qsizetype kNearAhead = 40;
// How far before the last tail word found the one before it may be: next to it, or with one word
// between (misheard, or not said).
constexpr qsizetype kGap = 2;

} // namespace

ScriptFollower::ScriptFollower(const QString& script)
    : m_sentences(splitSentences(script))
{
    for (qsizetype s = 0; s < m_sentences.size(); ++s) {
        for (const QString& word : normalisedWords(m_sentences[s])) {
            m_words << word;
            m_sentenceOf.push_back(static_cast<int>(s));
        }
    }
}

bool ScriptFollower::hear(const QStringList& heardSoFar)
{
    QStringList tail;
    for (qsizetype i = heardSoFar.size() - 1; i >= 0 && tail.size() < kTailWords; --i) {
        const QStringList words = normalisedWords(heardSoFar[i]);
        if (!words.isEmpty() && !isHesitation(words.first()))
            tail.prepend(words.first());
    }
    m_found = false;
    if (tail.isEmpty() || m_words.isEmpty())
        return false;
    // The speaker is at a script word equal to the last word heard; the more of the tail found
    // in order just before it, the surer.
    qsizetype best = -1;
    int bestScore = 0;
    qsizetype bestDistance = 0;
    for (qsizetype at = 0; at < m_words.size(); ++at) {
        if (m_words[at] != tail.last())
            continue;
        // Each earlier word of the tail is looked for just before the last one found (a word
        // misheard or added between them is allowed); one that is not there is passed over.
        int score = 1;
        qsizetype found = at;
        for (qsizetype t = tail.size() - 2; t >= 0; --t) {
            for (qsizetype j = found - 1; j >= 0 && j >= found - kGap; --j) {
                if (m_words[j] == tail[t]) {
                    ++score;
                    found = j;
                    break;
                }
            }
        }
        const qsizetype distance = std::abs(at - m_next);
        const bool near = at >= m_next - kNearBehind && at <= m_next + kNearAhead;
        if (score < (near ? 2 : 3))
            continue;
        if (score > bestScore || (score == bestScore && distance < bestDistance)) {
            best = at;
            bestScore = score;
            bestDistance = distance;
        }
    }
    if (best < 0)
        return false;
    m_found = true;
    m_next = best + 1;
    m_followed = m_next;
    const int sentence = m_sentenceOf[static_cast<std::size_t>(best)];
    if (sentence == m_sentence)
        return false;
    m_sentence = sentence;
    return true;
}

bool ScriptFollower::pace(double seconds, double wordsPerMinute)
{
    if (m_words.isEmpty() || seconds <= 0.0 || wordsPerMinute <= 0.0)
        return false;
    const auto word = std::min<qsizetype>(
        m_words.size() - 1, m_followed + static_cast<qsizetype>(seconds * wordsPerMinute / 60.0));
    const int sentence = m_sentenceOf[static_cast<std::size_t>(word)];
    if (sentence <= m_sentence)
        return false;
    m_sentence = sentence;
    m_next = std::max(m_next, word);
    return true;
}

} // namespace rapport::speech
