#pragma once

#include "app/cli/commandcontext.h"
#include "core/common/error.h"
#include "core/speech/wordreport.h"

#include <QJsonObject>

// How the commands that hear words (analyze, rehearse, takes recover) print them.
namespace rapport::cli {

/// Adds the word keys of `words` (speech::wordReportToJson()) to `object`, a take's report.
void insertWordKeys(QJsonObject& object, const speech::WordReport& words);

/// Says on stderr that the words are left out of what follows, why, and what to do; the rest is
/// printed as usual.
void warnWordsLeftOut(CommandContext& ctx, const Error& why);

} // namespace rapport::cli
