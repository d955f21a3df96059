#pragma once

#include "core/common/result.h"
#include "core/progress/weeklystats.h"
#include "core/storage/database.h"

namespace rapport::progress {

/// The weekly goal as stored in the database (so the window and the CLI share it); the default
/// goal (3 takes, 2 conversations) until the user sets one.
Result<WeeklyGoal> loadGoal(const storage::Database& database);
/// Stores the goal. InvalidArgument unless 0 <= takes, conversations <= 100 and not both 0.
Status saveGoal(const storage::Database& database, const WeeklyGoal& goal);

} // namespace rapport::progress
