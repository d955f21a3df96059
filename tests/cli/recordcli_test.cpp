#include "tests/support/cliprocess.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace rapport::test;

// Argument errors are found before any device is opened: exit 2, a message, and no file.
TEST(RecordCliTest, BadArgumentsExitTwoWithoutTouchingTheMicrophoneOrTheDisk)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString out = dir.filePath(QStringLiteral("take.wav"));
    const QList<QStringList> cases {
        { QStringLiteral("--seconds"), QStringLiteral("0"), QStringLiteral("--out"), out },
        { QStringLiteral("--seconds"), QStringLiteral("-3"), QStringLiteral("--out"), out },
        { QStringLiteral("--seconds"), QStringLiteral("abc"), QStringLiteral("--out"), out },
        { QStringLiteral("--seconds"), QStringLiteral("3601"), QStringLiteral("--out"), out },
        { QStringLiteral("--seconds"), QStringLiteral("5") },
        { QStringLiteral("--out"), out },
        { QStringLiteral("--seconds"), QStringLiteral("5"), QStringLiteral("--out"),
            dir.filePath(QStringLiteral("missing/take.wav")) },
        { QStringLiteral("--seconds"), QStringLiteral("5"), QStringLiteral("--out"), dir.path() },
        { QStringLiteral("--seconds"), QStringLiteral("5"), QStringLiteral("--out"), out,
            QStringLiteral("extra") },
    };
    for (const QStringList& args : cases) {
        const ProcessResult result = runCli(QStringList { QStringLiteral("record") } + args);
        const std::string shown = args.join(QLatin1Char(' ')).toStdString();
        EXPECT_EQ(result.exitCode, 2) << shown << "\n" << result.err.toStdString();
        EXPECT_FALSE(result.crashed) << shown;
        EXPECT_TRUE(result.err.contains(QStringLiteral("rapport-cli: "))) << shown;
        EXPECT_FALSE(QFile::exists(out)) << shown;
    }
}

TEST(RecordCliTest, HelpNamesTheOptions)
{
    const ProcessResult result = runCli({ QStringLiteral("record"), QStringLiteral("--help") });
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_TRUE(result.out.contains(QStringLiteral("--seconds")));
    EXPECT_TRUE(result.out.contains(QStringLiteral("--out")));
    EXPECT_TRUE(result.out.contains(QStringLiteral("--json")));
}

// No input device: exit 3, and a file already at --out is neither replaced nor deleted.
TEST(RecordCliTest, WithoutAMicrophoneAnExistingFileSurvivesAndNothingIsLeftBehind)
{
    QTemporaryDir dir;
    QTemporaryDir runtime;
    ASSERT_TRUE(dir.isValid() && runtime.isValid());
    const QString out = dir.filePath(QStringLiteral("take.wav"));
    QFile existing(out);
    ASSERT_TRUE(existing.open(QIODevice::WriteOnly));
    existing.write("an earlier take");
    existing.close();
    const ProcessResult result = runCli({ QStringLiteral("record"), QStringLiteral("--seconds"),
                                            QStringLiteral("2"), QStringLiteral("--out"), out },
        noSoundServerEnvironment(runtime.path()));
    EXPECT_EQ(result.exitCode, 3) << result.err.toStdString();
    EXPECT_TRUE(result.err.contains(QStringLiteral("no audio input found"), Qt::CaseInsensitive))
        << result.err.toStdString();
    ASSERT_TRUE(existing.open(QIODevice::ReadOnly));
    EXPECT_EQ(existing.readAll(), QByteArray("an earlier take"));
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
        QStringList { QStringLiteral("take.wav") });
}
