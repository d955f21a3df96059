#pragma once

#include "core/answers/answerrepository.h"
#include "core/common/result.h"
#include "core/rehearsal/recordings.h"

// Turning a recording cut short while a card was answered (Rapport stopped, crashed or was
// killed) back into the answer it was. Apart from the repository because it reads and analyses
// audio: programs that never do link neither (see rehearsal/orphanrecordings.cpp).
namespace rapport::answers {

/// Analyses the orphan `path` (see rehearsal::Recordings::orphan()) and stores it as an answer to
/// `what.card`, timed against `what.lights`, from the recording's start. Returns the stored
/// answer, without words (hear them with rehearsal::hearWordsOf() through an AnswerTakeStore).
/// Errors: those of Recordings::orphan(), of the analysis and of AnswerRepository::add.
Result<Answer> recoverAnswer(rehearsal::Recordings& recordings, AnswerRepository& answers,
    const QString& path, const AnswerLabel& what);

} // namespace rapport::answers
