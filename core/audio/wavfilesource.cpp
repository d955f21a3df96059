#include "core/audio/wavfilesource.h"

#include "core/common/regularfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <cmath>
#include <samplerate.h>
#include <sndfile.h>

namespace rapport::audio {

namespace {

// Source frames read per chunk: bounded memory whatever the file's length.
constexpr sf_count_t kChunkFrames = 4096;

Error openError(const QString& path, const QString& detail)
{
    const QFileInfo info(path);
    const QString name = QDir::toNativeSeparators(path);
    if (!info.exists()) {
        return { ErrorKind::NotFound, QStringLiteral("The audio file %1 does not exist.").arg(name),
            QStringLiteral("Check the path and the file name."), {} };
    }
    if (info.isDir()) {
        return { ErrorKind::InvalidArgument,
            QStringLiteral("%1 is a folder, not an audio file.").arg(name),
            QStringLiteral("Give the path of a WAV, FLAC or OGG file."), {} };
    }
    if (!info.isReadable()) {
        return { ErrorKind::Permission,
            QStringLiteral("The audio file %1 cannot be read.").arg(name),
            QStringLiteral("Check the file's permissions."), detail };
    }
    if (info.size() == 0) {
        return { ErrorKind::Format,
            QStringLiteral("The audio file %1 is empty (0 bytes).").arg(name),
            QStringLiteral(
                "Record the take again, or give a WAV, FLAC or OGG file with audio in it."),
            {} };
    }
    return { ErrorKind::Format,
        QStringLiteral("%1 is not an audio file Rapport can read.").arg(name),
        QStringLiteral("Give a WAV, FLAC or OGG file (convert others with e.g. "
                       "'sox input.mp3 output.wav')."),
        detail };
}

} // namespace

WavFileSource::~WavFileSource()
{
    if (m_resampler)
        src_delete(m_resampler);
    if (m_file)
        sf_close(m_file);
}

Result<std::unique_ptr<WavFileSource>> WavFileSource::open(const QString& path)
{
    // A pipe or a device would block or never end: only regular files are opened.
    if (const QFileInfo found(path); found.exists() && !found.isDir()) {
        if (Status regular = checkRegularFile(path, QStringLiteral("the audio file")); !regular)
            return regular.error();
    }
    SF_INFO info {};
    SNDFILE* file = sf_open(QFile::encodeName(path).constData(), SFM_READ, &info);
    if (!file)
        return openError(path, QString::fromUtf8(sf_strerror(nullptr)));

    std::unique_ptr<WavFileSource> source(new WavFileSource);
    source->m_path = path;
    source->m_file = file;
    source->m_sourceRate = info.samplerate;
    source->m_channels = info.channels;
    source->m_sourceFrames = info.frames;
    const QString name = QDir::toNativeSeparators(path);
    if (info.samplerate <= 0 || info.channels <= 0) {
        return Error { ErrorKind::Unsupported,
            QStringLiteral("The audio file %1 has no usable sample rate or channels.").arg(name),
            QStringLiteral("Convert it to a 16-bit WAV file, e.g. 'sox in out.wav'."), {} };
    }
    if (info.frames <= 0) {
        return Error { ErrorKind::Format,
            QStringLiteral("The audio file %1 contains no audio (0 frames).").arg(name),
            QStringLiteral("Record the take again, or give a file with audio in it."), {} };
    }
    const double ratio = static_cast<double>(kSampleRate) / info.samplerate;
    source->m_durationFrames = std::llround(static_cast<double>(info.frames) * ratio);
    if (info.samplerate != kSampleRate) {
        int srcError = 0;
        source->m_resampler = src_new(SRC_SINC_MEDIUM_QUALITY, 1, &srcError);
        if (!source->m_resampler) {
            return Error { ErrorKind::Unsupported,
                QStringLiteral("Cannot convert %1 from %2 Hz.").arg(name).arg(info.samplerate),
                QStringLiteral("Convert it to 16 kHz first, e.g. 'sox in -r 16000 out.wav'."),
                QString::fromUtf8(src_strerror(srcError)) };
        }
    }
    source->m_interleaved.resize(static_cast<std::size_t>(kChunkFrames) * info.channels);
    source->m_mono.resize(kChunkFrames);
    return source;
}

Result<bool> WavFileSource::refill()
{
    m_pending.clear();
    m_pendingPos = 0;
    std::size_t monoFrames = 0;
    if (!m_sourceDone) {
        const sf_count_t got = sf_readf_float(m_file, m_interleaved.data(), kChunkFrames);
        if (got < 0 || (got == 0 && sf_error(m_file) != SF_ERR_NO_ERROR)) {
            return Error { ErrorKind::Io,
                QStringLiteral("Reading the audio file %1 failed.")
                    .arg(QDir::toNativeSeparators(m_path)),
                QStringLiteral("Check that the file is complete and the disk is readable."),
                QString::fromUtf8(sf_strerror(m_file)) };
        }
        if (got < kChunkFrames)
            m_sourceDone = true;
        monoFrames = static_cast<std::size_t>(got);
        const float scale = 1.0f / static_cast<float>(m_channels);
        for (std::size_t i = 0; i < monoFrames; ++i) {
            float sum = 0.0f;
            for (int c = 0; c < m_channels; ++c)
                sum += m_interleaved[i * static_cast<std::size_t>(m_channels)
                    + static_cast<std::size_t>(c)];
            m_mono[i] = sum * scale;
        }
    }
    if (!m_resampler) {
        m_pending.assign(m_mono.begin(), m_mono.begin() + static_cast<std::ptrdiff_t>(monoFrames));
        return !m_pending.empty();
    }
    if (m_flushed)
        return false;

    const double ratio = static_cast<double>(kSampleRate) / m_sourceRate;
    // Room for this chunk's output plus what the filter still holds from earlier chunks.
    const std::size_t room = static_cast<std::size_t>(std::ceil((monoFrames + 1024) * ratio)) + 256;
    m_pending.resize(room);
    SRC_DATA data {};
    data.data_in = m_mono.data();
    data.input_frames = static_cast<long>(monoFrames);
    data.src_ratio = ratio;
    data.end_of_input = m_sourceDone ? 1 : 0;
    std::size_t produced = 0;
    // At end of input the filter may need several calls to drain.
    do {
        data.data_out = m_pending.data() + produced;
        data.output_frames = static_cast<long>(m_pending.size() - produced);
        if (const int srcError = src_process(m_resampler, &data)) {
            return Error { ErrorKind::Io,
                QStringLiteral("Converting the sample rate of %1 failed.")
                    .arg(QDir::toNativeSeparators(m_path)),
                QStringLiteral("Convert it to 16 kHz first, e.g. 'sox in -r 16000 out.wav'."),
                QString::fromUtf8(src_strerror(srcError)) };
        }
        produced += static_cast<std::size_t>(data.output_frames_gen);
        data.data_in += data.input_frames_used;
        data.input_frames -= data.input_frames_used;
        if (produced == m_pending.size())
            m_pending.resize(m_pending.size() * 2);
    } while (data.input_frames > 0 || (m_sourceDone && data.output_frames_gen > 0));
    m_pending.resize(produced);
    if (m_sourceDone)
        m_flushed = true;
    return true;
}

Status WavFileSource::readAll(const std::function<void(const AudioBlock&)>& consume, int maxFrames)
{
    AudioBlock block;
    for (;;) {
        Result<bool> more = read(block, maxFrames);
        if (!more)
            return more.error();
        if (!*more)
            return {};
        consume(block);
    }
}

Result<bool> WavFileSource::read(AudioBlock& out, int maxFrames)
{
    out.startFrame = m_nextFrame;
    out.samples.clear();
    const auto wanted = static_cast<std::size_t>(std::max(maxFrames, 1));
    while (out.samples.size() < wanted) {
        if (m_pendingPos == m_pending.size()) {
            Result<bool> more = refill();
            if (!more)
                return more.error();
            if (!*more && m_pending.empty())
                break;
            continue;
        }
        const std::size_t take
            = std::min(wanted - out.samples.size(), m_pending.size() - m_pendingPos);
        out.samples.insert(out.samples.end(),
            m_pending.begin() + static_cast<std::ptrdiff_t>(m_pendingPos),
            m_pending.begin() + static_cast<std::ptrdiff_t>(m_pendingPos + take));
        m_pendingPos += take;
    }
    m_nextFrame += static_cast<std::int64_t>(out.samples.size());
    return !out.samples.empty();
}

} // namespace rapport::audio
