#pragma once

#include "core/analysis/takereport.h"

#include <QStringView>
#include <QtGlobal>
#include <optional>

namespace rapport::analysis {

/// Syllables of one written English word, by spelling: groups of vowel letters, less a silent
/// final "e" ("make"), "-es" and "-ed" that add no syllable ("loves", "loved"; not "boxes",
/// "wanted"), plus the vowel pairs said as two ("radio", "usual"; not "nation"). Right for most
/// words and off by one for some ("business"); over a text the errors largely cancel. A number
/// counts as two. At least 1 for any word with a letter or digit, 0 otherwise.
int writtenSyllables(QStringView word);

/// A script's syllables per word, to turn a take's syllable count into words per minute with the
/// speaker's own words rather than the average of English (kSyllablesPerWord). Empty under
/// kMinScriptWords words, where one long word would swing it.
std::optional<double> scriptSyllablesPerWord(QStringView script);

inline constexpr int kMinScriptWords = 20;

/// The largest script file read (1 MiB, some 150,000 words): a pitch is a few hundred.
inline constexpr qint64 kMaxScriptBytes = 1 << 20;

/// The syllables per word to count a take of a pitch with `script` in: the script's own, or
/// kSyllablesPerWord when it is too short to say (or empty).
double paceSyllablesPerWord(QStringView script);

} // namespace rapport::analysis
