#pragma once

#include "core/common/result.h"
#include "core/rehearsal/take.h"

#include <QJsonObject>

namespace rapport::rehearsal {

/// Where TakeSession stores what it recorded: a pitch's takes (TakeRepository) or anything else
/// recorded and measured the same way (answers to a card). One row per take, written when the
/// take ends; its words are added once heard.
class TakeStore
{
public:
    virtual ~TakeStore() = default;

    /// Stores a take that has just ended; returns its id.
    virtual Result<qint64> add(const Take& take) = 0;
    /// Replaces the words of stored take `id` (nullopt clears them). NoSuchRecord when gone.
    virtual Status setWords(qint64 id, const std::optional<speech::WordReport>& words) = 0;
    /// What to do with the recording at `audioPath` when add() failed: the command that stores
    /// it later.
    virtual QString storeLaterHint(const QString& audioPath) const = 0;
    /// What `take` (not yet stored) is being recorded for, in words a later program can act on
    /// if the recording is cut short: kept beside the recording while it lasts
    /// (Recordings::markRecording) and read back as OrphanRecording::label.
    virtual QJsonObject recordingLabel(const Take& take) const = 0;

protected:
    TakeStore() = default;
    TakeStore(const TakeStore&) = default;
    TakeStore& operator=(const TakeStore&) = default;
};

} // namespace rapport::rehearsal
