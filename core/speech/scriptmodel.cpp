#include "core/speech/scriptmodel.h"

#include <QMap>
#include <QString>
#include <algorithm>
#include <cmath>

namespace rapport::speech {

namespace {

constexpr double kDiscount = 0.5;
const QString kStart = QStringLiteral("<s>");
const QString kEnd = QStringLiteral("</s>");

QByteArray log10Text(double p)
{
    return QByteArray::number(std::log10(p), 'f', 6);
}

// The counts of what follows one context: each next word's count, and their sum.
struct Followers
{
    QMap<QString, int> next;
    int total = 0;
    void add(const QString& word)
    {
        ++next[word];
        ++total;
    }
    double leftOver() const { return kDiscount * double(next.size()) / double(total); }
    double seen(const QString& word) const { return (next.value(word) - kDiscount) / total; }
};

} // namespace

QByteArray scriptLanguageModel(const QList<QStringList>& sentences)
{
    QMap<QString, int> unigrams; // every word but <s>, with </s>
    QMap<QString, Followers> bigrams; // by the word before
    QMap<QString, Followers> trigrams; // by the two words before, "a b"
    int tokens = 0;
    for (const QStringList& words : sentences) {
        if (words.isEmpty())
            continue;
        const QStringList padded = QStringList { kStart } + words + QStringList { kEnd };
        for (qsizetype i = 1; i < padded.size(); ++i) {
            ++unigrams[padded[i]];
            ++tokens;
            bigrams[padded[i - 1]].add(padded[i]);
            if (i >= 2)
                trigrams[padded[i - 2] + QLatin1Char(' ') + padded[i - 1]].add(padded[i]);
        }
    }
    if (tokens == 0)
        return {};

    const double vocabulary = double(unigrams.size());
    auto unigram
        = [&](const QString& w) { return (unigrams.value(w) + 1.0) / (tokens + vocabulary); };
    auto bigram = [&](const QString& a, const QString& b) { return bigrams[a].seen(b); };
    // Back-off weights: the mass a context leaves for words it never saw, spread over them in
    // proportion to their lower-order probability.
    QMap<QString, double> bigramBackoff;
    for (auto it = bigrams.cbegin(); it != bigrams.cend(); ++it) {
        double seenLower = 0.0;
        for (auto n = it->next.cbegin(); n != it->next.cend(); ++n)
            seenLower += unigram(n.key());
        // (A context followed by every word has nothing to spread: its weight is never used.)
        bigramBackoff.insert(it.key(), it->leftOver() / std::max(1.0 - seenLower, 1e-6));
    }
    QMap<QString, double> trigramBackoff;
    for (auto it = trigrams.cbegin(); it != trigrams.cend(); ++it) {
        const QString b = it.key().section(QLatin1Char(' '), 1);
        double seenLower = 0.0;
        for (auto n = it->next.cbegin(); n != it->next.cend(); ++n)
            seenLower += bigram(b, n.key());
        trigramBackoff.insert(it.key(), it->leftOver() / std::max(1.0 - seenLower, 1e-6));
    }

    int bigramCount = 0;
    for (const Followers& f : std::as_const(bigrams))
        bigramCount += int(f.next.size());
    int trigramCount = 0;
    for (const Followers& f : std::as_const(trigrams))
        trigramCount += int(f.next.size());

    QByteArray arpa = "\\data\\\n";
    arpa += "ngram 1=" + QByteArray::number(unigrams.size() + 1) + '\n';
    arpa += "ngram 2=" + QByteArray::number(bigramCount) + '\n';
    arpa += "ngram 3=" + QByteArray::number(trigramCount) + "\n\n";
    arpa += "\\1-grams:\n";
    // <s> is never predicted; its line carries its back-off weight.
    arpa += "-99.000000\t<s>\t" + log10Text(bigramBackoff.value(kStart)) + '\n';
    for (auto it = unigrams.cbegin(); it != unigrams.cend(); ++it) {
        arpa += log10Text(unigram(it.key())) + '\t' + it.key().toUtf8();
        if (bigramBackoff.contains(it.key()))
            arpa += '\t' + log10Text(bigramBackoff.value(it.key()));
        arpa += '\n';
    }
    arpa += "\n\\2-grams:\n";
    for (auto it = bigrams.cbegin(); it != bigrams.cend(); ++it) {
        for (auto n = it->next.cbegin(); n != it->next.cend(); ++n) {
            const QString pair = it.key() + QLatin1Char(' ') + n.key();
            arpa += log10Text(bigram(it.key(), n.key())) + '\t' + pair.toUtf8();
            if (trigramBackoff.contains(pair))
                arpa += '\t' + log10Text(trigramBackoff.value(pair));
            arpa += '\n';
        }
    }
    arpa += "\n\\3-grams:\n";
    for (auto it = trigrams.cbegin(); it != trigrams.cend(); ++it) {
        for (auto n = it->next.cbegin(); n != it->next.cend(); ++n)
            arpa += log10Text(it->seen(n.key())) + '\t'
                + (it.key() + QLatin1Char(' ') + n.key()).toUtf8() + '\n';
    }
    arpa += "\n\\end\\\n";
    return arpa;
}

} // namespace rapport::speech
