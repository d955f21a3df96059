// Recordings::recover, apart from the rest of Recordings: it is the one part that analyses audio,
// and programs that never recover a take (rapport-cli's quick commands) then do not link the
// analysis and its libraries.
#include "core/analysis/analysispipeline.h"
#include "core/analysis/scriptsyllables.h"
#include "core/rehearsal/recordings.h"

#include <QFile>

namespace rapport::rehearsal {

Result<Take> Recordings::recover(const QString& path, const rehearsal::Pitch& pitch)
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
    Result<qint64> id = m_takes.add(take);
    if (!id)
        return id.error();
    take.id = *id;
    QFile::remove(lockPathFor(found->path)); // left by the killed take, if any
    return take;
}

} // namespace rapport::rehearsal
