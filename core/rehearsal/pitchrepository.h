#pragma once

#include "core/common/result.h"
#include "core/rehearsal/pitch.h"
#include "core/storage/database.h"

namespace rapport::rehearsal {

/// A pitch with what the list views show about its takes.
struct PitchSummary
{
    rehearsal::Pitch pitch;
    int takeCount = 0;
    QDateTime lastTakeAt; ///< UTC; invalid when never rehearsed
    /// The later of the last take and the last edit (for "keep it fresh").
    QDateTime lastActivity() const;
};

/// Storage of pitch scripts.
class PitchRepository
{
public:
    explicit PitchRepository(const storage::Database& database);

    /// Stores a new pitch (id 0) and returns its id; sets created/updated to `nowUtc`.
    /// InvalidArgument when rehearsal::pitchProblem() finds a problem.
    Result<qint64> add(const rehearsal::Pitch& pitch, const QDateTime& nowUtc);
    /// Saves an existing pitch's fields and sets updated to `nowUtc`; NotFound if it is gone.
    Status update(const rehearsal::Pitch& pitch, const QDateTime& nowUtc);
    /// Deletes a pitch and its takes (their audio files are the caller's to remove; see
    /// TakeRepository::audioPaths()).
    Status remove(qint64 id);
    Result<rehearsal::Pitch> get(qint64 id) const;
    /// Every pitch, most recently active first.
    Result<QList<PitchSummary>> list() const;
    /// Finds a pitch by id ("3") or by title (case-insensitive, exact, or a unique prefix).
    Result<rehearsal::Pitch> find(const QString& reference) const;

private:
    const storage::Database& m_database;
};

} // namespace rapport::rehearsal
