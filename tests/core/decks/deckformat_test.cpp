#include "core/decks/deckformat.h"

#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace rapport::decks {
namespace {

const QString kJsonName = u"team.json"_s;
const QString kCsvName = u"team.csv"_s;

std::string str(const QString& text)
{
    return text.toStdString();
}

// The promise every deck error makes: the expected kind; a `what` that starts with the file and
// the place ("team.csv, line 7, column \"zone\": ") and names the offending values; a fix.
::testing::AssertionResult isError(const Result<Deck>& result, ErrorKind kind,
    const QString& source, const QString& where, const QStringList& values = {})
{
    if (result.ok())
        return ::testing::AssertionFailure() << "parsed without an error";
    const Error& error = result.error();
    QString prefix = source;
    if (!where.isEmpty())
        prefix += u", "_s + where;
    prefix += u": "_s;
    if (error.kind != kind)
        return ::testing::AssertionFailure() << "unexpected kind for: " << str(error.what);
    if (!error.what.startsWith(prefix)) {
        return ::testing::AssertionFailure()
            << "expected to start with \"" << str(prefix) << "\": " << str(error.what);
    }
    for (const QString& value : values) {
        if (!error.what.contains(value)) {
            return ::testing::AssertionFailure()
                << "\"" << str(value) << "\" missing from: " << str(error.what);
        }
    }
    if (error.fix.trimmed().isEmpty())
        return ::testing::AssertionFailure() << "no fix for: " << str(error.what);
    return ::testing::AssertionSuccess() << str(error.what) << " / " << str(error.fix);
}

::testing::AssertionResult isJsonError(
    const Result<Deck>& result, const QString& where, const QStringList& values = {})
{
    return isError(result, ErrorKind::Format, kJsonName, where, values);
}

::testing::AssertionResult isCsvError(
    const Result<Deck>& result, const QString& where, const QStringList& values = {})
{
    return isError(result, ErrorKind::Format, kCsvName, where, values);
}

// ---------------------------------------------------------------------------------------------
// JSON test data: a valid deck whose header or questions each test replaces.

const QByteArray kHeader = R"("format_version": 1, "id": "user.team", "title": "Team")";
const QByteArray kQuestions = R"({"id": "a", "zone": "fun", "text": "First?"},
    {"id": "b", "zone": "deep", "text": "Second?"})";

QByteArray jsonDeck(const QByteArray& header = kHeader, const QByteArray& questions = kQuestions)
{
    return "{" + header + R"(, "questions": [)" + questions + "]}";
}

// A deck whose second question has `fields` instead of the valid ones.
QByteArray jsonDeckWithSecondQuestion(const QByteArray& fields)
{
    return jsonDeck(kHeader, R"({"id": "a", "zone": "fun", "text": "First?"}, {)" + fields + "}");
}

Result<Deck> parseJson(const QByteArray& json)
{
    return parseDeckJson(json, kJsonName);
}

Result<Deck> parseCsv(const QByteArray& csv)
{
    return parseDeckCsv(csv, kCsvName, u"user.team"_s, u"Team"_s);
}

const QString kUnicodeText = u"Qu'est-ce qui t'a fait sourire aujourd'hui ? — ünïcödé"_s;

// One deck exercising everything both formats must carry: separators, quotes, line breaks,
// leading spaces and non-ASCII text.
Deck richDeck()
{
    Deck deck;
    deck.id = u"user.rich-deck_2"_s;
    deck.title = u"Rich \"deck\", with commas"_s;
    deck.description = u"Line one\nline two\ttabbed \\ backslash"_s;
    deck.language = u"fr"_s;
    deck.author = u"Zoë"_s;
    deck.license = u"CC-BY-4.0"_s;
    deck.version = 7;
    deck.hints = { u"Listen, then ask."_s, kUnicodeText };
    deck.questions = {
        { u"q1"_s, Zone::SmallTalk, u"Hello, how \"are\" you?"_s, { u"work"_s, u"social"_s },
            u"And then?"_s, u"Say it, warmly."_s },
        { u"q.2"_s, Zone::Fun, kUnicodeText, { u"dinner"_s }, {}, {} },
        { u"q-3"_s, Zone::Deep, u"Two\nlines,\r\nand \"quotes\""_s, {}, u" leading space"_s,
            u"trailing space "_s },
        { u"q_4"_s, Zone::Interview, u"Control \x01 character?"_s, { u"new tag"_s }, {},
            u"\"quoted\""_s },
    };
    return deck;
}

// ---------------------------------------------------------------------------------------------
// JSON: what is read

TEST(DeckFormatTest, ParsesAMinimalJsonDeckWithDefaults)
{
    const auto deck = parseJson(jsonDeck());
    ASSERT_TRUE(deck.ok()) << str(deck.error().what);
    EXPECT_EQ(deck->id, u"user.team"_s);
    EXPECT_EQ(deck->title, u"Team"_s);
    EXPECT_EQ(deck->language, u"en"_s);
    EXPECT_EQ(deck->version, 1);
    EXPECT_TRUE(deck->hints.isEmpty());
    ASSERT_EQ(deck->questions.size(), 2);
    EXPECT_EQ(deck->questions[1].zone, Zone::Deep);
    EXPECT_FALSE(deck->builtIn);
}

TEST(DeckFormatTest, ReadsEveryJsonField)
{
    const auto deck = parseJson(R"({"format_version": 1, "id": "rapport.x", "title": "X",
        "description": "D", "language": "de", "author": "A", "license": "L", "version": 3,
        "hints": ["h1", "h2"], "questions": [{"id": "x-1", "zone": "interview", "text": "T?",
        "tags": ["work"], "follow_up": "F", "hint": "H"}]})");
    ASSERT_TRUE(deck.ok()) << str(deck.error().what);
    const Question expected { u"x-1"_s, Zone::Interview, u"T?"_s, { u"work"_s }, u"F"_s, u"H"_s };
    EXPECT_EQ(deck->questions.value(0), expected);
    EXPECT_EQ(deck->description, u"D"_s);
    EXPECT_EQ(deck->language, u"de"_s);
    EXPECT_EQ(deck->author, u"A"_s);
    EXPECT_EQ(deck->license, u"L"_s);
    EXPECT_EQ(deck->version, 3);
    EXPECT_EQ(deck->hints, QStringList({ u"h1"_s, u"h2"_s }));
}

TEST(DeckFormatTest, NormalisesJsonTagsToTrimmedLowerCaseWithoutDuplicates)
{
    const auto deck = parseJson(jsonDeckWithSecondQuestion(
        R"("id": "b", "zone": "fun", "text": "Hi?", "tags": [" Work ", "DINNER", "work"])"));
    ASSERT_TRUE(deck.ok()) << str(deck.error().what);
    EXPECT_EQ(deck->questions[1].tags, QStringList({ u"work"_s, u"dinner"_s }));
}

TEST(DeckFormatTest, IgnoresUnknownJsonKeysAndNeverReadsBuiltIn)
{
    const auto deck = parseJson(jsonDeck(kHeader + R"(, "builtIn": true, "future": {"x": [1]},
        "favourites": ["a"])",
        R"({"id": "a", "zone": "fun", "text": "First?", "colour": "red"})"));
    ASSERT_TRUE(deck.ok()) << str(deck.error().what);
    EXPECT_FALSE(deck->builtIn);
    EXPECT_EQ(deck->questions.size(), 1);
}

TEST(DeckFormatTest, TreatsNullOptionalJsonFieldsAsAbsent)
{
    const auto deck = parseJson(jsonDeck(kHeader + R"(, "description": null, "hints": null)",
        R"({"id": "a", "zone": "fun", "text": "First?", "hint": null, "tags": null})"));
    ASSERT_TRUE(deck.ok()) << str(deck.error().what);
    EXPECT_TRUE(deck->description.isEmpty());
    EXPECT_TRUE(deck->questions[0].hint.isEmpty());
}

TEST(DeckFormatTest, AcceptsJsonWithAUtf8Bom)
{
    const auto deck = parseJson("\xEF\xBB\xBF" + jsonDeck());
    ASSERT_TRUE(deck.ok()) << str(deck.error().what);
    EXPECT_EQ(deck->id, u"user.team"_s);
}

TEST(DeckFormatTest, AcceptsTextOfExactly500CharactersCountingCodePoints)
{
    // Each emoji is two UTF-16 units but one character.
    const QString emoji = u"😀"_s.repeated(kMaxQuestionLength);
    const auto deck = parseJson(jsonDeckWithSecondQuestion(
        R"("id": "b", "zone": "fun", "text": ")" + emoji.toUtf8() + "\""));
    ASSERT_TRUE(deck.ok()) << str(deck.error().what);
    EXPECT_EQ(deck->questions[1].text, emoji);
}

// ---------------------------------------------------------------------------------------------
// JSON: what is rejected

TEST(DeckFormatTest, RejectsJsonSyntaxErrorsNamingLineColumnAndWhatWasExpected)
{
    const QByteArray json = "{\n"
                            "  \"format_version\": 1,\n"
                            "  \"id\": \"user.team\"\n"
                            "  \"title\": \"Team\",\n"
                            "  \"questions\": []\n"
                            "}\n";
    EXPECT_TRUE(isJsonError(parseJson(json), u"line 4, column 4"_s,
        { u"expected ','"_s, u"near `\"title\": \"Team\",`"_s }));
}

TEST(DeckFormatTest, RejectsJsonThatEndsTooEarlyNamingTheLastLine)
{
    const QByteArray json = "{\n  \"questions\": [\n    {\"id\": \"a\"}\n\n";
    EXPECT_TRUE(
        isJsonError(parseJson(json), u"line 3, column 16"_s, { u"near `{\"id\": \"a\"}`"_s }));
}

TEST(DeckFormatTest, RejectsAnEmptyJsonFile)
{
    EXPECT_TRUE(isJsonError(parseJson(" \n"), {}, { u"empty"_s }));
}

TEST(DeckFormatTest, RejectsAJsonTopLevelThatIsNotAnObject)
{
    EXPECT_TRUE(isJsonError(parseJson("[1, 2]"), u"top level"_s, { u"an array"_s }));
}

TEST(DeckFormatTest, RejectsAMissingFormatVersion)
{
    EXPECT_TRUE(isJsonError(parseJson(jsonDeck(R"("id": "user.team", "title": "Team")")),
        u"format_version"_s, { u"missing"_s, u"a whole number"_s }));
}

TEST(DeckFormatTest, RejectsANewerFormatVersionAsWrittenByANewerRapport)
{
    const auto deck
        = parseJson(jsonDeck(R"("format_version": 2, "id": "user.team", "title": "T")"));
    ASSERT_TRUE(isJsonError(deck, u"format_version"_s, { u"2"_s, u"newer Rapport"_s }));
    EXPECT_TRUE(deck.error().fix.contains(u"Update Rapport"_s));
}

TEST(DeckFormatTest, RejectsAFormatVersionBelowOneOrOfTheWrongType)
{
    EXPECT_TRUE(
        isJsonError(parseJson(jsonDeck(R"("format_version": 0, "id": "user.team", "title": "T")")),
            u"format_version"_s, { u"found 0"_s }));
    EXPECT_TRUE(isJsonError(
        parseJson(jsonDeck(R"("format_version": "1", "id": "user.team", "title": "T")")),
        u"format_version"_s, { u"expected a whole number, found the string \"1\""_s }));
}

TEST(DeckFormatTest, RejectsAMissingOrMalformedDeckId)
{
    EXPECT_TRUE(isJsonError(
        parseJson(jsonDeck(R"("format_version": 1, "title": "Team")")), u"id"_s, { u"missing"_s }));
    EXPECT_TRUE(isJsonError(
        parseJson(jsonDeck(R"("format_version": 1, "id": "user team", "title": "Team")")), u"id"_s,
        { u"\"user team\""_s, u"U+0020"_s, u"letters"_s }));
    EXPECT_TRUE(
        isJsonError(parseJson(jsonDeck(R"("format_version": 1, "id": "", "title": "Team")")),
            u"id"_s, { u"empty"_s }));
}

TEST(DeckFormatTest, RejectsAMissingOrBlankTitle)
{
    EXPECT_TRUE(isJsonError(parseJson(jsonDeck(R"("format_version": 1, "id": "user.team")")),
        u"title"_s, { u"missing"_s }));
    EXPECT_TRUE(
        isJsonError(parseJson(jsonDeck(R"("format_version": 1, "id": "user.team", "title": "  ")")),
            u"title"_s, { u"empty"_s }));
}

TEST(DeckFormatTest, RejectsOptionalDeckStringsOfTheWrongType)
{
    EXPECT_TRUE(isJsonError(parseJson(jsonDeck(kHeader + R"(, "description": 5)")),
        u"description"_s, { u"expected a string, found the number 5"_s }));
    EXPECT_TRUE(isJsonError(parseJson(jsonDeck(kHeader + R"(, "language": ["en"])")), u"language"_s,
        { u"expected a string, found an array"_s }));
    EXPECT_TRUE(isJsonError(parseJson(jsonDeck(kHeader + R"(, "author": {"n": 1})")), u"author"_s,
        { u"found an object"_s }));
    EXPECT_TRUE(isJsonError(parseJson(jsonDeck(kHeader + R"(, "license": false)")), u"license"_s,
        { u"found false"_s }));
}

TEST(DeckFormatTest, RejectsADeckVersionThatIsNotAWholeNumberOfAtLeastOne)
{
    EXPECT_TRUE(isJsonError(parseJson(jsonDeck(kHeader + R"(, "version": 0)")), u"version"_s,
        { u"at least 1, found 0"_s }));
    EXPECT_TRUE(isJsonError(
        parseJson(jsonDeck(kHeader + R"(, "version": 1.5)")), u"version"_s, { u"found 1.5"_s }));
    EXPECT_TRUE(isJsonError(parseJson(jsonDeck(kHeader + R"(, "version": "2")")), u"version"_s,
        { u"the string \"2\""_s }));
}

TEST(DeckFormatTest, RejectsHintsThatAreNotAnArrayOfStrings)
{
    EXPECT_TRUE(isJsonError(parseJson(jsonDeck(kHeader + R"(, "hints": ["ok", 3])")), u"hints[1]"_s,
        { u"expected a string, found the number 3"_s }));
    EXPECT_TRUE(isJsonError(parseJson(jsonDeck(kHeader + R"(, "hints": "listen")")), u"hints"_s,
        { u"the string \"listen\""_s }));
}

TEST(DeckFormatTest, RejectsMissingEmptyOrMistypedQuestions)
{
    EXPECT_TRUE(isJsonError(parseJson("{" + kHeader + "}"), u"questions"_s, { u"missing"_s }));
    EXPECT_TRUE(
        isJsonError(parseJson(jsonDeck(kHeader, {})), u"questions"_s, { u"no questions"_s }));
    EXPECT_TRUE(isJsonError(parseJson("{" + kHeader + R"(, "questions": {"a": 1}})"),
        u"questions"_s, { u"found an object"_s }));
}

TEST(DeckFormatTest, RejectsAQuestionThatIsNotAnObject)
{
    EXPECT_TRUE(isJsonError(
        parseJson(jsonDeck(kHeader, R"({"id": "a", "zone": "fun", "text": "A?"}, "just text")")),
        u"questions[1]"_s, { u"expected a question object"_s, u"\"just text\""_s }));
}

TEST(DeckFormatTest, RejectsAQuestionWithoutIdOrWithAMalformedId)
{
    EXPECT_TRUE(isJsonError(parseJson(jsonDeckWithSecondQuestion(R"("zone": "fun", "text": "B?")")),
        u"questions[1].id"_s, { u"missing"_s }));
    EXPECT_TRUE(isJsonError(
        parseJson(jsonDeckWithSecondQuestion(R"("id": "a/b", "zone": "fun", "text": "B?")")),
        u"questions[1].id"_s, { u"\"a/b\""_s, u"'/'"_s }));
    EXPECT_TRUE(isJsonError(
        parseJson(jsonDeckWithSecondQuestion(R"("id": 7, "zone": "fun", "text": "B?")")),
        u"questions[1].id"_s, { u"expected a string, found the number 7"_s }));
}

TEST(DeckFormatTest, RejectsDuplicateQuestionIdsNamingBothIndexes)
{
    const auto deck = parseJson(jsonDeck(kHeader, R"({"id": "a", "zone": "fun", "text": "A?"},
        {"id": "b", "zone": "fun", "text": "B?"}, {"id": "a", "zone": "fun", "text": "C?"})"));
    EXPECT_TRUE(isJsonError(deck, u"questions[2].id"_s, { u"\"a\""_s, u"questions[0]"_s }));
}

TEST(DeckFormatTest, RejectsAMissingZone)
{
    EXPECT_TRUE(isJsonError(parseJson(jsonDeckWithSecondQuestion(R"("id": "b", "text": "B?")")),
        u"questions[1].zone"_s, { u"missing"_s }));
}

TEST(DeckFormatTest, RejectsUnknownZoneNamingTheLocation)
{
    EXPECT_TRUE(isJsonError(
        parseJson(jsonDeckWithSecondQuestion(R"("id": "b", "zone": "medium", "text": "B?")")),
        u"questions[1].zone"_s,
        { u"unknown zone \"medium\" (expected small-talk, fun, deep or interview)"_s }));
}

TEST(DeckFormatTest, RejectsMissingOrBlankQuestionText)
{
    EXPECT_TRUE(isJsonError(parseJson(jsonDeckWithSecondQuestion(R"("id": "b", "zone": "fun")")),
        u"questions[1].text"_s, { u"missing"_s }));
    EXPECT_TRUE(isJsonError(
        parseJson(jsonDeckWithSecondQuestion(R"("id": "b", "zone": "fun", "text": " \t ")")),
        u"questions[1].text"_s, { u"empty"_s }));
}

TEST(DeckFormatTest, RejectsQuestionTextHoldingANul)
{
    // JSON's \u0000 escape gets a NUL into the text; SQLite would cut the text there. (Other
    // control characters round-trip: see JsonRoundTripKeepsEveryField.)
    EXPECT_TRUE(isJsonError(parseJson(jsonDeckWithSecondQuestion(
                                R"("id": "b", "zone": "fun", "text": "What\u0000 else?")")),
        u"questions[1].text"_s, { u"control character U+0000"_s }));
}

TEST(DeckFormatTest, RejectsQuestionTextLongerThan500Characters)
{
    const QByteArray text = QByteArray(kMaxQuestionLength + 1, 'x');
    EXPECT_TRUE(isJsonError(parseJson(jsonDeckWithSecondQuestion(
                                R"("id": "b", "zone": "fun", "text": ")" + text + "\"")),
        u"questions[1].text"_s, { u"\"xxxx"_s, u"501 characters"_s, u"at most 500"_s }));
}

TEST(DeckFormatTest, RejectsDuplicateTextIgnoringCaseAndSpacingNamingBothPositions)
{
    const auto deck
        = parseJson(jsonDeck(kHeader, R"({"id": "a", "zone": "fun", "text": "How are you?"},
        {"id": "b", "zone": "deep", "text": "  how ARE\n you? "})"));
    EXPECT_TRUE(
        isJsonError(deck, u"questions[1].text"_s, { u"how ARE you?"_s, u"questions[0]"_s }));
}

TEST(DeckFormatTest, RejectsTagsThatAreNotAnArrayOfNonEmptyStrings)
{
    EXPECT_TRUE(isJsonError(parseJson(jsonDeckWithSecondQuestion(
                                R"("id": "b", "zone": "fun", "text": "B?", "tags": "work")")),
        u"questions[1].tags"_s, { u"expected an array of strings, found the string \"work\""_s }));
    EXPECT_TRUE(isJsonError(parseJson(jsonDeckWithSecondQuestion(
                                R"("id": "b", "zone": "fun", "text": "B?", "tags": ["work", 2])")),
        u"questions[1].tags[1]"_s, { u"the number 2"_s }));
    EXPECT_TRUE(
        isJsonError(parseJson(jsonDeckWithSecondQuestion(
                        R"("id": "b", "zone": "fun", "text": "B?", "tags": ["work", " "])")),
            u"questions[1].tags[1]"_s, { u"empty"_s }));
    EXPECT_TRUE(isJsonError(parseJson(jsonDeckWithSecondQuestion(
                                R"("id": "b", "zone": "fun", "text": "B?", "tags": ["a;b"])")),
        u"questions[1].tags[0]"_s, { u"\"a;b\""_s }));
}

TEST(DeckFormatTest, RejectsFollowUpOrHintOfTheWrongType)
{
    EXPECT_TRUE(isJsonError(parseJson(jsonDeckWithSecondQuestion(
                                R"("id": "b", "zone": "fun", "text": "B?", "follow_up": 3)")),
        u"questions[1].follow_up"_s, { u"expected a string, found the number 3"_s }));
    EXPECT_TRUE(isJsonError(parseJson(jsonDeckWithSecondQuestion(
                                R"("id": "b", "zone": "fun", "text": "B?", "hint": true)")),
        u"questions[1].hint"_s, { u"expected a string, found true"_s }));
}

// ---------------------------------------------------------------------------------------------
// JSON: writing

TEST(DeckFormatTest, JsonRoundTripKeepsEveryField)
{
    const Deck deck = richDeck();
    const auto parsed = parseDeckJson(deckToJson(deck), kJsonName);
    ASSERT_TRUE(parsed.ok()) << str(parsed.error().what);
    EXPECT_EQ(*parsed, deck);
}

TEST(DeckFormatTest, JsonNeverContainsBuiltInOrPersonalState)
{
    Deck deck = richDeck();
    deck.builtIn = true;
    const QByteArray json = deckToJson(deck);
    for (const char* word : { "builtIn", "built_in", "favourite", "hidden", "history" })
        EXPECT_FALSE(json.contains(word)) << word;
    const auto parsed = parseDeckJson(json, kJsonName);
    ASSERT_TRUE(parsed.ok()) << str(parsed.error().what);
    EXPECT_FALSE(parsed->builtIn);
}

// Saving a deck must not reorder or reformat it, so diffs of deck files show only real changes.
TEST(DeckFormatTest, RewritingAShippedDeckReproducesTheFileByteForByte)
{
    for (const char* name :
        { "small-talk.json", "fun-zone.json", "deep-zone.json", "informational-interview.json" }) {
        QFile file(QStringLiteral(RAPPORT_SOURCE_DIR "/resources/decks/") + QLatin1String(name));
        ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << name;
        const QByteArray bytes = file.readAll();
        const auto deck = parseDeckJson(bytes, file.fileName());
        ASSERT_TRUE(deck.ok()) << str(deck.error().what);
        EXPECT_EQ(deckToJson(*deck), bytes) << name;
    }
}

// ---------------------------------------------------------------------------------------------
// CSV: what is read

TEST(DeckFormatTest, ParsesCsvWithHeaderColumnsInAnyOrderAndCase)
{
    const auto deck = parseCsv("Hint, TEXT ,Zone,Follow_Up,notes,ID,tags\n"
                               "Be kind,How are you?,fun,Really?,ignored,x-1,work\n");
    ASSERT_TRUE(deck.ok()) << str(deck.error().what);
    EXPECT_EQ(deck->id, u"user.team"_s);
    EXPECT_EQ(deck->title, u"Team"_s);
    EXPECT_FALSE(deck->builtIn);
    const Question expected { u"x-1"_s, Zone::Fun, u"How are you?"_s, { u"work"_s }, u"Really?"_s,
        u"Be kind"_s };
    EXPECT_EQ(deck->questions, QList<Question>({ expected }));
}

TEST(DeckFormatTest, CsvQuotedFieldsKeepCommasQuotesAndLineBreaks)
{
    const auto deck = parseCsv("zone,text,hint\n"
                               "fun,\"Hello, you\",\"He said \"\"hi\"\"\"\n"
                               "deep,\"Two\nlines\",\n");
    ASSERT_TRUE(deck.ok()) << str(deck.error().what);
    ASSERT_EQ(deck->questions.size(), 2);
    EXPECT_EQ(deck->questions[0].text, u"Hello, you"_s);
    EXPECT_EQ(deck->questions[0].hint, u"He said \"hi\""_s);
    EXPECT_EQ(deck->questions[1].text, u"Two\nlines"_s);
}

TEST(DeckFormatTest, CsvKeepsQuotesInsideUnquotedFieldsAsWritten)
{
    const auto deck = parseCsv("zone,text\nfun,What's your \"guilty pleasure\" song?\n");
    ASSERT_TRUE(deck.ok()) << str(deck.error().what);
    EXPECT_EQ(deck->questions[0].text, u"What's your \"guilty pleasure\" song?"_s);
}

TEST(DeckFormatTest, CsvAcceptsCrlfLineEndingsAndCountsThemAsOneLine)
{
    const auto deck = parseCsv("zone,text\r\nfun,One?\r\ndeep,\"Two\r\nlines\"\r\n");
    ASSERT_TRUE(deck.ok()) << str(deck.error().what);
    ASSERT_EQ(deck->questions.size(), 2);
    EXPECT_EQ(deck->questions[1].text, u"Two\r\nlines"_s);
    EXPECT_TRUE(isCsvError(parseCsv("zone,text\r\nfun,One?\r\ndeep,\"Two\r\nlines\"\r\nx,Y?\r\n"),
        u"line 5, column \"zone\""_s, { u"\"x\""_s }));
}

TEST(DeckFormatTest, CsvIgnoresAUtf8Bom)
{
    const auto deck = parseCsv("\xEF\xBB\xBFtext,zone\r\nHi?,fun\r\n");
    ASSERT_TRUE(deck.ok()) << str(deck.error().what);
    EXPECT_EQ(deck->questions[0].text, u"Hi?"_s);
}

TEST(DeckFormatTest, CsvSplitsTagsOnSemicolonsAndNormalisesThem)
{
    const auto deck = parseCsv("zone,text,tags\nfun,Hi?,\" Work ; DINNER;;work; \"\n");
    ASSERT_TRUE(deck.ok()) << str(deck.error().what);
    EXPECT_EQ(deck->questions[0].tags, QStringList({ u"work"_s, u"dinner"_s }));
}

TEST(DeckFormatTest, CsvSkipsBlankLinesAndReadsShortRowsAsEmpty)
{
    const auto deck = parseCsv("\n\nzone,text,tags,hint\n\nfun,One?\n,,,\ndeep,Two?,work\n\n");
    ASSERT_TRUE(deck.ok()) << str(deck.error().what);
    ASSERT_EQ(deck->questions.size(), 2);
    EXPECT_TRUE(deck->questions[0].tags.isEmpty());
    EXPECT_TRUE(deck->questions[0].hint.isEmpty());
    EXPECT_EQ(deck->questions[1].tags, QStringList({ u"work"_s }));
}

TEST(DeckFormatTest, CsvAcceptsEmptyCellsPastTheLastColumn)
{
    const auto deck = parseCsv("zone,text\nfun,One?,,\n");
    ASSERT_TRUE(deck.ok()) << str(deck.error().what);
    EXPECT_EQ(deck->questions[0].text, u"One?"_s);
}

TEST(DeckFormatTest, CsvGeneratesIdsFromTheRowPosition)
{
    const auto deck = parseCsv("zone,text\nfun,One?\nfun,Two?\n\nfun,Three?\n");
    ASSERT_TRUE(deck.ok()) << str(deck.error().what);
    QStringList ids;
    for (const Question& question : deck->questions)
        ids << question.id;
    EXPECT_EQ(ids, QStringList({ u"q-001"_s, u"q-002"_s, u"q-003"_s }));
}

TEST(DeckFormatTest, GeneratedCsvIdsNeverCollideWithExplicitIds)
{
    const auto deck = parseCsv("id,zone,text\nq-002,fun,One?\n,fun,Two?\n,fun,Three?\n");
    ASSERT_TRUE(deck.ok()) << str(deck.error().what);
    QStringList ids;
    for (const Question& question : deck->questions)
        ids << question.id;
    EXPECT_EQ(ids, QStringList({ u"q-002"_s, u"q-002-2"_s, u"q-003"_s }));
}

// ---------------------------------------------------------------------------------------------
// CSV: what is rejected

TEST(DeckFormatTest, CsvRejectsUnknownZoneNamingThePhysicalLine)
{
    // Line breaks inside quoted fields count: the bad zone sits on physical line 7.
    const auto deck = parseCsv("text,zone,tags\n"
                               "\"How are you,\n"
                               "really?\",fun,work\n"
                               "\"What \"\"matters\"\"?\",deep,\n"
                               "\n"
                               "\"Where\n"
                               "to?\",medium,social\n");
    EXPECT_TRUE(isCsvError(deck, u"line 7, column \"zone\""_s,
        { u"team.csv, line 7, column \"zone\": unknown zone \"medium\" (expected small-talk, fun, "
          "deep or interview)"_s }));
}

TEST(DeckFormatTest, CsvRejectsAnUnterminatedQuoteNamingTheLineWhereItBegan)
{
    EXPECT_TRUE(isCsvError(parseCsv("zone,text\nfun,\"Fine?\"\ndeep,\"What do you\nvalue most?\n"),
        u"line 3"_s, { u"\"What do you value most?\""_s, u"no closing quote"_s }));
}

TEST(DeckFormatTest, CsvRejectsTextAfterAClosingQuote)
{
    EXPECT_TRUE(isCsvError(parseCsv("zone,text\nfun,One?\nfun,\"Fine\" really\n"), u"line 3"_s,
        { u"\"Fine\""_s, u"U+0020"_s, u"closing quote"_s }));
}

TEST(DeckFormatTest, CsvRejectsARowWithMoreFieldsThanTheHeader)
{
    EXPECT_TRUE(isCsvError(parseCsv("zone,text\nfun,Hello,you\n"), u"line 2"_s,
        { u"3 fields"_s, u"header on line 1 names 2 columns"_s, u"\"you\""_s }));
}

TEST(DeckFormatTest, CsvRejectsAHeaderWithoutARequiredColumn)
{
    EXPECT_TRUE(isCsvError(parseCsv("text,tags\nHi?,work\n"), u"line 1"_s,
        { u"no \"zone\" column"_s, u"found: text, tags"_s }));
    EXPECT_TRUE(isCsvError(parseCsv("\nzone,question\nfun,Hi?\n"), u"line 2"_s,
        { u"no \"text\" column"_s, u"found: zone, question"_s }));
}

TEST(DeckFormatTest, CsvRejectsAColumnNamedTwiceInTheHeader)
{
    EXPECT_TRUE(isCsvError(
        parseCsv("zone,text,Zone\nfun,Hi?,deep\n"), u"line 1"_s, { u"\"zone\" appears twice"_s }));
}

TEST(DeckFormatTest, CsvRejectsEmptyText)
{
    EXPECT_TRUE(isCsvError(
        parseCsv("zone,text\nfun,One?\nfun,   \n"), u"line 3, column \"text\""_s, { u"empty"_s }));
}

TEST(DeckFormatTest, CsvRejectsTextLongerThan500Characters)
{
    const QByteArray text = QByteArray(kMaxQuestionLength + 1, 'x');
    EXPECT_TRUE(isCsvError(parseCsv("zone,text\nfun," + text + "\n"), u"line 2, column \"text\""_s,
        { u"\"xxxx"_s, u"501 characters"_s }));
}

TEST(DeckFormatTest, CsvRejectsAMalformedId)
{
    EXPECT_TRUE(isCsvError(parseCsv("id,zone,text\na b,fun,One?\n"), u"line 2, column \"id\""_s,
        { u"\"a b\""_s, u"U+0020"_s }));
}

TEST(DeckFormatTest, CsvRejectsDuplicateIdsNamingBothLines)
{
    EXPECT_TRUE(isCsvError(parseCsv("id,zone,text\nx,fun,One?\ny,fun,Two?\nx,deep,Three?\n"),
        u"line 4, column \"id\""_s, { u"\"x\""_s, u"line 2"_s }));
}

TEST(DeckFormatTest, CsvRejectsDuplicateTextNamingBothLines)
{
    EXPECT_TRUE(isCsvError(parseCsv("zone,text\nfun,How are you?\ndeep,\"  how ARE   you? \"\n"),
        u"line 3, column \"text\""_s, { u"\"how ARE you?\""_s, u"line 2"_s }));
}

TEST(DeckFormatTest, CsvRejectsAFileWithoutQuestions)
{
    EXPECT_TRUE(isCsvError(parseCsv(""), {}, { u"no questions"_s }));
    EXPECT_TRUE(isCsvError(parseCsv("\xEF\xBB\xBF\r\n\r\n"), {}, { u"no questions"_s }));
    EXPECT_TRUE(isCsvError(parseCsv("zone,text\r\n\r\n"), u"line 1"_s, { u"no questions"_s }));
}

TEST(DeckFormatTest, CsvRejectsTextThatIsNotUtf8NamingTheLine)
{
    EXPECT_TRUE(isCsvError(parseCsv("zone,text\nfun,One?\nfun,Caf\xE9?\n"), u"line 3"_s,
        { u"not UTF-8"_s, u"Caf"_s }));
}

TEST(DeckFormatTest, CsvRejectsAnUnusableDeckIdOrTitle)
{
    const QByteArray csv = "zone,text\nfun,One?\n";
    const auto badId = parseDeckCsv(csv, kCsvName, u"my deck"_s, u"Team"_s);
    EXPECT_TRUE(isError(
        badId, ErrorKind::InvalidArgument, u"Cannot import team.csv"_s, {}, { u"\"my deck\""_s }));
    const auto blankTitle = parseDeckCsv(csv, kCsvName, u"user.team"_s, u" "_s);
    EXPECT_TRUE(isError(
        blankTitle, ErrorKind::InvalidArgument, u"Cannot import team.csv"_s, {}, { u"title"_s }));
}

// ---------------------------------------------------------------------------------------------
// CSV: writing

TEST(DeckFormatTest, CsvRoundTripKeepsEveryQuestionField)
{
    const Deck deck = richDeck();
    const auto parsed = parseDeckCsv(deckToCsv(deck), kCsvName, deck.id, deck.title);
    ASSERT_TRUE(parsed.ok()) << str(parsed.error().what);
    EXPECT_EQ(parsed->questions, deck.questions);
}

TEST(DeckFormatTest, CsvOutputQuotesOnlyWhenNeededWithCrlfAndNoBom)
{
    Deck deck;
    deck.questions = {
        { u"a"_s, Zone::Fun, u"Hello, you"_s, { u"work"_s, u"social"_s }, {}, {} },
        { u"b"_s, Zone::Deep, u"Say \"hi\""_s, {}, u"Line\nbreak"_s, u" padded"_s, 3 },
        { u"c"_s, Zone::SmallTalk, u"Plain?"_s, {}, {}, u"ünï"_s },
    };
    EXPECT_EQ(deckToCsv(deck),
        QByteArray("id,zone,level,text,tags,follow_up,hint\r\n"
                   "a,fun,,\"Hello, you\",work;social,,\r\n"
                   "b,deep,3,\"Say \"\"hi\"\"\",,\"Line\nbreak\",\" padded\"\r\n"
                   "c,small-talk,,Plain?,,,ünï\r\n"));
}

// Issue 16: a CSV deck carries its questions' levels both ways; files without the column still
// import, and a level that is not 1, 2 or 3 is refused where it stands.
TEST(DeckFormatTest, CsvReadsAndWritesAQuestionsLevel)
{
    const auto deck = parseCsv("id,zone,text,Level\na,fun,One?, 2 \nb,deep,Two?,\n");
    ASSERT_TRUE(deck.ok()) << str(deck.error().what);
    EXPECT_EQ(deck->questions[0].level, 2);
    EXPECT_FALSE(deck->questions[1].level);
    const auto again = parseCsv(deckToCsv(*deck));
    ASSERT_TRUE(again.ok()) << str(again.error().what);
    EXPECT_EQ(again->questions, deck->questions);

    const auto without = parseCsv("zone,text\nfun,One?\n");
    ASSERT_TRUE(without.ok());
    EXPECT_FALSE(without->questions[0].level);

    for (const char* bad : { "0", "4", "2.0", "two", "-1" }) {
        const QByteArray csv
            = QByteArray("id,zone,level,text\na,fun,1,One?\nb,fun,") + bad + QByteArray(",Two?\n");
        EXPECT_TRUE(
            isCsvError(parseCsv(csv), u"line 3, column \"level\""_s, { u"expected 1, 2 or 3"_s }))
            << bad;
    }
}

// ---------------------------------------------------------------------------------------------
// Deck ids

TEST(DeckFormatTest, SuggestsAUserDeckIdFromTheTitle)
{
    EXPECT_EQ(suggestDeckId(u"My Team's Deck!"_s), u"user.my-teams-deck"_s);
    EXPECT_EQ(suggestDeckId(u"  Café -- débat  2024 "_s), u"user.cafe-debat-2024"_s);
}

TEST(DeckFormatTest, SuggestedDeckIdsAreAtMost40CharactersAfterThePrefix)
{
    const QString id = suggestDeckId(u"Questions for the quarterly engineering offsite retreat"_s);
    EXPECT_EQ(id, u"user.questions-for-the-quarterly-engineering"_s);
    EXPECT_LE(id.size(), 5 + 40);
    EXPECT_FALSE(id.endsWith(u'-'));
}

TEST(DeckFormatTest, SuggestsUserDeckWhenTheTitleHasNoUsableCharacters)
{
    EXPECT_EQ(suggestDeckId(QString()), u"user.deck"_s);
    EXPECT_EQ(suggestDeckId(u"!!! — ???"_s), u"user.deck"_s);
    // Titles in other scripts get distinct ids, the same one each time.
    const QString japanese = suggestDeckId(u"日本語"_s);
    EXPECT_TRUE(japanese.startsWith(u"user.deck-"_s)) << str(japanese);
    EXPECT_EQ(suggestDeckId(u"日本語"_s), japanese);
    EXPECT_NE(suggestDeckId(u"Вопросы"_s), japanese);
    EXPECT_NE(suggestDeckId(u"Вопросы"_s), suggestDeckId(u"Вопросы для встречи"_s));
    EXPECT_TRUE(isValidDeckId(japanese)) << str(japanese);
}

TEST(DeckFormatTest, SuggestedDeckIdsAreValidIds)
{
    for (const QString& title : { u"A"_s, u"x y z"_s, u"Ünïcödé 42"_s, QString() })
        EXPECT_TRUE(isValidDeckId(suggestDeckId(title))) << str(suggestDeckId(title));
    EXPECT_FALSE(isValidDeckId(u"user team"_s));
    EXPECT_FALSE(isValidDeckId(QString()));
}

// ---------------------------------------------------------------------------------------------
// The shipped decks

// Near-duplicates that differ only in punctuation or case still count as the same question.
QString letterKey(const QString& text)
{
    QString key;
    for (QChar c : text.toLower()) {
        if (c.isLetter())
            key += c;
    }
    return key;
}

struct ShippedDeck
{
    QString path;
    Zone zone;
    qsizetype minimumQuestions;
};

TEST(DeckFormatTest, ShippedDecksParseAndFollowTheContentRules)
{
    const ShippedDeck shipped[] = {
        { QStringLiteral(RAPPORT_SOURCE_DIR "/resources/decks/small-talk.json"), Zone::SmallTalk,
            120 },
        { QStringLiteral(RAPPORT_SOURCE_DIR "/resources/decks/fun-zone.json"), Zone::Fun, 120 },
        { QStringLiteral(RAPPORT_SOURCE_DIR "/resources/decks/deep-zone.json"), Zone::Deep, 120 },
        { QStringLiteral(RAPPORT_SOURCE_DIR "/resources/decks/informational-interview.json"),
            Zone::Interview, 60 },
    };
    QHash<QString, int> perTag; // each occasion's pool, across the decks
    const QStringList knownTags = knownContextTags();
    QSet<QString> ids;
    QHash<QString, QString> texts; // letter key -> id of the question that has it
    for (const ShippedDeck& deckFile : shipped) {
        SCOPED_TRACE(str(deckFile.path));
        QFile file(deckFile.path);
        ASSERT_TRUE(file.open(QIODevice::ReadOnly));
        const auto deck = parseDeckJson(file.readAll(), deckFile.path);
        ASSERT_TRUE(deck.ok()) << str(deck.error().what);
        EXPECT_GE(deck->questions.size(), deckFile.minimumQuestions);
        QHash<int, int> levels;
        for (const Question& question : deck->questions) {
            EXPECT_EQ(question.zone, deckFile.zone) << str(question.id);
            EXPECT_FALSE(ids.contains(question.id)) << str(question.id);
            ids.insert(question.id);
            for (const QString& tag : question.tags) {
                EXPECT_TRUE(knownTags.contains(tag)) << str(question.id) << ": " << str(tag);
                ++perTag[tag];
            }
            // Every built-in question has its level in the zone (issue 16).
            ASSERT_TRUE(question.level) << str(question.id) << " has no level";
            EXPECT_GE(*question.level, 1);
            EXPECT_LE(*question.level, 3);
            ++levels[*question.level];
            const QString key = letterKey(question.text);
            EXPECT_FALSE(texts.contains(key))
                << str(question.id) << " repeats " << str(texts.value(key));
            texts.insert(key, question.id);
        }
        // A ladder inside the zone: every level has a pool worth drawing from.
        for (int level = 1; level <= 3; ++level)
            EXPECT_GE(levels.value(level), 10) << "level " << level;
    }
    // Every occasion offers enough to practise for it.
    for (const QString& tag : knownTags)
        EXPECT_GE(perTag.value(tag), 15) << str(tag);
}

TEST(DeckFormatTest, ReadsAndWritesAQuestionsLevel)
{
    const QByteArray json = R"({"format_version": 1, "id": "user.x", "title": "X", "questions": [
        {"id": "a", "zone": "fun", "level": 3, "text": "What made you laugh today?"},
        {"id": "b", "zone": "fun", "text": "Which game did you love as a child?"}]})";
    const auto deck = parseDeckJson(json, u"x.json"_s);
    ASSERT_TRUE(deck.ok()) << str(deck.error().what);
    EXPECT_EQ(deck->questions[0].level, 3);
    EXPECT_FALSE(deck->questions[1].level);
    const QByteArray written = deckToJson(*deck);
    EXPECT_TRUE(written.contains(R"("zone": "fun", "level": 3, "text")")) << written.constData();
    EXPECT_EQ(written.count("\"level\""), 1);
    const auto again = parseDeckJson(written, u"again.json"_s);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(*again, *deck);

    for (const char* bad : { "4", "0", "2.5", "\"2\"" }) {
        QByteArray wrong = json;
        wrong.replace(QByteArray("\"level\": 3"), QByteArray("\"level\": ").append(bad));
        const auto refused = parseDeckJson(wrong, u"x.json"_s);
        ASSERT_FALSE(refused.ok()) << bad;
        EXPECT_TRUE(refused.error().what.contains(u"questions[0].level"_s))
            << str(refused.error().what);
    }
}

// ---------------------------------------------------------------------------------------------
// Content rules over every built-in card, across the decks

struct ShippedQuestion
{
    QString file;
    Question question;
};

QList<ShippedQuestion> shippedQuestions()
{
    QList<ShippedQuestion> all;
    for (const char* name :
        { "small-talk.json", "fun-zone.json", "deep-zone.json", "informational-interview.json" }) {
        const QString path
            = QStringLiteral(RAPPORT_SOURCE_DIR "/resources/decks/") + QString::fromLatin1(name);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            ADD_FAILURE() << "cannot open " << str(path);
        const auto deck = parseDeckJson(file.readAll(), path);
        if (!deck) {
            ADD_FAILURE() << str(deck.error().what);
            continue;
        }
        for (const Question& question : deck->questions)
            all << ShippedQuestion { QString::fromLatin1(name), question };
    }
    return all;
}

// The user's own example questions (shared/product/SOURCE-NOTES.md), which the decks keep word
// for word even where they break a rule below (a yes/no question, American spelling, a date).
const QStringList& usersExamples()
{
    static const QStringList examples {
        u"How's your day been so far?"_s,
        u"Do you understand this stuff?"_s,
        u"What's the deal with that?"_s,
        u"Would it be okay if I complimented you on something?"_s,
        u"Could I get your opinion?"_s,
        u"What did you get in trouble for when you were a kid?"_s,
        u"What was your favorite musical group when you were in middle school?"_s,
        u"What was your worst date like?"_s,
        u"What was your first job? Worst job?"_s,
        u"What is the most vivid memory from your childhood?"_s,
        u"If you had to verbalize a slogan for your life what would that be?"_s,
        u"What is your crowning achievement at this point in your life?"_s,
        u"What's the nicest thing someone ever said to you?"_s,
        u"What are you really about?"_s,
        u"What's the best part of working in this area of the business?"_s,
        u"Who is the best at this role? What makes them exceptional?"_s,
        u"Who else would you recommend I talk with to gain additional perspective?"_s,
        u"When you look at my current background, what's missing to best prepare me for a job "
        "here?"_s,
        u"If a job were open in your department, what reservations would you have about "
        "considering me?"_s,
        u"Is there someone I could shadow to get to know more about this role?"_s,
    };
    return examples;
}

// The words that carry a question's meaning: lower case, without the little words every
// question shares ("what", "your", "would") and with plural and -ing/-ed endings cut, so that
// "asking other people" and "ask one of the speakers" meet on "ask".
QSet<QString> contentWords(const QString& text)
{
    static const QSet<QString> little = [] {
        QSet<QString> words;
        for (const QString& w : QStringLiteral(
                 "a an the and or but if of to in on at for from with about as by into over after "
                 "before than then so that this these those it its is are was were be been being "
                 "am do does did have has had would could should will can may might must what "
                 "whats which who whom whose when where why how you your youre youve youd yours "
                 "yourself i me my we our us they them their he she his her one ones some any "
                 "every each all more most much many very really just ever never still also too "
                 "something someone somebody anything anyone thing things way kind lot time "
                 "times like get got go going make made want wanted think thought know")
                                    .split(QLatin1Char(' ')))
            words.insert(w);
        return words;
    }();
    QSet<QString> words;
    QString word;
    const auto flush = [&] {
        if (word.size() > 1 && !little.contains(word)) {
            for (const QString& ending : { u"ing"_s, u"ed"_s, u"es"_s, u"s"_s }) {
                if (word.size() > 4 && word.endsWith(ending)) {
                    word.chop(ending.size());
                    break;
                }
            }
            words.insert(word);
        }
        word.clear();
    };
    for (const QChar c : text.toLower()) {
        if (c.isLetter())
            word += c;
        else if (c != QLatin1Char('\'') && c != QChar(0x2019))
            flush();
    }
    flush();
    return words;
}

TEST(DeckFormatTest, TheShippedDecksKeepTheUsersExamplesWordForWord)
{
    QSet<QString> texts;
    for (const ShippedQuestion& shipped : shippedQuestions())
        texts.insert(shipped.question.text);
    for (const QString& example : usersExamples())
        EXPECT_TRUE(texts.contains(example)) << str(example);
}

// Favourites, hidden cards and history refer to a card by its id: every question of the first
// decks keeps its id, in its deck, with its text.
TEST(DeckFormatTest, EveryQuestionOfTheFirstDecksKeepsItsIdAndText)
{
    QHash<QString, ShippedQuestion> byId;
    for (const ShippedQuestion& shipped : shippedQuestions())
        byId.insert(shipped.question.id, shipped);
    QFile first(QStringLiteral(RAPPORT_SOURCE_DIR "/tests/core/decks/first-decks.tsv"));
    ASSERT_TRUE(first.open(QIODevice::ReadOnly | QIODevice::Text));
    int checked = 0;
    for (const QString& line : QString::fromUtf8(first.readAll()).split(QLatin1Char('\n'))) {
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList fields = line.split(QLatin1Char('\t'));
        ASSERT_EQ(fields.size(), 3) << str(line);
        const auto found = byId.constFind(fields[1]);
        ASSERT_NE(found, byId.cend()) << str(fields[1]) << " is gone";
        EXPECT_EQ(found->file, fields[0]) << str(fields[1]);
        EXPECT_EQ(found->question.text, fields[2]) << str(fields[1]);
        ++checked;
    }
    EXPECT_EQ(checked, 69 + 69 + 72 + 41);
}

// Two questions whose shared meaning-carrying words are more than half of all they use ask the
// same thing in other words ("What's your favourite film?" / "Which film is your favourite?"); a
// user drawing both in a week meets a repeat. Exact repeats are caught above.
TEST(DeckFormatTest, NoTwoShippedQuestionsAreNearDuplicates)
{
    // The check itself: the same question in other words is caught, a different one is not.
    const auto similar = [](const QString& a, const QString& b) {
        const QSet<QString> x = contentWords(a);
        const QSet<QString> y = contentWords(b);
        const qsizetype shared = QSet<QString>(x).intersect(y).size();
        const qsizetype either = QSet<QString>(x).unite(y).size();
        return shared >= 2 && 2 * shared > either;
    };
    EXPECT_TRUE(similar(u"What's your favourite film?"_s, u"Which film is your favourite?"_s));
    EXPECT_TRUE(similar(
        u"What book changed how you think?"_s, u"Which books have changed the way you think?"_s));
    EXPECT_FALSE(similar(u"What's your favourite film?"_s, u"What's your favourite meal?"_s));
    // Half the words in common is not yet the same question.
    EXPECT_FALSE(similar(u"What's your favourite way to spend a rainy day?"_s,
        u"What's your favourite time of day?"_s));

    const QList<ShippedQuestion> all = shippedQuestions();
    ASSERT_GE(all.size(), 420);
    for (qsizetype i = 0; i < all.size(); ++i) {
        for (qsizetype j = i + 1; j < all.size(); ++j) {
            EXPECT_FALSE(similar(all[i].question.text, all[j].question.text))
                << str(all[i].question.id) << " \"" << str(all[i].question.text) << "\" and "
                << str(all[j].question.id) << " \"" << str(all[j].question.text) << "\"";
        }
    }
}

// Every built-in card is an open question (issue 16): not one a "yes" or "no" ends, short enough
// to say in one breath, and with a follow-up that keeps the answer going. The user's own examples
// are kept as they are ("Do you understand this stuff?").
TEST(DeckFormatTest, ShippedQuestionsAreOpenShortAndHaveAFollowUp)
{
    const QRegularExpression closed(
        QStringLiteral("^(do|does|did|is|are|was|were|have|has|had|can|could|would|will|should|"
                       "shall|may|might|must|am|isn't|aren't|don't|didn't)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    for (const ShippedQuestion& shipped : shippedQuestions()) {
        const Question& q = shipped.question;
        EXPECT_FALSE(q.followUp.trimmed().isEmpty()) << str(q.id) << " has no follow-up";
        if (usersExamples().contains(q.text))
            continue;
        EXPECT_TRUE(q.text.endsWith(QLatin1Char('?'))) << str(q.id) << ": " << str(q.text);
        EXPECT_LE(q.text.split(QLatin1Char(' '), Qt::SkipEmptyParts).size(), 20)
            << str(q.id) << ": " << str(q.text);
        static const QRegularExpression sentenceEnd(QStringLiteral("(?<=[?.!])\\s+"));
        for (const QString& sentence : q.text.split(sentenceEnd)) {
            EXPECT_FALSE(closed.match(sentence).hasMatch())
                << str(q.id) << " asks a yes/no question: " << str(q.text);
        }
    }
}

// A question for strangers and acquaintances must not take for granted a partner, children,
// a faith, the person's health or money (issue 16): whoever has none is put on the spot.
TEST(DeckFormatTest, NoShippedQuestionAssumesAPartnerChildrenFaithHealthOrMoney)
{
    const QRegularExpression assumes(
        QStringLiteral("\\b(your (partner|husband|wife|spouse|boyfriend|girlfriend|kids|children|"
                       "son|daughter|baby|faith|religion|church|god|health|doctor|diagnosis|"
                       "salary|income|savings|debt|pay|money|bank)|married|marriage|divorce\\w*|"
                       "pregnan\\w*|religio\\w*|church|pray\\w*|illness|disease|salary|income|"
                       "mortgage|debt)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    for (const ShippedQuestion& shipped : shippedQuestions()) {
        if (usersExamples().contains(shipped.question.text))
            continue;
        for (const QString& text : { shipped.question.text, shipped.question.followUp }) {
            EXPECT_FALSE(assumes.match(text).hasMatch())
                << str(shipped.question.id) << ": " << str(text);
        }
    }
}

// One spelling across the program: the window writes British English ("Favourite", "Practise"),
// and so do the questions, apart from the user's own examples, kept as written.
TEST(DeckFormatTest, ShippedQuestionsUseBritishSpelling)
{
    const QRegularExpression american(
        QStringLiteral("\\b(favorite\\w*|color\\w*|honor\\w*|humor\\w*|neighbor\\w*|cozy|"
                       "organiz\\w*|realiz\\w*|recogniz\\w*|apologiz\\w*|center|theater|traveled|"
                       "traveling)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    for (const ShippedQuestion& shipped : shippedQuestions()) {
        if (usersExamples().contains(shipped.question.text))
            continue;
        for (const QString& text :
            { shipped.question.text, shipped.question.followUp, shipped.question.hint }) {
            const QRegularExpressionMatch match = american.match(text);
            EXPECT_FALSE(match.hasMatch())
                << str(shipped.question.id) << ": " << str(match.captured()) << " in " << str(text);
        }
    }
}

} // namespace
} // namespace rapport::decks
