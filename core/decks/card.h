#pragma once

#include "core/decks/question.h"

#include <QDateTime>
#include <QHashFunctions>
#include <QString>

namespace rapport::decks {

/// Identifies a card across built-in and user decks: its deck id and its question id.
struct CardKey
{
    QString deckId;
    QString questionId;
    bool operator==(const CardKey&) const = default;
    /// "deck/question", the form the CLI prints and accepts.
    QString toString() const { return deckId + QLatin1Char('/') + questionId; }
};
size_t qHash(const CardKey& key, size_t seed = 0) noexcept;

/// What Rapport remembers about one card.
struct CardState
{
    bool favourite = false;
    bool hidden = false;
    int timesDrawn = 0;
    qint64 lastDrawSeq = 0; ///< seq of its latest draw; 0 when never drawn
};

/// One row of the draw history.
struct DrawRecord
{
    qint64 seq = 0; ///< increases with every draw
    CardKey key;
    Zone zone = Zone::SmallTalk;
    QString text; ///< the text as it was shown
    QDateTime drawnAt; ///< UTC
};

} // namespace rapport::decks
