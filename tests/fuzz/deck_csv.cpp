// Fuzzes the CSV deck reader (decks/deckformat and common/csv): any bytes must give questions or
// a Format error naming the place, never a crash or a hang; and questions it accepts must come
// back the same through the CSV writer.
#include "core/decks/deckformat.h"
#include "tests/fuzz/fuzzsupport.h"

using namespace rapport;

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    fuzz::initialise(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QString id = QStringLiteral("user.fuzz");
    const QString title = QStringLiteral("Fuzz");
    const auto deck
        = decks::parseDeckCsv(fuzz::bytesOf(data, size), QStringLiteral("fuzz.csv"), id, title);
    if (!deck) {
        if (deck.error().what.isEmpty())
            fuzz::fail("a rejected CSV deck without a message");
        return 0;
    }
    const QByteArray written = decks::deckToCsv(*deck);
    const auto again = decks::parseDeckCsv(written, QStringLiteral("written.csv"), id, title);
    if (!again)
        fuzz::fail("questions read from CSV do not read back after writing", again.error().what);
    if (!(again->questions == deck->questions))
        fuzz::fail("questions changed between writing and reading them back",
            QString::fromUtf8(written.left(2000)));
    return 0;
}
