#include "core/rehearsal/takewords.h"

#include "core/speech/recogniser.h"

#include <QDir>
#include <QFileInfo>

namespace rapport::rehearsal {

Result<speech::WordReport> hearTakeWords(TakeRepository& takes, qint64 id, const QString& script)
{
    Result<Take> take = takes.get(id);
    if (!take)
        return take.error();
    return hearWordsOf(takes, *take, script, QStringLiteral("Take %1").arg(id));
}

Result<speech::WordReport> hearWordsOf(
    TakeStore& store, const Take& take, const QString& script, const QString& name)
{
    if (take.audioPath.isEmpty() || !QFileInfo::exists(take.audioPath))
        return Error { ErrorKind::NotFound,
            take.audioPath.isEmpty()
                ? QStringLiteral("%1's audio was not kept: its words cannot be heard.").arg(name)
                : QStringLiteral("%1's recording is gone (%2).")
                      .arg(name, QDir::toNativeSeparators(take.audioPath)),
            QStringLiteral("Only recordings that are still there can be heard again."), {} };
    Result<speech::Transcript> transcript = speech::transcribeFile(take.audioPath, script);
    if (!transcript)
        return transcript.error();
    speech::WordReport words
        = speech::makeWordReport(std::move(*transcript), take.report.speakingTimeS, script);
    if (Status stored = store.setWords(take.id, words); !stored)
        return stored.error();
    return words;
}

} // namespace rapport::rehearsal
