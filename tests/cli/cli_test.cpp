#include "core/storage/migrations.h"
#include "core/version.h"
#include "tests/support/cliprocess.h"
#include "tests/support/sqlitefile.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <algorithm>
#include <gtest/gtest.h>

namespace rapport {
namespace {

using test::runCli;

TEST(CliTest, VersionPrintsTheVersion)
{
    auto result = runCli({ QStringLiteral("--version") });
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_EQ(result.out.trimmed(), QStringLiteral("rapport-cli ") + QString::fromLatin1(kVersion));
}

TEST(CliTest, HelpListsCommandsOptionsAndExitCodes)
{
    auto result = runCli({ QStringLiteral("--help") });
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_TRUE(result.out.contains(QStringLiteral("Usage: rapport-cli")));
    EXPECT_TRUE(result.out.contains(QStringLiteral("info")));
    EXPECT_TRUE(result.out.contains(QStringLiteral("--data-dir")));
    EXPECT_TRUE(result.out.contains(QStringLiteral("Exit codes")));
}

TEST(CliTest, HelpListsTheCommandsInGroups)
{
    const QString help = runCli({ QStringLiteral("--help") }).out;
    const QStringList order { QStringLiteral("Conversation cards:"), QStringLiteral("    draw "),
        QStringLiteral("    decks "), QStringLiteral("    conversations "),
        QStringLiteral("Rehearsal:"), QStringLiteral("    pitches "),
        QStringLiteral("    rehearse "), QStringLiteral("    takes "),
        QStringLiteral("    record "), QStringLiteral("    analyze "),
        QStringLiteral("Progress and your data:"), QStringLiteral("    progress "),
        QStringLiteral("    export "), QStringLiteral("    import "), QStringLiteral("    backup "),
        QStringLiteral("    restore "), QStringLiteral("Set-up:"), QStringLiteral("    info "),
        QStringLiteral("Global options:") };
    qsizetype at = 0;
    for (const QString& entry : order) {
        const qsizetype found = help.indexOf(entry, at);
        EXPECT_GE(found, at) << entry.toStdString() << " missing or out of order in:\n"
                             << help.toStdString();
        at = std::max(at, found);
    }
}

TEST(CliTest, CommandHelpDescribesTheCommand)
{
    auto result = runCli({ QStringLiteral("info"), QStringLiteral("--help") });
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_TRUE(result.out.contains(QStringLiteral("--check")));
    EXPECT_TRUE(result.out.contains(QStringLiteral("rapport-cli [--data-dir DIR] info")));
}

TEST(CliTest, NonsenseArgumentsExitWithTwoAndAMessage)
{
    const QList<QStringList> cases {
        {},
        { QStringLiteral("bogus") },
        { QStringLiteral("--bogus") },
        { QStringLiteral("--data-dir") },
        { QStringLiteral("--data-dir=") },
        { QStringLiteral("info"), QStringLiteral("--bogus") },
        { QStringLiteral("info"), QStringLiteral("extra") },
    };
    QTemporaryDir dir;
    for (const QStringList& args : cases) {
        SCOPED_TRACE(args.join(QLatin1Char(' ')).toStdString());
        auto result = runCli(args, dir.path());
        EXPECT_EQ(result.exitCode, 2);
        EXPECT_TRUE(result.err.startsWith(QStringLiteral("rapport-cli: ")))
            << result.err.toStdString();
        EXPECT_TRUE(result.err.contains(QStringLiteral("--help"))) << result.err.toStdString();
        EXPECT_TRUE(result.out.isEmpty());
    }
    EXPECT_TRUE(runCli({ QStringLiteral("bogus") })
                    .err.contains(QStringLiteral("unknown command 'bogus'")));
}

TEST(CliTest, InfoCreatesThePrivateDataFolderAndReportsIt)
{
    QTemporaryDir parent;
    const QString dataDir = parent.filePath(QStringLiteral("data"));
    auto result = runCli(
        { QStringLiteral("info"), QStringLiteral("--json"), QStringLiteral("--check") }, dataDir);
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    const QJsonObject info = QJsonDocument::fromJson(result.out.toUtf8()).object();
    EXPECT_EQ(info.value(QStringLiteral("data_dir")).toString(), dataDir);
    EXPECT_EQ(info.value(QStringLiteral("schema_version")).toInt(),
        storage::latestVersion(storage::schemaMigrations()));
    EXPECT_EQ(info.value(QStringLiteral("integrity")).toVariant().toStringList(),
        QStringList { QStringLiteral("ok") });
    EXPECT_EQ(test::permissionBits(dataDir), 0700u);
    EXPECT_EQ(test::permissionBits(dataDir + QStringLiteral("/rapport.sqlite")), 0600u);
    EXPECT_EQ(test::permissionBits(dataDir + QStringLiteral("/recordings")), 0700u);
}

TEST(CliTest, DataDirOptionOverridesTheEnvironment)
{
    QTemporaryDir envDir;
    QTemporaryDir optionDir;
    auto result = runCli(
        { QStringLiteral("--data-dir"), optionDir.path(), QStringLiteral("info") }, envDir.path());
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_TRUE(result.out.contains(optionDir.path()));
    EXPECT_TRUE(QFile::exists(optionDir.filePath(QStringLiteral("rapport.sqlite"))));
    EXPECT_FALSE(QFile::exists(envDir.filePath(QStringLiteral("rapport.sqlite"))));
}

TEST(CliTest, NotADatabaseExitsWithFourAndKeepsTheFile)
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("rapport.sqlite"));
    test::writeFile(db, "my notes, not a database");
    auto result = runCli({ QStringLiteral("info") }, dir.path());
    EXPECT_EQ(result.exitCode, 4);
    EXPECT_TRUE(result.err.contains(QStringLiteral("is not a Rapport database")))
        << result.err.toStdString();
    EXPECT_TRUE(result.err.contains(QStringLiteral("--data-dir")));
    EXPECT_EQ(test::fileBytes(db), QByteArray("my notes, not a database"));
}

TEST(CliTest, NewerSchemaExitsWithFourAndKeepsTheFile)
{
    QTemporaryDir dir;
    ASSERT_EQ(runCli({ QStringLiteral("info") }, dir.path()).exitCode, 0);
    const QString db = dir.filePath(QStringLiteral("rapport.sqlite"));
    {
        test::RawSqlite(db).exec(QStringLiteral("PRAGMA user_version = 999"));
    }
    const QByteArray bytes = test::fileBytes(db);
    auto result = runCli({ QStringLiteral("info") }, dir.path());
    EXPECT_EQ(result.exitCode, 4);
    EXPECT_TRUE(result.err.contains(QStringLiteral("newer version of Rapport")))
        << result.err.toStdString();
    EXPECT_EQ(test::fileBytes(db), bytes);
}

TEST(CliTest, UnusableDataFolderExitsWithFour)
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("file"));
    test::writeFile(file, "x");
    auto result = runCli({ QStringLiteral("info") }, file + QStringLiteral("/data"));
    EXPECT_EQ(result.exitCode, 4);
    EXPECT_TRUE(result.err.contains(QStringLiteral("Could not create the data folder")));
}

TEST(GuiBinaryTest, VersionAndHelpNeedNoDisplay)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    auto version
        = test::runProgram(QStringLiteral(RAPPORT_GUI_PATH), { QStringLiteral("--version") }, env);
    EXPECT_EQ(version.exitCode, 0);
    EXPECT_EQ(version.out.trimmed(), QStringLiteral("rapport ") + QString::fromLatin1(kVersion));
    auto help
        = test::runProgram(QStringLiteral(RAPPORT_GUI_PATH), { QStringLiteral("--help") }, env);
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_TRUE(help.out.contains(QStringLiteral("--data-dir")));
}

TEST(GuiBinaryTest, UnknownArgumentExitsWithTwo)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    auto result = test::runProgram(
        QStringLiteral(RAPPORT_GUI_PATH), { QStringLiteral("--frobnicate") }, env);
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.err.contains(QStringLiteral("Unknown argument '--frobnicate'")));
}

} // namespace
} // namespace rapport
