#pragma once

#include "core/analysis/takereport.h"
#include "core/rehearsal/take.h"

#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

// Advice, not just figures: each measure of a take gets a verdict and one concrete thing to do,
// in plain words; the two furthest off are put first; and the take is compared with the one
// before it and with the pitch's best. Pure functions of takes, so the window, the command line
// and the tests read the same advice.
namespace rapport::coaching {

/// What a take is judged on, in the order the report shows them.
enum class Measure { Length, Pace, Pauses, PitchVariation, Loudness, Peak, Fillers, Script };

/// How a measure came out.
enum class Verdict {
    Good, ///< inside the target: nothing to change
    Close, ///< a little outside: worth a small change
    Off, ///< clearly outside
    Unknown, ///< the take has no such figure, or it cannot be trusted (loudness of a clipped take)
};

/// The verdict on one measure and what to do about it.
struct Advice
{
    Measure measure = Measure::Length;
    Verdict verdict = Verdict::Unknown;
    QString verdictText; ///< short, for next to the figure: "Too long by 13 s", "Comfortable"
    QString suggestion; ///< one concrete action; empty when Good or Unknown
    /// How far off, so different measures compare: 0 inside the target, 1 clearly off (the edge
    /// between Close and Off), more beyond. Halved when the figure is approximate.
    double distance = 0.0;
    /// The figure is approximate (a noisy room) or uncertain (a clipped recording); the verdict
    /// text says so.
    bool approximate = false;
};

/// A take's advice.
struct Coaching
{
    std::vector<Advice> measures; ///< in Measure order, only the measures the take has figures for
    std::vector<Advice> tryNext; ///< at most kTryNextCount, furthest off first, never Good
    /// The take against the one before it and the pitch's best take: "12 s shorter than last
    /// time, now inside the window"; empty without them.
    QStringList comparisons;

    /// The advice on `measure`, or nullptr when the take has no figure for it.
    const Advice* find(Measure measure) const;
};

/// How many suggestions "Try next" gives: more than two things at once is not practice.
inline constexpr std::size_t kTryNextCount = 2;

/// Outside the window by this share of the target (the red light), and at least kLengthOffByS,
/// is clearly off: 6 s on a 60 s pitch is a sentence or two, what a listener notices.
inline constexpr double kLengthOffByShare = 0.1;
inline constexpr double kLengthOffByS = 5.0;

/// The paces suggested to a fast and to a slow speaker, words per minute. 150 is conversation's
/// pace (the product brief), 15 under the comfortable band's top; 120 is as far inside its
/// bottom, so a take that drifts a little still lands in the band.
inline constexpr double kFastTargetWpm = 150.0;
inline constexpr double kSlowTargetWpm = 120.0;
/// Outside the comfortable band by this much is clearly off (Off); less is Close.
inline constexpr double kPaceOffByWpm = 15.0;

/// Under this many pauses a minute the points run together: at one point every 15 to 20 s, a
/// pitch needs three or four pauses a minute to let each land; half of that is the floor.
inline constexpr double kMinPausesPerMinute = 2.0;
/// Takes shorter than this are not judged on how few pauses they have (a 10 s answer may need
/// none).
inline constexpr double kMinPauseJudgedS = 15.0;
/// A pause longer than this reads as a lost thread rather than emphasis (the brief calls 2 s a
/// long pause; twice that is where listeners start to wonder); at kVeryLongPauseS it is Off.
inline constexpr double kLongPauseS = 4.0;
inline constexpr double kVeryLongPauseS = 6.0;

/// Integrated loudness of speech, LUFS. EBU R 128 puts programme loudness at -23 LUFS; a laptop
/// or headset microphone at arm's length gives speech around -30 to -20. Below -35 (12 LU under
/// R 128) a voice is close to a quiet room's noise on such a microphone and the analysis has
/// little to go on. Above -16 (the AES TD1004 level for loud speech streams, already near what
/// platforms normalise music to) spoken peaks usually reach full scale.
inline constexpr double kQuietBelowLufs = -35.0;
inline constexpr double kLoudAboveLufs = -16.0;
/// Outside the comfortable loudness by this much is Off; less is Close.
inline constexpr double kLoudnessOffByLu = 6.0;

/// A sample peak above this is too close to clipping: EBU R 128's maximum true peak, -1 dBTP.
inline constexpr double kHotPeakDbfs = -1.0;
/// More than this share of samples at full scale is clipping: the analysis's own caveat.
inline constexpr double kClippedRatio = analysis::kClippedCaveatRatio;

/// Fillers a minute: at conversation's 150 words a minute, the brief's "under 2 % of words is
/// excellent" is 3 a minute and its "over 5 % needs work" 7.5 a minute.
inline constexpr double kFewFillersPerMinute = 3.0;
inline constexpr double kManyFillersPerMinute = 7.5;

/// The advice on `take`, compared with `previous` (the take before it of the same pitch) and
/// `best` (the pitch's starred take); either may be empty or the take itself, and then gives no
/// comparison. The pace is the one counted from words where they were trusted
/// (speech::WordReport::wordsPerMinute), else the syllable estimate.
Coaching coach(const rehearsal::Take& take, const std::optional<rehearsal::Take>& previous,
    const std::optional<rehearsal::Take>& best);

/// The take's pace, words per minute, as coach() judges it: from words where they were trusted,
/// else from syllables; empty when the pace was withheld (too noisy, too short) or not measured.
std::optional<double> judgedPace(const rehearsal::Take& take);

/// "Length", "Pace", ... for labels.
QString measureName(Measure measure);

} // namespace rapport::coaching
