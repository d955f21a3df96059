#include "core/speech/wordreport.h"

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace rapport::speech {
namespace {

// A transcript from "word word , word" text: each word 0.3 s long, 0.05 s apart; a "," puts a
// 0.4 s pause before the next word and a "." a 1 s one.
Transcript said(const QString& text)
{
    Transcript t;
    double at = 0.5;
    for (const QString& token : text.split(u' ', Qt::SkipEmptyParts)) {
        if (token == u","_s) {
            at += 0.35;
            continue;
        }
        if (token == u"."_s) {
            at += 0.95;
            continue;
        }
        t.words.push_back({ token, at, at + 0.3 });
        at += 0.35;
    }
    t.audioS = at + 0.5;
    return t;
}

QStringList fillerTexts(const Transcript& t)
{
    QStringList texts;
    for (const Filler& f : findFillers(t))
        texts << f.text;
    return texts;
}

TEST(FillerTest, HesitationsAlwaysCount)
{
    EXPECT_EQ(fillerTexts(said(u"i um build uh tools"_s)), (QStringList { u"um"_s, u"uh"_s }));
}

TEST(FillerTest, SoAndBasicallyCountWhereASentenceStartsWithThem)
{
    EXPECT_EQ(fillerTexts(said(u"so i build tools . so what i need is help"_s)),
        (QStringList { u"so"_s, u"so"_s }));
    EXPECT_EQ(fillerTexts(said(u"it is so much fun and basically free"_s)), QStringList {});
    EXPECT_EQ(
        fillerTexts(said(u"we ship . basically we help teams"_s)), QStringList { u"basically"_s });
}

TEST(FillerTest, LikeAndYouKnowCountOnlyWhenSetApartOnBothSides)
{
    EXPECT_EQ(fillerTexts(said(u"i like working with people"_s)), QStringList {});
    EXPECT_EQ(fillerTexts(said(u"it was , like , huge"_s)), QStringList { u"like"_s });
    EXPECT_EQ(fillerTexts(said(u"do you know him"_s)), QStringList {});
    const Transcript t = said(u"it works , you know , every time"_s);
    const std::vector<Filler> fillers = findFillers(t);
    ASSERT_EQ(fillers.size(), 1U);
    EXPECT_EQ(fillers[0].text, u"you know"_s);
    EXPECT_EQ(fillers[0].wordCount, 2);
    EXPECT_EQ(fillers[0].firstWord, 2);
    EXPECT_DOUBLE_EQ(fillers[0].startS, t.words[2].startS);
    EXPECT_DOUBLE_EQ(fillers[0].endS, t.words[3].endS);
}

TEST(RepeatedPhraseTest, APhraseSaidThreeTimesOrMoreIsListedOnceAtItsLongest)
{
    const Transcript t = said(
        u"so let's say we ship . let's say it works . um let's say we ship again . let's say "
        "done"_s);
    const std::vector<RepeatedPhrase> phrases = findRepeatedPhrases(t);
    ASSERT_FALSE(phrases.empty());
    EXPECT_EQ(phrases[0], (RepeatedPhrase { u"let's say"_s, 4 }));
    // "let's say we ship" comes twice only; "we ship" twice: neither is listed.
    EXPECT_EQ(phrases.size(), 1U);
}

TEST(RepeatedPhraseTest, OverlappingRepeatsOfOnePhraseCountOnce)
{
    // "ha ha ha ha" holds "ha ha" twice without overlap, not three times.
    const std::vector<RepeatedPhrase> phrases = findRepeatedPhrases(said(u"ha ha ha ha"_s));
    EXPECT_TRUE(phrases.empty());
    const std::vector<RepeatedPhrase> longer = findRepeatedPhrases(said(u"ha ha ha ha ha ha"_s));
    ASSERT_EQ(longer.size(), 1U);
    EXPECT_EQ(longer[0], (RepeatedPhrase { u"ha ha"_s, 3 }));
}

TEST(ScriptTest, SentencesAreSplitAtTheirEndsAndAtLineBreaks)
{
    EXPECT_EQ(splitSentences(u"Hi, I'm Sam. I build tools!\nWhat do you do? Dr Who\n\n  "_s),
        (QStringList {
            u"Hi, I'm Sam."_s, u"I build tools!"_s, u"What do you do?"_s, u"Dr Who"_s }));
    EXPECT_EQ(normalisedWords(u"Don’t stop — it's \"well-known\", 2 ways."_s),
        (QStringList {
            u"don't"_s, u"stop"_s, u"it's"_s, u"well"_s, u"known"_s, u"2"_s, u"ways"_s }));
}

TEST(ScriptTest, EachSentenceIsMarkedSaidPartlyOrSkipped)
{
    const QString script = u"Hi, I'm Sam. I build tools that help small teams ship faster. "
                           "Last year we saved our users a week each. "
                           "So what I'd love from you is an introduction to your platform team."_s;
    // Said: the first two sentences (one word misheard), half of the third, not the last;
    // plus words of its own.
    const Transcript t = said(u"hi i'm sam . um i build tools that help small teams ship "
                              "fast . last year we saved . thanks everyone"_s);
    const ScriptCoverage c = coverScript(script, t);
    ASSERT_EQ(c.sentences.size(), 4U);
    EXPECT_EQ(c.sentences[0].status, SentenceStatus::Said);
    EXPECT_EQ(c.sentences[1].status, SentenceStatus::Said);
    EXPECT_EQ(c.sentences[1].wordsSaid, 8);
    EXPECT_EQ(c.sentences[1].words, 9);
    EXPECT_EQ(c.sentences[2].status, SentenceStatus::Partly);
    EXPECT_EQ(c.sentences[3].status, SentenceStatus::Skipped);
    EXPECT_EQ(c.sentences[3].wordsSaid, 0);
    EXPECT_NEAR(c.coverage, 15.0 / 34.0, 1e-9);
    EXPECT_EQ(c.wordsOffScript, 3); // "fast", "thanks", "everyone"; "um" is a filler
    EXPECT_EQ(c.summary(),
        u"You skipped: \u201cSo what I'd love from you is an introduction to your platform "
        "team.\u201d"_s);
}

TEST(ScriptTest, ASentenceSaidButNotHeardClearlyIsNotCalledSkipped)
{
    const QString script = u"Hi, I'm Sam. I build tools that help small teams ship faster. "
                           "Last year we saved our users a week each."_s;
    // The middle sentence misheard word for word (as a noisy room or an unusual voice does):
    // words were said there, for as long as it takes.
    const ScriptCoverage misheard = coverScript(script,
        said(u"hi i'm sam . a bill tool set hell mall team shipped after . last year we saved "
             "our users a week each"_s));
    ASSERT_EQ(misheard.sentences.size(), 3U);
    EXPECT_LT(misheard.sentences[1].wordsSaid, 3);
    EXPECT_EQ(misheard.sentences[1].status, SentenceStatus::Partly);
    // Left out: only a pause between its neighbours.
    const ScriptCoverage left
        = coverScript(script, said(u"hi i'm sam . . last year we saved our users a week each"_s));
    EXPECT_EQ(left.sentences[1].status, SentenceStatus::Skipped);
    // One stray word where it should be is not the sentence either.
    const ScriptCoverage stray = coverScript(
        script, said(u"hi i'm sam . well . last year we saved our users a week each"_s));
    EXPECT_EQ(stray.sentences[1].status, SentenceStatus::Skipped);
}

TEST(ScriptTest, WordsSaidOutOfOrderDoNotCountForAnotherSentence)
{
    // The last sentence's words are all said, but before the first sentence: only one of the two
    // orders can be in the alignment.
    const QString script = u"We help teams. Introductions matter most."_s;
    const ScriptCoverage c
        = coverScript(script, said(u"introductions matter most . we help teams"_s));
    ASSERT_EQ(c.sentences.size(), 2U);
    const int said = c.sentences[0].wordsSaid + c.sentences[1].wordsSaid;
    EXPECT_EQ(said, 3);
    EXPECT_EQ(c.wordsOffScript, 3);
}

TEST(ScriptTest, AWholeScriptSaidSaysSo)
{
    const ScriptCoverage c
        = coverScript(u"One two three. Four five."_s, said(u"one two three . four five"_s));
    EXPECT_DOUBLE_EQ(c.coverage, 1.0);
    EXPECT_EQ(c.wordsOffScript, 0);
    EXPECT_EQ(c.summary(), u"You said every sentence of your script."_s);
}

TEST(WordReportTest, FillersPerMinuteAreCountedOverTheSpeakingTime)
{
    const WordReport r = makeWordReport(said(u"um we um build uh tools"_s), 30.0, QString());
    EXPECT_EQ(r.fillers.size(), 3U);
    ASSERT_TRUE(r.fillersPerMinute.has_value());
    EXPECT_DOUBLE_EQ(*r.fillersPerMinute, 6.0);
    EXPECT_FALSE(r.script.has_value());
    EXPECT_EQ(r.transcript.words.size(), 6U);
    const WordReport none = makeWordReport(said(u"um"_s), std::nullopt, u"A script."_s);
    EXPECT_FALSE(none.fillersPerMinute.has_value());
    ASSERT_TRUE(none.script.has_value());
    EXPECT_EQ(none.script->sentences[0].status, SentenceStatus::Skipped);
}

TEST(WordReportTest, PaceIsCountedFromWordsOnlyWhereTheScriptWasFollowed)
{
    const QString script = u"Hi, I'm Sam. I build tools for small teams. Call me."_s;
    // Every script word heard, one filler: 11 words in 6 s of speaking.
    const WordReport followed = makeWordReport(
        said(u"hi i'm sam . i build um tools for small teams . call me"_s), 6.0, script);
    ASSERT_TRUE(followed.wordsPerMinute.has_value());
    EXPECT_DOUBLE_EQ(*followed.wordsPerMinute, 110.0);
    // Half the script heard: the words are not the words said.
    EXPECT_FALSE(makeWordReport(said(u"hi i'm sam . call me"_s), 6.0, script).wordsPerMinute);
    // All of it, but buried in words off it (a recogniser guessing, or a speaker improvising).
    EXPECT_FALSE(makeWordReport(said(u"hi i'm sam well what a day i build tools for small teams "
                                     "in the city near the river yes call me"_s),
        6.0, script)
                     .wordsPerMinute);
    // No script, or no speaking time: nothing to trust.
    EXPECT_FALSE(makeWordReport(said(u"hi i'm sam"_s), 6.0, QString()).wordsPerMinute);
    EXPECT_FALSE(makeWordReport(
        said(u"hi i'm sam . i build tools for small teams . call me"_s), std::nullopt, script)
                     .wordsPerMinute);
    // It goes through JSON, and words stored before it was counted read back without it.
    QJsonObject json = wordReportToJson(followed);
    EXPECT_DOUBLE_EQ(json.value(u"words_per_minute_from_words"_s).toDouble(), 110.0);
    EXPECT_EQ(wordReportFromJson(json)->wordsPerMinute, followed.wordsPerMinute);
    json.remove(u"words_per_minute_from_words"_s);
    Result<WordReport> older = wordReportFromJson(json);
    ASSERT_TRUE(older.ok());
    EXPECT_FALSE(older->wordsPerMinute);
}

TEST(WordReportTest, TheJsonOfAReportReadsBackTheSame)
{
    const QString script = u"Hi, I'm Sam. I build tools. We ship fast. Call me."_s;
    const WordReport report = makeWordReport(
        said(u"so hi i'm sam . um i build tools , you know , we ship . we ship . we ship"_s), 42.0,
        script);
    ASSERT_FALSE(report.fillers.empty());
    ASSERT_TRUE(report.script.has_value());
    const QJsonObject json = wordReportToJson(report);
    Result<WordReport> back = wordReportFromJson(json);
    ASSERT_TRUE(back.ok()) << back.error().what.toStdString();
    EXPECT_EQ(back->fillers, report.fillers);
    EXPECT_EQ(back->repeatedPhrases, report.repeatedPhrases);
    ASSERT_EQ(back->transcript.words.size(), report.transcript.words.size());
    EXPECT_EQ(back->transcript.text(), report.transcript.text());
    EXPECT_EQ(back->fillersPerMinute, report.fillersPerMinute);
    ASSERT_TRUE(back->script.has_value());
    EXPECT_EQ(back->script->summary(), report.script->summary());
    EXPECT_DOUBLE_EQ(back->script->coverage, report.script->coverage);
    EXPECT_EQ(back->script->wordsOffScript, report.script->wordsOffScript);
    // And once more through JSON: the same object.
    EXPECT_EQ(wordReportToJson(*back).value(u"transcript"_s), json.value(u"transcript"_s));

    QJsonObject broken = json;
    broken.insert(u"transcript"_s, u"not a list"_s);
    const Result<WordReport> refused = wordReportFromJson(broken);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().kind, ErrorKind::Format);
    EXPECT_FALSE(refused.error().fix.isEmpty());
}

} // namespace
} // namespace rapport::speech
