#include "tests/support/cliprocess.h"
#include "tests/support/sqlitefile.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace rapport {
namespace {

class BackupCliTest : public ::testing::Test
{
protected:
    test::ProcessResult cli(const QStringList& args)
    {
        return test::runCli(args, m_dir.filePath(QStringLiteral("data")));
    }
    QStringList titles()
    {
        QStringList result;
        const auto list
            = cli({ QStringLiteral("pitches"), QStringLiteral("list"), QStringLiteral("--json") });
        for (const QJsonValue& p : QJsonDocument::fromJson(list.out.toUtf8()).array())
            result << p.toObject().value(QStringLiteral("title")).toString();
        return result;
    }
    QString file(const QString& name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

TEST_F(BackupCliTest, BackupThenRestoreBringsBackThePreviousState)
{
    ASSERT_EQ(cli({ QStringLiteral("pitches"), QStringLiteral("add"), QStringLiteral("--title"),
                      QStringLiteral("Before") })
                  .exitCode,
        0);
    auto backup = cli({ QStringLiteral("backup"), file(QStringLiteral("b.tar.gz")) });
    ASSERT_EQ(backup.exitCode, 0) << backup.err.toStdString();
    EXPECT_EQ(cli({ QStringLiteral("backup"), QStringLiteral("--verify"),
                      file(QStringLiteral("b.tar.gz")) })
                  .exitCode,
        0);
    ASSERT_EQ(cli({ QStringLiteral("pitches"), QStringLiteral("add"), QStringLiteral("--title"),
                      QStringLiteral("After") })
                  .exitCode,
        0);
    EXPECT_EQ(titles().size(), 2);
    auto restore = cli({ QStringLiteral("restore"), file(QStringLiteral("b.tar.gz")) });
    ASSERT_EQ(restore.exitCode, 0) << restore.err.toStdString();
    EXPECT_TRUE(restore.out.contains(QStringLiteral("before-restore-")));
    EXPECT_EQ(titles(), QStringList { QStringLiteral("Before") });
}

TEST_F(BackupCliTest, ACorruptedArchiveChangesNothingAndSaysSo)
{
    ASSERT_EQ(cli({ QStringLiteral("pitches"), QStringLiteral("add"), QStringLiteral("--title"),
                      QStringLiteral("Keep me") })
                  .exitCode,
        0);
    ASSERT_EQ(cli({ QStringLiteral("backup"), file(QStringLiteral("b.tar.gz")) }).exitCode, 0);
    QByteArray bytes = test::fileBytes(file(QStringLiteral("b.tar.gz")));
    bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x20);
    test::writeFile(file(QStringLiteral("bad.tar.gz")), bytes);
    const QByteArray database = test::fileBytes(file(QStringLiteral("data/rapport.sqlite")));
    auto restore = cli({ QStringLiteral("restore"), file(QStringLiteral("bad.tar.gz")) });
    EXPECT_EQ(restore.exitCode, 3);
    EXPECT_TRUE(restore.err.contains(QStringLiteral("bad.tar.gz")));
    EXPECT_TRUE(restore.err.contains(QStringLiteral("Nothing was changed")));
    EXPECT_EQ(test::fileBytes(file(QStringLiteral("data/rapport.sqlite"))), database);
    EXPECT_EQ(titles(), QStringList { QStringLiteral("Keep me") });
    EXPECT_EQ(cli({ QStringLiteral("backup"), QStringLiteral("--verify"),
                      file(QStringLiteral("bad.tar.gz")) })
                  .exitCode,
        3);
}

TEST_F(BackupCliTest, ArgumentsAreChecked)
{
    EXPECT_EQ(cli({ QStringLiteral("backup") }).exitCode, 2);
    EXPECT_EQ(cli({ QStringLiteral("restore") }).exitCode, 2);
    EXPECT_EQ(
        cli({ QStringLiteral("restore"), QStringLiteral("a"), QStringLiteral("b") }).exitCode, 2);
    EXPECT_EQ(
        cli({ QStringLiteral("restore"), file(QStringLiteral("missing.tar.gz")) }).exitCode, 3);
    ASSERT_EQ(cli({ QStringLiteral("backup"), file(QStringLiteral("b.tar.gz")) }).exitCode, 0);
    auto again = cli({ QStringLiteral("backup"), file(QStringLiteral("b.tar.gz")) });
    EXPECT_EQ(again.exitCode, 1);
    EXPECT_TRUE(again.err.contains(QStringLiteral("already exists")));
}

TEST_F(BackupCliTest, ExportWritesEveryTableInTheChosenFormat)
{
    ASSERT_EQ(cli({ QStringLiteral("pitches"), QStringLiteral("add"), QStringLiteral("--title"),
                      QStringLiteral("P") })
                  .exitCode,
        0);
    auto csv = cli({ QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv"),
        QStringLiteral("--out"), file(QStringLiteral("out")) });
    ASSERT_EQ(csv.exitCode, 0) << csv.err.toStdString();
    for (const char* name : { "pitches.csv", "takes.csv", "draws.csv", "conversations.csv",
             "conversation_questions.csv" })
        EXPECT_TRUE(QFile::exists(file(QStringLiteral("out/")) + QLatin1String(name))) << name;
    EXPECT_TRUE(test::fileBytes(file(QStringLiteral("out/pitches.csv"))).contains(",P,"));
    auto json = cli({ QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("json"),
        QStringLiteral("--out"), file(QStringLiteral("json")) });
    ASSERT_EQ(json.exitCode, 0);
    EXPECT_EQ(QJsonDocument::fromJson(test::fileBytes(file(QStringLiteral("json/pitches.json"))))
                  .array()
                  .size(),
        1);
    EXPECT_EQ(cli({ QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("xml"),
                      QStringLiteral("--out"), file(QStringLiteral("x")) })
                  .exitCode,
        2);
    EXPECT_EQ(cli({ QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv") })
                  .exitCode,
        2);
}

} // namespace
} // namespace rapport
