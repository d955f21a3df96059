#pragma once

#include "core/analysis/takereport.h"
#include "core/speech/wordreport.h"

#include <QString>
#include <cstdint>

namespace rapport::test {

/// Writes `path` (16 kHz mono WAV, through WavWriter) as `leadFrames` of silence, `toneFrames`
/// of voiceSample() — the "speech" — and `tailFrames` of silence, so every frame is known.
/// Returns an empty string, or what went wrong.
QString writeToneTake(
    const QString& path, std::int64_t leadFrames, std::int64_t toneFrames, std::int64_t tailFrames);

/// A take report with every field set (a 88.5 s take with two pauses), to values that are exact
/// in binary, so they come back unchanged from text: for export, import and storage tests.
analysis::TakeReport everyFieldReport();

/// Words with every part set: a transcript with hesitations and "you know", a phrase said three
/// times, and a script with a sentence said, one partly and one skipped; times exact in binary.
speech::WordReport everyFieldWords();

/// The words of `text` (split at spaces) heard evenly: from 0.5 s, one every 0.5 s, each 0.3 s
/// long, so no word is set apart by a pause.
speech::Transcript evenlySaid(const QString& text);

} // namespace rapport::test
