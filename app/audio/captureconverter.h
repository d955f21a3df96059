#pragma once

#include "core/common/result.h"

#include <QAudioFormat>
#include <QByteArray>
#include <memory>
#include <vector>

struct SRC_STATE_tag;

namespace rapport::audio {

/// Turns the raw bytes a sound card delivers (any rate, channel count and Qt sample format) into
/// mono float samples at kSampleRate: channels are averaged, the rate is converted with
/// libsamplerate. Bytes that end inside a frame are kept for the next call.
class CaptureConverter
{
public:
    /// A converter for `format`; Unsupported when the format is invalid or has no channels.
    static Result<CaptureConverter> create(const QAudioFormat& format);

    CaptureConverter(CaptureConverter&& other) noexcept;
    CaptureConverter& operator=(CaptureConverter&& other) noexcept;
    ~CaptureConverter();

    /// Converts `bytes` (interleaved frames in the format given to create()) and appends the
    /// result, mono at kSampleRate, to `out`.
    void convert(const QByteArray& bytes, std::vector<float>& out);
    /// Ends the input: appends the samples the resampler still holds. Call once, at the end.
    void flush(std::vector<float>& out);

    /// True when the input rate differs from kSampleRate.
    bool resamples() const { return m_resampler != nullptr; }

private:
    CaptureConverter() = default;
    void resample(const float* input, long frames, bool endOfInput, std::vector<float>& out);

    QAudioFormat m_format;
    int m_bytesPerFrame = 0;
    QByteArray m_partialFrame; ///< bytes of a frame split across two reads
    std::vector<float> m_mono; ///< one read downmixed, at the input rate
    SRC_STATE_tag* m_resampler = nullptr;
    double m_ratio = 1.0; ///< output rate / input rate
};

} // namespace rapport::audio
