// Fuzzes reading a backup archive (data/backup through libarchive): any file must be verified or
// refused with a reason, never crash, hang or write outside the data folder; an archive that
// verifies must restore, and the restored folder must open.
#include "core/data/backup.h"
#include "core/storage/store.h"
#include "tests/fuzz/fuzzsupport.h"

#include <QDir>
#include <QFileInfo>

using namespace rapport;

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    fuzz::initialise(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QString archive = fuzz::scratch(QStringLiteral("backup.tar.gz"));
    fuzz::writeFile(archive, fuzz::bytesOf(data, size));
    const auto verified = data::verifyBackup(archive);
    if (!verified) {
        if (verified.error().what.isEmpty() || verified.error().fix.isEmpty())
            fuzz::fail("a backup refused without a reason and a fix");
        return 0;
    }

    // Restore into an empty data folder inside a parent that must stay empty of anything else.
    const QString parent = fuzz::scratch(QStringLiteral("restore"));
    fuzz::removePath(parent);
    QDir().mkpath(parent);
    const QString root = parent + QStringLiteral("/data");
    auto paths = storage::prepareDataDirectory(root);
    if (!paths)
        fuzz::fail("cannot prepare the data folder", paths.error().what);
    {
        auto lock = storage::DataLock::shared(*paths);
        if (!lock)
            fuzz::fail("cannot lock the data folder", lock.error().what);
        const auto restored = data::restoreBackup(archive, *paths, *lock);
        if (!restored)
            fuzz::fail("a backup that verifies does not restore", restored.error().what);
    }
    if (QDir(parent).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)
        != QStringList { QStringLiteral("data") })
        fuzz::fail("a restore wrote beside the data folder");
    auto store = storage::openStore(root);
    if (!store)
        fuzz::fail("a restored data folder does not open", store.error().what);
    return 0;
}
