#include "app/cli/answercommon.h"

#include "app/cli/takecommon.h"

namespace rapport::cli {

namespace {

template <typename T> QJsonValue orNull(const std::optional<T>& value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

} // namespace

QJsonObject answerCardJson(const answers::CardRef& card)
{
    return { { QStringLiteral("id"), card.questionId }, { QStringLiteral("deck"), card.deckId },
        { QStringLiteral("zone"), decks::zoneKey(card.zone) },
        { QStringLiteral("text"), card.text } };
}

QJsonValue answerRatingJson(const answers::AnswerRating& rating)
{
    if (!rating.rated())
        return QJsonValue();
    QJsonObject items;
    for (answers::AnswerItem item : answers::kAnswerItems) {
        if (rating.item(item))
            items.insert(answers::answerItemKey(item), *rating.item(item));
    }
    return QJsonObject { { QStringLiteral("overall"), *rating.overall },
        { QStringLiteral("items"), items },
        { QStringLiteral("rated_at"),
            rating.ratedAt.isValid() ? QJsonValue(rating.ratedAt.toString(Qt::ISODate))
                                     : QJsonValue() } };
}

QJsonObject answerListJson(const answers::Answer& answer)
{
    const analysis::TakeReport& r = answer.report;
    const std::optional<bool> askedBack = answers::askedBack(answer.words);
    return { { QStringLiteral("id"), answer.id },
        { QStringLiteral("card"), answerCardJson(answer.card) },
        { QStringLiteral("draw_seq"), answer.drawSeq ? QJsonValue(*answer.drawSeq) : QJsonValue() },
        { QStringLiteral("started_at"), answer.startedAt.toString(Qt::ISODate) },
        { QStringLiteral("duration_s"), r.durationS },
        { QStringLiteral("first_word_s"), orNull(answer.firstWordS()) },
        { QStringLiteral("speaking_time_s"), orNull(r.speakingTimeS) },
        { QStringLiteral("words_per_minute"), orNull(r.wordsPerMinute) },
        { QStringLiteral("pause_count"), orNull(r.pauseCount) },
        { QStringLiteral("fillers_per_minute"),
            answer.words ? orNull(answer.words->fillersPerMinute) : QJsonValue() },
        { QStringLiteral("asked_back"), orNull(askedBack) },
        { QStringLiteral("target"), targetJson(answer.lights) },
        { QStringLiteral("timing"), timingJson(answers::asTake(answer)) },
        { QStringLiteral("rating"), answerRatingJson(answer.rating) },
        { QStringLiteral("note"), answer.rating.note },
        { QStringLiteral("audio_path"), answer.audioPath } };
}

QString answerRatingText(const answers::AnswerRating& rating)
{
    if (!rating.rated())
        return QStringLiteral("not rated");
    QStringList items;
    for (answers::AnswerItem item : answers::kAnswerItems) {
        if (rating.item(item))
            items << QStringLiteral("%1 %2")
                         .arg(answers::answerItemKey(item))
                         .arg(*rating.item(item));
    }
    QString text = QStringLiteral("%1/5").arg(*rating.overall);
    if (!items.isEmpty())
        text += QStringLiteral(" (%1)").arg(items.join(QStringLiteral(", ")));
    return text;
}

QString firstWordText(const answers::Answer& answer)
{
    if (!answer.firstWordS())
        return QStringLiteral("no speech found");
    return QStringLiteral("%1 s").arg(*answer.firstWordS(), 0, 'f', 1);
}

std::variant<answers::CardRef, int> findCard(
    CommandContext& ctx, const decks::DeckLibrary& library, const QString& reference)
{
    const QString wanted = reference.trimmed();
    const qsizetype slash = wanted.indexOf(QLatin1Char('/'));
    const QString deckId = slash >= 0 ? wanted.left(slash) : QString();
    const QString questionId = slash >= 0 ? wanted.mid(slash + 1) : wanted;
    QList<answers::CardRef> found;
    for (const decks::Deck& deck : library.decks()) {
        if (!deckId.isEmpty() && deck.id != deckId)
            continue;
        for (const decks::Question& q : deck.questions) {
            if (q.id == questionId)
                found << answers::CardRef { deck.id, q.id, q.zone, q.text };
        }
    }
    if (found.size() == 1)
        return found.first();
    if (found.isEmpty()) {
        return ctx.fail(
            Error { ErrorKind::NoSuchRecord, QStringLiteral("No card has the id '%1'.").arg(wanted),
                QStringLiteral("Give the card as DECK/QUESTION, as 'rapport-cli draw' "
                               "prints it (e.g. rapport.fun-zone/fun-003)."),
                {} },
            kExitFailure);
    }
    QStringList keys;
    for (const answers::CardRef& card : found)
        keys << card.deckId + QLatin1Char('/') + card.questionId;
    return ctx.fail(Error { ErrorKind::InvalidArgument,
                        QStringLiteral("Several decks have a card '%1': %2.")
                            .arg(wanted, keys.join(QStringLiteral(", "))),
                        QStringLiteral("Give the card as DECK/QUESTION."), {} },
        kExitFailure);
}

} // namespace rapport::cli
