// Helper program for wavwriter_test: writes a take with WavWriter in a separate process, so the
// test can kill it mid-take or run it under a file-size limit or on a tiny private tmpfs.
//   wavwriter_child write PATH BLOCK_FRAMES SLEEP_MS   writes blocks forever, "written K" after
//   each wavwriter_child fill PATH LIMIT_BYTES              RLIMIT_FSIZE, writes until the write
//   fails wavwriter_child fill-tmpfs SIZE_KB                 private tmpfs of SIZE_KB, writes until
//   full
// "fill" modes print "frames N", "kind K", "what ...", "fix ...", then ("fill-tmpfs") the frames
// libsndfile reads back from the file ("file_frames M") before the tmpfs goes away.
#include "core/audio/wavwriter.h"
#include "tests/support/testsignal.h"

#include <QByteArray>
#include <QString>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sched.h>
#include <sndfile.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <unistd.h>

using rapport::audio::AudioBlock;
using rapport::audio::WavWriter;

namespace {

constexpr std::int64_t kFillBlockFrames = 1600; // 100 ms

AudioBlock makeBlock(std::int64_t startFrame, std::int64_t frames)
{
    AudioBlock block;
    block.startFrame = startFrame;
    block.samples.resize(static_cast<std::size_t>(frames));
    for (std::int64_t i = 0; i < frames; ++i)
        block.samples[static_cast<std::size_t>(i)] = rapport::test::testSample(startFrame + i);
    return block;
}

int writeForever(const QString& path, std::int64_t blockFrames, int sleepMs)
{
    rapport::Result<WavWriter> writer = WavWriter::create(path);
    if (!writer) {
        std::printf("error %s\n", qPrintable(writer.error().toString()));
        return 1;
    }
    for (std::int64_t k = 0;; ++k) {
        if (rapport::Status status = writer->write(makeBlock(k * blockFrames, blockFrames));
            !status) {
            std::printf("error %s\n", qPrintable(status.error().toString()));
            return 1;
        }
        std::printf("written %lld\n", static_cast<long long>(k + 1));
        std::fflush(stdout);
        ::usleep(static_cast<useconds_t>(sleepMs) * 1000);
    }
}

// Writes 100 ms blocks until a write fails; prints what the writer reported.
int fillUntilFailure(const QString& path)
{
    rapport::Result<WavWriter> writer = WavWriter::create(path);
    if (!writer) {
        std::printf("create-failed %s\n", qPrintable(writer.error().toString()));
        return 1;
    }
    rapport::Status status;
    for (std::int64_t k = 0; status && k < 100000; ++k)
        status = writer->write(makeBlock(k * kFillBlockFrames, kFillBlockFrames));
    if (status) {
        std::printf("never-failed\n");
        return 1;
    }
    std::printf("frames %lld\nkind %d\nwhat %s\nfix %s\ndetail %s\n",
        static_cast<long long>(writer->framesWritten()), static_cast<int>(status.error().kind),
        qPrintable(status.error().what), qPrintable(status.error().fix),
        qPrintable(status.error().detail));
    const rapport::Status closed = writer->close();
    std::printf("close-ok %d\n", closed ? 1 : 0);
    return 0;
}

bool writeFile(const char* path, const QByteArray& text)
{
    const int fd = ::open(path, O_WRONLY);
    if (fd < 0)
        return false;
    const bool ok
        = ::write(fd, text.constData(), static_cast<std::size_t>(text.size())) == text.size();
    ::close(fd);
    return ok;
}

int fillTmpfs(int sizeKb)
{
    const uid_t uid = ::getuid();
    const gid_t gid = ::getgid();
    // A user namespace gives the right to mount without being root; the mount namespace keeps
    // the tiny tmpfs private to this process.
    if (::unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0) {
        std::printf("setup-failed unshare(CLONE_NEWUSER|CLONE_NEWNS): %s\n", std::strerror(errno));
        return 2;
    }
    if (!writeFile("/proc/self/setgroups", "deny")
        || !writeFile("/proc/self/uid_map", QByteArray("0 ") + QByteArray::number(uid) + " 1")
        || !writeFile("/proc/self/gid_map", QByteArray("0 ") + QByteArray::number(gid) + " 1")) {
        std::printf("setup-failed user namespace id maps: %s\n", std::strerror(errno));
        return 2;
    }
    if (::mount("none", "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) {
        std::printf("setup-failed making / private: %s\n", std::strerror(errno));
        return 2;
    }
    char dir[] = "/tmp/rapport-tinyfs-XXXXXX";
    if (!::mkdtemp(dir)) {
        std::printf("setup-failed mkdtemp: %s\n", std::strerror(errno));
        return 2;
    }
    const QByteArray options = "size=" + QByteArray::number(sizeKb) + "k";
    if (::mount("tmpfs", dir, "tmpfs", 0, options.constData()) != 0) {
        std::printf("setup-failed mount tmpfs: %s\n", std::strerror(errno));
        ::rmdir(dir);
        return 2;
    }
    const QString path = QString::fromLocal8Bit(dir) + QStringLiteral("/take.wav");
    const int rc = fillUntilFailure(path);
    SF_INFO info {};
    SNDFILE* file = sf_open(qPrintable(path), SFM_READ, &info);
    std::printf("file_frames %lld\n", file ? static_cast<long long>(info.frames) : -1LL);
    if (file)
        sf_close(file);
    std::fflush(stdout);
    ::umount(dir);
    ::rmdir(dir);
    return rc;
}

} // namespace

int main(int argc, char** argv)
{
    const QByteArray mode = argc > 1 ? QByteArray(argv[1]) : QByteArray();
    if (mode == "write" && argc == 5)
        return writeForever(
            QString::fromLocal8Bit(argv[2]), std::atoll(argv[3]), std::atoi(argv[4]));
    if (mode == "fill" && argc == 4) {
        std::signal(SIGXFSZ, SIG_IGN); // a write past the limit then fails with EFBIG
        const rlim_t limit = static_cast<rlim_t>(std::atoll(argv[3]));
        const rlimit fsize { limit, limit };
        if (::setrlimit(RLIMIT_FSIZE, &fsize) != 0) {
            std::printf("setup-failed setrlimit: %s\n", std::strerror(errno));
            return 2;
        }
        return fillUntilFailure(QString::fromLocal8Bit(argv[2]));
    }
    if (mode == "fill-tmpfs" && argc == 3)
        return fillTmpfs(std::atoi(argv[2]));
    std::fprintf(stderr,
        "usage: wavwriter_child write PATH BLOCK_FRAMES SLEEP_MS | fill PATH "
        "LIMIT_BYTES | fill-tmpfs SIZE_KB\n");
    return 2;
}
