#pragma once

#include "app/cli/commandcontext.h"
#include "core/answers/answer.h"
#include "core/decks/decklibrary.h"
#include "core/storage/store.h"

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

/// Hears answer `id`'s words again from its recording, stores and prints them: the `answers
/// words` action, which reads audio and so runs in rapport-cli-analyse (answerwords.cpp).
using AnswerWordsAction = int (*)(CommandContext& ctx, storage::Store& store, qint64 id, bool json);

/// `answers`, with `words` for its words action; without it (rapport-cli), that action runs in
/// rapport-cli-analyse.
int answersCommandWith(CommandContext& ctx, const QStringList& args, AnswerWordsAction words);

/// The card `reference` names in `library`: "DECK/QUESTION" or a question id alone when one
/// deck has it. On failure prints why and returns the exit code (kExitFailure).
std::variant<answers::CardRef, int> findCard(
    CommandContext& ctx, const decks::DeckLibrary& library, const QString& reference);

} // namespace rapport::cli
