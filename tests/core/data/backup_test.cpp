#include "core/answers/answerrepository.h"
#include "core/answers/answerwindow.h"
#include "core/conversations/conversationrepository.h"
#include "core/data/backup.h"
#include "core/rehearsal/pitchrepository.h"
#include "core/storage/sql.h"
#include "core/storage/store.h"
#include "tests/support/sqlitefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <archive.h>
#include <archive_entry.h>
#include <gtest/gtest.h>

namespace rapport::data {
namespace {

const QDateTime kNow(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC);

class BackupTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_root = m_dir.filePath(QStringLiteral("data"));
        open();
        rehearsal::Pitch pitch;
        pitch.title = QStringLiteral("Original pitch");
        ASSERT_TRUE(rehearsal::PitchRepository(*m_store->database).add(pitch, kNow).ok());
        test::writeFile(m_store->paths.recordings() + QStringLiteral("/take-1.wav"), "RIFF-one");
        test::writeFile(m_store->paths.recordings() + QStringLiteral("/take-2.wav"), "RIFF-two!");
    }

    void open()
    {
        m_store.reset();
        auto store = storage::openStore(m_root);
        ASSERT_TRUE(store.ok()) << store.error().toString().toStdString();
        m_store = std::make_unique<storage::Store>(std::move(*store));
    }

    QStringList pitchTitles()
    {
        QStringList titles;
        const Result<QList<rehearsal::PitchSummary>> all
            = rehearsal::PitchRepository(*m_store->database).list();
        if (!all.ok())
            return { QStringLiteral("(error)") };
        for (const rehearsal::PitchSummary& s : all.value())
            titles << s.pitch.title;
        return titles;
    }

    QString pathOf(const QString& name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
    QString m_root;
    std::unique_ptr<storage::Store> m_store;
};

TEST_F(BackupTest, BacksUpTheDatabaseAndRecordingsPrivately)
{
    auto backup = createBackup(m_store->paths, pathOf(QStringLiteral("b.tar.gz")), kNow);
    ASSERT_TRUE(backup.ok()) << backup.error().toString().toStdString();
    EXPECT_EQ(backup->recordings, 2);
    EXPECT_EQ(backup->schemaVersion, m_store->database->schemaVersion());
    EXPECT_EQ(test::permissionBits(pathOf(QStringLiteral("b.tar.gz"))), 0600);
    EXPECT_FALSE(QFileInfo::exists(pathOf(QStringLiteral("b.tar.gz.part"))));
    auto verified = verifyBackup(pathOf(QStringLiteral("b.tar.gz")));
    ASSERT_TRUE(verified.ok()) << verified.error().toString().toStdString();
    EXPECT_EQ(verified->recordings, 2);
    EXPECT_EQ(verified->createdAt, kNow);
}

TEST_F(BackupTest, WorksWhileAnotherConnectionIsWriting)
{
    // Another program (the window) holds an open write transaction with uncommitted changes.
    storage::Transaction open(m_store->database->connection());
    ASSERT_TRUE(open.begun().ok());
    storage::Sql insert(m_store->database->connection(),
        QStringLiteral("INSERT INTO pitches (title, target_ms, green_ms, yellow_ms, red_ms, "
                       "created_at, updated_at) VALUES ('Uncommitted', 60000, 1, 2, 3, '', '')"));
    ASSERT_TRUE(insert.exec({}, {}).ok());
    auto backup = createBackup(m_store->paths, pathOf(QStringLiteral("busy.tar.gz")), kNow);
    ASSERT_TRUE(backup.ok()) << backup.error().toString().toStdString();
    ASSERT_TRUE(verifyBackup(pathOf(QStringLiteral("busy.tar.gz"))).ok());
}

TEST_F(BackupTest, RestoreBringsBackTheDataAndKeepsASafetyCopy)
{
    ASSERT_TRUE(createBackup(m_store->paths, pathOf(QStringLiteral("b.tar.gz")), kNow).ok());
    rehearsal::Pitch later;
    later.title = QStringLiteral("Written after the backup");
    ASSERT_TRUE(rehearsal::PitchRepository(*m_store->database).add(later, kNow).ok());
    QFile::remove(m_store->paths.recordings() + QStringLiteral("/take-2.wav"));
    const storage::DataPaths paths = m_store->paths;
    m_store.reset();

    storage::DataLock lock = storage::DataLock::shared(paths).value();
    auto restored = restoreBackup(pathOf(QStringLiteral("b.tar.gz")), paths, lock, kNow.addDays(1));
    ASSERT_TRUE(restored.ok()) << restored.error().toString().toStdString();
    open();
    EXPECT_EQ(pitchTitles(), QStringList { QStringLiteral("Original pitch") });
    EXPECT_EQ(test::fileBytes(paths.recordings() + QStringLiteral("/take-2.wav")), "RIFF-two!");
    EXPECT_EQ(test::permissionBits(paths.recordings()), 0700);
    ASSERT_FALSE(restored->safetyCopy.isEmpty());
    EXPECT_TRUE(QFileInfo::exists(restored->safetyCopy + QStringLiteral("/rapport.sqlite")));
    EXPECT_TRUE(QFileInfo::exists(restored->safetyCopy + QStringLiteral("/recordings/take-1.wav")));
    EXPECT_FALSE(
        QFileInfo::exists(restored->safetyCopy + QStringLiteral("/recordings/take-2.wav")));
    // No staging folders are left behind.
    EXPECT_TRUE(QDir(m_root)
                    .entryList({ QStringLiteral(".restore-*") }, QDir::Dirs | QDir::Hidden)
                    .isEmpty());
}

// Answers to cards are in the database and their recordings in recordings/: a restore brings
// both back, with the answer light times kept with the data.
TEST_F(BackupTest, ARestoreBringsBackAnswersWithTheirRecordingsAndTheAnswerWindow)
{
    answers::Answer answer;
    answer.card = { QStringLiteral("rapport.deep-zone"), QStringLiteral("deep-001"),
        decks::Zone::Deep, QStringLiteral("What is the most vivid memory from your childhood?") };
    answer.startedAt = kNow;
    answer.lights = answers::defaultAnswerLights();
    answer.audioPath = m_store->paths.recordings() + QStringLiteral("/take-answer.wav");
    answer.report.durationS = 42;
    answer.report.speechStartS = 2.5;
    answer.rating.overall = 4;
    answer.rating.ratedAt = kNow;
    test::writeFile(answer.audioPath, "RIFF-answer");
    ASSERT_TRUE(answers::AnswerRepository(*m_store->database).add(answer).ok());
    const rehearsal::LightTimes lights = rehearsal::LightTimes::pitch(30'000, 45'000, 60'000);
    ASSERT_TRUE(answers::saveAnswerLights(*m_store->database, lights).ok());
    auto backup = createBackup(m_store->paths, pathOf(QStringLiteral("a.tar.gz")), kNow);
    ASSERT_TRUE(backup.ok()) << backup.error().toString().toStdString();
    EXPECT_EQ(backup->recordings, 3);

    // Lost after the backup: the answer, its recording and the window.
    ASSERT_TRUE(answers::AnswerRepository(*m_store->database).remove(1).ok());
    QFile::remove(answer.audioPath);
    ASSERT_TRUE(answers::saveAnswerLights(*m_store->database, answers::defaultAnswerLights()).ok());
    const storage::DataPaths paths = m_store->paths;
    m_store.reset();
    storage::DataLock lock = storage::DataLock::shared(paths).value();
    auto restored = restoreBackup(pathOf(QStringLiteral("a.tar.gz")), paths, lock, kNow.addDays(1));
    ASSERT_TRUE(restored.ok()) << restored.error().toString().toStdString();
    open();
    Result<QList<answers::Answer>> back = answers::AnswerRepository(*m_store->database).list();
    ASSERT_TRUE(back.ok());
    ASSERT_EQ(back->size(), 1);
    EXPECT_EQ(back->first().card, answer.card);
    EXPECT_EQ(back->first().report.speechStartS, 2.5);
    EXPECT_EQ(back->first().rating.overall, 4);
    EXPECT_EQ(test::fileBytes(back->first().audioPath), "RIFF-answer");
    EXPECT_EQ(*answers::loadAnswerLights(*m_store->database), lights);
}

// The window keeps its connection open during a restore, so recent changes can still be in the
// write-ahead log: they are folded into the database file before it is moved aside, and the
// safety copy's rapport.sqlite is whole even without its -wal.
TEST_F(BackupTest, TheSafetyCopyIsWholeWithoutItsWriteAheadLog)
{
    ASSERT_TRUE(createBackup(m_store->paths, pathOf(QStringLiteral("b.tar.gz")), kNow).ok());
    rehearsal::Pitch later;
    later.title = QStringLiteral("Written after the backup");
    ASSERT_TRUE(rehearsal::PitchRepository(*m_store->database).add(later, kNow).ok());
    ASSERT_GT(QFileInfo(m_store->paths.database() + QStringLiteral("-wal")).size(), 0);

    auto restored
        = restoreBackup(pathOf(QStringLiteral("b.tar.gz")), m_store->paths, m_store->lock, kNow);
    ASSERT_TRUE(restored.ok()) << restored.error().toString().toStdString();
    const QString alone = pathOf(QStringLiteral("alone.sqlite"));
    ASSERT_TRUE(QFile::copy(restored->safetyCopy + QStringLiteral("/rapport.sqlite"), alone));
    ASSERT_FALSE(QFileInfo::exists(alone + QStringLiteral("-wal")));
    EXPECT_EQ(test::RawSqlite(alone)
                  .scalar(QStringLiteral("SELECT COUNT(*) FROM pitches WHERE title = "
                                         "'Written after the backup'"))
                  .toInt(),
        1);
    m_store.reset();
}

TEST_F(BackupTest, DamagedArchivesAreRefusedAndNothingChanges)
{
    const QString good = pathOf(QStringLiteral("b.tar.gz"));
    ASSERT_TRUE(createBackup(m_store->paths, good, kNow).ok());
    const QByteArray bytes = test::fileBytes(good);
    const storage::DataPaths paths = m_store->paths;
    m_store.reset();
    const QByteArray databaseBefore = test::fileBytes(paths.database());
    storage::DataLock lock = storage::DataLock::shared(paths).value();

    QByteArray flipped = bytes;
    flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 0x5a);
    test::writeFile(pathOf(QStringLiteral("flipped.tar.gz")), flipped);
    test::writeFile(pathOf(QStringLiteral("truncated.tar.gz")), bytes.left(bytes.size() / 2));
    test::writeFile(pathOf(QStringLiteral("text.tar.gz")), "just some text\n");
    for (const char* name : { "flipped.tar.gz", "truncated.tar.gz", "text.tar.gz" }) {
        auto restored = restoreBackup(pathOf(QString::fromLatin1(name)), paths, lock, kNow);
        ASSERT_FALSE(restored.ok()) << name;
        EXPECT_EQ(restored.error().kind, ErrorKind::Format) << name;
        EXPECT_TRUE(restored.error().what.contains(QString::fromLatin1(name))) << name;
        EXPECT_TRUE(restored.error().fix.contains(QStringLiteral("Nothing was changed")));
        // Every refusal gives a reason, not "...backup: ."
        EXPECT_FALSE(restored.error().what.endsWith(QStringLiteral(": ."))) << name;
        EXPECT_FALSE(restored.error().what.endsWith(QStringLiteral("backup: ."))) << name;
    }
    EXPECT_EQ(test::fileBytes(paths.database()), databaseBefore);
    EXPECT_TRUE(
        QDir(m_root).entryList({ QStringLiteral("before-restore-*") }, QDir::Dirs).isEmpty());
    EXPECT_TRUE(QDir(m_root)
                    .entryList({ QStringLiteral(".restore-*") }, QDir::Dirs | QDir::Hidden)
                    .isEmpty());
    EXPECT_EQ(
        restoreBackup(pathOf(QStringLiteral("missing.tar.gz")), paths, lock, kNow).error().kind,
        ErrorKind::NotFound);
}

TEST_F(BackupTest, RestoreIsRefusedWhileAnotherProcessHasTheDataOpen)
{
    const QString archive = pathOf(QStringLiteral("b.tar.gz"));
    ASSERT_TRUE(createBackup(m_store->paths, archive, kNow).ok());
    const storage::DataPaths paths = m_store->paths;
    const QByteArray before = test::fileBytes(paths.database());
    // The fixture's store stands for the window; this lock for the command that restores.
    storage::DataLock mine = storage::DataLock::shared(paths).value();
    auto refused = restoreBackup(archive, paths, mine, kNow);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().kind, ErrorKind::Busy);
    EXPECT_TRUE(refused.error().fix.contains(QStringLiteral("Close the other Rapport windows")))
        << refused.error().fix.toStdString();
    EXPECT_TRUE(refused.error().fix.contains(QStringLiteral("Nothing was changed")));
    EXPECT_EQ(test::fileBytes(paths.database()), before);
    EXPECT_TRUE(
        QDir(m_root).entryList({ QStringLiteral("before-restore-*") }, QDir::Dirs).isEmpty());

    // Once the window has closed, the same restore goes ahead, and gives the lock back shared.
    m_store.reset();
    ASSERT_TRUE(restoreBackup(archive, paths, mine, kNow).ok());
    EXPECT_TRUE(storage::DataLock::shared(paths).ok());
}

TEST_F(BackupTest, NoFreshDatabaseIsMadeWhileTheDataIsSetAsideOrEmpty)
{
    const QString archive = pathOf(QStringLiteral("b.tar.gz"));
    ASSERT_TRUE(createBackup(m_store->paths, archive, kNow).ok());
    const storage::DataPaths paths = m_store->paths;
    ASSERT_TRUE(restoreBackup(archive, paths, m_store->lock, kNow).ok());
    m_store.reset();
    // The database goes missing (deleted by hand, a failed sync) while a restore's safety copy
    // holds one: opening says where it is instead of starting with no data.
    ASSERT_TRUE(QFile::remove(paths.database()));
    auto missing = storage::openStore(m_root);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().kind, ErrorKind::NotFound);
    EXPECT_TRUE(missing.error().what.contains(QStringLiteral("before-restore-")))
        << missing.error().what.toStdString();
    EXPECT_FALSE(QFileInfo::exists(paths.database()));

    test::writeFile(paths.database(), {});
    auto empty = storage::openStore(m_root);
    ASSERT_FALSE(empty.ok());
    EXPECT_EQ(empty.error().kind, ErrorKind::NotADatabase);
    EXPECT_TRUE(empty.error().fix.contains(QStringLiteral("Restore a backup")));
    EXPECT_EQ(QFileInfo(paths.database()).size(), 0);
}

TEST_F(BackupTest, AnArchiveWithPathsOutsideTheBackupIsRefused)
{
    const QString evil = pathOf(QStringLiteral("evil.tar.gz"));
    {
        archive* out = archive_write_new();
        archive_write_add_filter_gzip(out);
        archive_write_set_format_pax_restricted(out);
        ASSERT_EQ(
            archive_write_open_filename(out, QFile::encodeName(evil).constData()), ARCHIVE_OK);
        const QByteArray manifest = R"({"format":"rapport-backup","version":1,"files":[
            {"path":"rapport.sqlite","size":1,"sha256":"x"},
            {"path":"recordings/../../evil","size":1,"sha256":"x"}]})";
        archive_entry* entry = archive_entry_new();
        archive_entry_set_pathname(entry, "rapport-backup/manifest.json");
        archive_entry_set_size(entry, manifest.size());
        archive_entry_set_filetype(entry, AE_IFREG);
        archive_entry_set_perm(entry, 0600);
        archive_write_header(out, entry);
        archive_write_data(out, manifest.constData(), static_cast<size_t>(manifest.size()));
        archive_entry_free(entry);
        archive_write_close(out);
        archive_write_free(out);
    }
    auto verified = verifyBackup(evil);
    ASSERT_FALSE(verified.ok());
    EXPECT_EQ(verified.error().kind, ErrorKind::Format);
    EXPECT_TRUE(verified.error().what.contains(QStringLiteral("../../evil")));
}

TEST_F(BackupTest, NeverOverwritesAnExistingFile)
{
    test::writeFile(pathOf(QStringLiteral("exists.tar.gz")), "mine");
    auto backup = createBackup(m_store->paths, pathOf(QStringLiteral("exists.tar.gz")), kNow);
    ASSERT_FALSE(backup.ok());
    EXPECT_EQ(test::fileBytes(pathOf(QStringLiteral("exists.tar.gz"))), "mine");
}

TEST_F(BackupTest, NeverWritesThroughALinkAtThePartFileNorBacksUpLinkedFiles)
{
    // A link planted where the backup writes its temporary file, pointing at a file of the user's.
    const QString victim = pathOf(QStringLiteral("victim.txt"));
    test::writeFile(victim, "precious");
    ASSERT_TRUE(QFile::link(victim, pathOf(QStringLiteral("b.tar.gz.part"))));
    auto refused = createBackup(m_store->paths, pathOf(QStringLiteral("b.tar.gz")), kNow);
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(refused.error().fix.contains(QStringLiteral("in the way")))
        << refused.error().fix.toStdString();
    EXPECT_EQ(test::fileBytes(victim), "precious");
    EXPECT_FALSE(QFileInfo::exists(pathOf(QStringLiteral("b.tar.gz"))));

    // A plain .part left by a killed backup is replaced; a link in recordings/ stays out.
    test::writeFile(pathOf(QStringLiteral("c.tar.gz.part")), "half a backup");
    ASSERT_TRUE(QFile::link(victim, m_store->paths.recordings() + QStringLiteral("/stolen.wav")));
    auto backup = createBackup(m_store->paths, pathOf(QStringLiteral("c.tar.gz")), kNow);
    ASSERT_TRUE(backup.ok()) << backup.error().toString().toStdString();
    EXPECT_EQ(backup->recordings, 2);
    EXPECT_FALSE(QFileInfo::exists(pathOf(QStringLiteral("c.tar.gz.part"))));
    EXPECT_EQ(test::permissionBits(pathOf(QStringLiteral("c.tar.gz"))), 0600);
    ASSERT_TRUE(verifyBackup(pathOf(QStringLiteral("c.tar.gz"))).ok());
}

} // namespace
} // namespace rapport::data
