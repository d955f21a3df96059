#include "tests/support/cliprocess.h"
#include "tests/support/sqlitefile.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSet>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <memory>
#include <vector>

namespace rapport {
namespace {

using test::runCli;

QJsonArray jsonArray(const test::ProcessResult& result)
{
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(result.out.toUtf8(), &error);
    EXPECT_EQ(error.error, QJsonParseError::NoError) << result.out.toStdString();
    return doc.array();
}

class DeckCliTest : public ::testing::Test
{
protected:
    test::ProcessResult cli(const QStringList& args) { return runCli(args, m_dir.path()); }
    QString file(const QString& name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

TEST_F(DeckCliTest, DrawJsonHasTheDocumentedFields)
{
    auto result = cli({ QStringLiteral("draw"), QStringLiteral("--count"), QStringLiteral("3"),
        QStringLiteral("--zone"), QStringLiteral("fun"), QStringLiteral("--json") });
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    const QJsonArray cards = jsonArray(result);
    ASSERT_EQ(cards.size(), 3);
    for (const QJsonValue& value : cards) {
        const QJsonObject card = value.toObject();
        for (const char* key : { "id", "deck", "zone", "text", "tags" })
            EXPECT_TRUE(card.contains(QLatin1String(key))) << key;
        EXPECT_EQ(card.value(QStringLiteral("zone")).toString(), QStringLiteral("fun"));
        EXPECT_TRUE(card.value(QStringLiteral("tags")).isArray());
    }
}

TEST_F(DeckCliTest, SuccessiveRunsDoNotRepeatUntilTheDeckIsDone)
{
    QSet<QString> seen;
    int drawn = 0;
    for (int run = 0; run < 4; ++run) {
        auto result
            = cli({ QStringLiteral("draw"), QStringLiteral("--zone"), QStringLiteral("interview"),
                QStringLiteral("--count"), QStringLiteral("8"), QStringLiteral("--json") });
        ASSERT_EQ(result.exitCode, 0);
        for (const QJsonValue& card : jsonArray(result)) {
            seen.insert(card.toObject().value(QStringLiteral("id")).toString());
            ++drawn;
        }
    }
    EXPECT_EQ(seen.size(), drawn) << "a card repeated across runs before the deck was exhausted";
}

TEST_F(DeckCliTest, ProcessesDrawingAtOnceNeverRepeatACardNorLoseADraw)
{
    // Three commands draw ten interview cards each at the same moment, while four others log
    // conversations and add pitches, four times over: every card of the 30 is different, every
    // draw and every write is kept, none failed on a locked database.
    for (int trial = 0; trial < 4; ++trial) {
        SCOPED_TRACE(trial);
        QTemporaryDir dir;
        ASSERT_TRUE(dir.isValid());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("RAPPORT_DATA_DIR"), dir.path());
        ASSERT_EQ(runCli({ QStringLiteral("decks"), QStringLiteral("list") }, env).exitCode, 0);
        std::vector<std::unique_ptr<QProcess>> drawers;
        for (int i = 0; i < 3; ++i) {
            auto process = std::make_unique<QProcess>();
            process->setProcessEnvironment(env);
            process->start(test::cliProgram(),
                { QStringLiteral("draw"), QStringLiteral("--zone"), QStringLiteral("interview"),
                    QStringLiteral("--count"), QStringLiteral("10"), QStringLiteral("--json") });
            drawers.push_back(std::move(process));
        }
        std::vector<std::unique_ptr<QProcess>> writers;
        for (int i = 0; i < 4; ++i) {
            auto process = std::make_unique<QProcess>();
            process->setProcessEnvironment(env);
            process->start(test::cliProgram(),
                i % 2 == 0 ? QStringList { QStringLiteral("conversations"), QStringLiteral("add"),
                    QStringLiteral("--rating"), QStringLiteral("4") }
                           : QStringList { QStringLiteral("pitches"), QStringLiteral("add"),
                               QStringLiteral("--title"), QStringLiteral("Pitch %1").arg(i) });
            writers.push_back(std::move(process));
        }
        for (const auto& process : writers) {
            ASSERT_TRUE(process->waitForFinished(60000));
            EXPECT_EQ(process->exitCode(), 0) << process->readAllStandardError().toStdString();
        }
        QSet<QString> seen;
        int drawn = 0;
        for (const auto& process : drawers) {
            ASSERT_TRUE(process->waitForFinished(60000));
            const QString err = QString::fromUtf8(process->readAllStandardError());
            ASSERT_EQ(process->exitCode(), 0) << err.toStdString();
            const QJsonArray cards
                = QJsonDocument::fromJson(process->readAllStandardOutput()).array();
            EXPECT_EQ(cards.size(), 10);
            for (const QJsonValue& card : cards) {
                seen.insert(card.toObject().value(QStringLiteral("id")).toString());
                ++drawn;
            }
        }
        EXPECT_EQ(drawn, 30);
        EXPECT_EQ(seen.size(), 30) << "a card was drawn twice";
        EXPECT_EQ(test::RawSqlite(dir.filePath(QStringLiteral("rapport.sqlite")))
                      .scalar(QStringLiteral("SELECT COUNT(*) FROM draws"))
                      .toInt(),
            30);
        test::RawSqlite db(dir.filePath(QStringLiteral("rapport.sqlite")));
        EXPECT_EQ(db.scalar(QStringLiteral("SELECT COUNT(*) FROM conversations")).toInt(), 2);
        EXPECT_EQ(db.scalar(QStringLiteral("SELECT COUNT(*) FROM pitches")).toInt(), 2);
    }
}

TEST_F(DeckCliTest, LadderFollowsTheZonesInOrder)
{
    auto result = cli({ QStringLiteral("draw"), QStringLiteral("--ladder"),
        QStringLiteral("--count"), QStringLiteral("10"), QStringLiteral("--seed"),
        QStringLiteral("3"), QStringLiteral("--json") });
    ASSERT_EQ(result.exitCode, 0);
    QStringList zones;
    for (const QJsonValue& card : jsonArray(result))
        zones << card.toObject().value(QStringLiteral("zone")).toString();
    const QStringList round { QStringLiteral("small-talk"), QStringLiteral("small-talk"),
        QStringLiteral("fun"), QStringLiteral("fun"), QStringLiteral("deep") };
    EXPECT_EQ(zones, round + round);
}

TEST_F(DeckCliTest, BadDrawArgumentsExitWithTwo)
{
    for (const QStringList& args : QList<QStringList> {
             { QStringLiteral("draw"), QStringLiteral("--zone"), QStringLiteral("medium") },
             { QStringLiteral("draw"), QStringLiteral("--count"), QStringLiteral("0") },
             { QStringLiteral("draw"), QStringLiteral("--count"), QStringLiteral("many") },
             { QStringLiteral("draw"), QStringLiteral("--seed"), QStringLiteral("-x") },
             { QStringLiteral("draw"), QStringLiteral("--ladder"), QStringLiteral("--zone"),
                 QStringLiteral("fun") },
             { QStringLiteral("draw"), QStringLiteral("--deck"),
                 QStringLiteral("no.such.deck") } }) {
        SCOPED_TRACE(args.join(QLatin1Char(' ')).toStdString());
        auto result = cli(args);
        EXPECT_EQ(result.exitCode, 2);
        EXPECT_TRUE(result.err.startsWith(QStringLiteral("rapport-cli: ")))
            << result.err.toStdString();
    }
}

TEST_F(DeckCliTest, FavouritesOnlyWithNoFavouritesSaysWhatToDo)
{
    auto result = cli({ QStringLiteral("draw"), QStringLiteral("--favourites") });
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.err.contains(QStringLiteral("No card matches")));
    EXPECT_TRUE(result.err.contains(QStringLiteral("--favourites")));
}

TEST_F(DeckCliTest, ListShowsBuiltInDecksWithCounts)
{
    auto result
        = cli({ QStringLiteral("decks"), QStringLiteral("list"), QStringLiteral("--json") });
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    QHash<QString, int> counts;
    for (const QJsonValue& deck : jsonArray(result))
        counts.insert(deck.toObject().value(QStringLiteral("id")).toString(),
            deck.toObject().value(QStringLiteral("questions")).toInt());
    EXPECT_GE(counts.value(QStringLiteral("rapport.small-talk")), 120);
    EXPECT_GE(counts.value(QStringLiteral("rapport.fun-zone")), 120);
    EXPECT_GE(counts.value(QStringLiteral("rapport.deep-zone")), 120);
    EXPECT_GE(counts.value(QStringLiteral("rapport.informational-interview")), 60);
}

TEST_F(DeckCliTest, DrawByLevelAndOccasion)
{
    auto result = cli({ QStringLiteral("draw"), QStringLiteral("--zone"), QStringLiteral("deep"),
        QStringLiteral("--level"), QStringLiteral("3"), QStringLiteral("--context"),
        QStringLiteral("dinner"), QStringLiteral("--count"), QStringLiteral("3"),
        QStringLiteral("--json") });
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    const QJsonArray cards = jsonArray(result);
    ASSERT_EQ(cards.size(), 3);
    for (const QJsonValue& card : cards) {
        EXPECT_EQ(card.toObject().value(QStringLiteral("level")).toInt(), 3);
        EXPECT_EQ(card.toObject().value(QStringLiteral("zone")).toString(), QStringLiteral("deep"));
        EXPECT_TRUE(card.toObject()
                        .value(QStringLiteral("tags"))
                        .toArray()
                        .contains(QJsonValue(QStringLiteral("dinner"))));
    }
    auto wrong = cli({ QStringLiteral("draw"), QStringLiteral("--level"), QStringLiteral("4") });
    EXPECT_EQ(wrong.exitCode, 2);
    EXPECT_TRUE(wrong.err.contains(QStringLiteral("--level takes 1 (light), 2 (warmer) or 3")))
        << wrong.err.toStdString();
}

TEST_F(DeckCliTest, CsvImportExportRoundTripsAndReimportUpdates)
{
    test::writeFile(file(QStringLiteral("Team lunch.csv")),
        "text,zone,tags\r\n\"What's one thing, big or small, that went "
        "well?\",small-talk,work;dinner\r\n"
        "What would you do with a free Friday?,fun,work\r\n");
    auto imported = cli({ QStringLiteral("decks"), QStringLiteral("import"),
        file(QStringLiteral("Team lunch.csv")) });
    ASSERT_EQ(imported.exitCode, 0) << imported.err.toStdString();
    EXPECT_TRUE(imported.out.contains(
        QStringLiteral("Imported \"Team lunch\" (user.team-lunch) with 2 questions")))
        << imported.out.toStdString();

    auto exported = cli({ QStringLiteral("decks"), QStringLiteral("export"),
        QStringLiteral("user.team-lunch"), QStringLiteral("--format"), QStringLiteral("json"),
        QStringLiteral("--out"), file(QStringLiteral("team.json")) });
    ASSERT_EQ(exported.exitCode, 0) << exported.err.toStdString();
    EXPECT_EQ(test::permissionBits(file(QStringLiteral("team.json"))), 0600);
    const QJsonObject deck
        = QJsonDocument::fromJson(test::fileBytes(file(QStringLiteral("team.json")))).object();
    EXPECT_EQ(deck.value(QStringLiteral("id")).toString(), QStringLiteral("user.team-lunch"));
    const QJsonArray questions = deck.value(QStringLiteral("questions")).toArray();
    ASSERT_EQ(questions.size(), 2);
    EXPECT_EQ(questions[0].toObject().value(QStringLiteral("text")).toString(),
        QStringLiteral("What's one thing, big or small, that went well?"));

    auto again = cli({ QStringLiteral("decks"), QStringLiteral("import"),
        file(QStringLiteral("team.json")), QStringLiteral("--replace") });
    ASSERT_EQ(again.exitCode, 0);
    EXPECT_TRUE(again.out.startsWith(QStringLiteral("Updated"))) << again.out.toStdString();
    EXPECT_TRUE(again.out.contains(QStringLiteral("2 of its 2 questions are in the file")))
        << again.out.toStdString();

    auto refused = cli({ QStringLiteral("decks"), QStringLiteral("export"),
        QStringLiteral("user.team-lunch"), QStringLiteral("--format"), QStringLiteral("csv"),
        QStringLiteral("--out"), file(QStringLiteral("team.json")) });
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_TRUE(refused.err.contains(QStringLiteral("already exists")));
}

TEST_F(DeckCliTest, AnImportNeverReplacesAnotherDeckUnlessAskedTo)
{
    // Two different files called questions.csv, and two in other scripts: four decks, each whole.
    QDir(m_dir.path()).mkpath(QStringLiteral("a"));
    QDir(m_dir.path()).mkpath(QStringLiteral("b"));
    QString many = QStringLiteral("text,zone\r\n");
    for (int i = 0; i < 12; ++i)
        many += QStringLiteral("What did you enjoy most about place number %1?,small-talk\r\n")
                    .arg(i);
    test::writeFile(file(QStringLiteral("a/questions.csv")), many.toUtf8());
    test::writeFile(file(QStringLiteral("b/questions.csv")),
        "text,zone\r\nWhat would you cook for friends?,fun\r\n");
    test::writeFile(file(QString::fromUtf8("Вопросы.csv")),
        "text,zone\r\nWhat is a book you would read again?,deep\r\n");
    test::writeFile(file(QString::fromUtf8("質問.csv")),
        "text,zone\r\nWhere would you like to travel next?,fun\r\n");
    for (const QString& name :
        { QStringLiteral("a/questions.csv"), QStringLiteral("b/questions.csv"),
            QString::fromUtf8("Вопросы.csv"), QString::fromUtf8("質問.csv") }) {
        auto imported = cli({ QStringLiteral("decks"), QStringLiteral("import"), file(name) });
        ASSERT_EQ(imported.exitCode, 0) << imported.err.toStdString();
        EXPECT_TRUE(imported.out.startsWith(QStringLiteral("Imported")))
            << imported.out.toStdString();
    }
    const auto counts = [&] {
        QMap<QString, int> result;
        for (const QJsonValue& deck : jsonArray(cli(
                 { QStringLiteral("decks"), QStringLiteral("list"), QStringLiteral("--json") }))) {
            const QJsonObject d = deck.toObject();
            if (!d.value(QStringLiteral("built_in")).toBool())
                result.insert(d.value(QStringLiteral("id")).toString(),
                    d.value(QStringLiteral("questions")).toInt());
        }
        return result;
    };
    QMap<QString, int> decks = counts();
    // (The second says how to replace instead.)
    ASSERT_EQ(decks.size(), 4) << QStringList(decks.keys()).join(u' ').toStdString();
    EXPECT_EQ(decks.value(QStringLiteral("user.questions")), 12);
    EXPECT_EQ(decks.value(QStringLiteral("user.questions-2")), 1);

    // Asked to replace, it says what goes (CSV ids are positions: the first question keeps its
    // id); the 12-question deck becomes the 1-question one.
    auto replaced = cli({ QStringLiteral("decks"), QStringLiteral("import"),
        file(QStringLiteral("b/questions.csv")), QStringLiteral("--replace") });
    ASSERT_EQ(replaced.exitCode, 0) << replaced.err.toStdString();
    EXPECT_TRUE(replaced.out.contains(QStringLiteral("11 are gone"))) << replaced.out.toStdString();
    EXPECT_EQ(counts().value(QStringLiteral("user.questions")), 1);
}

TEST_F(DeckCliTest, MalformedImportIsRejectedWholeWithTheLocation)
{
    test::writeFile(file(QStringLiteral("bad.csv")),
        "text,zone,tags\nA fine question?,small-talk,work\nAnother?,medium,work\n");
    auto result = cli(
        { QStringLiteral("decks"), QStringLiteral("import"), file(QStringLiteral("bad.csv")) });
    EXPECT_EQ(result.exitCode, 3);
    EXPECT_TRUE(result.err.contains(QStringLiteral("bad.csv"))) << result.err.toStdString();
    EXPECT_TRUE(result.err.contains(QStringLiteral("line 3"))) << result.err.toStdString();
    EXPECT_TRUE(result.err.contains(QStringLiteral("medium")));
    auto list = cli({ QStringLiteral("decks"), QStringLiteral("list"), QStringLiteral("--json") });
    EXPECT_EQ(jsonArray(list).size(), 4) << "nothing may be half-imported";

    auto missing = cli(
        { QStringLiteral("decks"), QStringLiteral("import"), file(QStringLiteral("nope.json")) });
    EXPECT_EQ(missing.exitCode, 3);
    EXPECT_TRUE(missing.err.contains(QStringLiteral("does not exist")));
}

TEST_F(DeckCliTest, BuiltInDeckIdOnImportBecomesAUserDeck)
{
    auto exported = cli(
        { QStringLiteral("decks"), QStringLiteral("export"), QStringLiteral("rapport.deep-zone") });
    ASSERT_EQ(exported.exitCode, 0);
    test::writeFile(file(QStringLiteral("deep.json")), exported.out.toUtf8());
    auto imported = cli(
        { QStringLiteral("decks"), QStringLiteral("import"), file(QStringLiteral("deep.json")) });
    ASSERT_EQ(imported.exitCode, 0) << imported.err.toStdString();
    EXPECT_TRUE(imported.out.contains(QStringLiteral("belongs to a built-in deck")));
    EXPECT_EQ(jsonArray(cli({ QStringLiteral("decks"), QStringLiteral("list"),
                            QStringLiteral("--json") }))
                  .size(),
        5);
}

TEST_F(DeckCliTest, ConversationsAreLoggedAndListed)
{
    auto drawn = cli({ QStringLiteral("draw"), QStringLiteral("--json") });
    const QJsonObject card = jsonArray(drawn).first().toObject();
    const QString reference = card.value(QStringLiteral("deck")).toString() + QLatin1Char('/')
        + card.value(QStringLiteral("id")).toString();
    auto added = cli({ QStringLiteral("conversations"), QStringLiteral("add"),
        QStringLiteral("--rating"), QStringLiteral("4"), QStringLiteral("--question"), reference,
        QStringLiteral("--with"), QStringLiteral("Priya from finance"), QStringLiteral("--note"),
        QStringLiteral("Went deeper than expected"), QStringLiteral("--date"),
        QStringLiteral("2026-11-20") });
    ASSERT_EQ(added.exitCode, 0) << added.err.toStdString();
    auto listed = cli(
        { QStringLiteral("conversations"), QStringLiteral("list"), QStringLiteral("--json") });
    const QJsonObject logged = jsonArray(listed).first().toObject();
    EXPECT_EQ(logged.value(QStringLiteral("rating")).toInt(), 4);
    EXPECT_EQ(logged.value(QStringLiteral("date")).toString(), QStringLiteral("2026-11-20"));
    EXPECT_EQ(
        logged.value(QStringLiteral("with")).toString(), QStringLiteral("Priya from finance"));
    EXPECT_EQ(logged.value(QStringLiteral("questions"))
                  .toArray()
                  .first()
                  .toObject()
                  .value(QStringLiteral("text")),
        card.value(QStringLiteral("text")));

    for (const QStringList& bad :
        QList<QStringList> { { QStringLiteral("conversations"), QStringLiteral("add") },
            { QStringLiteral("conversations"), QStringLiteral("add"), QStringLiteral("--rating"),
                QStringLiteral("6") },
            { QStringLiteral("conversations"), QStringLiteral("add"), QStringLiteral("--rating"),
                QStringLiteral("3"), QStringLiteral("--date"), QStringLiteral("yesterday") },
            { QStringLiteral("conversations"), QStringLiteral("add"), QStringLiteral("--rating"),
                QStringLiteral("3"), QStringLiteral("--question"), QStringLiteral("nope") } }) {
        EXPECT_EQ(cli(bad).exitCode, 2) << bad.join(QLatin1Char(' ')).toStdString();
    }
    EXPECT_EQ(jsonArray(cli({ QStringLiteral("conversations"), QStringLiteral("list"),
                            QStringLiteral("--json") }))
                  .size(),
        1);
}

} // namespace
} // namespace rapport
