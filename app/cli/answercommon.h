#pragma once

#include "app/cli/commandcontext.h"
#include "core/answers/answer.h"
#include "core/decks/decklibrary.h"

#include <QJsonObject>
#include <QJsonValue>
#include <variant>

namespace rapport::cli {

// What `answer` and `answers` share: finding a card, and showing answers.

/// {id, deck, zone, text}.
QJsonObject answerCardJson(const answers::CardRef& card);
/// {overall, items: {answered: 4, ...} (only the items given), rated_at}, or null when unrated.
QJsonValue answerRatingJson(const answers::AnswerRating& rating);
/// The row `answers list --json` prints for an answer.
QJsonObject answerListJson(const answers::Answer& answer);
/// "4/5 (answered 5, asked-back 1)" or "not rated".
QString answerRatingText(const answers::AnswerRating& rating);
/// "1.4 s" or "no speech found".
QString firstWordText(const answers::Answer& answer);

/// The card `reference` names in `library`: "DECK/QUESTION" or a question id alone when one
/// deck has it. On failure prints why and returns the exit code (kExitFailure).
std::variant<answers::CardRef, int> findCard(
    CommandContext& ctx, const decks::DeckLibrary& library, const QString& reference);

} // namespace rapport::cli
