#pragma once

#include "core/speech/transcript.h"

#include <optional>

namespace rapport::speech {

/// Syllables per word of what was said, counted from the spelling of the recognised words
/// (hesitations left out), to turn a take's syllable count into words per minute when the take
/// has no script. A recogniser that mishears a word mostly hears one of about the same length,
/// so this holds where the word count itself would not. Empty under analysis::kMinScriptWords
/// words.
std::optional<double> spokenSyllablesPerWord(const Transcript& transcript);

} // namespace rapport::speech
