#include "core/analysis/scriptsyllables.h"

#include <QString>

namespace rapport::analysis {

namespace {

bool isVowel(const QString& w, qsizetype at)
{
    const QChar c = w[at];
    if (c == u'a' || c == u'e' || c == u'i' || c == u'o' || c == u'u')
        return true;
    // "y" is a vowel except before one at the start of a syllable ("you", "beyond").
    return c == u'y' && !(at + 1 < w.size() && QStringView(u"aeiou").contains(w[at + 1]));
}

// Vowel pairs said as two syllables ("di-a", "ra-di-o", "vi-de-o", "u-su-al"), where they are.
int hiatusAt(const QString& w, qsizetype i)
{
    const QChar a = w[i];
    const QChar b = w[i + 1];
    const QChar before = i > 0 ? w[i - 1] : QChar();
    if (a == u'i' && (b == u'a' || b == u'o' || b == u'u')) {
        // -tion, -sion, -cian, -cious, -tial, -gion: one syllable.
        if (before == u't' || before == u's' || before == u'c' || before == u'g' || before == u'x')
            return 0;
        // The end of a word in -ian/-ia after other consonants is two ("media", "Indian").
        return 1;
    }
    if (a == u'e' && b == u'o')
        return i + 2 < w.size() && w[i + 2] == u'p' ? 0 : 1; // "video", "geography"; "people"
    if (a == u'u' && (b == u'a' || b == u'i' || b == u'o')) {
        // "usual", "fluid", "duo"; not "quality", "guard", "build", "guide".
        return (before == u'q' || before == u'g' || before == u'b') ? 0 : 1;
    }
    return 0;
}

} // namespace

int writtenSyllables(QStringView word)
{
    QString w;
    bool digits = false;
    for (const QChar c : word) {
        if (c.isLetter())
            w.append(c.toLower());
        else if (c.isDigit())
            digits = true;
        else if (c == u'\'' || c == u'\u2019')
            w.append(u'\'');
    }
    // "it's", "we're", "don't": the clitic adds no syllable (except "'ve" after a consonant, rare).
    if (const qsizetype apostrophe = w.indexOf(u'\''); apostrophe >= 0)
        w.truncate(apostrophe);
    if (w.isEmpty())
        return digits ? 2 : 0;
    bool anyVowel = false;
    int groups = 0;
    for (qsizetype i = 0; i < w.size(); ++i) {
        if (!isVowel(w, i))
            continue;
        anyVowel = true;
        if (i == 0 || !isVowel(w, i - 1))
            ++groups;
        else
            groups += hiatusAt(w, i - 1);
    }
    if (!anyVowel)
        return 1; // an abbreviation said as letters is at least one ("TV" more, but rare)
    const qsizetype n = w.size();
    const auto consonantAt
        = [&](qsizetype i) { return i >= 0 && i < n && !isVowel(w, i) && w[i].isLetter(); };
    if (groups > 1) {
        if (w.endsWith(u'e') && consonantAt(n - 2)) {
            // Silent final e ("make", "these"), but "-le" after a consonant is a syllable
            // ("table").
            const bool syllabicLe = w[n - 2] == u'l' && consonantAt(n - 3);
            if (!syllabicLe)
                --groups;
        } else if (w.endsWith(u"ed") && consonantAt(n - 3) && w[n - 3] != u't'
            && w[n - 3] != u'd') {
            --groups; // "loved", "asked"; "wanted", "needed" keep theirs
        } else if (w.endsWith(u"es") && consonantAt(n - 3)) {
            // "makes", "loves"; but after a hiss the -es is said ("boxes", "changes", "wishes").
            const QChar c = w[n - 3];
            const bool hiss = c == u's' || c == u'x' || c == u'z' || c == u'g' || c == u'c'
                || (c == u'h' && n >= 4 && (w[n - 4] == u's' || w[n - 4] == u'c'));
            if (!hiss)
                --groups;
        }
    }
    return std::max(groups, 1);
}

std::optional<double> scriptSyllablesPerWord(QStringView script)
{
    int words = 0;
    int syllables = 0;
    qsizetype start = -1;
    const auto flush = [&](qsizetype end) {
        if (start < 0)
            return;
        const int s = writtenSyllables(script.mid(start, end - start));
        if (s > 0) {
            ++words;
            syllables += s;
        }
        start = -1;
    };
    for (qsizetype i = 0; i < script.size(); ++i) {
        const QChar c = script[i];
        // Words are split at spaces, hyphens and punctuation, not at the apostrophe of "don't".
        const bool inWord = c.isLetterOrNumber() || c == u'\'' || c == u'\u2019';
        if (inWord && start < 0)
            start = i;
        else if (!inWord)
            flush(i);
    }
    flush(script.size());
    if (words < kMinScriptWords)
        return std::nullopt;
    return static_cast<double>(syllables) / words;
}

double paceSyllablesPerWord(QStringView script)
{
    return scriptSyllablesPerWord(script).value_or(kSyllablesPerWord);
}

} // namespace rapport::analysis
