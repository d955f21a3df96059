#include "tests/support/cliprocess.h"
#include "tests/support/sqlitefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>
#include <gtest/gtest.h>
#include <string_view>

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

// A restore killed at any step (SIGKILL, as a crash or a power cut would stop it) leaves the
// data whole: the next command finishes a swap whose renames were all done, rolls back any
// other, and says which; the database passes its integrity check and no staging is left.
TEST_F(BackupCliTest, ARestoreKilledAtAnyStepIsFinishedOrRolledBackAtTheNextStart)
{
    const std::vector<std::pair<const char*, bool>> points { { "restore-unpacked", false },
        { "swap-journal", false }, { "swap-aside-rapport.sqlite", false },
        { "swap-aside-recordings", false }, { "swap-in-rapport.sqlite", false },
        { "swap-in-recordings", true }, { "swap-done", true } };
    for (const auto& [point, restored] : points) {
        SCOPED_TRACE(point);
        QTemporaryDir dir;
        ASSERT_TRUE(dir.isValid());
        const QString data = dir.filePath(QStringLiteral("data"));
        const auto run = [&](const QStringList& args, const QByteArray& killAt = {}) {
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("RAPPORT_DATA_DIR"), data);
            if (!killAt.isEmpty())
                env.insert(QStringLiteral("RAPPORT_TEST_KILL_AT"), QString::fromLatin1(killAt));
            return test::runCli(args, env);
        };
        const auto titles = [&] {
            QStringList result;
            const auto list = run(
                { QStringLiteral("pitches"), QStringLiteral("list"), QStringLiteral("--json") });
            EXPECT_EQ(list.exitCode, 0) << list.err.toStdString();
            for (const QJsonValue& p : QJsonDocument::fromJson(list.out.toUtf8()).array())
                result << p.toObject().value(QStringLiteral("title")).toString();
            result.sort();
            return result;
        };
        ASSERT_EQ(run({ QStringLiteral("pitches"), QStringLiteral("add"), QStringLiteral("--title"),
                          QStringLiteral("In the backup") })
                      .exitCode,
            0);
        const QString archive = dir.filePath(QStringLiteral("b.tar.gz"));
        ASSERT_EQ(run({ QStringLiteral("backup"), archive }).exitCode, 0);
        ASSERT_EQ(run({ QStringLiteral("pitches"), QStringLiteral("add"), QStringLiteral("--title"),
                          QStringLiteral("Written later") })
                      .exitCode,
            0);

        const auto killed = run({ QStringLiteral("restore"), archive }, point);
        ASSERT_TRUE(killed.crashed) << killed.err.toStdString();

        const auto next = run({ QStringLiteral("info") });
        ASSERT_EQ(next.exitCode, 0) << next.err.toStdString();
        const bool journalled = std::string_view(point) != "restore-unpacked"
            && std::string_view(point) != "swap-done";
        if (journalled) {
            EXPECT_TRUE(next.err.contains(QStringLiteral("A restore was interrupted")))
                << next.err.toStdString();
        }
        EXPECT_EQ(titles(),
            restored ? QStringList { QStringLiteral("In the backup") }
                     : (QStringList {
                         QStringLiteral("In the backup"), QStringLiteral("Written later") }));
        EXPECT_EQ(test::RawSqlite(data + QStringLiteral("/rapport.sqlite"))
                      .scalar(QStringLiteral("PRAGMA integrity_check"))
                      .toString(),
            QStringLiteral("ok"));
        EXPECT_FALSE(QFileInfo::exists(data + QStringLiteral("/restore-journal.json")));
        EXPECT_TRUE(QDir(data)
                        .entryList({ QStringLiteral(".restore-*") }, QDir::Dirs | QDir::Hidden)
                        .isEmpty());
        // A rolled-back restore can simply be run again.
        if (!restored) {
            const auto again = run({ QStringLiteral("restore"), archive });
            EXPECT_EQ(again.exitCode, 0) << again.err.toStdString();
            EXPECT_EQ(titles(), QStringList { QStringLiteral("In the backup") });
        }
    }
}

// A backup killed at any step leaves no archive under its name (never a broken one that looks
// whole), the data as it was, and the next backup to the same name works.
TEST_F(BackupCliTest, ABackupKilledAtAnyStepLeavesNoBrokenArchive)
{
    ASSERT_EQ(cli({ QStringLiteral("pitches"), QStringLiteral("add"), QStringLiteral("--title"),
                      QStringLiteral("Mine") })
                  .exitCode,
        0);
    const QString archive = file(QStringLiteral("b.tar.gz"));
    for (const char* point : { "backup-snapshot", "backup-written" }) {
        SCOPED_TRACE(point);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("RAPPORT_DATA_DIR"), file(QStringLiteral("data")));
        env.insert(QStringLiteral("RAPPORT_TEST_KILL_AT"), QString::fromLatin1(point));
        const auto killed = test::runCli({ QStringLiteral("backup"), archive }, env);
        ASSERT_TRUE(killed.crashed) << killed.err.toStdString();
        EXPECT_FALSE(QFileInfo::exists(archive));
        EXPECT_EQ(test::RawSqlite(file(QStringLiteral("data/rapport.sqlite")))
                      .scalar(QStringLiteral("PRAGMA integrity_check"))
                      .toString(),
            QStringLiteral("ok"));
        EXPECT_EQ(titles(), QStringList { QStringLiteral("Mine") });
    }
    // The .part the killed run left is replaced, not appended to or refused.
    const auto again = cli({ QStringLiteral("backup"), archive });
    ASSERT_EQ(again.exitCode, 0) << again.err.toStdString();
    EXPECT_FALSE(QFileInfo::exists(archive + QStringLiteral(".part")));
    EXPECT_EQ(cli({ QStringLiteral("backup"), QStringLiteral("--verify"), archive }).exitCode, 0);
}

// A backup or an export onto a disk that fills up fails with a message that says so, and leaves
// nothing behind on that disk: no .part file, no staging folder, no half-written export. The
// disk is a 64 KiB tmpfs in a private mount namespace (util-linux unshare; user namespaces let a
// user do it, as the WavWriter full-disk test does).
TEST_F(BackupCliTest, ABackupOrAnExportOntoAFullDiskFailsAndLeavesNothingThere)
{
    // A script of 200 KB that does not compress: more than the disk holds, in the export and in
    // the backup alike.
    QFile script(file(QStringLiteral("script.txt")));
    ASSERT_TRUE(script.open(QIODevice::WriteOnly));
    QRandomGenerator random(13);
    for (int i = 0; i < 2000; ++i) {
        QByteArray line(75, Qt::Uninitialized);
        random.fillRange(reinterpret_cast<quint32*>(line.data()), 18);
        script.write(line.left(72).toBase64() + '\n');
    }
    script.close();
    ASSERT_EQ(cli({ QStringLiteral("pitches"), QStringLiteral("add"), QStringLiteral("--title"),
                      QStringLiteral("Mine"), QStringLiteral("--text-file"), script.fileName() })
                  .exitCode,
        0);
    const QString disk = file(QStringLiteral("disk"));
    ASSERT_TRUE(QDir().mkpath(disk));
    // Inside the namespace: mount, run the command, print its exit code and what is on the disk.
    const QString inside = QStringLiteral(
        "mount -t tmpfs -o size=64k tmpfs \"$1\" || exit 90; shift; \"$@\"; echo \"exit=$?\"; "
        "find \"$DISK\" -mindepth 1 | sed 's/^/left:/'");
    const auto onFullDisk = [&](const QStringList& args) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("RAPPORT_DATA_DIR"), file(QStringLiteral("data")));
        env.insert(QStringLiteral("DISK"), disk);
        return test::runProgram(QStringLiteral("unshare"),
            QStringList { QStringLiteral("--user"), QStringLiteral("--map-root-user"),
                QStringLiteral("--mount"), QStringLiteral("sh"), QStringLiteral("-c"), inside,
                QStringLiteral("sh"), disk, test::cliProgram() }
                + args,
            env);
    };
    const auto backup
        = onFullDisk({ QStringLiteral("backup"), disk + QStringLiteral("/b.tar.gz") });
    ASSERT_NE(backup.exitCode, 90) << "could not mount a small tmpfs (needs user + mount "
                                      "namespaces): "
                                   << backup.err.toStdString();
    EXPECT_TRUE(backup.out.contains(QStringLiteral("exit=1")))
        << backup.out.toStdString() << backup.err.toStdString();
    EXPECT_TRUE(backup.err.contains(QStringLiteral("The disk is full")))
        << backup.err.toStdString();
    EXPECT_FALSE(backup.out.contains(QStringLiteral("left:"))) << backup.out.toStdString();

    const auto exported = onFullDisk({ QStringLiteral("export"), QStringLiteral("--format"),
        QStringLiteral("json"), QStringLiteral("--out"), disk + QStringLiteral("/export") });
    ASSERT_NE(exported.exitCode, 90) << exported.err.toStdString();
    EXPECT_FALSE(exported.out.contains(QStringLiteral("exit=0"))) << exported.out.toStdString();
    EXPECT_TRUE(exported.err.contains(QStringLiteral("The disk is full")))
        << exported.err.toStdString();
    // The export folder it made may stay, empty: no file and no staging folder in it.
    EXPECT_FALSE(exported.out.contains(disk + QStringLiteral("/export/")))
        << exported.out.toStdString();

    // The data is as it was.
    EXPECT_EQ(titles(), QStringList { QStringLiteral("Mine") });
}

TEST_F(BackupCliTest, RestoreRefusesWhileAnotherProcessHasTheDataOpen)
{
    ASSERT_EQ(cli({ QStringLiteral("pitches"), QStringLiteral("add"), QStringLiteral("--title"),
                      QStringLiteral("Mine") })
                  .exitCode,
        0);
    ASSERT_EQ(cli({ QStringLiteral("backup"), file(QStringLiteral("b.tar.gz")) }).exitCode, 0);
    // Another process holds the data folder's lock as every Rapport process does while it has
    // the data open (the window, a recording command).
    QProcess other;
    other.start(QStringLiteral("flock"),
        { QStringLiteral("--shared"), QStringLiteral("--close"), file(QStringLiteral("data/.lock")),
            QStringLiteral("sleep"), QStringLiteral("30") });
    ASSERT_TRUE(other.waitForStarted());
    QThread::msleep(300); // flock takes the lock at once
    const QByteArray database = test::fileBytes(file(QStringLiteral("data/rapport.sqlite")));
    auto refused = cli({ QStringLiteral("restore"), file(QStringLiteral("b.tar.gz")) });
    EXPECT_EQ(refused.exitCode, 1) << refused.err.toStdString();
    EXPECT_TRUE(refused.err.contains(QStringLiteral("another window or command")))
        << refused.err.toStdString();
    EXPECT_EQ(test::fileBytes(file(QStringLiteral("data/rapport.sqlite"))), database);
    // Other commands still work beside it.
    EXPECT_EQ(titles(), QStringList { QStringLiteral("Mine") });
    other.kill();
    other.waitForFinished();
    auto restored = cli({ QStringLiteral("restore"), file(QStringLiteral("b.tar.gz")) });
    EXPECT_EQ(restored.exitCode, 0) << restored.err.toStdString();
}

TEST_F(BackupCliTest, AnExportKilledWhileWritingLeavesThePreviousOneWhole)
{
    ASSERT_EQ(cli({ QStringLiteral("pitches"), QStringLiteral("add"), QStringLiteral("--title"),
                      QStringLiteral("First") })
                  .exitCode,
        0);
    const QString out = file(QStringLiteral("export"));
    ASSERT_EQ(cli({ QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv"),
                      QStringLiteral("--out"), out })
                  .exitCode,
        0);
    const QByteArray before = test::fileBytes(out + QStringLiteral("/pitches.csv"));
    ASSERT_EQ(cli({ QStringLiteral("pitches"), QStringLiteral("add"), QStringLiteral("--title"),
                      QStringLiteral("Second") })
                  .exitCode,
        0);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("RAPPORT_DATA_DIR"), file(QStringLiteral("data")));
    env.insert(QStringLiteral("RAPPORT_TEST_KILL_AT"), QStringLiteral("export-staged"));
    const auto killed = test::runCli({ QStringLiteral("export"), QStringLiteral("--format"),
                                         QStringLiteral("csv"), QStringLiteral("--out"), out },
        env);
    ASSERT_TRUE(killed.crashed);
    // Every file is the previous export's; the new one, written aside, never got in.
    EXPECT_EQ(test::fileBytes(out + QStringLiteral("/pitches.csv")), before);
    ASSERT_EQ(cli({ QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv"),
                      QStringLiteral("--out"), out })
                  .exitCode,
        0);
    EXPECT_TRUE(test::fileBytes(out + QStringLiteral("/pitches.csv")).contains("Second"));
    EXPECT_TRUE(
        QDir(out).entryList({ QStringLiteral(".export-*") }, QDir::Dirs | QDir::Hidden).isEmpty());
    EXPECT_EQ(test::permissionBits(out + QStringLiteral("/pitches.csv")), 0600);
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
    for (const char* name : { "pitches.csv", "takes.csv", "draws.csv", "answers.csv",
             "conversations.csv", "conversation_questions.csv" })
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
