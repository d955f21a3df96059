#include "core/storage/datalock.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QThread>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#include <utility>

namespace rapport::storage {

namespace {

QString systemMessage(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

} // namespace

QString lockFilePath(const DataPaths& paths)
{
    return paths.root + QStringLiteral("/.lock");
}

DataLock::DataLock(int fd, QString path)
    : m_fd(fd)
    , m_path(std::move(path))
{ }

DataLock::~DataLock()
{
    if (m_fd >= 0)
        ::close(m_fd); // releases the lock
}

DataLock::DataLock(DataLock&& other) noexcept
    : m_fd(std::exchange(other.m_fd, -1))
    , m_path(std::move(other.m_path))
{ }

DataLock& DataLock::operator=(DataLock&& other) noexcept
{
    if (this != &other) {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = std::exchange(other.m_fd, -1);
        m_path = std::move(other.m_path);
    }
    return *this;
}

Result<DataLock> DataLock::shared(const DataPaths& paths)
{
    const QString path = lockFilePath(paths);
    const QByteArray name = QFile::encodeName(path);
    // Close on exec: a command that hands over to a helper program does not pass its lock on
    // (the helper takes its own).
    int fd = ::open(name.constData(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0 && (errno == EACCES || errno == EROFS))
        fd = ::open(name.constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
        if (errno == EACCES || errno == EROFS)
            return DataLock();
        return Error { ErrorKind::Io,
            QStringLiteral("Could not open the lock file %1.").arg(QDir::toNativeSeparators(path)),
            QStringLiteral("Check that the data folder is yours and the disk is not full."),
            systemMessage(errno) };
    }
    QElapsedTimer waited;
    waited.start();
    while (::flock(fd, LOCK_SH | LOCK_NB) != 0) {
        const int error = errno;
        if ((error != EWOULDBLOCK && error != EINTR) || waited.elapsed() >= kWaitMs) {
            ::close(fd);
            return Error { ErrorKind::Busy,
                QStringLiteral("A restore is replacing the data in %1.")
                    .arg(QDir::toNativeSeparators(paths.root)),
                QStringLiteral("Wait until it has finished, then try again."),
                systemMessage(error) };
        }
        QThread::msleep(50);
    }
    return DataLock(fd, path);
}

Status DataLock::makeExclusive()
{
    if (m_fd < 0)
        return Error { ErrorKind::Permission,
            QStringLiteral("The data folder cannot be locked for a restore (it is read-only)."),
            QStringLiteral("Make the data folder writable, then try again."), {} };
    while (::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno == EINTR)
            continue;
        const int error = errno;
        // A failed conversion can drop the shared lock (flock(2)): take it back.
        while (::flock(m_fd, LOCK_SH) != 0 && errno == EINTR) { }
        return Error { ErrorKind::Busy,
            QStringLiteral("Rapport is open in another window or command, which still uses the "
                           "data you would replace."),
            QStringLiteral("Close the other Rapport windows and wait for running rapport-cli "
                           "commands to end, then try again. Nothing was changed."),
            systemMessage(error) };
    }
    return {};
}

void DataLock::makeShared()
{
    if (m_fd >= 0) {
        while (::flock(m_fd, LOCK_SH) != 0 && errno == EINTR) { }
    }
}

} // namespace rapport::storage
