#pragma once

#include "core/audio/audioblock.h"
#include "core/common/result.h"

#include <QString>
#include <cstdint>
#include <memory>
#include <optional>

namespace rapport::audio {

/// Writes a take as a 16 kHz mono 16-bit PCM WAV file while it is being recorded. Nothing is held
/// in memory: each block goes to the file as it arrives, and the WAV header is brought up to date
/// after every block, so a crash or kill leaves a playable file up to the last written block.
/// Files are created readable and writable by their owner only (0600): recordings are private.
class WavWriter
{
public:
    /// Creates (or truncates) `path`. Errors: the folder does not exist (NotFound), access is
    /// refused (Permission), the disk is full or the file system refused the write (Io).
    static Result<WavWriter> create(const QString& path);

    WavWriter(WavWriter&& other) noexcept;
    WavWriter& operator=(WavWriter&& other) noexcept;
    /// Closes the file (see close()); errors at this point are lost — call close() to see them.
    ~WavWriter();

    /// Appends `block` (samples in [-1, 1], clipped beyond). Precondition: block.startFrame >=
    /// framesWritten(); a gap before it is written as silence, so the file keeps the take's
    /// timeline. On failure (e.g. disk full) the frames written before stay playable and every
    /// later write returns the same error.
    Status write(const AudioBlock& block);
    /// Finishes the header and closes the file; further writes are refused. Idempotent.
    Status close();

    /// Frames (at kSampleRate) in the file so far.
    std::int64_t framesWritten() const { return m_framesWritten; }
    /// The file being written.
    const QString& path() const { return m_path; }

private:
    struct File;
    WavWriter(QString path, std::unique_ptr<File> file);
    Status writeSamples(const float* samples, std::int64_t frames);

    QString m_path;
    std::unique_ptr<File> m_file;
    std::int64_t m_framesWritten = 0;
    std::optional<Error> m_failure; ///< the first write error; sticky
};

} // namespace rapport::audio
