#include "core/rehearsal/recordings.h"

#include "core/audio/audioblock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace rapport::rehearsal {

namespace {

const QString kTimeFormat = QStringLiteral("yyyyMMdd'T'HHmmss'Z'");

} // namespace

// The hidden file whose flock(2) marks `wavPath` as being recorded.
QString Recordings::lockPathFor(const QString& wavPath)
{
    const QFileInfo info(wavPath);
    return info.absoluteDir().filePath(
        QLatin1Char('.') + info.fileName() + QStringLiteral(".lock"));
}

QString comparablePath(const QString& path)
{
    const QFileInfo info(path);
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? QDir::cleanPath(info.absoluteFilePath()) : canonical;
}

namespace {

QString shown(const QString& path)
{
    return QDir::toNativeSeparators(path);
}

} // namespace

bool directlyInRecordings(const QString& path, const storage::DataPaths& paths)
{
    return QFileInfo(comparablePath(path)).absolutePath() == comparablePath(paths.recordings());
}

Result<AudioRemoval> removeTakeAudio(
    const storage::DataPaths& paths, const QString& audioPath, const QSet<QString>& stillUsed)
{
    if (audioPath.isEmpty())
        return AudioRemoval::AlreadyGone;
    if (!directlyInRecordings(audioPath, paths))
        return AudioRemoval::KeptOutside;
    if (stillUsed.contains(comparablePath(audioPath)))
        return AudioRemoval::KeptShared;
    QFile file(comparablePath(audioPath));
    if (!file.exists())
        return AudioRemoval::AlreadyGone;
    if (!file.remove())
        return Error { ErrorKind::Io,
            QStringLiteral("Could not delete the recording %1.").arg(shown(audioPath)),
            QStringLiteral("Check the folder's permissions, then delete the file yourself."),
            file.errorString() };
    return AudioRemoval::Removed;
}

double OrphanRecording::durationS() const
{
    return audio::framesToSeconds(durationFrames);
}

RecordingLock::RecordingLock(QString lockPath, int fd)
    : m_lockPath(std::move(lockPath))
    , m_fd(fd)
{ }

RecordingLock::~RecordingLock()
{
    // Unlink while still holding the lock, so nobody can take a lock on a file about to vanish.
    ::unlink(QFile::encodeName(m_lockPath).constData());
    ::close(m_fd);
}

Recordings::Recordings(storage::DataPaths paths, TakeRepository& takes)
    : m_paths(std::move(paths))
    , m_takes(takes)
{ }

QString Recordings::newTakePath(const QDateTime& startedAtUtc) const
{
    const QDir folder(m_paths.recordings());
    for (;;) {
        const QString name
            = QStringLiteral("take-%1-%2.wav")
                  .arg(startedAtUtc.toUTC().toString(kTimeFormat),
                      QStringLiteral("%1").arg(
                          QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0')));
        if (!QFileInfo::exists(folder.filePath(name)))
            return folder.filePath(name);
    }
}

Result<std::unique_ptr<RecordingLock>> Recordings::markRecording(
    const QString& wavPath, const QJsonObject& label) const
{
    const QString lockPath = lockPathFor(wavPath);
    const int fd = ::open(
        QFile::encodeName(lockPath).constData(), O_RDWR | O_CREAT | O_CLOEXEC, S_IRUSR | S_IWUSR);
    if (fd >= 0 && ::flock(fd, LOCK_EX | LOCK_NB) == 0) {
        // The label is a convenience for a later recovery: a lock without it still locks.
        if (!label.isEmpty()) {
            const QByteArray text = QJsonDocument(label).toJson(QJsonDocument::Compact);
            if (::ftruncate(fd, 0) == 0) {
                [[maybe_unused]] const ssize_t written
                    = ::write(fd, text.constData(), std::size_t(text.size()));
            }
        }
        return std::make_unique<RecordingLock>(lockPath, fd);
    }
    const QString detail = QString::fromLocal8Bit(std::strerror(errno));
    if (fd >= 0)
        ::close(fd);
    return Error { ErrorKind::Io,
        QStringLiteral("Could not mark %1 as being recorded.").arg(shown(wavPath)),
        QStringLiteral("Check that the recordings folder is writable."), detail };
}

bool Recordings::beingRecorded(const QString& path) const
{
    const int fd = ::open(QFile::encodeName(lockPathFor(path)).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool busy = ::flock(fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK;
    ::close(fd);
    return busy;
}

Result<QStringList> Recordings::referencedPaths() const
{
    Result<QStringList> stored = m_takes.audioPaths();
    if (!stored)
        return stored.error();
    QStringList paths;
    for (const QString& path : *stored)
        paths << comparablePath(path);
    return paths;
}

Result<TakeDeletion> Recordings::deleteTake(qint64 takeId)
{
    return deleteRecorded(takeId, [this](qint64 id) { return m_takes.remove(id); });
}

Result<TakeDeletion> Recordings::deleteRecorded(
    qint64 id, const std::function<Result<QString>(qint64)>& removeRow)
{
    Result<QString> audio = removeRow(id);
    if (!audio)
        return audio.error();
    Result<QSet<QString>> stillUsed = recordingsInUse();
    if (!stillUsed)
        return TakeDeletion { id, *audio, stillUsed.error() };
    return TakeDeletion { id, *audio, removeTakeAudio(m_paths, *audio, *stillUsed) };
}

Result<QSet<QString>> Recordings::recordingsInUse() const
{
    Result<QStringList> paths = m_takes.audioPaths();
    if (!paths)
        return paths.error();
    QSet<QString> used;
    for (const QString& path : *paths)
        used.insert(comparablePath(path));
    return used;
}

Result<QList<TakeDeletion>> Recordings::deletePitch(PitchRepository& pitches, qint64 pitchId)
{
    Result<QList<Take>> takes = m_takes.list(pitchId);
    if (!takes)
        return takes.error();
    if (Status removed = pitches.remove(pitchId); !removed)
        return removed.error();
    // The rows are gone (the takes with their pitch); the recordings follow, but not one that a
    // take of another pitch still refers to.
    Result<QSet<QString>> stillUsed = recordingsInUse();
    QList<TakeDeletion> deleted;
    for (const Take& take : *takes) {
        deleted.append({ take.id, take.audioPath,
            stillUsed ? removeTakeAudio(m_paths, take.audioPath, *stillUsed)
                      : Result<AudioRemoval>(stillUsed.error()) });
    }
    return deleted;
}

QDateTime Recordings::startTimeFromName(const QString& fileName)
{
    static const QRegularExpression pattern(
        QStringLiteral("^take-(\\d{8}T\\d{6}Z)-[0-9a-f]+\\.wav$"));
    const QRegularExpressionMatch match = pattern.match(fileName);
    if (!match.hasMatch())
        return {};
    // Date and time apart: read as local time, a UTC stamp could fall into a DST gap.
    const QString stamp = match.captured(1);
    const QDate date = QDate::fromString(stamp.left(8), QStringLiteral("yyyyMMdd"));
    const QTime time = QTime::fromString(stamp.mid(9, 6), QStringLiteral("HHmmss"));
    return date.isValid() && time.isValid() ? QDateTime(date, time, Qt::UTC) : QDateTime();
}

} // namespace rapport::rehearsal
