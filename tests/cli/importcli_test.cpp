#include "core/answers/answerrepository.h"
#include "core/storage/store.h"
#include "tests/support/cliprocess.h"
#include "tests/support/sqlitefile.h"
#include "tests/support/testtake.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace rapport {
namespace {

class ImportCliTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        // Some history in the first data folder, exported as CSV and as JSON.
        ASSERT_EQ(
            cli(m_source, { u"pitches"_s, u"add"_s, u"--title"_s, u"Intro, \"short\""_s }).exitCode,
            0);
        ASSERT_EQ(cli(m_source,
                      { u"conversations"_s, u"add"_s, u"--rating"_s, u"4"_s, u"--note"_s,
                          u"Über café, \"nice\""_s })
                      .exitCode,
            0);
        // An answer to a card, stored as `rapport-cli answer` stores one; its recording is not
        // on this computer.
        {
            Result<storage::Store> store = storage::openStore(m_source);
            ASSERT_TRUE(store.ok());
            answers::Answer answer;
            answer.card = { u"rapport.fun"_s, u"f-01"_s, decks::Zone::Fun, u"Best snack?"_s };
            answer.startedAt = QDateTime(QDate(2026, 11, 20), QTime(8, 0), Qt::UTC);
            answer.lights = answers::defaultAnswerLights();
            answer.audioPath = m_dir.filePath(u"gone/answer.wav"_s);
            answer.report = test::everyFieldReport();
            ASSERT_TRUE(answers::AnswerRepository(*store->database).add(answer).ok());
        }
        const auto csv
            = cli(m_source, { u"export"_s, u"--format"_s, u"csv"_s, u"--out"_s, path(u"csv"_s) });
        ASSERT_EQ(csv.exitCode, 0) << csv.err.toStdString();
        EXPECT_TRUE(csv.out.contains(u"0 card draws, 1 answer and 1 conversation to "_s))
            << csv.out.toStdString();
        EXPECT_TRUE(csv.out.contains(u"answers.csv"_s)) << csv.out.toStdString();
        ASSERT_EQ(
            cli(m_source, { u"export"_s, u"--format"_s, u"json"_s, u"--out"_s, path(u"json"_s) })
                .exitCode,
            0);
    }

    test::ProcessResult cli(const QString& dataDir, const QStringList& args)
    {
        return test::runCli(args, dataDir);
    }
    QString path(const QString& name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
    QString m_source = m_dir.filePath(u"source"_s);
    QString m_target = m_dir.filePath(u"target"_s);
};

// An import killed before it commits adds nothing (one transaction); run again, it adds all.
TEST_F(ImportCliTest, AnImportKilledPartWayAddsNothingAndCanBeRunAgain)
{
    ASSERT_EQ(
        cli(m_target, { u"pitches"_s, u"add"_s, u"--title"_s, u"Already here"_s }).exitCode, 0);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"RAPPORT_DATA_DIR"_s, m_target);
    env.insert(u"RAPPORT_TEST_KILL_AT"_s, u"import-written"_s);
    const auto killed = test::runCli({ u"import"_s, u"--from"_s, path(u"json"_s) }, env);
    ASSERT_TRUE(killed.crashed) << killed.err.toStdString();

    test::RawSqlite db(m_target + u"/rapport.sqlite"_s);
    EXPECT_EQ(db.scalar(u"PRAGMA integrity_check"_s).toString(), u"ok"_s);
    EXPECT_EQ(db.scalar(u"SELECT count(*) FROM pitches"_s).toInt(), 1);
    EXPECT_EQ(db.scalar(u"SELECT count(*) FROM conversations"_s).toInt(), 0);

    const auto again = cli(m_target, { u"import"_s, u"--from"_s, path(u"json"_s) });
    ASSERT_EQ(again.exitCode, 0) << again.err.toStdString();
    EXPECT_EQ(db.scalar(u"SELECT count(*) FROM pitches"_s).toInt(), 2);
    EXPECT_EQ(db.scalar(u"SELECT count(*) FROM conversations"_s).toInt(), 1);
}

TEST_F(ImportCliTest, ImportAddsAnExportOnceAndSaysWhatItDid)
{
    auto imported = cli(m_target, { u"import"_s, u"--from"_s, path(u"csv"_s) });
    ASSERT_EQ(imported.exitCode, 0) << imported.err.toStdString();
    EXPECT_TRUE(imported.err.isEmpty());
    EXPECT_TRUE(imported.out.contains(u"Imported the CSV export"_s)) << imported.out.toStdString();
    EXPECT_TRUE(imported.out.contains(u"pitches                 1 added, 0 already there"_s))
        << imported.out.toStdString();
    EXPECT_TRUE(imported.out.contains(u"conversations           1 added, 0 already there"_s));
    EXPECT_TRUE(imported.out.contains(u"answers                 1 added, 0 already there"_s))
        << imported.out.toStdString();
    EXPECT_TRUE(imported.out.contains(u"1 added answer has no recording on this computer"_s))
        << imported.out.toStdString();

    const auto pitches = cli(m_target, { u"pitches"_s, u"list"_s, u"--json"_s });
    const QJsonArray list = QJsonDocument::fromJson(pitches.out.toUtf8()).array();
    ASSERT_EQ(list.size(), 1);
    EXPECT_EQ(list[0].toObject().value(u"title"_s).toString(), u"Intro, \"short\""_s);
    EXPECT_EQ(list[0].toObject().value(u"id"_s).toInteger(), 1);

    // The same history as JSON is already there.
    auto again = cli(m_target, { u"import"_s, u"--from"_s, path(u"json"_s) });
    ASSERT_EQ(again.exitCode, 0) << again.err.toStdString();
    EXPECT_TRUE(again.out.contains(u"Imported the JSON export"_s));
    EXPECT_TRUE(again.out.contains(u"pitches                 0 added, 1 already there"_s))
        << again.out.toStdString();
    EXPECT_TRUE(again.out.contains(u"conversations           0 added, 1 already there"_s));
    EXPECT_TRUE(again.out.contains(u"answers                 0 added, 1 already there"_s))
        << again.out.toStdString();
    EXPECT_FALSE(again.out.contains(u"no recording"_s)) << again.out.toStdString();
}

TEST_F(ImportCliTest, ABadFolderFailsAndSaysWhatToDo)
{
    auto missing = cli(m_target, { u"import"_s, u"--from"_s, path(u"nowhere"_s) });
    EXPECT_EQ(missing.exitCode, 3);
    EXPECT_TRUE(missing.out.isEmpty());
    EXPECT_TRUE(missing.err.startsWith(u"rapport-cli: There is no folder"_s))
        << missing.err.toStdString();
    EXPECT_TRUE(missing.err.contains(u"Choose the folder an export was written to."_s));

    auto notAnExport = cli(m_target, { u"import"_s, u"--from"_s, m_source });
    EXPECT_EQ(notAnExport.exitCode, 3);
    EXPECT_TRUE(notAnExport.err.contains(u"no Rapport export"_s)) << notAnExport.err.toStdString();

    // A broken file: the message names it and the line, and the database is not changed.
    ASSERT_EQ(cli(m_target, { u"info"_s }).exitCode, 0);
    const QString database = m_target + u"/rapport.sqlite"_s;
    const QStringList before = test::RawSqlite(database).dump();
    QByteArray pitches = test::fileBytes(path(u"csv/pitches.csv"_s));
    pitches.replace("Intro, \"\"short\"\"\",", "Intro, \"\"short\"\"\",\"");
    test::writeFile(path(u"csv/pitches.csv"_s), pitches);
    auto broken = cli(m_target, { u"import"_s, u"--from"_s, path(u"csv"_s) });
    EXPECT_EQ(broken.exitCode, 3);
    EXPECT_TRUE(broken.err.contains(u"pitches.csv, line 2"_s)) << broken.err.toStdString();
    EXPECT_EQ(test::RawSqlite(database).dump(), before);
}

TEST_F(ImportCliTest, ArgumentsAreChecked)
{
    EXPECT_EQ(cli(m_target, { u"import"_s }).exitCode, 2);
    EXPECT_EQ(cli(m_target, { u"import"_s, u"--from"_s, path(u"csv"_s), u"--format"_s, u"xml"_s })
                  .exitCode,
        2);
    EXPECT_EQ(cli(m_target, { u"import"_s, u"--from"_s, path(u"csv"_s), u"extra"_s }).exitCode, 2);
    // A folder with both formats needs --format.
    ASSERT_EQ(cli(m_source, { u"export"_s, u"--format"_s, u"json"_s, u"--out"_s, path(u"csv"_s) })
                  .exitCode,
        0);
    auto both = cli(m_target, { u"import"_s, u"--from"_s, path(u"csv"_s) });
    EXPECT_EQ(both.exitCode, 2);
    EXPECT_TRUE(both.err.contains(u"--format"_s)) << both.err.toStdString();
    EXPECT_EQ(cli(m_target, { u"import"_s, u"--from"_s, path(u"csv"_s), u"--format"_s, u"JSON"_s })
                  .exitCode,
        0);

    auto help = cli(m_target, { u"import"_s, u"--help"_s });
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_TRUE(help.out.contains(u"--from <DIR>"_s)) << help.out.toStdString();
    EXPECT_TRUE(help.out.contains(u"--format"_s));
}

TEST_F(ImportCliTest, DeletingAnImportedTakeLeavesTheOtherFoldersRecordingAlone)
{
    // A take with its recording in the source folder, exported and imported into the target.
    const QString wav = m_source + u"/recordings/take-20261101T090000Z-0000aaaa.wav"_s;
    ASSERT_EQ(test::writeToneTake(wav, 1600, 16000, 1600), QString());
    auto recovered = cli(m_source, { u"takes"_s, u"recover"_s, wav, u"--pitch"_s, u"1"_s });
    ASSERT_EQ(recovered.exitCode, 0) << recovered.err.toStdString();
    ASSERT_EQ(
        cli(m_source, { u"export"_s, u"--format"_s, u"json"_s, u"--out"_s, path(u"withtake"_s) })
            .exitCode,
        0);
    auto imported = cli(m_target, { u"import"_s, u"--from"_s, path(u"withtake"_s) });
    ASSERT_EQ(imported.exitCode, 0) << imported.err.toStdString();

    auto deleted = cli(m_target, { u"takes"_s, u"delete"_s, u"1"_s });
    ASSERT_EQ(deleted.exitCode, 0) << deleted.err.toStdString();
    EXPECT_TRUE(deleted.out.contains(u"outside this data folder"_s)) << deleted.out.toStdString();
    EXPECT_TRUE(QFile::exists(wav));
    // In its own folder the take's audio goes with it.
    auto own = cli(m_source, { u"takes"_s, u"delete"_s, u"1"_s });
    ASSERT_EQ(own.exitCode, 0) << own.err.toStdString();
    EXPECT_TRUE(own.out.contains(u"and its audio"_s)) << own.out.toStdString();
    EXPECT_FALSE(QFile::exists(wav));
}

} // namespace
} // namespace rapport
