#pragma once

#include "core/common/result.h"
#include "core/rehearsal/takerepository.h"
#include "core/rehearsal/takestore.h"
#include "core/speech/wordreport.h"

namespace rapport::rehearsal {

/// Hears the words of stored take `id` from its recording (biased toward its pitch's text,
/// `script`) and stores them with it, replacing any it had: for takes whose words were never
/// heard (recorded before Rapport heard words, imported without them, recovered after a crash)
/// or were heard badly. Errors: no such take (NoSuchRecord), its audio was not kept or is gone
/// (NotFound), the recording cannot be read, no speech model (NotFound, naming the package), the
/// database.
Result<speech::WordReport> hearTakeWords(TakeRepository& takes, qint64 id, const QString& script);

/// The same for a take already read, stored in `store` under take.id (a take, or an answer to a
/// card recorded as one): hears its recording and stores the words with store.setWords().
/// `name` names it in errors ("Take 3", "Answer 3").
Result<speech::WordReport> hearWordsOf(
    TakeStore& store, const Take& take, const QString& script, const QString& name);

} // namespace rapport::rehearsal
