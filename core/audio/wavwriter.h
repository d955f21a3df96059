#pragma once

#include "core/audio/audioblock.h"
#include "core/common/result.h"

#include <QString>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace rapport::audio {

/// Writes a take as a 16 kHz mono 16-bit PCM WAV file while it is being recorded. Each sample is
/// quantised once, here (see storedValue()), and write() can hand back the values the file now
/// holds, so whoever analyses them while recording sees what a reader of the file will see.
/// Nothing is held in memory: each block goes to the file as it arrives, and the WAV header is
/// brought up to date after every block, so a crash or kill leaves a playable file up to the last
/// written block. Files are created readable and writable by their owner only (0600): recordings
/// are private.
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

    /// The value a 16-bit PCM reader gets back for `sample` (nominally in [-1, 1]): the sample
    /// scaled by 32768, clamped to [-32768, 32767], rounded to the nearest integer (halves away
    /// from zero; NaN becomes 0), divided by 32768 — as libsndfile, hence WavFileSource, reads
    /// 16-bit PCM as float. Idempotent: storedValue(storedValue(x)) == storedValue(x).
    static float storedValue(float sample);

    /// Appends `block` (mono, at kSampleRate; samples stored as storedValue() says). Precondition:
    /// block.startFrame >= framesWritten(); a gap before it is written as silence, so the file
    /// keeps the take's timeline. When `stored` is given it is replaced with exactly what this
    /// call added to the file, as a reader decodes it: from the frame framesWritten() was at,
    /// the gap's zeros then storedValue() of each sample — on failure, the part that was written.
    /// On failure (e.g. disk full) the frames written before stay playable and every later write
    /// returns the same error.
    Status write(const AudioBlock& block, AudioBlock* stored = nullptr);
    /// Finishes the header and closes the file; further writes are refused. Idempotent.
    Status close();

    /// Frames (at kSampleRate) in the file so far.
    std::int64_t framesWritten() const { return m_framesWritten; }
    /// The file being written.
    const QString& path() const { return m_path; }

private:
    struct File;
    WavWriter(QString path, std::unique_ptr<File> file);
    Status writePcm(const std::int16_t* pcm, std::int64_t frames, AudioBlock* stored);

    QString m_path;
    std::unique_ptr<File> m_file;
    std::int64_t m_framesWritten = 0;
    std::vector<std::int16_t> m_pcm; ///< the block being written, as 16-bit samples
    std::optional<Error> m_failure; ///< the first write error; sticky
};

} // namespace rapport::audio
