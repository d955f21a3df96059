#include "core/audio/wavfilesource.h"
#include "tests/support/speechfixture.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <cmath>
#include <cstring>
#include <gtest/gtest.h>

namespace rapport::audio {
namespace {

class WavFileSourceTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        const QString missing = test::SpeechFixture::missingTools();
        ASSERT_TRUE(missing.isEmpty()) << missing.toStdString();
    }

    // A `seconds`-long file at `rate` Hz with `channels` channels: a 440 Hz sine at 0.5 in the
    // first channel, silence in the others.
    QString sineFile(const QString& name, int rate, int channels, double seconds,
        const QString& extension = QStringLiteral("wav"))
    {
        const QString file = m_fixture.path(name + QLatin1Char('.') + extension);
        QStringList args { QStringLiteral("-n"), QStringLiteral("-r"), QString::number(rate),
            QStringLiteral("-c"), QString::number(channels), file, QStringLiteral("synth"),
            QString::number(seconds), QStringLiteral("sine"), QStringLiteral("440") };
        for (int c = 1; c < channels; ++c)
            args << QStringLiteral("sine") << QStringLiteral("0");
        args << QStringLiteral("vol") << QStringLiteral("0.5");
        EXPECT_TRUE(m_fixture.sox(args)) << m_fixture.error().toStdString();
        return file;
    }

    // Reads the whole source in blocks of `blockFrames`, checking they are contiguous.
    static std::vector<float> readAll(WavFileSource& source, int blockFrames)
    {
        std::vector<float> all;
        AudioBlock block;
        for (;;) {
            Result<bool> more = source.read(block, blockFrames);
            EXPECT_TRUE(more);
            if (!more || !*more)
                break;
            EXPECT_EQ(block.startFrame, static_cast<std::int64_t>(all.size()));
            EXPECT_LE(block.samples.size(), static_cast<std::size_t>(blockFrames));
            all.insert(all.end(), block.samples.begin(), block.samples.end());
        }
        return all;
    }

    static int zeroCrossingsUp(const std::vector<float>& samples)
    {
        int count = 0;
        for (std::size_t i = 1; i < samples.size(); ++i)
            count += samples[i - 1] < 0.0f && samples[i] >= 0.0f;
        return count;
    }

    QTemporaryDir m_dir;
    test::SpeechFixture m_fixture { m_dir.path() };
};

TEST_F(WavFileSourceTest, Reads16kMonoUnchangedInContiguousBlocks)
{
    auto source = WavFileSource::open(sineFile(QStringLiteral("mono16k"), 16000, 1, 1.5));
    ASSERT_TRUE(source) << source.error().toString().toStdString();
    EXPECT_EQ((*source)->sourceSampleRate(), 16000);
    EXPECT_EQ((*source)->sourceChannels(), 1);
    EXPECT_EQ((*source)->durationFrames(), 24000);
    const std::vector<float> samples = readAll(**source, 1000 + 7);
    ASSERT_EQ(samples.size(), 24000u);
    // The same samples sox decodes (as 32-bit floats) from the file.
    const QString raw = m_fixture.path(QStringLiteral("mono16k.f32"));
    ASSERT_TRUE(
        m_fixture.sox({ (*source)->path(), QStringLiteral("-t"), QStringLiteral("f32"), raw }));
    QFile rawFile(raw);
    ASSERT_TRUE(rawFile.open(QIODevice::ReadOnly));
    const QByteArray bytes = rawFile.readAll();
    ASSERT_EQ(bytes.size(), static_cast<qsizetype>(samples.size() * sizeof(float)));
    std::vector<float> expected(samples.size());
    std::memcpy(expected.data(), bytes.constData(), static_cast<std::size_t>(bytes.size()));
    for (std::size_t i = 0; i < samples.size(); ++i)
        ASSERT_NEAR(samples[i], expected[i], 1e-6) << i;
}

TEST_F(WavFileSourceTest, ResamplesAndDownmixesAnyRateAndChannelCount)
{
    for (const auto& [rate, channels] : { std::pair { 8000, 1 }, std::pair { 22050, 1 },
             std::pair { 44100, 2 }, std::pair { 48000, 2 }, std::pair { 96000, 6 } }) {
        SCOPED_TRACE(std::to_string(rate) + " Hz, " + std::to_string(channels) + " ch");
        auto source = WavFileSource::open(
            sineFile(QStringLiteral("sine-%1-%2").arg(rate).arg(channels), rate, channels, 2.0));
        ASSERT_TRUE(source);
        EXPECT_EQ((*source)->sourceSampleRate(), rate);
        EXPECT_EQ((*source)->sourceChannels(), channels);
        EXPECT_EQ((*source)->durationFrames(), 32000);
        const std::vector<float> samples = readAll(**source, 4096);
        EXPECT_NEAR(static_cast<double>(samples.size()), 32000.0, 2.0);
        // Still 440 Hz, and the one loud channel averaged with the silent ones.
        EXPECT_NEAR(zeroCrossingsUp(samples), 880, 2);
        const float peak = *std::max_element(samples.begin() + 1000, samples.end() - 1000);
        EXPECT_NEAR(peak, 0.5f / static_cast<float>(channels), 0.01f);
    }
}

TEST_F(WavFileSourceTest, ReadsFlacAndOgg)
{
    for (const QString& extension : { QStringLiteral("flac"), QStringLiteral("ogg") }) {
        SCOPED_TRACE(extension.toStdString());
        auto source
            = WavFileSource::open(sineFile(QStringLiteral("compressed"), 44100, 1, 1.0, extension));
        ASSERT_TRUE(source) << source.error().toString().toStdString();
        const std::vector<float> samples = readAll(**source, 4096);
        EXPECT_NEAR(static_cast<double>(samples.size()), 16000.0, 400.0);
        EXPECT_NEAR(zeroCrossingsUp(samples), 440, 3);
    }
}

TEST_F(WavFileSourceTest, MissingFileIsNotFound)
{
    const QString path = m_fixture.path(QStringLiteral("nowhere.wav"));
    auto source = WavFileSource::open(path);
    ASSERT_FALSE(source);
    EXPECT_EQ(source.error().kind, ErrorKind::NotFound);
    EXPECT_TRUE(source.error().what.contains(QStringLiteral("nowhere.wav")));
    EXPECT_FALSE(source.error().fix.isEmpty());
}

TEST_F(WavFileSourceTest, TextFileIsAFormatErrorNamingTheFile)
{
    const QString path = m_fixture.path(QStringLiteral("notes.wav"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("These are my notes for the pitch, not a recording.\n");
    file.close();
    auto source = WavFileSource::open(path);
    ASSERT_FALSE(source);
    EXPECT_EQ(source.error().kind, ErrorKind::Format);
    EXPECT_TRUE(source.error().what.contains(QStringLiteral("notes.wav")));
    EXPECT_TRUE(source.error().fix.contains(QStringLiteral("WAV")));
}

TEST_F(WavFileSourceTest, EmptyFilesAreFormatErrors)
{
    const QString zeroBytes = m_fixture.path(QStringLiteral("zero.wav"));
    QFile file(zeroBytes);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.close();
    // A valid WAV header with no frames in it.
    const QString noFrames = m_fixture.path(QStringLiteral("noframes.wav"));
    ASSERT_TRUE(m_fixture.sox({ QStringLiteral("-n"), QStringLiteral("-r"), QStringLiteral("16000"),
        QStringLiteral("-c"), QStringLiteral("1"), noFrames, QStringLiteral("trim"),
        QStringLiteral("0"), QStringLiteral("0") }))
        << m_fixture.error().toStdString();
    for (const QString& path : { zeroBytes, noFrames }) {
        SCOPED_TRACE(path.toStdString());
        auto source = WavFileSource::open(path);
        ASSERT_FALSE(source);
        EXPECT_EQ(source.error().kind, ErrorKind::Format);
        EXPECT_TRUE(source.error().what.contains(QFileInfo(path).fileName()));
    }
}

} // namespace
} // namespace rapport::audio
