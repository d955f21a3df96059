#pragma once

#include "core/audio/audioblock.h"
#include "core/common/result.h"

#include <QString>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

struct sf_private_tag;
struct SRC_STATE_tag;

namespace rapport::audio {

/// Streams any audio file libsndfile reads (WAV, FLAC, OGG, ...; any rate, channel count and
/// bit depth) as mono AudioBlocks at kSampleRate: channels are averaged, the rate is converted
/// with libsamplerate. Memory use does not grow with the file's length.
class WavFileSource
{
public:
    ~WavFileSource();
    WavFileSource(const WavFileSource&) = delete;
    WavFileSource& operator=(const WavFileSource&) = delete;

    /// Opens `path`. Errors: NotFound (no such file), Permission, Format (not audio, or no
    /// frames), Unsupported (an audio format this build cannot decode).
    static Result<std::unique_ptr<WavFileSource>> open(const QString& path);

    /// Replaces `out` with the next at most `maxFrames` (> 0) frames at kSampleRate; returns
    /// false (and an empty block) at the end of the file, an Io error when reading fails.
    Result<bool> read(AudioBlock& out, int maxFrames);
    /// Hands every remaining block of at most `maxFrames` frames to `consume`, in order; an Io
    /// error when reading fails part way.
    Status readAll(const std::function<void(const AudioBlock&)>& consume, int maxFrames = 4096);

    /// The file's length in frames at kSampleRate (rounded to the nearest frame).
    std::int64_t durationFrames() const { return m_durationFrames; }
    /// The file's own sample rate in Hz.
    int sourceSampleRate() const { return m_sourceRate; }
    /// The file's channel count.
    int sourceChannels() const { return m_channels; }
    /// The file's length in frames at its own sample rate.
    std::int64_t sourceFrames() const { return m_sourceFrames; }
    /// The path the source was opened from.
    const QString& path() const { return m_path; }

private:
    WavFileSource() = default;
    // Reads and converts up to one chunk of source frames into m_pending; false at end of file.
    Result<bool> refill();

    QString m_path;
    sf_private_tag* m_file = nullptr;
    SRC_STATE_tag* m_resampler = nullptr; ///< null when the file is already at kSampleRate
    int m_sourceRate = 0;
    int m_channels = 0;
    std::int64_t m_sourceFrames = 0;
    std::int64_t m_durationFrames = 0;
    std::int64_t m_nextFrame = 0; ///< frame index (kSampleRate) of the next frame delivered
    bool m_sourceDone = false; ///< the file is exhausted (the resampler may still hold frames)
    bool m_flushed = false; ///< the resampler has been told end of input and drained
    std::vector<float> m_interleaved; ///< one chunk as read from the file
    std::vector<float> m_mono; ///< that chunk downmixed
    std::vector<float> m_pending; ///< converted frames not yet delivered
    std::size_t m_pendingPos = 0;
};

} // namespace rapport::audio
