// Fuzzes importing an export (data/importer): the input holds the files of an export folder, each
// after a line "--- NAME" (pitches.csv, takes.json, ...). Any content must be imported whole or
// refused whole with a message naming the file, never crash; the database must pass its
// integrity check afterwards; and importing the same folder again must add nothing, as the
// importer promises.
#include "core/data/importer.h"
#include "core/storage/database.h"
#include "tests/fuzz/fuzzsupport.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

using namespace rapport;

namespace {

// The files of one input: "--- NAME\n" starts each; bytes before the first header are ignored.
QList<std::pair<QString, QByteArray>> sectionsOf(const QByteArray& input)
{
    static const QRegularExpression header(QStringLiteral("^--- ([a-z_]{1,40}\\.(csv|json))\\r?$"));
    QList<std::pair<QString, QByteArray>> sections;
    qsizetype lineStart = 0;
    while (lineStart < input.size()) {
        qsizetype lineEnd = input.indexOf('\n', lineStart);
        if (lineEnd < 0)
            lineEnd = input.size();
        const QByteArray line = input.mid(lineStart, lineEnd - lineStart);
        const auto match = line.startsWith("--- ") ? header.match(QString::fromLatin1(line))
                                                   : QRegularExpressionMatch();
        if (match.hasMatch())
            sections.append({ match.captured(1), QByteArray() });
        else if (!sections.isEmpty())
            sections.last().second += input.mid(lineStart, lineEnd + 1 - lineStart);
        lineStart = lineEnd + 1;
    }
    return sections;
}

bool nothingAdded(const data::ImportSummary& s)
{
    return s.pitches.added == 0 && s.takes.added == 0 && s.draws.added == 0 && s.answers.added == 0
        && s.conversations.added == 0 && s.conversationQuestions.added == 0;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    fuzz::initialise(argc, argv);
    // One migrated empty database, copied for every input (migrating each time is 10x slower).
    auto db = storage::Database::open(fuzz::scratch(QStringLiteral("template.sqlite")));
    if (!db)
        fuzz::fail("cannot make the template database", db.error().what);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QString folder = fuzz::scratch(QStringLiteral("export"));
    fuzz::removePath(folder);
    QDir().mkpath(folder);
    for (const auto& [name, bytes] : sectionsOf(fuzz::bytesOf(data, size)))
        fuzz::writeFile(folder + QLatin1Char('/') + name, bytes);

    const QString path = fuzz::scratch(QStringLiteral("import.sqlite"));
    for (const char* suffix : { "", "-wal", "-shm" })
        fuzz::removePath(path + QLatin1String(suffix));
    if (!QFile::copy(fuzz::scratch(QStringLiteral("template.sqlite")), path))
        fuzz::fail("cannot copy the template database");
    auto db = storage::Database::open(path);
    if (!db)
        fuzz::fail("cannot open the copied database", db.error().what);

    const auto first = data::importData(**db, folder);
    if (!first) {
        if (first.error().what.isEmpty() || first.error().fix.isEmpty())
            fuzz::fail("an import refused without a message and a fix");
    } else {
        const auto second = data::importData(**db, folder);
        if (!second)
            fuzz::fail("an import that succeeded fails the second time", second.error().what);
        if (!nothingAdded(*second))
            fuzz::fail("importing the same export twice added records the second time");
    }
    const auto check = (*db)->integrityCheck();
    if (!check || *check != QStringList { QStringLiteral("ok") })
        fuzz::fail("the database fails its integrity check after an import",
            check ? check->join(QLatin1Char(' ')) : check.error().what);
    return 0;
}
