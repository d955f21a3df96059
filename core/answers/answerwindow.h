#pragma once

#include "core/common/result.h"
#include "core/rehearsal/timinglights.h"
#include "core/storage/database.h"

// The window answers to cards are timed against: the user's light times, kept with the data
// (app_meta) so that the window, rapport-cli answer and a restored backup all use the same ones.
namespace rapport::answers {

/// The stored light times; defaultAnswerLights() when none were saved (or what is stored is
/// damaged). Errors: the database.
Result<rehearsal::LightTimes> loadAnswerLights(const storage::Database& database);

/// Whether light times were ever saved (a window that kept them elsewhere before moves them here
/// once). Errors: the database.
Result<bool> answerLightsSaved(const storage::Database& database);

/// Stores `lights`. InvalidArgument unless lights.valid() (green before yellow before red, all
/// after 0:00) and red is at most an hour.
Status saveAnswerLights(const storage::Database& database, const rehearsal::LightTimes& lights);

} // namespace rapport::answers
