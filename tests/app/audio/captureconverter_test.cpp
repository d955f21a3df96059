#include "app/audio/captureconverter.h"
#include "core/audio/audioblock.h"

#include <cmath>
#include <gtest/gtest.h>
#include <numbers>

using namespace rapport;
using namespace rapport::audio;

namespace {

QAudioFormat format(int rate, int channels, QAudioFormat::SampleFormat sampleFormat)
{
    QAudioFormat f;
    f.setSampleRate(rate);
    f.setChannelCount(channels);
    f.setSampleFormat(sampleFormat);
    return f;
}

template <typename T> QByteArray bytesOf(const std::vector<T>& samples)
{
    return QByteArray(reinterpret_cast<const char*>(samples.data()),
        static_cast<qsizetype>(samples.size() * sizeof(T)));
}

} // namespace

TEST(CaptureConverterTest, StereoInt16IsAveragedToMonoFloat)
{
    Result<CaptureConverter> converter
        = CaptureConverter::create(format(kSampleRate, 2, QAudioFormat::Int16));
    ASSERT_TRUE(converter);
    EXPECT_FALSE(converter->resamples());
    const std::vector<qint16> stereo { 16384, -8192, -32768, -32768, 0, 32767 };
    std::vector<float> out;
    converter->convert(bytesOf(stereo), out);
    ASSERT_EQ(out.size(), 3u);
    EXPECT_FLOAT_EQ(out[0], 0.125f);
    EXPECT_FLOAT_EQ(out[1], -1.0f);
    EXPECT_NEAR(out[2], 0.5f, 1.0 / 32768);
}

TEST(CaptureConverterTest, FrameSplitAcrossReadsIsKeptForTheNextRead)
{
    Result<CaptureConverter> converter
        = CaptureConverter::create(format(kSampleRate, 2, QAudioFormat::Int16));
    ASSERT_TRUE(converter);
    const QByteArray bytes = bytesOf(std::vector<qint16> { 1000, 3000, -2000, -4000, 500, 700 });
    std::vector<float> out;
    // 12 bytes in pieces of 5, 2 and 5: frames end inside a read.
    converter->convert(bytes.mid(0, 5), out);
    EXPECT_EQ(out.size(), 1u);
    converter->convert(bytes.mid(5, 2), out);
    converter->convert(bytes.mid(7), out);
    ASSERT_EQ(out.size(), 3u);
    EXPECT_FLOAT_EQ(out[0], 2000.0f / 32768);
    EXPECT_FLOAT_EQ(out[1], -3000.0f / 32768);
    EXPECT_FLOAT_EQ(out[2], 600.0f / 32768);
}

TEST(CaptureConverterTest, FortyEightKilohertzIsResampledKeepingLengthAndTone)
{
    constexpr int kInputRate = 48000;
    Result<CaptureConverter> converter
        = CaptureConverter::create(format(kInputRate, 1, QAudioFormat::Float));
    ASSERT_TRUE(converter);
    EXPECT_TRUE(converter->resamples());
    // 2 s of a 440 Hz tone at 0.5, delivered in 10 ms reads like a sound card would.
    auto tone = [](double t) { return 0.5 * std::sin(2.0 * std::numbers::pi * 440.0 * t); };
    std::vector<float> out;
    for (int read = 0; read < 200; ++read) {
        std::vector<float> input(480);
        for (int i = 0; i < 480; ++i)
            input[static_cast<std::size_t>(i)]
                = static_cast<float>(tone(static_cast<double>(read * 480 + i) / kInputRate));
        converter->convert(bytesOf(input), out);
    }
    converter->flush(out);
    EXPECT_NEAR(static_cast<double>(out.size()), 2.0 * kSampleRate, 2.0);
    // Away from the edges, every output sample is the tone at its own time (no delay, no drift).
    double worst = 0.0;
    for (std::size_t i = 1600; i + 1600 < out.size(); ++i)
        worst = std::max(worst, std::abs(out[i] - tone(static_cast<double>(i) / kSampleRate)));
    EXPECT_LT(worst, 0.01);
}

TEST(CaptureConverterTest, InvalidFormatIsUnsupported)
{
    Result<CaptureConverter> converter = CaptureConverter::create(QAudioFormat());
    ASSERT_FALSE(converter);
    EXPECT_EQ(converter.error().kind, ErrorKind::Unsupported);
}
