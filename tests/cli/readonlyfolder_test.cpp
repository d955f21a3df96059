// A data folder the user cannot write to (a read-only mount, a copy from another account, a
// folder locked with chmod) still shows the user's data: the commands that only read work and
// write nothing there; the ones that change data say why they cannot and what to do (issue 13).
// Permissions do not bind root, so when the suite runs as root the commands run as "nobody".
#include "core/rehearsal/pitchrepository.h"
#include "core/rehearsal/takerepository.h"
#include "core/storage/store.h"
#include "tests/support/cliprocess.h"
#include "tests/support/testtake.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace rapport {
namespace {

constexpr uint kNobody = 65534;

// Every file and folder under `root` with its size and modification time.
QStringList snapshot(const QString& root)
{
    QStringList entries;
    QDirIterator it(root, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
        QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info(it.next());
        entries << u"%1 %2 %3"_s.arg(info.filePath())
                       .arg(info.isDir() ? -1 : info.size())
                       .arg(info.lastModified().toMSecsSinceEpoch());
    }
    entries.sort();
    return entries;
}

// Sets the owner of `path` and everything under it (only called as root).
bool chownTree(const QString& path, uint uid)
{
    if (::chown(QFile::encodeName(path).constData(), uid, uid) != 0)
        return false;
    QDirIterator it(path, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
        QDirIterator::Subdirectories);
    while (it.hasNext())
        if (::lchown(QFile::encodeName(it.next()).constData(), uid, uid) != 0)
            return false;
    return true;
}

class ReadOnlyFolderTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        {
            auto store = storage::openStore(data());
            ASSERT_TRUE(store.ok()) << store.error().what.toStdString();
            rehearsal::Pitch pitch;
            pitch.title = u"Conference intro"_s;
            pitch.targetMs = 60'000;
            const auto pitchId
                = rehearsal::PitchRepository(*store->database)
                      .add(pitch, QDateTime(QDate(2026, 11, 30), QTime(9, 0), Qt::UTC));
            ASSERT_TRUE(pitchId.ok());
            const QString audio = store->paths.recordings() + u"/take.wav"_s;
            ASSERT_EQ(test::writeToneTake(audio, 1600, 16000, 1600), QString());
            rehearsal::Take take;
            take.pitchId = *pitchId;
            take.startedAt = QDateTime(QDate(2026, 11, 30), QTime(9, 5), Qt::UTC);
            take.audioPath = audio;
            take.report = test::everyFieldReport();
            take.rating.overall = 4;
            ASSERT_TRUE(rehearsal::TakeRepository(*store->database).add(take).ok());
        }
        m_env = QProcessEnvironment::systemEnvironment();
        m_env.insert(u"RAPPORT_DATA_DIR"_s, data());
        m_env.insert(u"HOME"_s, m_dir.path());
        m_env.insert(u"XDG_RUNTIME_DIR"_s, m_dir.path());
        ASSERT_TRUE(QDir().mkpath(m_dir.filePath(u"out"_s)));
        if (::geteuid() == 0) {
            // "nobody" must be able to run the program and reach the folder: a copy of the
            // program in the (then nobody-owned) temporary folder,
            m_program = m_dir.filePath(u"rapport-cli"_s);
            ASSERT_TRUE(QFile::copy(test::cliProgram(), m_program));
            // and the helper it runs for backup (see app/cli/audiohelper.h)
            const QString helper
                = QFileInfo(test::cliProgram()).dir().filePath(u"rapport-cli-analyse"_s);
            ASSERT_TRUE(QFile::copy(helper, m_dir.filePath(u"rapport-cli-analyse"_s)));
            ASSERT_TRUE(chownTree(m_dir.path(), kNobody));
            ASSERT_EQ(::chmod(QFile::encodeName(m_dir.path()).constData(), 0755), 0);
        } else {
            m_program = test::cliProgram();
        }
        // The data folder and its recordings read-only, as `chmod -R a-w` leaves them.
        for (const QString& folder : QStringList { data(), data() + u"/recordings"_s })
            ASSERT_EQ(::chmod(QFile::encodeName(folder).constData(), 0500), 0);
        m_before = snapshot(data());
    }
    void TearDown() override
    {
        for (const QString& folder : QStringList { data(), data() + u"/recordings"_s })
            ::chmod(QFile::encodeName(folder).constData(), 0700);
    }

    test::ProcessResult cli(const QStringList& args)
    {
        if (::geteuid() != 0)
            return test::runProgram(m_program, args, m_env);
        return test::runProgram(u"setpriv"_s,
            QStringList { u"--reuid=%1"_s.arg(kNobody), u"--regid=%1"_s.arg(kNobody),
                u"--clear-groups"_s, u"--"_s, m_program }
                + args,
            m_env);
    }
    QString data() const { return m_dir.filePath(u"data"_s); }

    QTemporaryDir m_dir;
    QProcessEnvironment m_env;
    QString m_program;
    QStringList m_before;
};

TEST_F(ReadOnlyFolderTest, CommandsThatOnlyReadWorkAndWriteNothingThere)
{
    const auto pitches = cli({ u"pitches"_s, u"list"_s });
    ASSERT_EQ(pitches.exitCode, 0) << pitches.err.toStdString();
    EXPECT_TRUE(pitches.out.contains(u"Conference intro"_s)) << pitches.out.toStdString();

    const auto takes = cli({ u"takes"_s, u"list"_s, u"--json"_s });
    ASSERT_EQ(takes.exitCode, 0) << takes.err.toStdString();
    EXPECT_TRUE(takes.out.contains(u"take.wav"_s)) << takes.out.toStdString();

    const auto progress = cli({ u"progress"_s, u"--json"_s });
    ASSERT_EQ(progress.exitCode, 0) << progress.err.toStdString();

    const auto info = cli({ u"info"_s, u"--check"_s });
    ASSERT_EQ(info.exitCode, 0) << info.err.toStdString();
    EXPECT_TRUE(info.out.contains(u"ok"_s)) << info.out.toStdString();

    const auto decks = cli({ u"decks"_s, u"list"_s });
    EXPECT_EQ(decks.exitCode, 0) << decks.err.toStdString();
    const auto talks = cli({ u"conversations"_s, u"list"_s });
    EXPECT_EQ(talks.exitCode, 0) << talks.err.toStdString();

    const QString out = m_dir.filePath(u"out"_s);
    const auto exported
        = cli({ u"export"_s, u"--format"_s, u"csv"_s, u"--out"_s, out + u"/csv"_s });
    ASSERT_EQ(exported.exitCode, 0) << exported.err.toStdString();
    EXPECT_TRUE(QFile(out + u"/csv/takes.csv"_s).size() > 0);

    const auto backup = cli({ u"backup"_s, out + u"/backup.tar.gz"_s });
    ASSERT_EQ(backup.exitCode, 0) << backup.err.toStdString();
    const auto verified = cli({ u"backup"_s, u"--verify"_s, out + u"/backup.tar.gz"_s });
    EXPECT_EQ(verified.exitCode, 0) << verified.err.toStdString();
    EXPECT_TRUE(verified.out.contains(u"1 recording"_s)) << verified.out.toStdString();

    EXPECT_EQ(snapshot(data()), m_before) << "a read-only command wrote into the data folder";
}

TEST_F(ReadOnlyFolderTest, CommandsThatChangeDataSayWhyTheyCannot)
{
    const auto add = cli({ u"pitches"_s, u"add"_s, u"--title"_s, u"New"_s });
    EXPECT_EQ(add.exitCode, 4) << add.err.toStdString();
    EXPECT_TRUE(add.err.contains(u"not writable"_s)) << add.err.toStdString();
    EXPECT_TRUE(add.err.contains(u"--data-dir"_s)) << add.err.toStdString(); // what to do

    const auto goal = cli({ u"progress"_s, u"--set-goal"_s, u"3,2"_s });
    EXPECT_EQ(goal.exitCode, 4) << goal.err.toStdString();
    const auto draw = cli({ u"draw"_s });
    EXPECT_EQ(draw.exitCode, 4) << draw.err.toStdString();

    EXPECT_EQ(snapshot(data()), m_before);
}

} // namespace
} // namespace rapport
