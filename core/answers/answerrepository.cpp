#include "core/answers/answerrepository.h"

#include "core/rehearsal/takecolumns.h"
#include "core/storage/sql.h"

#include <QDir>
#include <QJsonObject>

namespace rapport::answers {

namespace {

using rehearsal::optionalValue;
using rehearsal::readOptionalInt;

const QString kCardColumns
    = QStringLiteral("deck_id, question_id, zone, card_text, draw_seq, started_at, green_ms, "
                     "yellow_ms, red_ms, audio_path");
// In AnswerItem order.
const QString kRatingColumns
    = QStringLiteral("rating_overall, rating_answered, rating_one_point, rating_story, "
                     "rating_ended, rating_asked_back, note, rated_at");

QString selectAnswers(const QString& where)
{
    return QStringLiteral("SELECT id, %1, %2, %3, %4 FROM answers %5")
        .arg(kCardColumns, rehearsal::reportColumns(), kRatingColumns, rehearsal::wordColumns(),
            where);
}

Answer readAnswer(const storage::Sql& sql)
{
    Answer a;
    int c = 0;
    a.id = sql.value(c++).toLongLong();
    a.card.deckId = sql.value(c++).toString();
    a.card.questionId = sql.value(c++).toString();
    a.card.zone = decks::zoneFromKey(sql.value(c++).toString()).value_or(decks::Zone::SmallTalk);
    a.card.text = sql.value(c++).toString();
    const QVariant draw = sql.value(c++);
    a.drawSeq = draw.isNull() ? std::nullopt : std::optional<qint64>(draw.toLongLong());
    a.startedAt = storage::fromStoredTime(sql.value(c++));
    const qint64 green = sql.value(c++).toLongLong();
    const qint64 yellow = sql.value(c++).toLongLong();
    const qint64 red = sql.value(c++).toLongLong();
    a.lights = rehearsal::LightTimes::pitch(green, yellow, red);
    a.audioPath = sql.value(c++).toString();
    a.report = rehearsal::readReport(sql, c);
    a.rating.overall = readOptionalInt(sql.value(c++));
    for (AnswerItem item : kAnswerItems)
        a.rating.item(item) = readOptionalInt(sql.value(c++));
    a.rating.note = sql.value(c++).toString();
    a.rating.ratedAt = storage::fromStoredTime(sql.value(c++));
    a.words = rehearsal::wordsFromStored(sql.value(c++));
    return a;
}

QVariantList ratingValues(const AnswerRating& g)
{
    QVariantList values { optionalValue(g.overall) };
    for (AnswerItem item : kAnswerItems)
        values << optionalValue(g.item(item));
    values << g.note
           << (g.ratedAt.isValid() ? QVariant(storage::toStoredTime(g.ratedAt)) : QVariant());
    return values;
}

Error answerNotFound(qint64 id)
{
    return { ErrorKind::NoSuchRecord, QStringLiteral("There is no answer %1.").arg(id),
        QStringLiteral("See your answers with 'rapport-cli answers list'."), {} };
}

} // namespace

AnswerRepository::AnswerRepository(const storage::Database& database)
    : m_database(database)
{ }

Result<qint64> AnswerRepository::add(const Answer& a)
{
    if (a.card.deckId.isEmpty() || a.card.questionId.isEmpty() || a.card.text.trimmed().isEmpty())
        return Error { ErrorKind::InvalidArgument,
            QStringLiteral("An answer needs the card it answers."),
            QStringLiteral("Draw a card, then answer it."), {} };
    if (a.rating.rated()) {
        if (const QString problem = a.rating.problem(); !problem.isEmpty())
            return Error { ErrorKind::InvalidArgument, problem, {}, {} };
    }
    storage::Sql insert(m_database.connection(),
        QStringLiteral("INSERT INTO answers (%1, %2, %3, %4) VALUES (%5)")
            .arg(kCardColumns, rehearsal::reportColumns(), kRatingColumns, rehearsal::wordColumns(),
                QStringList(10 + 20 + 8 + 4, QStringLiteral("?")).join(QLatin1Char(','))));
    QVariantList values { a.card.deckId, a.card.questionId, decks::zoneKey(a.card.zone),
        a.card.text, a.drawSeq ? QVariant(*a.drawSeq) : QVariant(),
        storage::toStoredTime(a.startedAt), a.lights.greenMs, a.lights.yellowMs, a.lights.redMs,
        a.audioPath };
    values << rehearsal::reportValues(a.report) << ratingValues(a.rating)
           << rehearsal::wordValues(a.words);
    if (Status s = insert.exec(values, QStringLiteral("Could not save the answer.")); !s)
        return s.error();
    return insert.lastInsertId().toLongLong();
}

Result<Answer> AnswerRepository::get(qint64 id) const
{
    storage::Sql sql(m_database.connection(), selectAnswers(QStringLiteral("WHERE id = ?")));
    if (Status s = sql.exec({ id }, QStringLiteral("Could not read the answer.")); !s)
        return s.error();
    if (!sql.next())
        return answerNotFound(id);
    return readAnswer(sql);
}

Result<QList<Answer>> AnswerRepository::list(const AnswerFilter& filter) const
{
    storage::Sql sql(m_database.connection(),
        selectAnswers(QStringLiteral("WHERE (? = '' OR (deck_id = ? AND question_id = ?)) "
                                     "ORDER BY started_at, id")));
    if (Status s = sql.exec({ filter.questionId, filter.deckId, filter.questionId },
            QStringLiteral("Could not read your answers."));
        !s)
        return s.error();
    QList<Answer> answers;
    while (sql.next())
        answers << readAnswer(sql);
    return answers;
}

Result<CardAnswers> AnswerRepository::countFor(
    const QString& deckId, const QString& questionId) const
{
    storage::Sql sql(m_database.connection(),
        QStringLiteral("SELECT count(*), max(started_at) FROM answers "
                       "WHERE deck_id = ? AND question_id = ?"));
    if (Status s = sql.exec({ deckId, questionId }, QStringLiteral("Could not read your answers."));
        !s)
        return s.error();
    CardAnswers counted;
    if (sql.next()) {
        counted.count = sql.value(0).toInt();
        if (!sql.value(1).isNull())
            counted.lastAt = storage::fromStoredTime(sql.value(1));
    }
    return counted;
}

Status AnswerRepository::setRating(qint64 id, const AnswerRating& rating)
{
    if (const QString problem = rating.problem(); !problem.isEmpty())
        return Error { ErrorKind::InvalidArgument, problem, {}, {} };
    AnswerRating stored = rating;
    if (!stored.ratedAt.isValid())
        stored.ratedAt = QDateTime::currentDateTimeUtc();
    storage::Sql sql(m_database.connection(),
        QStringLiteral("UPDATE answers SET rating_overall = ?, rating_answered = ?, "
                       "rating_one_point = ?, rating_story = ?, rating_ended = ?, "
                       "rating_asked_back = ?, note = ?, rated_at = ? WHERE id = ?"));
    if (Status s
        = sql.exec(ratingValues(stored) << id, QStringLiteral("Could not save the rating."));
        !s)
        return s;
    if (sql.rowsAffected() != 1)
        return answerNotFound(id);
    return {};
}

Status AnswerRepository::setWords(qint64 id, const std::optional<speech::WordReport>& words)
{
    storage::Sql sql(m_database.connection(),
        QStringLiteral("UPDATE answers SET words = ?, filler_count = ?, fillers_per_minute = ?, "
                       "script_coverage = ? WHERE id = ?"));
    if (Status s = sql.exec(rehearsal::wordValues(words) << id,
            QStringLiteral("Could not save the answer's words."));
        !s)
        return s;
    if (sql.rowsAffected() != 1)
        return answerNotFound(id);
    return {};
}

Result<QString> AnswerRepository::remove(qint64 id)
{
    Result<Answer> answer = get(id);
    if (!answer)
        return answer.error();
    storage::Sql sql(m_database.connection(), QStringLiteral("DELETE FROM answers WHERE id = ?"));
    if (Status s = sql.exec({ id }, QStringLiteral("Could not delete the answer.")); !s)
        return s.error();
    return answer->audioPath;
}

Result<rehearsal::TakeDeletion> deleteAnswer(
    rehearsal::Recordings& recordings, AnswerRepository& answers, qint64 id)
{
    return recordings.deleteRecorded(
        id, [&answers](qint64 answer) { return answers.remove(answer); });
}

AnswerTakeStore::AnswerTakeStore(AnswerRepository& answers)
    : m_answers(answers)
{ }

void AnswerTakeStore::setCard(const CardRef& card, std::optional<qint64> drawSeq)
{
    m_card = card;
    m_drawSeq = drawSeq;
}

Result<qint64> AnswerTakeStore::add(const rehearsal::Take& take)
{
    Answer answer = answerOf(take, m_card, m_drawSeq);
    if (m_rating) {
        answer.rating = *m_rating;
        if (!answer.rating.ratedAt.isValid())
            answer.rating.ratedAt = take.startedAt.addMSecs(qint64(take.report.durationS * 1000.0));
    }
    return m_answers.add(answer);
}

Status AnswerTakeStore::setWords(qint64 id, const std::optional<speech::WordReport>& words)
{
    return m_answers.setWords(id, words);
}

QString AnswerTakeStore::storeLaterHint(const QString& audioPath) const
{
    return QStringLiteral("The recording is kept as %1; store it later as the answer it was with "
                          "'rapport-cli takes recover FILE'.")
        .arg(QDir::toNativeSeparators(audioPath));
}

QJsonObject AnswerTakeStore::recordingLabel(const rehearsal::Take& take) const
{
    return { { QStringLiteral("kind"), QStringLiteral("answer") },
        { QStringLiteral("deck_id"), m_card.deckId },
        { QStringLiteral("question_id"), m_card.questionId },
        { QStringLiteral("zone"), decks::zoneKey(m_card.zone) },
        { QStringLiteral("card_text"), m_card.text },
        { QStringLiteral("draw_seq"), m_drawSeq ? QJsonValue(*m_drawSeq) : QJsonValue() },
        { QStringLiteral("green_ms"), take.lights.greenMs },
        { QStringLiteral("yellow_ms"), take.lights.yellowMs },
        { QStringLiteral("red_ms"), take.lights.redMs } };
}

std::optional<AnswerLabel> answerOfLabel(const QJsonObject& label)
{
    if (label.value(QStringLiteral("kind")).toString() != QLatin1String("answer"))
        return std::nullopt;
    AnswerLabel answer;
    answer.card.deckId = label.value(QStringLiteral("deck_id")).toString();
    answer.card.questionId = label.value(QStringLiteral("question_id")).toString();
    answer.card.text = label.value(QStringLiteral("card_text")).toString();
    const std::optional<decks::Zone> zone
        = decks::zoneFromKey(label.value(QStringLiteral("zone")).toString());
    const QJsonValue draw = label.value(QStringLiteral("draw_seq"));
    answer.lights
        = rehearsal::LightTimes::pitch(qint64(label.value(QStringLiteral("green_ms")).toDouble()),
            qint64(label.value(QStringLiteral("yellow_ms")).toDouble()),
            qint64(label.value(QStringLiteral("red_ms")).toDouble()));
    if (answer.card.deckId.isEmpty() || answer.card.questionId.isEmpty()
        || answer.card.text.trimmed().isEmpty() || !zone || !answer.lights.valid())
        return std::nullopt;
    answer.card.zone = *zone;
    if (draw.isDouble() && draw.toDouble() >= 1)
        answer.drawSeq = qint64(draw.toDouble());
    return answer;
}

} // namespace rapport::answers
