// The recordings no take uses (orphans): finding, describing, recovering and discarding them,
// apart from the rest of Recordings because it is the part that reads audio (libsndfile) and
// analyses it. Programs that never look at an orphan (rapport-cli's quick commands) then link
// neither the analysis nor the audio file libraries.
#include "core/analysis/analysispipeline.h"
#include "core/analysis/scriptsyllables.h"
#include "core/audio/wavfilesource.h"
#include "core/rehearsal/recordings.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <algorithm>

namespace rapport::rehearsal {

namespace {

// A label is a few hundred bytes; anything far larger is not one.
constexpr qint64 kMaxLabelBytes = 64 * 1024;

} // namespace

Result<Take> Recordings::recover(const QString& path, const rehearsal::Pitch& pitch)
{
    return recoverInto(path, pitch, m_takes);
}

Result<Take> Recordings::recoverInto(
    const QString& path, const rehearsal::Pitch& pitch, TakeStore& store)
{
    Result<OrphanRecording> found = orphan(path);
    if (!found)
        return found.error();
    Result<analysis::TakeReport> report
        = analysis::analyseFile(found->path, analysis::paceSyllablesPerWord(pitch.text));
    if (!report)
        return report.error();
    Take take = takeOf(pitch, found->startedAt);
    take.audioPath = found->path;
    take.report = *report;
    Result<qint64> id = store.add(take);
    if (!id)
        return id.error();
    take.id = *id;
    QFile::remove(lockPathFor(found->path)); // left by the killed take, if any
    return take;
}

OrphanRecording Recordings::describe(const QString& path) const
{
    OrphanRecording orphan;
    orphan.path = path;
    Result<std::unique_ptr<audio::WavFileSource>> file = audio::WavFileSource::open(path);
    if (file)
        orphan.durationFrames = (*file)->durationFrames();
    else
        orphan.problem = file.error().what;
    const QFileInfo info(path);
    orphan.startedAt = startTimeFromName(info.fileName());
    // A recording cut short leaves its lock file behind, with what it was for.
    QFile lock(lockPathFor(path));
    if (lock.size() <= kMaxLabelBytes && lock.open(QIODevice::ReadOnly))
        orphan.label = QJsonDocument::fromJson(lock.readAll()).object();
    if (!orphan.startedAt.isValid()) {
        // The file was last written when the take ended.
        orphan.startedAt = info.lastModified().toUTC().addMSecs(
            -static_cast<qint64>(orphan.durationS() * 1000.0));
    }
    return orphan;
}

Result<QList<OrphanRecording>> Recordings::orphans() const
{
    Result<QStringList> referenced = referencedPaths();
    if (!referenced)
        return referenced.error();
    QList<OrphanRecording> found;
    const QFileInfoList files = QDir(m_paths.recordings())
                                    .entryInfoList({ QStringLiteral("*.wav") },
                                        QDir::Files | QDir::NoSymLinks, QDir::Name);
    for (const QFileInfo& file : files) {
        const QString path = QDir(m_paths.recordings()).filePath(file.fileName());
        if (referenced->contains(comparablePath(path)) || beingRecorded(path))
            continue;
        found << describe(path);
    }
    std::stable_sort(
        found.begin(), found.end(), [](const OrphanRecording& a, const OrphanRecording& b) {
            return a.startedAt < b.startedAt;
        });
    return found;
}

Result<QString> Recordings::resolve(const QString& path) const
{
    const QString absolute = path.contains(QLatin1Char('/'))
        ? QFileInfo(path).absoluteFilePath()
        : QDir(m_paths.recordings()).filePath(path);
    const QFileInfo info(comparablePath(absolute));
    if (!directlyInRecordings(absolute, m_paths)
        || info.suffix().compare(QStringLiteral("wav"), Qt::CaseInsensitive) != 0) {
        return Error { ErrorKind::InvalidArgument,
            QStringLiteral("%1 is not a recording in %2.")
                .arg(
                    QDir::toNativeSeparators(path), QDir::toNativeSeparators(m_paths.recordings())),
            QStringLiteral("Only .wav files directly inside the recordings folder can be "
                           "recovered or discarded."),
            {} };
    }
    if (!info.isFile()) {
        return Error { ErrorKind::NotFound,
            QStringLiteral("There is no recording %1.").arg(QDir::toNativeSeparators(absolute)),
            QStringLiteral("List the recordings no take uses with 'rapport-cli takes orphans'."),
            {} };
    }
    return QDir(m_paths.recordings()).filePath(info.fileName());
}

Result<OrphanRecording> Recordings::orphan(const QString& path) const
{
    Result<QString> resolved = resolve(path);
    if (!resolved)
        return resolved.error();
    Result<QStringList> referenced = referencedPaths();
    if (!referenced)
        return referenced.error();
    if (referenced->contains(comparablePath(*resolved))) {
        return Error { ErrorKind::InvalidArgument,
            QStringLiteral("%1 belongs to a stored take.").arg(QDir::toNativeSeparators(*resolved)),
            QStringLiteral("To remove it, delete its take ('rapport-cli takes delete ID')."), {} };
    }
    if (beingRecorded(*resolved)) {
        return Error { ErrorKind::Busy,
            QStringLiteral("%1 is being recorded right now.")
                .arg(QDir::toNativeSeparators(*resolved)),
            QStringLiteral("Wait until the take has ended."), {} };
    }
    return describe(*resolved);
}

Result<QString> Recordings::discard(const QString& path)
{
    Result<OrphanRecording> found = orphan(path);
    if (!found)
        return found.error();
    QFile file(found->path);
    if (!file.remove()) {
        return Error { ErrorKind::Io,
            QStringLiteral("Could not delete %1.").arg(QDir::toNativeSeparators(found->path)),
            QStringLiteral("Check the recordings folder's permissions."), file.errorString() };
    }
    QFile::remove(lockPathFor(found->path));
    return found->path;
}

} // namespace rapport::rehearsal
