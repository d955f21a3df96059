#include "core/decks/deckfiles.h"

#include "core/decks/deckformat.h"

#include <QFile>
#include <QFileInfo>

namespace rapport::decks {

namespace {

constexpr qint64 kMaxDeckFileBytes = 8 * 1024 * 1024;

Result<QByteArray> readDeckFile(const QString& path)
{
    QFile file(path);
    const QFileInfo info(path);
    if (!info.exists()) {
        return Error { ErrorKind::NotFound, QStringLiteral("%1 does not exist.").arg(path),
            QStringLiteral("Check the file name and folder."), {} };
    }
    if (!info.isFile() || info.size() > kMaxDeckFileBytes) {
        return Error { ErrorKind::Format,
            QStringLiteral("%1 is not a deck file (a folder, or larger than 8 MB).").arg(path),
            QStringLiteral("Choose a .json or .csv deck file."), {} };
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return Error { ErrorKind::Permission, QStringLiteral("Cannot read %1.").arg(path),
            QStringLiteral("Check the file's permissions."), file.errorString() };
    }
    return file.readAll();
}

// A user deck id that no deck in the library uses yet, derived from the title.
QString freshUserId(const QString& title, const DeckLibrary& library)
{
    const QString base = suggestDeckId(title);
    QString id = base;
    for (int n = 2; library.deck(id); ++n)
        id = base + QLatin1Char('-') + QString::number(n);
    return id;
}

} // namespace

std::optional<DeckFileFormat> deckFileFormatFromKey(const QString& key)
{
    const QString k = key.trimmed().toLower();
    if (k == QLatin1String("json"))
        return DeckFileFormat::Json;
    if (k == QLatin1String("csv"))
        return DeckFileFormat::Csv;
    return std::nullopt;
}

Result<ImportOutcome> importDeckFile(const QString& path, const DeckLibrary& library,
    decks::DeckRepository& repository, const Clock& clock)
{
    Result<QByteArray> bytes = readDeckFile(path);
    if (!bytes)
        return bytes.error();
    const QFileInfo info(path);
    const bool isCsv = info.suffix().compare(QLatin1String("csv"), Qt::CaseInsensitive) == 0;
    const QString title = info.completeBaseName();
    Result<Deck> parsed = isCsv ? parseDeckCsv(*bytes, info.fileName(), suggestDeckId(title), title)
                                : parseDeckJson(*bytes, info.fileName());
    if (!parsed)
        return parsed.error();

    ImportOutcome outcome { *parsed, false, {} };
    outcome.deck.builtIn = false;
    if (const Deck* existing = library.deck(outcome.deck.id)) {
        if (existing->builtIn) {
            const QString original = outcome.deck.id;
            outcome.deck.id = freshUserId(outcome.deck.title, library);
            outcome.note = QStringLiteral("The id %1 belongs to a built-in deck, so the import was "
                                          "stored as your own deck %2.")
                               .arg(original, outcome.deck.id);
        } else {
            outcome.replacedExisting = true;
            outcome.note = QStringLiteral("Updated your deck %1; favourites and history of "
                                          "questions with the same ids were kept.")
                               .arg(outcome.deck.id);
        }
    }
    if (Status s = repository.saveUserDeck(outcome.deck, clock.nowUtc()); !s)
        return s.error();
    return outcome;
}

QByteArray exportDeck(const Deck& deck, DeckFileFormat format)
{
    return format == DeckFileFormat::Csv ? deckToCsv(deck) : deckToJson(deck);
}

} // namespace rapport::decks
