#include "core/decks/decklibrary.h"

#include "core/decks/deckformat.h"

#include <QDir>
#include <QFile>

namespace rapport::decks {

DeckLibrary::DeckLibrary(QList<Deck> decks)
    : m_decks(std::move(decks))
{ }

Result<QList<Deck>> DeckLibrary::loadBuiltInDecks()
{
    QList<Deck> decks;
    const QDir dir(QStringLiteral(":/decks"));
    for (const QString& name :
        dir.entryList({ QStringLiteral("*.json") }, QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly)) {
            return Error { ErrorKind::Io,
                QStringLiteral("Cannot read the built-in deck %1.").arg(name),
                QStringLiteral("Reinstall Rapport."), file.errorString() };
        }
        Result<Deck> deck = parseDeckJson(file.readAll(), file.fileName());
        if (!deck)
            return deck.error();
        deck->builtIn = true;
        decks << *deck;
    }
    return decks;
}

Result<DeckLibrary> DeckLibrary::load(const decks::DeckRepository& repository)
{
    Result<QList<Deck>> decks = loadBuiltInDecks();
    if (!decks)
        return decks.error();
    Result<QList<Deck>> mine = repository.userDecks();
    if (!mine)
        return mine.error();
    return DeckLibrary(*decks + *mine);
}

const Deck* DeckLibrary::deck(const QString& deckId) const
{
    for (const Deck& d : m_decks) {
        if (d.id == deckId)
            return &d;
    }
    return nullptr;
}

const Question* DeckLibrary::question(const decks::CardKey& key) const
{
    const Deck* d = deck(key.deckId);
    if (!d)
        return nullptr;
    for (const Question& q : d->questions) {
        if (q.id == key.questionId)
            return &q;
    }
    return nullptr;
}

Result<decks::CardKey> DeckLibrary::resolveCard(const QString& reference) const
{
    const qsizetype slash = reference.lastIndexOf(QLatin1Char('/'));
    if (slash > 0) {
        decks::CardKey key { reference.left(slash), reference.mid(slash + 1) };
        if (question(key))
            return key;
    }
    QList<decks::CardKey> matches;
    for (const Deck& d : m_decks) {
        for (const Question& q : d.questions) {
            if (q.id == reference)
                matches << decks::CardKey { d.id, q.id };
        }
    }
    if (matches.size() == 1)
        return matches.first();
    return Error { ErrorKind::NoSuchRecord,
        matches.isEmpty() ? QStringLiteral("No question has the id \"%1\".").arg(reference)
                          : QStringLiteral("Several decks have a question \"%1\".").arg(reference),
        QStringLiteral("Use DECK/QUESTION as shown by 'rapport-cli draw --json' or "
                       "'rapport-cli conversations list'."),
        {} };
}

} // namespace rapport::decks
