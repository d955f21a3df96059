#include "core/speech/wordpace.h"

#include "core/analysis/scriptsyllables.h"

#include <QStringList>

namespace rapport::speech {

std::optional<double> spokenSyllablesPerWord(const Transcript& transcript)
{
    QStringList spoken;
    for (const Word& word : transcript.words) {
        if (!isHesitation(word.text))
            spoken << word.text;
    }
    return analysis::scriptSyllablesPerWord(spoken.join(QLatin1Char(' ')));
}

} // namespace rapport::speech
