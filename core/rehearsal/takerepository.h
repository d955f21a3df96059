#pragma once

#include "core/common/result.h"
#include "core/rehearsal/take.h"
#include "core/rehearsal/takestore.h"
#include "core/storage/database.h"

namespace rapport::rehearsal {

/// Caveats as the takes table stores them: their keys joined by commas, in the order given;
/// empty for none.
QString storedCaveats(const std::vector<analysis::Caveat>& caveats);

/// A take's words as the takes table stores them: speech::wordReportToJson() as compact JSON
/// text; null when the words were not heard.
QVariant storedWords(const std::optional<speech::WordReport>& words);

/// The words back from storedWords()'s text; empty when null, or when the text is damaged (a
/// take then reads as one whose words were not heard rather than being hidden).
std::optional<speech::WordReport> wordsFromStored(const QVariant& stored);

/// The figures the takes table keeps beside a take's words, so that charts need not read them:
/// filler_count, fillers_per_minute and script_coverage, in that order (nulls without words).
QVariantList storedWordFigures(const std::optional<speech::WordReport>& words);

/// Storage of takes. Every write is one statement or one transaction: a take row is never half
/// written.
/// The pitch a recording's label (OrphanRecording::label) says it was a take of; nullopt when it
/// was something else or the label says nothing.
std::optional<qint64> takeLabelPitch(const QJsonObject& label);

class TakeRepository : public TakeStore
{
public:
    explicit TakeRepository(const storage::Database& database);

    /// Stores a new take; returns its id. NotFound when the pitch does not exist.
    Result<qint64> add(const Take& take) override;
    Result<Take> get(qint64 id) const;
    /// Takes in time order (oldest first), of one pitch or (pitchId 0) of all pitches.
    Result<QList<Take>> list(qint64 pitchId = 0) const;
    /// Replaces the take's self-rating. InvalidArgument when rating.problem() is not empty.
    Status setRating(qint64 id, const rehearsal::SelfRating& rating);
    /// Replaces the take's words (heard after it was stored, or heard again); nullopt clears
    /// them. NoSuchRecord when the take is gone.
    Status setWords(qint64 id, const std::optional<speech::WordReport>& words) override;
    /// "store it later with 'rapport-cli takes recover FILE --pitch ID'".
    QString storeLaterHint(const QString& audioPath) const override;
    /// {"kind": "take", "pitch_id": N}: see takeLabelPitch().
    QJsonObject recordingLabel(const Take& take) const override;
    /// Stars the take as its pitch's best (unstarring any other), or unstars it.
    Status setStarred(qint64 id, bool starred);
    /// Deletes the row; returns the audio path it had (the caller deletes the file).
    Result<QString> remove(qint64 id);
    /// Audio paths of one pitch's takes (pitchId > 0), to delete its recordings with it; or
    /// (pitchId 0) of every recording a row refers to, takes and answers to cards alike, to find
    /// the recordings nothing refers to.
    Result<QStringList> audioPaths(qint64 pitchId = 0) const;

private:
    const storage::Database& m_database;
};

} // namespace rapport::rehearsal
