#include "core/speech/transcript.h"

#include <QStringList>
#include <algorithm>
#include <array>

namespace rapport::speech {

QString Transcript::text() const
{
    QStringList parts;
    parts.reserve(static_cast<qsizetype>(words.size()));
    for (const Word& word : words)
        parts << word.text;
    return parts.join(QLatin1Char(' '));
}

int Transcript::spokenWordCount() const
{
    return static_cast<int>(std::count_if(
        words.begin(), words.end(), [](const Word& w) { return !isHesitation(w.text); }));
}

double Transcript::realTimeFactor() const
{
    return decodeMs > 0.0 ? audioS / (decodeMs / 1000.0) : 0.0;
}

bool isHesitation(QStringView word)
{
    static constexpr std::array<QStringView, 12> kHesitations { u"um", u"umm", u"uh", u"uhh", u"er",
        u"erm", u"ah", u"ahh", u"hmm", u"hm", u"mm", u"mmm" };
    return std::any_of(kHesitations.begin(), kHesitations.end(),
        [&](QStringView h) { return word.compare(h, Qt::CaseInsensitive) == 0; });
}

} // namespace rapport::speech
