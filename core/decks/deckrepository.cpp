#include "core/decks/deckrepository.h"

#include "core/storage/sql.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace rapport::decks {

namespace {

QString tagsToColumn(const QStringList& tags)
{
    return tags.join(QLatin1Char(','));
}

QStringList tagsFromColumn(const QString& column)
{
    return column.split(QLatin1Char(','), Qt::SkipEmptyParts);
}

Status loadQuestions(const QSqlDatabase& db, Deck& deck)
{
    storage::Sql sql(db,
        QStringLiteral("SELECT id, zone, text, tags, follow_up, hint, level FROM questions "
                       "WHERE deck_id = ? ORDER BY position"));
    if (Status s = sql.exec({ deck.id }, QStringLiteral("Could not read the deck's questions."));
        !s)
        return s;
    while (sql.next()) {
        Question q;
        q.id = sql.value(0).toString();
        q.zone = decks::zoneFromKey(sql.value(1).toString()).value_or(decks::Zone::SmallTalk);
        q.text = sql.value(2).toString();
        q.tags = tagsFromColumn(sql.value(3).toString());
        q.followUp = sql.value(4).toString();
        q.hint = sql.value(5).toString();
        if (!sql.value(6).isNull())
            q.level = sql.value(6).toInt();
        deck.questions << q;
    }
    return {};
}

} // namespace

DeckRepository::DeckRepository(const storage::Database& database)
    : m_database(database)
{ }

Result<QList<Deck>> DeckRepository::userDecks() const
{
    const QSqlDatabase db = m_database.connection();
    storage::Sql sql(db,
        QStringLiteral("SELECT id, title, description, language, author, license, version, hints "
                       "FROM decks ORDER BY title COLLATE NOCASE, id"));
    if (Status s = sql.exec({}, QStringLiteral("Could not read your decks.")); !s)
        return s.error();
    QList<Deck> result;
    while (sql.next()) {
        Deck deck;
        deck.id = sql.value(0).toString();
        deck.title = sql.value(1).toString();
        deck.description = sql.value(2).toString();
        deck.language = sql.value(3).toString();
        deck.author = sql.value(4).toString();
        deck.license = sql.value(5).toString();
        deck.version = sql.value(6).toInt();
        for (const QJsonValue& hint : QJsonDocument::fromJson(sql.value(7).toByteArray()).array())
            deck.hints << hint.toString();
        result << deck;
    }
    for (Deck& deck : result) {
        if (Status s = loadQuestions(db, deck); !s)
            return s.error();
    }
    return result;
}

Status DeckRepository::saveUserDeck(const Deck& deck, const QDateTime& nowUtc)
{
    Q_ASSERT(!deck.builtIn);
    const QSqlDatabase db = m_database.connection();
    storage::Transaction transaction(db);
    if (!transaction.begun())
        return transaction.begun();
    const QString what = QStringLiteral("Could not save the deck \"%1\".").arg(deck.title);
    const QString now = storage::toStoredTime(nowUtc);
    storage::Sql upsert(db,
        QStringLiteral(
            "INSERT INTO decks (id, title, description, language, author, license, "
            "version, hints, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET title = excluded.title, "
            "description = excluded.description, language = excluded.language, "
            "author = excluded.author, license = excluded.license, "
            "version = excluded.version, hints = excluded.hints, "
            "updated_at = excluded.updated_at"));
    const QByteArray hints
        = QJsonDocument(QJsonArray::fromStringList(deck.hints)).toJson(QJsonDocument::Compact);
    if (Status s = upsert.exec({ deck.id, deck.title, deck.description, deck.language, deck.author,
                                   deck.license, deck.version, QString::fromUtf8(hints), now, now },
            what);
        !s)
        return s;
    storage::Sql clear(db, QStringLiteral("DELETE FROM questions WHERE deck_id = ?"));
    if (Status s = clear.exec({ deck.id }, what); !s)
        return s;
    storage::Sql insert(db,
        QStringLiteral("INSERT INTO questions (deck_id, id, position, zone, text, tags, follow_up, "
                       "hint, level) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    int position = 0;
    for (const Question& q : deck.questions) {
        if (Status s = insert.exec(
                { deck.id, q.id, position++, decks::zoneKey(q.zone), q.text, tagsToColumn(q.tags),
                    q.followUp, q.hint, q.level ? QVariant(*q.level) : QVariant() },
                what);
            !s)
            return s;
    }
    return transaction.commit();
}

Status DeckRepository::deleteUserDeck(const QString& deckId)
{
    const QSqlDatabase db = m_database.connection();
    storage::Transaction transaction(db);
    if (!transaction.begun())
        return transaction.begun();
    const QString what = QStringLiteral("Could not delete the deck %1.").arg(deckId);
    for (const QString& statement : { QStringLiteral("DELETE FROM decks WHERE id = ?"),
             QStringLiteral("DELETE FROM card_state WHERE deck_id = ?"),
             QStringLiteral("DELETE FROM deck_settings WHERE deck_id = ?") }) {
        if (Status s = storage::Sql(db, statement).exec({ deckId }, what); !s)
            return s;
    }
    return transaction.commit();
}

Result<QHash<CardKey, CardState>> DeckRepository::cardStates() const
{
    storage::Sql sql(m_database.connection(),
        QStringLiteral("SELECT deck_id, question_id, favourite, hidden, times_drawn, last_draw_seq "
                       "FROM card_state"));
    if (Status s = sql.exec({}, QStringLiteral("Could not read which cards you have seen.")); !s)
        return s.error();
    QHash<CardKey, CardState> states;
    while (sql.next()) {
        states.insert(CardKey { sql.value(0).toString(), sql.value(1).toString() },
            CardState { sql.value(2).toBool(), sql.value(3).toBool(), sql.value(4).toInt(),
                sql.value(5).toLongLong() });
    }
    return states;
}

Status DeckRepository::setFlag(const CardKey& key, const char* column, bool value)
{
    // `column` is one of two literals from this file, never user input.
    storage::Sql sql(m_database.connection(),
        QStringLiteral("INSERT INTO card_state (deck_id, question_id, %1) VALUES (?, ?, ?) "
                       "ON CONFLICT (deck_id, question_id) DO UPDATE SET %1 = excluded.%1")
            .arg(QLatin1String(column)));
    return sql.exec({ key.deckId, key.questionId, value ? 1 : 0 },
        QStringLiteral("Could not update the card %1.").arg(key.toString()));
}

Status DeckRepository::setFavourite(const CardKey& key, bool favourite)
{
    return setFlag(key, "favourite", favourite);
}

Status DeckRepository::setHidden(const CardKey& key, bool hidden)
{
    return setFlag(key, "hidden", hidden);
}

Result<QStringList> DeckRepository::disabledDecks() const
{
    storage::Sql sql(m_database.connection(),
        QStringLiteral("SELECT deck_id FROM deck_settings WHERE enabled = 0 ORDER BY deck_id"));
    if (Status s = sql.exec({}, QStringLiteral("Could not read which decks are switched on.")); !s)
        return s.error();
    QStringList ids;
    while (sql.next())
        ids << sql.value(0).toString();
    return ids;
}

Status DeckRepository::setDeckEnabled(const QString& deckId, bool enabled)
{
    storage::Sql sql(m_database.connection(),
        QStringLiteral("INSERT INTO deck_settings (deck_id, enabled) VALUES (?, ?) "
                       "ON CONFLICT (deck_id) DO UPDATE SET enabled = excluded.enabled"));
    return sql.exec({ deckId, enabled ? 1 : 0 },
        QStringLiteral("Could not switch the deck %1 %2.")
            .arg(deckId, enabled ? QStringLiteral("on") : QStringLiteral("off")));
}

Result<DrawRecord> DeckRepository::recordDraw(
    const CardKey& key, decks::Zone zone, const QString& text, const QDateTime& nowUtc)
{
    const QSqlDatabase db = m_database.connection();
    storage::Transaction transaction(db);
    if (!transaction.begun())
        return transaction.begun().error();
    const QString what = QStringLiteral("Could not remember the card you drew.");
    storage::Sql insert(db,
        QStringLiteral("INSERT INTO draws (deck_id, question_id, zone, text, drawn_at) "
                       "VALUES (?, ?, ?, ?, ?)"));
    if (Status s = insert.exec({ key.deckId, key.questionId, decks::zoneKey(zone), text,
                                   storage::toStoredTime(nowUtc) },
            what);
        !s)
        return s.error();
    const qint64 seq = insert.lastInsertId().toLongLong();
    storage::Sql update(db,
        QStringLiteral("INSERT INTO card_state (deck_id, question_id, times_drawn, last_draw_seq) "
                       "VALUES (?, ?, 1, ?) ON CONFLICT (deck_id, question_id) DO UPDATE SET "
                       "times_drawn = times_drawn + 1, last_draw_seq = excluded.last_draw_seq"));
    if (Status s = update.exec({ key.deckId, key.questionId, seq }, what); !s)
        return s.error();
    if (Status s = transaction.commit(); !s)
        return s.error();
    return DrawRecord { seq, key, zone, text, nowUtc.toUTC() };
}

Result<QList<DrawRecord>> DeckRepository::recentDraws(int limit) const
{
    storage::Sql sql(m_database.connection(),
        QStringLiteral("SELECT seq, deck_id, question_id, zone, text, drawn_at FROM draws "
                       "ORDER BY seq DESC LIMIT ?"));
    if (Status s = sql.exec({ limit }, QStringLiteral("Could not read your draw history.")); !s)
        return s.error();
    QList<DrawRecord> draws;
    while (sql.next()) {
        draws << DrawRecord { sql.value(0).toLongLong(),
            CardKey { sql.value(1).toString(), sql.value(2).toString() },
            decks::zoneFromKey(sql.value(3).toString()).value_or(decks::Zone::SmallTalk),
            sql.value(4).toString(), storage::fromStoredTime(sql.value(5)) };
    }
    return draws;
}

} // namespace rapport::decks
