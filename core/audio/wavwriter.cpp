#include "core/audio/wavwriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <cerrno>
#include <cmath>
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
// 16-bit PCM full scale as libsndfile reads it (sample / 0x8000); writing with the same factor
// makes a stored value read back bit for bit.
constexpr float kPcm16Scale = 32768.0f;

std::int16_t toPcm16(float sample)
{
    if (std::isnan(sample))
        return 0;
    // Clamped before rounding: beyond full scale saturates instead of wrapping to the other sign.
    return static_cast<std::int16_t>(
        std::round(std::clamp(sample * kPcm16Scale, -32768.0f, 32767.0f)));
}

// What a reader decodes a stored sample as.
float fromPcm16(std::int16_t sample)
{
    return static_cast<float>(sample) / kPcm16Scale;
}

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

float WavWriter::storedValue(float sample)
{
    return fromPcm16(toPcm16(sample));
}

Status WavWriter::write(const AudioBlock& block, AudioBlock* stored)
{
    if (stored) {
        stored->startFrame = m_framesWritten;
        stored->samples.clear();
    }
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
        const std::vector<std::int16_t> silence(kSilenceChunkFrames, 0);
        while (m_framesWritten < block.startFrame) {
            const std::int64_t frames
                = std::min(kSilenceChunkFrames, block.startFrame - m_framesWritten);
            if (Status status = writePcm(silence.data(), frames, stored); !status)
                return status;
        }
    }
    m_pcm.resize(block.samples.size());
    std::transform(block.samples.begin(), block.samples.end(), m_pcm.begin(), toPcm16);
    return writePcm(m_pcm.data(), static_cast<std::int64_t>(m_pcm.size()), stored);
}

Status WavWriter::writePcm(const std::int16_t* pcm, std::int64_t frames, AudioBlock* stored)
{
    if (frames == 0)
        return {};
    errno = 0;
    const sf_count_t written = sf_write_short(m_file->handle, pcm, frames);
    const int errnum = errno;
    m_framesWritten += std::max<sf_count_t>(written, 0);
    if (stored) {
        // Decoded from the very integers in the file, so they cannot differ from a reader's.
        for (sf_count_t i = 0; i < written; ++i)
            stored->samples.push_back(fromPcm16(pcm[i]));
    }
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
