#include "core/answers/answer.h"

#include <QSet>
#include <limits>
#include <utility>

namespace rapport::answers {

rehearsal::LightTimes defaultAnswerLights()
{
    const rehearsal::LightTimes topics = rehearsal::LightTimes::tableTopics();
    return rehearsal::LightTimes::pitch(topics.greenMs, topics.yellowMs, topics.redMs);
}

QString answerItemText(AnswerItem item)
{
    switch (item) {
    case AnswerItem::Answered:
        return QStringLiteral("Answered the question asked");
    case AnswerItem::OnePoint:
        return QStringLiteral("Made one clear point");
    case AnswerItem::Story:
        return QStringLiteral("Told a story or gave an example");
    case AnswerItem::EndedCleanly:
        return QStringLiteral("Ended cleanly");
    case AnswerItem::AskedBack:
        return QStringLiteral("Asked something back");
    }
    return {};
}

QString answerItemKey(AnswerItem item)
{
    switch (item) {
    case AnswerItem::Answered:
        return QStringLiteral("answered");
    case AnswerItem::OnePoint:
        return QStringLiteral("one-point");
    case AnswerItem::Story:
        return QStringLiteral("story");
    case AnswerItem::EndedCleanly:
        return QStringLiteral("ended");
    case AnswerItem::AskedBack:
        return QStringLiteral("asked-back");
    }
    return {};
}

std::optional<AnswerItem> answerItemFromKey(const QString& key)
{
    for (AnswerItem item : kAnswerItems) {
        if (answerItemKey(item) == key.trimmed().toLower())
            return item;
    }
    return std::nullopt;
}

QString answerItemColumn(AnswerItem item)
{
    return QStringLiteral("rating_")
        + answerItemKey(item).replace(QLatin1Char('-'), QLatin1Char('_'));
}

QString AnswerRating::problem() const
{
    const auto outside
        = [](const std::optional<int>& value) { return value && (*value < 1 || *value > 5); };
    if (!overall)
        return QStringLiteral("Give the answer an overall rating from 1 to 5.");
    if (outside(overall))
        return QStringLiteral("The overall rating must be 1 to 5, not %1.").arg(*overall);
    for (AnswerItem i : kAnswerItems) {
        if (outside(item(i))) {
            return QStringLiteral("\"%1\" must be rated 1 to 5, not %2.")
                .arg(answerItemText(i))
                .arg(*item(i));
        }
    }
    return {};
}

rehearsal::Take asTake(const Answer& answer)
{
    rehearsal::Take take;
    take.id = answer.id;
    take.startedAt = answer.startedAt;
    take.lights = answer.lights;
    take.audioPath = answer.audioPath;
    take.report = answer.report;
    take.words = answer.words;
    take.rating.overall = answer.rating.overall;
    take.rating.note = answer.rating.note;
    take.rating.ratedAt = answer.rating.ratedAt;
    return take;
}

Answer answerOf(const rehearsal::Take& take, const CardRef& card, std::optional<qint64> drawSeq)
{
    Answer answer;
    answer.id = take.id;
    answer.card = card;
    answer.drawSeq = drawSeq;
    answer.startedAt = take.startedAt;
    answer.lights = take.lights;
    answer.audioPath = take.audioPath;
    answer.report = take.report;
    answer.words = take.words;
    answer.rating.overall = take.rating.overall;
    answer.rating.note = take.rating.note;
    answer.rating.ratedAt = take.rating.ratedAt;
    return answer;
}

rehearsal::Pitch answerPitch(const CardRef& card, const rehearsal::LightTimes& lights)
{
    rehearsal::Pitch pitch;
    pitch.title = card.text;
    pitch.targetMs = lights.redMs;
    pitch.lights = lights;
    return pitch;
}

std::optional<bool> askedBack(const std::optional<speech::WordReport>& words)
{
    if (!words)
        return std::nullopt;
    const QStringList said = speech::wordsWithoutFillers(words->transcript, words->fillers);
    if (said.isEmpty())
        return std::nullopt;
    static const QSet<QString> you { QStringLiteral("you"), QStringLiteral("your"),
        QStringLiteral("yours") };
    static const QSet<QString> questionWords { QStringLiteral("what"), QStringLiteral("how"),
        QStringLiteral("why"), QStringLiteral("who"), QStringLiteral("where"),
        QStringLiteral("which") };
    static const QSet<QString> askingVerbs { QStringLiteral("do"), QStringLiteral("did"),
        QStringLiteral("does"), QStringLiteral("have"), QStringLiteral("are"),
        QStringLiteral("were"), QStringLiteral("would"), QStringLiteral("could"),
        QStringLiteral("can"), QStringLiteral("will"), QStringLiteral("is"),
        QStringLiteral("was") };
    const qsizetype n = said.size();
    // "... and you?", "... what about yours?"
    if (n >= 2 && you.contains(said[n - 1]) && (said[n - 2] == u"and" || said[n - 2] == u"about"))
        return true;
    for (qsizetype i = std::max<qsizetype>(0, n - kAskedBackWords); i < n; ++i) {
        const QString& word = said[i];
        // "what's your ...", "how's your ..."
        if ((word == u"what's" || word == u"how's") && i + 1 < n && you.contains(said[i + 1]))
            return true;
        // "do you ...", "have you ever ...", "is your ..."
        if (askingVerbs.contains(word) && i + 1 < n && you.contains(said[i + 1]))
            return true;
        // "what do you ...", "how about you", "where are you ...": a word between, because
        // "what you ..." and "how you ..." are mostly statements ("it's what you make of it").
        if (questionWords.contains(word)) {
            for (qsizetype j = i + 2; j <= i + 3 && j < n; ++j) {
                if (you.contains(said[j]))
                    return true;
            }
        }
    }
    return false;
}

SetSummary summariseSet(const QList<Answer>& set)
{
    SetSummary summary;
    summary.answers = static_cast<int>(set.size());
    double total = 0.0;
    int spoken = 0;
    for (const Answer& a : set) {
        if (a.firstWordS()) {
            total += *a.firstWordS();
            ++spoken;
        }
    }
    if (spoken > 0)
        summary.averageFirstWordS = total / spoken;
    if (set.isEmpty())
        return summary;
    // Ranked by the speaker's own rating first (unrated lowest), then by the first word (none:
    // slowest); ties keep the earlier answer as the best and the later one to try again.
    const auto rank = [](const Answer& a) {
        return std::pair { a.rating.overall.value_or(0),
            -a.firstWordS().value_or(std::numeric_limits<double>::infinity()) };
    };
    const Answer* best = &set.first();
    const Answer* worst = &set.first();
    for (const Answer& a : set) {
        if (rank(a) > rank(*best))
            best = &a;
        if (rank(a) <= rank(*worst))
            worst = &a;
    }
    summary.bestId = best->id;
    if (set.size() >= 2 && worst != best)
        summary.tryAgainId = worst->id;
    return summary;
}

} // namespace rapport::answers
