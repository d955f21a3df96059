#pragma once

#include "core/rehearsal/timinglights.h"

#include <QDateTime>
#include <QString>

namespace rapport::rehearsal {

/// The default window for a target: green at the minimum (the target less a sixth, at least
/// 5 s less), yellow at the midpoint (in whole seconds, rounded down), red at the target.
/// Precondition: targetMs >= 10 000.
LightTimes defaultLightsFor(qint64 targetMs);

/// An elevator-pitch script and the window its takes are timed against.
struct Pitch
{
    qint64 id = 0; ///< 0 until stored
    QString title;
    QString occasion; ///< optional: "networking evening", "interview"
    QString text; ///< the script; may be empty (some people rehearse from notes)
    qint64 targetMs = 60'000; ///< the length aimed for
    LightTimes lights = defaultLightsFor(60'000); ///< green, yellow, red
    QDateTime createdAt; ///< UTC
    QDateTime updatedAt; ///< UTC

    bool operator==(const Pitch&) const = default;
};

/// Target lengths offered first, in milliseconds (30 s, 60 s, 90 s, 2 min).
inline constexpr qint64 kTargetPresetsMs[] = { 30'000, 60'000, 90'000, 120'000 };

/// Pace figures for the estimate shown while writing (words per minute).
inline constexpr int kSlowWpm = 130;
inline constexpr int kFastWpm = 160;

/// Days without a rehearsal or an edit after which a pitch is marked "keep it fresh".
inline constexpr int kFreshnessDays = 14;

/// Words in `text`: runs of letters or digits, with inner apostrophes and hyphens ("don't",
/// "well-known" are one word each).
int wordCount(const QString& text);

/// How long `words` take to say at `wordsPerMinute`, in milliseconds.
qint64 speakingTimeMs(int words, int wordsPerMinute);

/// The outline offered for a new pitch (from the user's source material).
QString pitchOutline();

/// Checks a pitch before it is stored; the message names the field and what to do.
/// Returns an empty string when the pitch is fine.
QString pitchProblem(const Pitch& pitch);

/// Whether a pitch last rehearsed or edited at `lastActivityUtc` needs freshening at `nowUtc`.
bool needsFreshening(const QDateTime& lastActivityUtc, const QDateTime& nowUtc);

} // namespace rapport::rehearsal
