#pragma once

#include <QString>
#include <QStringView>
#include <vector>

namespace rapport::speech {

/// One recognised word and when it was said.
struct Word
{
    QString text; ///< lower case, as spelled in the dictionary ("don't", "um")
    double startS = 0.0; ///< seconds from the start of the take
    double endS = 0.0;
};

/// What a recogniser heard in a take: the words in order, without silences, breaths and noises.
struct Transcript
{
    std::vector<Word> words;
    double audioS = 0.0; ///< length of the audio decoded
    double decodeMs = 0.0; ///< wall time spent decoding

    /// The words joined by single spaces.
    QString text() const;
    /// The words that are not hesitations (isHesitation()).
    int spokenWordCount() const;
    /// Seconds of audio decoded per second of wall time; 0 before anything was decoded.
    double realTimeFactor() const;
};

/// A hesitation sound rather than a word: "um", "uh", "er", "ah", "hmm", "mm" and their
/// spellings. Discourse fillers that are also words ("like", "so") are not: whether they fill
/// depends on where they stand.
bool isHesitation(QStringView word);

} // namespace rapport::speech
