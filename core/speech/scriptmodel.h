#pragma once

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace rapport::speech {

/// A trigram language model of a script, in the ARPA text format, to bias a recogniser toward the
/// words the speaker means to say. `sentences` are the script's sentences as word lists spelled
/// as the recogniser spells them (normalisedWords()); each stands between <s> and </s>.
/// Estimated by absolute discounting (D = 0.5) with back-off to the lower orders, unigrams
/// add-one smoothed, so every word of the script keeps some probability after any other and
/// every sequence sums to one. Empty sentences are left out; no sentence at all gives an empty
/// array.
QByteArray scriptLanguageModel(const QList<QStringList>& sentences);

} // namespace rapport::speech
