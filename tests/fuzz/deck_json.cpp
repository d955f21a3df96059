// Fuzzes the JSON deck reader (decks/deckformat): any bytes must give a deck or a Format error,
// never a crash, a hang or an unbounded allocation; and a deck it accepts must come back the same
// through the writer (what Rapport exports, it can import).
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
    const auto deck = decks::parseDeckJson(fuzz::bytesOf(data, size), QStringLiteral("fuzz.json"));
    if (!deck) {
        if (deck.error().what.isEmpty())
            fuzz::fail("a rejected deck without a message");
        return 0;
    }
    const QByteArray written = decks::deckToJson(*deck);
    const auto again = decks::parseDeckJson(written, QStringLiteral("written.json"));
    if (!again)
        fuzz::fail("a deck read from JSON does not read back after writing", again.error().what);
    if (!(*again == *deck))
        fuzz::fail("a deck changed between writing and reading it back",
            QString::fromUtf8(written.left(2000)));
    return 0;
}
