#pragma once

#include "core/speech/recogniser.h"

#include <QStringList>
#include <vector>

// What the tests and the benchmark of the words share.
namespace rapport::test {

/// Decodes mono 16 kHz `samples` as a microphone delivers them (100 ms blocks) from start() to
/// finish().
speech::Transcript decodeInBlocks(
    speech::Recogniser& recogniser, const std::vector<float>& samples);

/// Word-level Levenshtein distance: the substitutions, insertions and deletions that turn `truth`
/// into `heard` (the numerator of a word error rate).
int wordEditDistance(const QStringList& truth, const QStringList& heard);

} // namespace rapport::test
