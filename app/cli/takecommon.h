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

/// Stores an orphan recording `file` as a take of `pitch` and prints it (as JSON with `json`);
/// returns the exit code. Linked only into rapport-cli-audio (it analyses the recording).
using RecoverFunction = int (*)(CommandContext& ctx, rehearsal::Recordings& recordings,
    const rehearsal::Pitch& pitch, const QString& file, bool json);

/// `takes`, with `recover` for its recover action; without one (rapport-cli), that action runs
/// in rapport-cli-audio.
int takesCommandWith(CommandContext& ctx, const QStringList& args, RecoverFunction recover);

} // namespace rapport::cli
