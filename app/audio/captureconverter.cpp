#include "app/audio/captureconverter.h"

#include "core/audio/audioblock.h"

#include <cmath>
#include <cstring>
#include <samplerate.h>
#include <utility>

namespace rapport::audio {

namespace {

// One sample of `format` at `data` as a float in [-1, 1].
float sampleAt(QAudioFormat::SampleFormat format, const char* data)
{
    switch (format) {
    case QAudioFormat::UInt8:
        return (static_cast<float>(static_cast<unsigned char>(*data)) - 128.0f) / 128.0f;
    case QAudioFormat::Int16: {
        qint16 value;
        std::memcpy(&value, data, sizeof value);
        return static_cast<float>(value) / 32768.0f;
    }
    case QAudioFormat::Int32: {
        qint32 value;
        std::memcpy(&value, data, sizeof value);
        return static_cast<float>(static_cast<double>(value) / 2147483648.0);
    }
    case QAudioFormat::Float: {
        float value;
        std::memcpy(&value, data, sizeof value);
        return value;
    }
    case QAudioFormat::Unknown:
    case QAudioFormat::NSampleFormats:
        break;
    }
    return 0.0f;
}

} // namespace

Result<CaptureConverter> CaptureConverter::create(const QAudioFormat& format)
{
    if (!format.isValid() || format.channelCount() < 1 || format.bytesPerSample() < 1)
        return Error { ErrorKind::Unsupported,
            QStringLiteral("The microphone delivers sound in a format Rapport cannot read."),
            QStringLiteral("Choose another input in the sound settings."), {} };
    CaptureConverter converter;
    converter.m_format = format;
    converter.m_bytesPerFrame = format.bytesPerFrame();
    if (format.sampleRate() != kSampleRate) {
        int error = 0;
        converter.m_resampler = src_new(SRC_SINC_MEDIUM_QUALITY, 1, &error);
        if (!converter.m_resampler)
            return Error { ErrorKind::Unsupported,
                QStringLiteral("Could not convert the microphone's %1 Hz to %2 Hz.")
                    .arg(format.sampleRate())
                    .arg(kSampleRate),
                {}, QString::fromUtf8(src_strerror(error)) };
        converter.m_ratio = static_cast<double>(kSampleRate) / format.sampleRate();
    }
    return converter;
}

CaptureConverter::CaptureConverter(CaptureConverter&& other) noexcept
    : m_format(other.m_format)
    , m_bytesPerFrame(other.m_bytesPerFrame)
    , m_partialFrame(std::move(other.m_partialFrame))
    , m_mono(std::move(other.m_mono))
    , m_resampler(std::exchange(other.m_resampler, nullptr))
    , m_ratio(other.m_ratio)
{ }

CaptureConverter& CaptureConverter::operator=(CaptureConverter&& other) noexcept
{
    if (this != &other) {
        if (m_resampler)
            src_delete(m_resampler);
        m_format = other.m_format;
        m_bytesPerFrame = other.m_bytesPerFrame;
        m_partialFrame = std::move(other.m_partialFrame);
        m_mono = std::move(other.m_mono);
        m_resampler = std::exchange(other.m_resampler, nullptr);
        m_ratio = other.m_ratio;
    }
    return *this;
}

CaptureConverter::~CaptureConverter()
{
    if (m_resampler)
        src_delete(m_resampler);
}

void CaptureConverter::convert(const QByteArray& bytes, std::vector<float>& out)
{
    QByteArray data = m_partialFrame + bytes;
    const qsizetype frames = data.size() / m_bytesPerFrame;
    m_partialFrame = data.mid(frames * m_bytesPerFrame);
    const int channels = m_format.channelCount();
    const int bytesPerSample = m_format.bytesPerSample();
    const QAudioFormat::SampleFormat sampleFormat = m_format.sampleFormat();
    m_mono.resize(static_cast<std::size_t>(frames));
    for (qsizetype f = 0; f < frames; ++f) {
        const char* frame = data.constData() + f * m_bytesPerFrame;
        float sum = 0.0f;
        for (int c = 0; c < channels; ++c)
            sum += sampleAt(sampleFormat, frame + c * bytesPerSample);
        m_mono[static_cast<std::size_t>(f)] = sum / static_cast<float>(channels);
    }
    if (m_resampler)
        resample(m_mono.data(), static_cast<long>(frames), false, out);
    else
        out.insert(out.end(), m_mono.begin(), m_mono.end());
}

void CaptureConverter::flush(std::vector<float>& out)
{
    m_partialFrame.clear();
    // libsamplerate refuses a null input pointer even when there are no input frames.
    const float none = 0.0f;
    if (m_resampler)
        resample(&none, 0, true, out);
}

void CaptureConverter::resample(
    const float* input, long frames, bool endOfInput, std::vector<float>& out)
{
    // Every call consumes all its input; the resampler keeps its filter history between calls.
    std::vector<float> buffer(static_cast<std::size_t>(std::ceil(frames * m_ratio)) + 256);
    SRC_DATA data {};
    data.src_ratio = m_ratio;
    data.end_of_input = endOfInput ? 1 : 0;
    do {
        data.data_in = input;
        data.input_frames = frames;
        data.data_out = buffer.data();
        data.output_frames = static_cast<long>(buffer.size());
        if (src_process(m_resampler, &data) != 0)
            return;
        out.insert(out.end(), buffer.begin(), buffer.begin() + data.output_frames_gen);
        input += data.input_frames_used;
        frames -= data.input_frames_used;
    } while (frames > 0 || (endOfInput && data.output_frames_gen > 0));
}

} // namespace rapport::audio
