#include "core/audio/audioblock.h"
#include "core/rehearsal/pitchrepository.h"
#include "core/rehearsal/recordings.h"
#include "core/storage/store.h"
#include "tests/support/testtake.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace rapport::rehearsal {
namespace {

using audio::kSampleRate;

const QDateTime kNow(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC);

// Writes `path`: `silentFrames` of silence, then `toneFrames` of the test tone, then silence
// again; every frame is known, so durations are exact.
void writeTake(const QString& path, std::int64_t silentFrames, std::int64_t toneFrames)
{
    ASSERT_EQ(test::writeToneTake(path, silentFrames, toneFrames, silentFrames), QString());
}

class RecordingsTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        auto store = storage::openStore(m_dir.filePath(QStringLiteral("data")));
        ASSERT_TRUE(store.ok()) << store.error().toString().toStdString();
        m_store = std::make_unique<storage::Store>(std::move(*store));
        m_takes = std::make_unique<TakeRepository>(*m_store->database);
        m_recordings = std::make_unique<Recordings>(m_store->paths, *m_takes);
        m_pitch.title = QStringLiteral("Intro");
        m_pitch.targetMs = 30'000;
        m_pitch.lights = rehearsal::defaultLightsFor(30'000);
        Result<qint64> id = PitchRepository(*m_store->database).add(m_pitch, kNow);
        ASSERT_TRUE(id.ok());
        m_pitch.id = *id;
    }

    QString recording(const QString& name) const
    {
        return QDir(m_store->paths.recordings()).filePath(name);
    }

    // Stores a take that uses `audioPath`.
    void addTake(const QString& audioPath)
    {
        Take take;
        take.pitchId = m_pitch.id;
        take.startedAt = kNow;
        take.lights = m_pitch.lights;
        take.audioPath = audioPath;
        ASSERT_TRUE(m_takes->add(take).ok());
    }

    QStringList orphanPaths() const
    {
        Result<QList<OrphanRecording>> orphans = m_recordings->orphans();
        EXPECT_TRUE(orphans.ok());
        QStringList paths;
        if (orphans) {
            for (const OrphanRecording& orphan : *orphans)
                paths << orphan.path;
        }
        return paths;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<storage::Store> m_store;
    std::unique_ptr<TakeRepository> m_takes;
    std::unique_ptr<Recordings> m_recordings;
    rehearsal::Pitch m_pitch;
};

TEST_F(RecordingsTest, NewTakePathsNameTheUtcStartTimeAndNeverRepeat)
{
    const QString first = m_recordings->newTakePath(kNow);
    const QString second = m_recordings->newTakePath(kNow);
    EXPECT_NE(first, second);
    EXPECT_EQ(QFileInfo(first).absolutePath(), m_store->paths.recordings());
    EXPECT_TRUE(QFileInfo(first).fileName().startsWith(QStringLiteral("take-20261123T090000Z-")))
        << first.toStdString();
    EXPECT_EQ(Recordings::startTimeFromName(QFileInfo(first).fileName()), kNow);
    // A local time zone's view of the same instant names the same UTC time.
    EXPECT_EQ(Recordings::startTimeFromName(
                  QFileInfo(m_recordings->newTakePath(kNow.toLocalTime())).fileName()),
        kNow);
    EXPECT_FALSE(Recordings::startTimeFromName(QStringLiteral("take.wav")).isValid());
    EXPECT_FALSE(
        Recordings::startTimeFromName(QStringLiteral("take-20261399T250000Z-ab.wav")).isValid());
}

TEST_F(RecordingsTest, OrphansAreTheWavFilesNoTakeRefersToWithTheirLengthOldestFirst)
{
    const QString used = recording(QStringLiteral("take-20261123T080000Z-00000001.wav"));
    const QString later = recording(QStringLiteral("take-20261123T100000Z-00000002.wav"));
    const QString earlier = recording(QStringLiteral("take-20261122T100000Z-00000003.wav"));
    writeTake(used, 8000, 16000);
    writeTake(later, 8000, 16000); // 2 s
    writeTake(earlier, 4000, 8000); // 1 s
    QFile junk(recording(QStringLiteral("notes.txt")));
    ASSERT_TRUE(junk.open(QIODevice::WriteOnly));
    junk.close();
    addTake(used);

    Result<QList<OrphanRecording>> orphans = m_recordings->orphans();
    ASSERT_TRUE(orphans.ok()) << orphans.error().toString().toStdString();
    ASSERT_EQ(orphans->size(), 2);
    EXPECT_EQ(orphans->at(0).path, earlier);
    EXPECT_EQ(orphans->at(0).durationFrames, 16000);
    EXPECT_EQ(orphans->at(0).startedAt, QDateTime(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC));
    EXPECT_TRUE(orphans->at(0).problem.isEmpty());
    EXPECT_EQ(orphans->at(1).path, later);
    EXPECT_EQ(orphans->at(1).durationFrames, 32000);
    EXPECT_DOUBLE_EQ(orphans->at(1).durationS(), 2.0);
}

TEST_F(RecordingsTest, AnUnreadableRecordingIsListedWithItsProblem)
{
    // What a take killed before its first block leaves: a file that is not (yet) audio.
    QFile empty(recording(QStringLiteral("take-20261123T090000Z-0000000a.wav")));
    ASSERT_TRUE(empty.open(QIODevice::WriteOnly));
    empty.close();
    Result<QList<OrphanRecording>> orphans = m_recordings->orphans();
    ASSERT_TRUE(orphans.ok());
    ASSERT_EQ(orphans->size(), 1);
    EXPECT_EQ(orphans->at(0).durationFrames, 0);
    EXPECT_FALSE(orphans->at(0).problem.isEmpty());
    // It cannot become a take, but it can be discarded.
    EXPECT_FALSE(m_recordings->recover(empty.fileName(), m_pitch).ok());
    EXPECT_TRUE(m_recordings->discard(empty.fileName()).ok());
    EXPECT_FALSE(QFile::exists(empty.fileName()));
}

TEST_F(RecordingsTest, WithoutATimeInItsNameAnOrphanStartedItsDurationBeforeItsLastWrite)
{
    const QString path = recording(QStringLiteral("mine.wav"));
    writeTake(path, 8000, 16000); // 2 s
    const QDateTime written(QDate(2026, 11, 20), QTime(12, 0, 10), Qt::UTC);
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadWrite));
    ASSERT_TRUE(file.setFileTime(written, QFileDevice::FileModificationTime));
    file.close();
    Result<OrphanRecording> orphan = m_recordings->orphan(path);
    ASSERT_TRUE(orphan.ok()) << orphan.error().toString().toStdString();
    EXPECT_EQ(orphan->startedAt, written.addSecs(-2));
}

TEST_F(RecordingsTest, ARecordingInProgressIsNotAnOrphanButALockLeftByAKilledTakeIs)
{
    const QString path = m_recordings->newTakePath(kNow);
    {
        Result<std::unique_ptr<RecordingLock>> lock = m_recordings->markRecording(path);
        ASSERT_TRUE(lock.ok()) << lock.error().toString().toStdString();
        writeTake(path, 800, 800);
        EXPECT_TRUE(orphanPaths().isEmpty());
        Result<QString> discarded = m_recordings->discard(path);
        ASSERT_FALSE(discarded.ok());
        EXPECT_EQ(discarded.error().kind, ErrorKind::Busy);
        EXPECT_TRUE(QFile::exists(path));
    }
    EXPECT_EQ(orphanPaths(), QStringList { path });

    // A killed process leaves its lock file, but the lock itself died with it.
    const QString lockFile = QFileInfo(path).absolutePath() + QStringLiteral("/.")
        + QFileInfo(path).fileName() + QStringLiteral(".lock");
    QFile stale(lockFile);
    ASSERT_TRUE(stale.open(QIODevice::WriteOnly));
    stale.close();
    EXPECT_EQ(orphanPaths(), QStringList { path });
    ASSERT_TRUE(m_recordings->discard(path).ok());
    EXPECT_FALSE(QFile::exists(lockFile)) << "the stale lock file is cleaned up with the file";
}

// The lock says what the recording is for; a killed take's orphan still says it, and a lock file
// that holds anything else says nothing.
TEST_F(RecordingsTest, AnOrphanSaysWhatItWasRecordedForWhenItsLockFileDoes)
{
    const QString path = m_recordings->newTakePath(kNow);
    const QString lockFile = QFileInfo(path).absolutePath() + QStringLiteral("/.")
        + QFileInfo(path).fileName() + QStringLiteral(".lock");
    Take take;
    take.pitchId = m_pitch.id;
    QByteArray written;
    {
        Result<std::unique_ptr<RecordingLock>> lock
            = m_recordings->markRecording(path, m_takes->recordingLabel(take));
        ASSERT_TRUE(lock.ok()) << lock.error().toString().toStdString();
        writeTake(path, 800, 800);
        QFile held(lockFile);
        ASSERT_TRUE(held.open(QIODevice::ReadOnly));
        written = held.readAll();
    }
    EXPECT_EQ(takeLabelPitch(QJsonDocument::fromJson(written).object()), m_pitch.id)
        << written.toStdString();
    // Killed: the lock file stays with its label, the lock is gone.
    QFile stale(lockFile);
    ASSERT_TRUE(stale.open(QIODevice::WriteOnly));
    stale.write(written);
    stale.close();
    Result<OrphanRecording> orphan = m_recordings->orphan(path);
    ASSERT_TRUE(orphan.ok());
    EXPECT_EQ(takeLabelPitch(orphan->label), m_pitch.id);
    ASSERT_TRUE(stale.open(QIODevice::WriteOnly));
    stale.write("not json at all");
    stale.close();
    orphan = m_recordings->orphan(path);
    ASSERT_TRUE(orphan.ok());
    EXPECT_TRUE(orphan->label.isEmpty());
    QFile::remove(lockFile);
    orphan = m_recordings->orphan(path);
    ASSERT_TRUE(orphan.ok());
    EXPECT_TRUE(orphan->label.isEmpty());
}

TEST_F(RecordingsTest, RecoverStoresTheOrphanAsATakeOfThePitchWithItsAnalysis)
{
    const QString path = recording(QStringLiteral("take-20261123T083000Z-0000beef.wav"));
    writeTake(path, kSampleRate, 2 * kSampleRate); // 1 s silence, 2 s tone, 1 s silence

    Result<Take> take = m_recordings->recover(QFileInfo(path).fileName(), m_pitch);
    ASSERT_TRUE(take.ok()) << take.error().toString().toStdString();
    EXPECT_GT(take->id, 0);
    Result<Take> stored = m_takes->get(take->id);
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored->pitchId, m_pitch.id);
    EXPECT_EQ(stored->audioPath, path);
    EXPECT_EQ(stored->startedAt, QDateTime(QDate(2026, 11, 23), QTime(8, 30), Qt::UTC));
    EXPECT_EQ(stored->lights.greenMs, m_pitch.lights.greenMs);
    EXPECT_EQ(stored->lights.redMs, m_pitch.lights.redMs);
    EXPECT_NEAR(stored->report.durationS, 4.0, 1e-6);
    ASSERT_TRUE(stored->report.speechStartS && stored->report.speechEndS);
    EXPECT_NEAR(*stored->report.speechStartS, 1.0, 0.08);
    EXPECT_NEAR(*stored->report.speechEndS, 3.0, 0.08);
    EXPECT_FALSE(stored->rating.rated());
    EXPECT_TRUE(orphanPaths().isEmpty());
    // Now it belongs to a take: neither recovered twice nor discarded.
    EXPECT_FALSE(m_recordings->recover(path, m_pitch).ok());
    EXPECT_FALSE(m_recordings->discard(path).ok());
    EXPECT_TRUE(QFile::exists(path));
}

TEST_F(RecordingsTest, OnlyWavFilesDirectlyInsideTheRecordingsFolderAreAccepted)
{
    const QString outside = m_dir.filePath(QStringLiteral("outside.wav"));
    writeTake(outside, 800, 800);
    const QString inside = recording(QStringLiteral("inside.wav"));
    writeTake(inside, 800, 800);
    ASSERT_TRUE(QDir().mkpath(recording(QStringLiteral("sub"))));
    const QString nested = recording(QStringLiteral("sub/nested.wav"));
    writeTake(nested, 800, 800);
    const QString link = recording(QStringLiteral("link.wav"));
    ASSERT_TRUE(QFile::link(outside, link));
    QFile text(recording(QStringLiteral("notes.txt")));
    ASSERT_TRUE(text.open(QIODevice::WriteOnly));
    text.close();

    for (const QString& refused : { outside, nested, link, text.fileName(),
             recording(QStringLiteral("../../outside.wav")), m_store->paths.database() }) {
        Result<QString> discarded = m_recordings->discard(refused);
        ASSERT_FALSE(discarded.ok()) << refused.toStdString();
        EXPECT_EQ(discarded.error().kind, ErrorKind::InvalidArgument) << refused.toStdString();
        EXPECT_TRUE(QFileInfo::exists(refused)) << refused.toStdString();
    }
    EXPECT_EQ(m_recordings->discard(recording(QStringLiteral("missing.wav"))).error().kind,
        ErrorKind::NotFound);
    Result<QString> discarded = m_recordings->discard(inside);
    ASSERT_TRUE(discarded.ok()) << discarded.error().toString().toStdString();
    EXPECT_FALSE(QFile::exists(inside));
    EXPECT_TRUE(QFile::exists(outside));
}

TEST_F(RecordingsTest, ADeletedTakesAudioIsRemovedOnlyFromThisDataFolder)
{
    const QString inside = recording(QStringLiteral("take-inside.wav"));
    writeTake(inside, 1600, 1600);
    // An imported take can name another data folder's recording (the folder it was exported
    // from, perhaps): that file is not this folder's to delete.
    QDir(m_dir.path()).mkpath(QStringLiteral("elsewhere/recordings"));
    const QString outside = m_dir.filePath(QStringLiteral("elsewhere/recordings/take-outside.wav"));
    writeTake(outside, 1600, 1600);
    const QString sneaky = recording(QStringLiteral("../../elsewhere/recordings/take-outside.wav"));

    Result<AudioRemoval> removed = removeTakeAudio(m_store->paths, inside);
    ASSERT_TRUE(removed.ok());
    EXPECT_EQ(*removed, AudioRemoval::Removed);
    EXPECT_FALSE(QFile::exists(inside));
    EXPECT_EQ(*removeTakeAudio(m_store->paths, inside), AudioRemoval::AlreadyGone);
    EXPECT_EQ(*removeTakeAudio(m_store->paths, QString()), AudioRemoval::AlreadyGone);
    EXPECT_EQ(*removeTakeAudio(m_store->paths, outside), AudioRemoval::KeptOutside);
    EXPECT_EQ(*removeTakeAudio(m_store->paths, sneaky), AudioRemoval::KeptOutside);
    EXPECT_TRUE(QFile::exists(outside));
}

} // namespace
} // namespace rapport::rehearsal
