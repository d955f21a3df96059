#pragma once

#include "core/answers/answer.h"
#include "core/common/result.h"
#include "core/rehearsal/recordings.h"
#include "core/rehearsal/takestore.h"
#include "core/storage/database.h"

namespace rapport::answers {

/// Which answers to list.
struct AnswerFilter
{
    QString deckId; ///< with questionId: the answers to one card; empty = every card
    QString questionId;
};

/// How often a card was answered, and when last.
struct CardAnswers
{
    int count = 0;
    QDateTime lastAt; ///< UTC; invalid when never answered
};

/// Storage of answers. Every write is one statement: an answer row is never half written.
class AnswerRepository
{
public:
    explicit AnswerRepository(const storage::Database& database);

    /// Stores a new answer; returns its id. InvalidArgument when the card has no id or text.
    Result<qint64> add(const Answer& answer);
    /// NoSuchRecord when there is no such answer.
    Result<Answer> get(qint64 id) const;
    /// Answers in time order (oldest first).
    Result<QList<Answer>> list(const AnswerFilter& filter = {}) const;
    /// How often the card was answered, and when last.
    Result<CardAnswers> countFor(const QString& deckId, const QString& questionId) const;
    /// Replaces the rating. InvalidArgument when rating.problem() is not empty; NoSuchRecord.
    Status setRating(qint64 id, const AnswerRating& rating);
    /// Replaces the words (nullopt clears them). NoSuchRecord when the answer is gone.
    Status setWords(qint64 id, const std::optional<speech::WordReport>& words);
    /// Deletes the row; returns the audio path it had (the caller deletes the file, as
    /// rehearsal::Recordings does for takes).
    Result<QString> remove(qint64 id);

private:
    const storage::Database& m_database;
};

/// Deletes answer `id` and then its recording, by the path takes are deleted by
/// (rehearsal::Recordings::deleteRecorded): the row first, so an interrupted delete leaves an
/// orphan recording that Recordings offers back, never an answer without its audio.
Result<rehearsal::TakeDeletion> deleteAnswer(
    rehearsal::Recordings& recordings, AnswerRepository& answers, qint64 id);

/// What a recording cut short while answering a card was: the card, its draw and the window.
struct AnswerLabel
{
    CardRef card;
    std::optional<qint64> drawSeq;
    rehearsal::LightTimes lights;
};

/// The answer a recording's label (rehearsal::OrphanRecording::label, written by
/// AnswerTakeStore) says it was; nullopt when it was something else or the label is incomplete.
std::optional<AnswerLabel> answerOfLabel(const QJsonObject& label);

/// Stores the take a rehearsal::TakeSession records as an answer to one card: the session's
/// store while a card is answered out loud. Its words are added once heard, to the answer.
class AnswerTakeStore : public rehearsal::TakeStore
{
public:
    /// `answers` must outlive this store.
    explicit AnswerTakeStore(AnswerRepository& answers);

    /// The card (and draw) the next take answers.
    void setCard(const CardRef& card, std::optional<qint64> drawSeq);
    /// A rating given before the answer was recorded (rapport-cli answer --rating), stored with
    /// the next answer; nullopt for none.
    void setRating(const std::optional<AnswerRating>& rating) { m_rating = rating; }
    const CardRef& card() const { return m_card; }

    Result<qint64> add(const rehearsal::Take& take) override;
    Status setWords(qint64 id, const std::optional<speech::WordReport>& words) override;
    QString storeLaterHint(const QString& audioPath) const override;
    /// {"kind": "answer", the card, its draw and the window}: see answerOfLabel().
    QJsonObject recordingLabel(const rehearsal::Take& take) const override;

private:
    AnswerRepository& m_answers;
    CardRef m_card;
    std::optional<qint64> m_drawSeq;
    std::optional<AnswerRating> m_rating;
};

} // namespace rapport::answers
