#include "app/cli/wordsoutput.h"

namespace rapport::cli {

void insertWordKeys(QJsonObject& object, const speech::WordReport& words)
{
    const QJsonObject keys = speech::wordReportToJson(words);
    for (auto it = keys.begin(); it != keys.end(); ++it)
        object.insert(it.key(), it.value());
}

void warnWordsLeftOut(CommandContext& ctx, const Error& why)
{
    ctx.err << "rapport-cli: the words are left out: " << why.what << '\n' << why.fix << '\n';
    ctx.err.flush();
}

} // namespace rapport::cli
