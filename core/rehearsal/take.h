#pragma once

#include "core/analysis/takereport.h"
#include "core/rehearsal/pitch.h"
#include "core/rehearsal/selfrating.h"
#include "core/rehearsal/timing.h"
#include "core/rehearsal/timinglights.h"
#include "core/speech/wordreport.h"

#include <QDateTime>
#include <QString>
#include <optional>

namespace rapport::rehearsal {

/// One rehearsal take: when, against which window, its audio, what was measured and how the
/// speaker rated it.
struct Take
{
    qint64 id = 0; ///< 0 until stored
    qint64 pitchId = 0;
    QDateTime startedAt; ///< UTC
    LightTimes lights; ///< the window the take was timed against (grace not kept)
    QString audioPath; ///< absolute; empty when the audio was not kept
    bool starred = false; ///< the pitch's best take (at most one per pitch)
    analysis::TakeReport report;
    /// What was said (the transcript, fillers, repeated phrases, the script's sentences); empty
    /// when the take's words were not heard (no speech model, or a take from before schema 9).
    std::optional<speech::WordReport> words;
    SelfRating rating;
};

/// A new take of `pitch` started at `startedAtUtc`, timed against the pitch's window (its grace
/// is not kept with a take).
Take takeOf(const Pitch& pitch, const QDateTime& startedAtUtc);

/// The take's speaking time judged against the window it was timed with; nullopt when no speech
/// was found.
std::optional<TimingResult> takeTiming(const Take& take);

} // namespace rapport::rehearsal
