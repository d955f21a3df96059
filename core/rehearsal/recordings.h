#pragma once

#include "core/common/result.h"
#include "core/rehearsal/pitch.h"
#include "core/rehearsal/pitchrepository.h"
#include "core/rehearsal/takerepository.h"
#include "core/rehearsal/takestore.h"
#include "core/storage/datadir.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <cstdint>
#include <functional>
#include <memory>

namespace rapport::rehearsal {

/// A WAV file in recordings/ that no take refers to: what a killed or failed take leaves behind
/// (its database row is only written once the take has ended).
struct OrphanRecording
{
    QString path; ///< absolute, inside the recordings folder
    std::int64_t durationFrames = 0; ///< at audio::kSampleRate; 0 when unreadable
    QDateTime startedAt; ///< UTC: from the file name, else the last write less the duration
    QString problem; ///< why the file cannot be read as audio; empty when it is playable
    /// What it was being recorded for, as the program recording it said (TakeStore::
    /// recordingLabel(), kept in its lock file); empty when unknown (a recording made before
    /// labels, or whose label cannot be read).
    QJsonObject label;

    /// The length in seconds.
    double durationS() const;
};

/// Marks one recording as in progress while it lives: an flock(2)ed hidden file beside it, which
/// the system releases when the process ends in any way (so a killed take's file is an orphan).
class RecordingLock
{
public:
    explicit RecordingLock(QString lockPath, int fd);
    ~RecordingLock();
    RecordingLock(const RecordingLock&) = delete;
    RecordingLock& operator=(const RecordingLock&) = delete;

private:
    QString m_lockPath;
    int m_fd = -1;
};

/// What became of a deleted take's audio.
enum class AudioRemoval {
    Removed,
    AlreadyGone, ///< no file there (or the take kept no audio)
    KeptOutside, ///< not in this data folder's recordings: an imported take's path, left alone
    KeptShared, ///< another take refers to the same file (by its canonical path): it stays
};

/// Deletes the audio of a take whose row was deleted, but only a file directly inside the
/// recordings folder of `paths`: a take imported from an export may name another data folder's
/// recording, which is not this one's to delete. Io when the file is there and stays.
/// `stillUsed` holds the canonical paths (comparablePath()) of the recordings other takes still
/// refer to: those are kept (KeptShared).
Result<AudioRemoval> removeTakeAudio(
    const storage::DataPaths& paths, const QString& audioPath, const QSet<QString>& stillUsed = {});

/// `path` as two names of one file compare equal: links and ".." resolved when the file exists.
QString comparablePath(const QString& path);

/// Whether `path` names a file directly inside the recordings folder of `paths` (not below it,
/// not through a link or ".." that leads elsewhere).
bool directlyInRecordings(const QString& path, const storage::DataPaths& paths);

/// What deleting a take did: its row is gone; its recording as `audio` says.
struct TakeDeletion
{
    qint64 takeId = 0;
    QString audioPath; ///< as the take named it; may be empty
    /// What became of the recording, or why it is still there (Io): the row is gone either way.
    Result<AudioRemoval> audio = AudioRemoval::AlreadyGone;
};

/// The recordings folder of a data directory: names for new takes, and the recordings no take
/// refers to (found, turned back into takes, or deleted). Every path it accepts must be a .wav
/// file directly inside the folder; anything else is refused.
class Recordings
{
public:
    /// Precondition: `paths` comes from storage::prepareDataDirectory(); `takes` outlives this
    /// object.
    Recordings(storage::DataPaths paths, TakeRepository& takes);

    /// The takes whose recordings these are.
    TakeRepository& takes() const { return m_takes; }

    /// A path for a take started at `startedAtUtc` that no file has yet, e.g.
    /// recordings/take-20261123T090000Z-3f9a1c07.wav (UTC start time and a random suffix).
    QString newTakePath(const QDateTime& startedAtUtc) const;
    /// Marks `wavPath` as being recorded by this process (a hidden lock file beside it), so that
    /// orphans() and the other programs leave it alone until the returned lock is destroyed.
    /// A lock left by a killed process does not count. `label` says what the recording is for
    /// (a take of which pitch, an answer to which card); it is written into the lock file, which
    /// a killed process leaves behind, so that orphans() can say what the recording was. Io when
    /// the lock cannot be made.
    Result<std::unique_ptr<RecordingLock>> markRecording(
        const QString& wavPath, const QJsonObject& label = {}) const;

    /// Recordings no take refers to and no running program is recording, oldest first.
    Result<QList<OrphanRecording>> orphans() const;
    /// The orphan `path` names (absolute, relative to the working folder, or a bare file name in
    /// the recordings folder). InvalidArgument when it is not a .wav directly inside the
    /// recordings folder, when a take refers to it or when it is being recorded; NotFound.
    Result<OrphanRecording> orphan(const QString& path) const;
    /// Analyses the orphan (see orphan()) and stores it as a take of `pitch` timed against the
    /// pitch's window; returns the stored take. Errors: those of orphan(), of the analysis
    /// (Format, Io) and of TakeRepository::add.
    Result<Take> recover(const QString& path, const rehearsal::Pitch& pitch);
    /// As recover(), but stored through `store` (an answer to a card, for one): the take is
    /// measured against `pitch` (its window and script) and handed to store.add().
    Result<Take> recoverInto(const QString& path, const rehearsal::Pitch& pitch, TakeStore& store);
    /// Deletes a take and then its recording (removeTakeAudio(): only a file in this data
    /// folder). The row goes first: interrupted between the two, the audio is an orphan that
    /// orphans() offers back, never a take without its audio. Errors: those of
    /// TakeRepository::remove (then nothing was deleted).
    Result<TakeDeletion> deleteTake(qint64 takeId);
    /// The one delete path of every recorded row (takes, answers to cards): `removeRow` deletes
    /// row `id` and returns the audio path it had; then its recording goes as in deleteTake().
    Result<TakeDeletion> deleteRecorded(
        qint64 id, const std::function<Result<QString>(qint64)>& removeRow);
    /// Deletes a pitch with all its takes (one statement) and then their recordings, as
    /// deleteTake() does. Errors: those of PitchRepository::remove (then nothing was deleted).
    Result<QList<TakeDeletion>> deletePitch(PitchRepository& pitches, qint64 pitchId);

    /// Deletes the orphan (see orphan()); returns the path deleted.
    Result<QString> discard(const QString& path);

    /// The UTC start time in a name made by newTakePath(); invalid for other names.
    static QDateTime startTimeFromName(const QString& fileName);

private:
    /// The canonical paths of the recordings that takes refer to.
    Result<QSet<QString>> recordingsInUse() const;
    /// The hidden lock file markRecording() makes beside `wavPath`.
    static QString lockPathFor(const QString& wavPath);
    Result<QString> resolve(const QString& path) const;
    Result<QStringList> referencedPaths() const;
    OrphanRecording describe(const QString& path) const;
    bool beingRecorded(const QString& path) const;

    storage::DataPaths m_paths;
    TakeRepository& m_takes;
};

} // namespace rapport::rehearsal
