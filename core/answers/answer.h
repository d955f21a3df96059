#pragma once

#include "core/analysis/takereport.h"
#include "core/decks/question.h"
#include "core/rehearsal/take.h"
#include "core/rehearsal/timinglights.h"
#include "core/speech/wordreport.h"

#include <QDateTime>
#include <QString>
#include <array>
#include <optional>

// Answers given out loud to a drawn card, Table Topics style: recorded and measured by the same
// take engine as a pitch (rehearsal::TakeSession), rated on a short impromptu rubric and kept
// with the card they answered.
namespace rapport::answers {

/// The answer window by default: green at 1:00, yellow at 1:30, red at 2:00 (Table Topics).
rehearsal::LightTimes defaultAnswerLights();

/// The card an answer answered, as it was shown.
struct CardRef
{
    QString deckId;
    QString questionId;
    decks::Zone zone = decks::Zone::SmallTalk;
    QString text;

    bool operator==(const CardRef&) const = default;
};

/// The impromptu rubric: what makes an unprepared answer work in conversation.
enum class AnswerItem {
    Answered, ///< answered the question asked
    OnePoint, ///< made one clear point
    Story, ///< told a story or gave an example
    EndedCleanly, ///< ended cleanly (no trailing "so... yeah")
    AskedBack, ///< asked something back
};
inline constexpr std::array kAnswerItems = { AnswerItem::Answered, AnswerItem::OnePoint,
    AnswerItem::Story, AnswerItem::EndedCleanly, AnswerItem::AskedBack };

/// "Answered the question asked", ...
QString answerItemText(AnswerItem item);
/// "answered", "one-point", "story", "ended", "asked-back": files and the CLI.
QString answerItemKey(AnswerItem item);
std::optional<AnswerItem> answerItemFromKey(const QString& key);
/// "rating_answered", "rating_one_point", ...: the column of the item's rating in the answers
/// table and in an export (answerItemKey() with '_' for '-').
QString answerItemColumn(AnswerItem item);

/// How the speaker rated an answer: overall 1-5 (required once rated), the rubric's items 1-5
/// (optional) and a note.
struct AnswerRating
{
    std::optional<int> overall;
    std::array<std::optional<int>, kAnswerItems.size()> items {};
    QString note;
    QDateTime ratedAt; ///< UTC; invalid until rated

    std::optional<int>& item(AnswerItem i) { return items[static_cast<std::size_t>(i)]; }
    const std::optional<int>& item(AnswerItem i) const
    {
        return items[static_cast<std::size_t>(i)];
    }
    bool rated() const { return overall.has_value(); }
    /// Empty when overall is given and every given value is 1-5; else what to fix.
    QString problem() const;
    bool operator==(const AnswerRating&) const = default;
};

/// One answer to a card.
struct Answer
{
    qint64 id = 0; ///< 0 until stored
    CardRef card;
    std::optional<qint64> drawSeq; ///< the draw it answered; empty when answered without one
    QDateTime startedAt; ///< UTC
    rehearsal::LightTimes lights; ///< the window it was timed against
    QString audioPath; ///< absolute; empty when the audio was not kept
    analysis::TakeReport report;
    std::optional<speech::WordReport> words; ///< empty when the words were not heard
    AnswerRating rating;

    /// Seconds from the start of the answer to the first word: the silence while thinking.
    /// Empty when no speech was found.
    std::optional<double> firstWordS() const { return report.speechStartS; }
};

/// The answer as a take (no pitch), for what shows and judges a take's recording: its timeline,
/// report, timing and advice.
rehearsal::Take asTake(const Answer& answer);
/// The answer to `card` that TakeSession recorded as `take`.
Answer answerOf(const rehearsal::Take& take, const CardRef& card, std::optional<qint64> drawSeq);
/// What TakeSession records an answer against: no id and no script, the window `lights`.
rehearsal::Pitch answerPitch(const CardRef& card, const rehearsal::LightTimes& lights);

/// How many of the last words of an answer are read for a question back.
inline constexpr int kAskedBackWords = 8;

/// Whether the answer ended by asking something back, read from its last kAskedBackWords
/// words (fillers left out): a verb that asks followed by "you" ("do you", "have you", "is
/// your"), a question word with "you" one or two words on ("what do you", "how about you",
/// "where are you"), "what's your" / "how's your", or a last "and you" / "about you". Empty when
/// its words were not heard or none were said. The recogniser gives no punctuation, so this
/// reads words, not a question mark, and can miss a question that does not name the listener.
std::optional<bool> askedBack(const std::optional<speech::WordReport>& words);

/// How many cards "Before the event" answers in a row: one round of the default ladder
/// (small talk 1, 2; fun 1, 2; deep 1).
inline constexpr int kEventCards = 5;

/// What a set of answers in a row ("Before the event") comes to.
struct SetSummary
{
    int answers = 0;
    std::optional<double> averageFirstWordS; ///< over the answers with speech
    /// The best answer: the highest rating, then the quickest first word; empty without any.
    std::optional<qint64> bestId;
    /// The one to answer again: the lowest rating, then the slowest first word; empty with
    /// fewer than two answers (then there is nothing to choose between).
    std::optional<qint64> tryAgainId;
};

/// The summary of `set` (answers in the order given).
SetSummary summariseSet(const QList<Answer>& set);

} // namespace rapport::answers
