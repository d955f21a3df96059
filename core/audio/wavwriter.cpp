#include "core/audio/wavwriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sndfile.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace rapport::audio {

namespace {

constexpr mode_t kPrivateFileMode = S_IRUSR | S_IWUSR; // 0600: recordings are private
constexpr std::int64_t kSilenceChunkFrames = 4096;

QString nativePath(const QString& path)
{
    return QDir::toNativeSeparators(path);
}

// An Error for a failed system call on `path`, worded for what the user can do about `errnum`.
Error fileError(const QString& path, int errnum, const QString& action)
{
    const QString detail = QString::fromLocal8Bit(std::strerror(errnum));
    const QString file = nativePath(path);
    switch (errnum) {
    case ENOSPC:
    case EDQUOT:
        return { ErrorKind::Io,
            QStringLiteral("The disk is full: could not %1 the recording %2.").arg(action, file),
            QStringLiteral("Free some space on the disk, then record again; the part already "
                           "recorded is kept."),
            detail };
    case EFBIG:
        return { ErrorKind::Io,
            QStringLiteral("The recording %1 has reached the largest file size allowed here.")
                .arg(file),
            QStringLiteral("Record shorter takes, or save recordings on another disk; the part "
                           "already recorded is kept."),
            detail };
    case ENOENT:
    case ENOTDIR:
        return { ErrorKind::NotFound,
            QStringLiteral("Could not %1 the recording %2: its folder does not exist.")
                .arg(action, file),
            QStringLiteral("Create the folder %1 or choose another place for recordings.")
                .arg(nativePath(QFileInfo(path).absolutePath())),
            detail };
    case EACCES:
    case EPERM:
    case EROFS:
        return { ErrorKind::Permission,
            QStringLiteral("Could not %1 the recording %2: access was refused.").arg(action, file),
            QStringLiteral("Choose a folder you can write to, or check its permissions."), detail };
    default:
        return { ErrorKind::Io, QStringLiteral("Could not %1 the recording %2.").arg(action, file),
            QStringLiteral("Check the disk, then record again."), detail };
    }
}

} // namespace

struct WavWriter::File
{
    SNDFILE* handle = nullptr;
    ~File()
    {
        if (handle)
            sf_close(handle);
    }
};

Result<WavWriter> WavWriter::create(const QString& path)
{
    const QByteArray encoded = QFile::encodeName(path);
    const int fd
        = ::open(encoded.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, kPrivateFileMode);
    if (fd < 0)
        return fileError(path, errno, QStringLiteral("create"));
    // An existing file keeps its old mode under O_CREAT; recordings must still be private.
    struct stat info
    {
    };
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode) || ::fchmod(fd, kPrivateFileMode) != 0) {
        const int errnum = S_ISREG(info.st_mode) ? errno : EINVAL;
        ::close(fd);
        return fileError(path, errnum, QStringLiteral("create"));
    }

    SF_INFO format {};
    format.samplerate = kSampleRate;
    format.channels = 1;
    format.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
    errno = 0;
    SNDFILE* handle = sf_open_fd(fd, SFM_WRITE, &format, SF_TRUE);
    if (!handle) {
        const int errnum = errno;
        ::close(fd);
        Error error = fileError(path, errnum != 0 ? errnum : EIO, QStringLiteral("create"));
        error.detail = QString::fromUtf8(sf_strerror(nullptr));
        return error;
    }
    // Rewrite the header after every write (two seeks and 44 bytes, a few microseconds per block)
    // so the file on disk is always a complete WAV: a crash loses at most the block in flight.
    sf_command(handle, SFC_SET_UPDATE_HEADER_AUTO, nullptr, SF_TRUE);
    // Out-of-range floats saturate instead of wrapping around to the opposite sign.
    sf_command(handle, SFC_SET_CLIPPING, nullptr, SF_TRUE);
    auto file = std::make_unique<File>();
    file->handle = handle;
    return WavWriter(path, std::move(file));
}

WavWriter::WavWriter(QString path, std::unique_ptr<File> file)
    : m_path(std::move(path))
    , m_file(std::move(file))
{ }

WavWriter::WavWriter(WavWriter&& other) noexcept = default;
WavWriter& WavWriter::operator=(WavWriter&& other) noexcept = default;
WavWriter::~WavWriter() = default;

Status WavWriter::write(const AudioBlock& block)
{
    if (m_failure)
        return *m_failure;
    if (!m_file)
        return Error { ErrorKind::InvalidArgument,
            QStringLiteral("The recording %1 is already closed.").arg(nativePath(m_path)), {}, {} };
    if (block.startFrame < m_framesWritten)
        return Error { ErrorKind::InvalidArgument,
            QStringLiteral("A block for the recording %1 starts at frame %2, before the end of "
                           "what was written (frame %3).")
                .arg(nativePath(m_path))
                .arg(block.startFrame)
                .arg(m_framesWritten),
            {}, {} };
    if (block.startFrame > m_framesWritten) {
        const std::vector<float> silence(kSilenceChunkFrames, 0.0f);
        while (m_framesWritten < block.startFrame) {
            const std::int64_t frames
                = std::min(kSilenceChunkFrames, block.startFrame - m_framesWritten);
            if (Status status = writeSamples(silence.data(), frames); !status)
                return status;
        }
    }
    return writeSamples(block.samples.data(), static_cast<std::int64_t>(block.samples.size()));
}

Status WavWriter::writeSamples(const float* samples, std::int64_t frames)
{
    if (frames == 0)
        return {};
    errno = 0;
    const sf_count_t written = sf_write_float(m_file->handle, samples, frames);
    const int errnum = errno;
    m_framesWritten += written;
    if (written == frames)
        return {};
    Error error = fileError(m_path, errnum != 0 ? errnum : EIO, QStringLiteral("write"));
    if (errnum == 0)
        error.detail = QString::fromUtf8(sf_strerror(m_file->handle));
    m_failure = error;
    return error;
}

Status WavWriter::close()
{
    if (!m_file)
        return m_failure ? Status(*m_failure) : Status();
    const int result = sf_close(m_file->handle);
    m_file->handle = nullptr;
    m_file.reset();
    if (result != 0 && !m_failure) {
        Error error = fileError(m_path, EIO, QStringLiteral("finish"));
        error.detail = QString::fromUtf8(sf_error_number(result));
        m_failure = error;
    }
    return m_failure ? Status(*m_failure) : Status();
}

} // namespace rapport::audio
