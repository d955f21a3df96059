#include "core/speech/scriptmodel.h"

#include <QHash>
#include <QMap>
#include <QSet>
#include <cmath>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace rapport::speech {
namespace {

// An ARPA model read back: log10 probabilities and back-off weights by n-gram ("a b").
struct Arpa
{
    QMap<int, int> declared; // order -> count in the \data\ section
    QHash<QString, double> logP;
    QHash<QString, double> logBackoff;
    QSet<QString> vocabulary;

    static Arpa parse(const QByteArray& text)
    {
        Arpa arpa;
        int order = 0;
        for (const QByteArray& raw : text.split('\n')) {
            const QString line = QString::fromUtf8(raw).trimmed();
            if (line.startsWith(u"ngram "_s)) {
                const QStringList parts = line.mid(6).split(u'=');
                arpa.declared[parts[0].toInt()] = parts[1].toInt();
            } else if (line.startsWith(u'\\') && line.endsWith(u"-grams:"_s)) {
                order = line.mid(1, 1).toInt();
            } else if (order > 0 && !line.isEmpty() && !line.startsWith(u'\\')) {
                const QStringList fields = line.split(u'\t');
                arpa.logP.insert(fields[1], fields[0].toDouble());
                if (fields.size() > 2)
                    arpa.logBackoff.insert(fields[1], fields[2].toDouble());
                if (order == 1)
                    arpa.vocabulary.insert(fields[1]);
            }
        }
        return arpa;
    }
    int count(int order) const
    {
        int n = 0;
        for (auto it = logP.cbegin(); it != logP.cend(); ++it)
            n += it.key().count(u' ') + 1 == order ? 1 : 0;
        return n;
    }
    // P(word | context) with back-off, as a decoder reads the model.
    double probability(const QStringList& context, const QString& word) const
    {
        const QString gram = (context + QStringList { word }).join(u' ');
        if (logP.contains(gram))
            return std::pow(10.0, logP.value(gram));
        if (context.isEmpty())
            return 0.0;
        const double backoff = std::pow(10.0, logBackoff.value(context.join(u' '), 0.0));
        return backoff * probability(context.mid(1), word);
    }
};

const QList<QStringList> kScript { { u"i"_s, u"build"_s, u"tools"_s },
    { u"i"_s, u"build"_s, u"teams"_s, u"that"_s, u"ship"_s }, { u"we"_s, u"ship"_s, u"tools"_s },
    {} };

TEST(ScriptModelTest, EveryContextSpreadsExactlyAllItsProbability)
{
    const Arpa arpa = Arpa::parse(scriptLanguageModel(kScript));
    ASSERT_EQ(arpa.declared.value(1), arpa.count(1));
    ASSERT_EQ(arpa.declared.value(2), arpa.count(2));
    ASSERT_EQ(arpa.declared.value(3), arpa.count(3));
    // Every word the model can predict (all but <s>), after every context it knows.
    QStringList predicted;
    for (const QString& w : arpa.vocabulary)
        if (w != u"<s>"_s)
            predicted << w;
    QList<QStringList> contexts { {} };
    for (auto it = arpa.logBackoff.cbegin(); it != arpa.logBackoff.cend(); ++it)
        contexts << it.key().split(u' ');
    for (const QStringList& context : contexts) {
        double total = 0.0;
        for (const QString& w : predicted)
            total += arpa.probability(context, w);
        EXPECT_NEAR(total, 1.0, 1e-4) << context.join(u' ').toStdString();
    }
}

TEST(ScriptModelTest, TheScriptsNextWordIsTheLikeliest)
{
    const Arpa arpa = Arpa::parse(scriptLanguageModel(kScript));
    // After "i build", "tools" and "teams" (each seen once) are likelier than any other word.
    const double tools = arpa.probability({ u"i"_s, u"build"_s }, u"tools"_s);
    EXPECT_NEAR(tools, arpa.probability({ u"i"_s, u"build"_s }, u"teams"_s), 1e-9);
    for (const QString& other : { u"we"_s, u"ship"_s, u"that"_s, u"</s>"_s })
        EXPECT_GT(tools, arpa.probability({ u"i"_s, u"build"_s }, other)) << other.toStdString();
    // Unseen continuations keep some probability: the speaker may leave the script.
    EXPECT_GT(arpa.probability({ u"we"_s, u"ship"_s }, u"build"_s), 0.0);
    // Sentences start where the script's do.
    EXPECT_GT(arpa.probability({ u"<s>"_s }, u"i"_s), arpa.probability({ u"<s>"_s }, u"ship"_s));
}

TEST(ScriptModelTest, NoWordsNoModel)
{
    EXPECT_TRUE(scriptLanguageModel({}).isEmpty());
    EXPECT_TRUE(scriptLanguageModel({ {}, {} }).isEmpty());
}

} // namespace
} // namespace rapport::speech
