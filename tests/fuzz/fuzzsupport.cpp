#include "tests/fuzz/fuzzsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <cstdio>
#include <cstdlib>

namespace rapport::fuzz {
namespace {

// Never destroyed: the fuzzer ends with exit(), where tearing Qt down after its own statics is
// not safe. Reachable from here, so not a leak to LeakSanitizer.
QCoreApplication* g_app = nullptr;
QTemporaryDir* g_scratch = nullptr;

} // namespace

void initialise(int* argc, char*** argv)
{
    if (!g_app) {
        static int fallbackArgc = 1;
        static char name[] = "rapport-fuzz";
        static char* fallbackArgv[] = { name, nullptr };
        g_app = argc && argv ? new QCoreApplication(*argc, *argv)
                             : new QCoreApplication(fallbackArgc, fallbackArgv);
    }
    if (!g_scratch) {
        // /dev/shm when there is one: the targets write a file or a folder for every input.
        const QString base = QDir(QStringLiteral("/dev/shm")).exists() ? QStringLiteral("/dev/shm")
                                                                       : QDir::tempPath();
        g_scratch = new QTemporaryDir(base + QStringLiteral("/rapport-fuzz-XXXXXX"));
        if (!g_scratch->isValid())
            fail("cannot make a scratch folder", g_scratch->errorString());
        std::atexit([] { QDir(g_scratch->path()).removeRecursively(); });
    }
}

QString scratch(const QString& name)
{
    if (!g_scratch)
        fail("initialise() was not called");
    return name.isEmpty() ? g_scratch->path() : g_scratch->filePath(name);
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size()
        || !file.flush())
        fail("cannot write a scratch file", path + QStringLiteral(": ") + file.errorString());
}

void removePath(const QString& path)
{
    const QFileInfo info(path);
    if (info.isDir() && !info.isSymLink())
        QDir(path).removeRecursively();
    else if (info.exists() || info.isSymLink())
        QFile::remove(path);
}

void fail(const char* what, const QString& detail)
{
    std::fprintf(stderr, "FUZZ FINDING: %s%s%s\n", what, detail.isEmpty() ? "" : ": ",
        detail.toLocal8Bit().constData());
    std::fflush(stderr);
    std::abort();
}

} // namespace rapport::fuzz
