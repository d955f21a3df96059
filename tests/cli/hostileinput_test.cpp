// Names a person can type that must not hang the program or fill its memory: devices, pipes,
// huge and non-UTF-8 files (issue 13, path 6). Each command answers at once, with exit code 3 and
// a message naming the file, and changes nothing.
#include "tests/support/cliprocess.h"
#include "tests/support/sqlitefile.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <sys/stat.h>

namespace rapport {
namespace {

class HostileInputTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        ASSERT_EQ(::mkfifo(QFile::encodeName(fifo()).constData(), 0600), 0);
    }
    test::ProcessResult cli(const QStringList& args)
    {
        QElapsedTimer timer;
        timer.start();
        test::ProcessResult result = test::runCli(args, m_dir.filePath(QStringLiteral("data")));
        // A command that waited on the pipe would be killed at runProgram's limit instead.
        EXPECT_LT(timer.elapsed(), 20000) << args.join(u' ').toStdString();
        return result;
    }
    QString fifo() const { return m_dir.filePath(QStringLiteral("pipe")); }
    QString file(const QString& name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

TEST_F(HostileInputTest, AScriptFromADeviceAPipeOrABadFileIsRefused)
{
    const auto add = [&](const QString& textFile) {
        return cli({ QStringLiteral("pitches"), QStringLiteral("add"), QStringLiteral("--title"),
            QStringLiteral("T"), QStringLiteral("--text-file"), textFile });
    };
    const auto zero = add(QStringLiteral("/dev/zero"));
    EXPECT_EQ(zero.exitCode, 3) << zero.err.toStdString();
    EXPECT_TRUE(zero.err.contains(QStringLiteral("is a device"))) << zero.err.toStdString();

    const auto pipe = add(fifo());
    EXPECT_EQ(pipe.exitCode, 3) << pipe.err.toStdString();
    EXPECT_TRUE(pipe.err.contains(QStringLiteral("is a pipe"))) << pipe.err.toStdString();

    test::writeFile(file(QStringLiteral("latin1.txt")), "Caf\xe9 au lait, s'il vous pla\xeet\n");
    const auto latin1 = add(file(QStringLiteral("latin1.txt")));
    EXPECT_EQ(latin1.exitCode, 3) << latin1.err.toStdString();
    EXPECT_TRUE(latin1.err.contains(QStringLiteral("not UTF-8"))) << latin1.err.toStdString();

    QFile big(file(QStringLiteral("big.txt")));
    ASSERT_TRUE(big.open(QIODevice::WriteOnly));
    ASSERT_TRUE(big.resize(qint64 { 2 } << 20)); // 2 MiB of zeros, sparse
    big.close();
    const auto huge = add(file(QStringLiteral("big.txt")));
    EXPECT_EQ(huge.exitCode, 3) << huge.err.toStdString();
    EXPECT_TRUE(huge.err.contains(QStringLiteral("larger than"))) << huge.err.toStdString();

    const auto list = cli({ QStringLiteral("pitches"), QStringLiteral("list") });
    EXPECT_FALSE(list.out.contains(QStringLiteral("T  ("))) << list.out.toStdString();
}

TEST_F(HostileInputTest, AnalysingAPipeOrADeviceAnswersAtOnce)
{
    for (const QString& path : { fifo(), QStringLiteral("/dev/zero") }) {
        const auto result = cli({ QStringLiteral("analyze"), path });
        EXPECT_EQ(result.exitCode, 3) << path.toStdString() << ": " << result.err.toStdString();
        EXPECT_TRUE(result.err.contains(QStringLiteral("not a file Rapport can read")))
            << result.err.toStdString();
    }
    const auto script = cli({ QStringLiteral("analyze"), fifo(), QStringLiteral("--script"),
        QStringLiteral("/dev/zero") });
    EXPECT_EQ(script.exitCode, 3) << script.err.toStdString();
}

TEST_F(HostileInputTest, AnExportOrADeckThatIsAPipeIsRefused)
{
    // An export folder whose pitches.csv is a pipe.
    const QString exported = file(QStringLiteral("export"));
    ASSERT_TRUE(QDir().mkpath(exported));
    for (const char* name : { "takes.csv", "draws.csv", "conversations.csv" })
        test::writeFile(exported + QLatin1Char('/') + QLatin1String(name), "id\n");
    ASSERT_EQ(
        ::mkfifo(QFile::encodeName(exported + QStringLiteral("/pitches.csv")).constData(), 0600),
        0);
    const auto imported = cli({ QStringLiteral("import"), QStringLiteral("--from"), exported,
        QStringLiteral("--format"), QStringLiteral("csv") });
    EXPECT_EQ(imported.exitCode, 3) << imported.err.toStdString();
    EXPECT_TRUE(imported.err.contains(QStringLiteral("is a pipe"))) << imported.err.toStdString();

    ASSERT_EQ(::mkfifo(QFile::encodeName(file(QStringLiteral("deck.json"))).constData(), 0600), 0);
    const auto deck = cli(
        { QStringLiteral("decks"), QStringLiteral("import"), file(QStringLiteral("deck.json")) });
    EXPECT_EQ(deck.exitCode, 3) << deck.err.toStdString();
    EXPECT_TRUE(deck.err.contains(QStringLiteral("is a pipe"))) << deck.err.toStdString();
}

} // namespace
} // namespace rapport
