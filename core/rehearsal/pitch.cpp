#include "core/rehearsal/pitch.h"

#include <QCoreApplication>

namespace rapport::rehearsal {

LightTimes defaultLightsFor(qint64 targetMs)
{
    const qint64 margin = std::max<qint64>(5'000, targetMs / 6);
    const LightTimes window = LightTimes::forWindow(targetMs - margin, targetMs);
    // Whole seconds, as people set and read them.
    return LightTimes::pitch(
        window.greenMs, window.yellowMs - window.yellowMs % 1000, window.redMs);
}

int wordCount(const QString& text)
{
    int words = 0;
    bool inWord = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isLetterOrNumber()) {
            if (!inWord)
                ++words;
            inWord = true;
            continue;
        }
        // An apostrophe or hyphen between two letters joins them into one word.
        const bool joiner = c == QLatin1Char('\'') || c == QChar(0x2019) || c == QLatin1Char('-');
        const bool nextIsLetter = i + 1 < text.size() && text[i + 1].isLetterOrNumber();
        if (!(joiner && inWord && nextIsLetter))
            inWord = false;
    }
    return words;
}

qint64 speakingTimeMs(int words, int wordsPerMinute)
{
    if (wordsPerMinute <= 0 || words <= 0)
        return 0;
    return static_cast<qint64>(words) * 60'000 / wordsPerMinute;
}

QString pitchOutline()
{
    return QCoreApplication::translate("rapport",
        "What my team and I are about: \n"
        "How we are making a difference: \n"
        "Real numbers that show it: \n"
        "Where I am going: \n"
        "The ask, or the connection I want: \n");
}

QString pitchProblem(const Pitch& pitch)
{
    if (pitch.title.trimmed().isEmpty())
        return QCoreApplication::translate("rapport", "Give the pitch a title.");
    if (pitch.title.size() > 200)
        return QCoreApplication::translate("rapport", "Shorten the title to 200 characters.");
    if (pitch.targetMs < 10'000 || pitch.targetMs > 30 * 60'000)
        return QCoreApplication::translate(
            "rapport", "Choose a target length between 10 seconds and 30 minutes.");
    if (!pitch.lights.valid())
        return QCoreApplication::translate("rapport",
            "The lights must come on in order: green before yellow before red, all after 0:00.");
    return {};
}

bool needsFreshening(const QDateTime& lastActivityUtc, const QDateTime& nowUtc)
{
    return lastActivityUtc.isValid() && lastActivityUtc.daysTo(nowUtc) >= kFreshnessDays;
}

} // namespace rapport::rehearsal
