#pragma once

#include "app/cli/commandcontext.h"
#include "core/rehearsal/pitch.h"
#include "core/rehearsal/recordings.h"
#include "core/rehearsal/takerepository.h"
#include "core/rehearsal/timing.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <optional>
#include <variant>

namespace rapport::cli {

// What `rehearse` and `takes` share: finding a pitch, and showing takes.

/// The pitch `reference` names (id or title, see PitchRepository::find). On failure prints why and
/// returns the exit code: kExitFailure when no pitch (or several) match, kExitData when the
/// database fails.
std::variant<rehearsal::Pitch, int> findPitch(
    CommandContext& ctx, const storage::Database& database, const QString& reference);

/// {green_s, yellow_s, red_s}.
QJsonObject targetJson(const rehearsal::LightTimes& lights);
/// {verdict: under|within|over, by_s}, or null when no speech was found.
QJsonValue timingJson(const rehearsal::Take& take);
/// {overall, items: {connection: 4, ...} (only the items given), rated_at}, or null when unrated.
QJsonValue ratingJson(const rehearsal::SelfRating& rating);
/// The row `takes list --json` prints for a take.
QJsonObject takeListJson(const rehearsal::Take& take);

/// "0:48 — within the window (green 0:50, yellow 0:55, red 1:00)" or "no speech found".
QString timingText(const rehearsal::Take& take);
/// "4/5 (connection 3, passion 5)" or "not rated".
QString ratingText(const rehearsal::SelfRating& rating);

/// The actions of `takes` that read recordings: on recordings no take uses, `orphans` (list
/// them), `recover` (store one as a take of `pitch`, analysing it and hearing its words) and
/// `discard` (delete one); and `words` (hear a stored take's words again from its recording).
/// They read audio (libsndfile) and analyse it, so they are linked into the helper programs
/// only; each prints what it did (JSON with `json`) and returns the exit code.
struct OrphanActions
{
    int (*list)(CommandContext& ctx, rehearsal::Recordings& recordings, bool json);
    /// Without `pitch`, as what the recording's label says it was: a take of its pitch, or an
    /// answer to its card.
    int (*recover)(CommandContext& ctx, rehearsal::Recordings& recordings,
        const storage::Database& database, const std::optional<rehearsal::Pitch>& pitch,
        const QString& file, bool json);
    int (*discard)(CommandContext& ctx, rehearsal::Recordings& recordings, const QString& file);
    int (*words)(CommandContext& ctx, const storage::Database& database,
        rehearsal::TakeRepository& takes, qint64 id, bool json);
};

/// `takes`, with `orphans` for its orphans, recover and discard actions; without them
/// (rapport-cli), those actions run in rapport-cli-analyse.
int takesCommandWith(CommandContext& ctx, const QStringList& args, const OrphanActions* orphans);

} // namespace rapport::cli
