#include "core/answers/answerrecovery.h"

namespace rapport::answers {

Result<Answer> recoverAnswer(rehearsal::Recordings& recordings, AnswerRepository& answers,
    const QString& path, const AnswerLabel& what)
{
    AnswerTakeStore store(answers);
    store.setCard(what.card, what.drawSeq);
    Result<rehearsal::Take> take
        = recordings.recoverInto(path, answerPitch(what.card, what.lights), store);
    if (!take)
        return take.error();
    return answers.get(take->id);
}

} // namespace rapport::answers
