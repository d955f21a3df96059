#include "core/common/regularfile.h"

#include "core/common/filetext.h"

#include <QDir>
#include <QFile>
#include <QLocale>
#include <QStringDecoder>
#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace rapport {

namespace {

QString shown(const QString& path)
{
    return QDir::toNativeSeparators(path);
}

// "the script" -> "The script", to open a sentence.
QString opening(const QString& what)
{
    return what.isEmpty() ? what : what.front().toUpper() + what.mid(1);
}

QString kindOf(mode_t mode)
{
    if (S_ISDIR(mode))
        return QStringLiteral("a folder");
    if (S_ISFIFO(mode))
        return QStringLiteral("a pipe");
    if (S_ISSOCK(mode))
        return QStringLiteral("a socket");
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return QStringLiteral("a device");
    return QStringLiteral("not a regular file");
}

// Reads `device` to its end in blocks, holding no more than it read (`expected`, the size when
// known, is reserved up front): Format once it has more than `maxBytes`, Io when reading fails.
// (QIODevice::read(maxBytes + 1) would allocate the whole limit, 512 MiB for an import table,
// before reading a byte.)
Result<QByteArray> readUpTo(QIODevice& device, qint64 expected, qint64 maxBytes)
{
    QByteArray bytes;
    bytes.reserve(static_cast<qsizetype>(std::min(expected, maxBytes) + 1));
    std::array<char, 65536> block {};
    for (;;) {
        const qint64 n = device.read(block.data(), static_cast<qint64>(block.size()));
        if (n < 0)
            return Error { ErrorKind::Io, {}, {}, device.errorString() };
        if (n == 0)
            return bytes;
        bytes.append(block.data(), static_cast<qsizetype>(n));
        if (bytes.size() > maxBytes)
            return Error { ErrorKind::Format, {}, {}, {} };
    }
}

Error openError(const QString& path, const QString& what, int error)
{
    if (error == ENOENT || error == ENOTDIR)
        return Error { ErrorKind::NotFound,
            QStringLiteral("%1 %2 does not exist.").arg(opening(what), shown(path)),
            QStringLiteral("Check the file name and folder."), {} };
    if (error == EACCES || error == EPERM)
        return Error { ErrorKind::Permission,
            QStringLiteral("You may not read %1 %2.").arg(what, shown(path)),
            QStringLiteral("Check the file's permissions."),
            QString::fromLocal8Bit(std::strerror(error)) };
    return Error { ErrorKind::Io, QStringLiteral("Could not read %1 %2.").arg(what, shown(path)),
        QStringLiteral("Check the file and the disk."),
        QString::fromLocal8Bit(std::strerror(error)) };
}

Error notRegular(const QString& path, const QString& what, mode_t mode)
{
    return Error { ErrorKind::Format,
        QStringLiteral("%1 %2 is %3, not a file Rapport can read.")
            .arg(opening(what), shown(path), kindOf(mode)),
        QStringLiteral("Give the path of an ordinary file."), {} };
}

Error tooLarge(const QString& path, const QString& what, qint64 maxBytes)
{
    return Error { ErrorKind::Format,
        QStringLiteral("%1 %2 is larger than %3, more than it can be.")
            .arg(opening(what), shown(path), QLocale::c().formattedDataSize(maxBytes)),
        QStringLiteral("Check that this is the file you meant."), {} };
}

Result<QString> decodeUtf8(const QByteArray& bytes, const QString& source, const QString& what)
{
    const QByteArray text = withoutBom(bytes);
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString decoded = decoder.decode(text);
    if (decoder.hasError()) {
        return Error { ErrorKind::Format,
            QStringLiteral("%1 %2 is not UTF-8 text.").arg(opening(what), source),
            QStringLiteral("Save it as UTF-8 (most editors offer this under \"Save as\")."), {} };
    }
    return decoded;
}

} // namespace

Status checkRegularFile(const QString& path, const QString& what)
{
    struct stat info
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return openError(path, what, errno);
    if (!S_ISREG(info.st_mode))
        return notRegular(path, what, info.st_mode);
    return {};
}

Result<QByteArray> readRegularFile(const QString& path, qint64 maxBytes, const QString& what)
{
    // O_NONBLOCK: opening a FIFO must not wait for a writer; fstat() then refuses it.
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return openError(path, what, errno);
    struct stat info
    {
    };
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        const mode_t mode = info.st_mode;
        ::close(fd);
        return notRegular(path, what, mode);
    }
    if (info.st_size > maxBytes) {
        ::close(fd);
        return tooLarge(path, what, maxBytes);
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    QFile file;
    if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        return openError(path, what, EIO);
    }
    Result<QByteArray> bytes = readUpTo(file, info.st_size, maxBytes);
    if (!bytes)
        return bytes.error().kind == ErrorKind::Format
            ? tooLarge(path, what, maxBytes) // the file grew since fstat()
            : Error { ErrorKind::Io, QStringLiteral("Could not read %1.").arg(shown(path)),
                  QStringLiteral("Check that the disk and the file are readable."),
                  file.errorString() };
    return bytes;
}

Result<QString> readTextFile(const QString& path, qint64 maxBytes, const QString& what)
{
    Result<QByteArray> bytes = readRegularFile(path, maxBytes, what);
    if (!bytes)
        return bytes.error();
    return decodeUtf8(*bytes, shown(path), what);
}

Result<QString> readTextFromStdin(qint64 maxBytes, const QString& what)
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return Error { ErrorKind::Io,
            QStringLiteral("Could not read %1 from standard input.").arg(what), {},
            in.errorString() };
    const Result<QByteArray> bytes = readUpTo(in, 0, maxBytes);
    if (!bytes && bytes.error().kind != ErrorKind::Format)
        return Error { ErrorKind::Io,
            QStringLiteral("Could not read %1 from standard input.").arg(what), {},
            in.errorString() };
    if (!bytes)
        return Error { ErrorKind::Format,
            QStringLiteral("%1 on standard input is larger than %2, more than it can be.")
                .arg(opening(what), QLocale::c().formattedDataSize(maxBytes)),
            QStringLiteral("Check that you piped in the file you meant."), {} };
    return decodeUtf8(*bytes, QStringLiteral("on standard input"), what);
}

} // namespace rapport
