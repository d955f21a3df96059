// Syllables of written English, against counts from a dictionary's syllabification.
#include "core/analysis/scriptsyllables.h"
#include "tests/support/speechfixture.h"

#include <QFile>
#include <gtest/gtest.h>
#include <numeric>

namespace rapport::analysis {
namespace {

TEST(ScriptSyllablesTest, CountsCommonWordsAsADictionaryDoes)
{
    const std::vector<std::pair<const char16_t*, int>> words {
        { u"the", 1 },
        { u"make", 1 },
        { u"these", 1 },
        { u"table", 2 },
        { u"simple", 2 },
        { u"loved", 1 },
        { u"asked", 1 },
        { u"played", 1 },
        { u"wanted", 2 },
        { u"needed", 2 },
        { u"makes", 1 },
        { u"boxes", 2 },
        { u"changes", 2 },
        { u"wishes", 2 },
        { u"radio", 3 },
        { u"video", 3 },
        { u"usual", 3 },
        { u"nation", 2 },
        { u"special", 2 },
        { u"region", 2 },
        { u"people", 2 },
        { u"quality", 3 },
        { u"you", 1 },
        { u"beyond", 2 },
        { u"year", 1 },
        { u"software", 2 },
        { u"organize", 3 },
        { u"department", 3 },
        { u"every", 3 },
        { u"don't", 1 },
        { u"It's", 1 },
        { u"we\u2019re", 1 },
        { u"Rhythm", 1 },
        { u"1,000", 2 },
        { u"\u2014", 0 },
        { u"", 0 },
    };
    for (const auto& [word, syllables] : words)
        EXPECT_EQ(writtenSyllables(QStringView(word)), syllables)
            << QString::fromUtf16(word).toStdString();
}

// A text's ratio is what pace needs; single words may be off by one ("business"), a text is not.
TEST(ScriptSyllablesTest, ARatioWithinFivePercentOfHandCountsOnRealTexts)
{
    const QString pitch = test::examplePitch().join(QLatin1Char(' '));
    const std::vector<int>& counted = test::examplePitchSyllables();
    const double pitchTruth = std::accumulate(counted.begin(), counted.end(), 0.0)
        / static_cast<double>(pitch.split(QLatin1Char(' ')).size());
    const std::optional<double> ofPitch = scriptSyllablesPerWord(pitch);
    ASSERT_TRUE(ofPitch);
    EXPECT_NEAR(*ofPitch / pitchTruth, 1.0, 0.05) << *ofPitch << " against " << pitchTruth;

    // Jane Austen read on LibriVox (pocketsphinx-testdata's transcripts): 74 words, 100
    // syllables counted by hand.
    const QString austen = QStringLiteral(
        "and mister john dashwood had then leisure to consider how much there might be prudently "
        "in his power to do for them. he was not an ill disposed young man. unless to be rather "
        "cold hearted and rather selfish is to be ill disposed. had he married a more a amiable "
        "woman he might have been made still more respectable than he was. he might even have "
        "been made amiable himself");
    const std::optional<double> ofAusten = scriptSyllablesPerWord(austen);
    ASSERT_TRUE(ofAusten);
    EXPECT_NEAR(*ofAusten / (100.0 / 74.0), 1.0, 0.05) << *ofAusten;
}

TEST(ScriptSyllablesTest, AShortOrEmptyScriptFallsBackToTheAverageOfEnglish)
{
    const QString nineteen = QStringLiteral(
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen");
    EXPECT_FALSE(scriptSyllablesPerWord(nineteen));
    EXPECT_EQ(paceSyllablesPerWord(nineteen), kSyllablesPerWord);
    EXPECT_EQ(paceSyllablesPerWord(QString()), kSyllablesPerWord);
    EXPECT_EQ(paceSyllablesPerWord(QStringLiteral(" \n-- ... \u2014 ")), kSyllablesPerWord);
    const QString twenty = nineteen + QStringLiteral(" twenty");
    ASSERT_TRUE(scriptSyllablesPerWord(twenty));
    // One to twenty written out: 32 syllables in 20 words.
    EXPECT_NEAR(*scriptSyllablesPerWord(twenty), 32.0 / 20.0, 0.1);
    EXPECT_EQ(paceSyllablesPerWord(twenty), *scriptSyllablesPerWord(twenty));
}

TEST(ScriptSyllablesTest, HyphensAndPunctuationSplitWordsButApostrophesDoNot)
{
    // 20 words: "well-known" is two, "don't" one, the dashes and full stops none.
    const QString text = QStringLiteral(
        "A well-known cat -- don't laugh -- sat. It sat on the mat; the mat was red. Then it ran "
        "off.");
    const std::optional<double> ratio = scriptSyllablesPerWord(text);
    ASSERT_TRUE(ratio);
    EXPECT_DOUBLE_EQ(*ratio, 20.0 / 20.0);
}

} // namespace
} // namespace rapport::analysis
