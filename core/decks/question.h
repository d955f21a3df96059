#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace rapport::decks {

/// How far down the "connection line" a question sits.
enum class Zone {
    SmallTalk, ///< conversation starters: light, safe with a stranger
    Fun, ///< playful, nostalgic, light self-disclosure
    Deep, ///< values, memories, meaning: further down the connection line
    Interview, ///< informational-interview questions about a role or field
};

/// Every zone, in ladder order.
inline constexpr Zone kAllZones[] = { Zone::SmallTalk, Zone::Fun, Zone::Deep, Zone::Interview };

/// The file/CLI key of a zone: "small-talk", "fun", "deep", "interview".
QString zoneKey(Zone zone);
/// Parses a zone key (case-insensitive, surrounding spaces ignored); nullopt when unknown.
std::optional<Zone> zoneFromKey(const QString& key);
/// The name people read: "Small talk", "Fun zone", "Deep zone", "Interview".
QString zoneDisplayName(Zone zone);

/// The context tags the built-in decks use; user decks may add their own.
QStringList knownContextTags();

/// One question card. `id` is stable within its deck so favourites and history survive updates.
struct Question
{
    QString id;
    Zone zone = Zone::SmallTalk;
    QString text;
    QStringList tags; ///< contexts it suits, lower-case: work, networking, social, dinner, ...
    QString followUp; ///< optional prompt to take the answer further
    QString hint; ///< optional note to the person asking
    /// How personal within its zone: 1 light, 2 warmer, 3 personal; empty when not given (last,
    /// with a default, so that brace initialisers that end before it stay complete).
    std::optional<int> level {};

    bool operator==(const Question&) const = default;
};

/// A deck of questions, built in or the user's own.
struct Deck
{
    static constexpr int kFormatVersion = 1;

    QString id; ///< stable, e.g. "rapport.small-talk" or "user.my-team"
    QString title;
    QString description;
    QString language = QStringLiteral("en");
    QString author;
    QString license;
    int version = 1;
    QStringList hints; ///< tips shown with the deck
    QList<Question> questions;
    bool builtIn = false; ///< shipped with Rapport (read-only); never written to files

    bool operator==(const Deck&) const = default;
};

} // namespace rapport::decks
