#include "core/audio/wavfilesource.h"
#include "core/audio/wavwriter.h"
#include "tests/support/testsignal.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtEndian>
#include <gtest/gtest.h>
#include <limits>
#include <signal.h>
#include <sndfile.h>
#include <sys/stat.h>

using namespace rapport;
using namespace rapport::audio;

namespace {

constexpr double kPcm16Step = 1.0 / 32768.0;

AudioBlock signalBlock(std::int64_t startFrame, std::int64_t frames)
{
    AudioBlock block;
    block.startFrame = startFrame;
    for (std::int64_t i = 0; i < frames; ++i)
        block.samples.push_back(test::testSample(startFrame + i));
    return block;
}

struct WavContent
{
    bool opened = false;
    SF_INFO info {};
    std::vector<float> samples;
};

// Reads a whole file back with libsndfile, independently of WavWriter.
WavContent readWav(const QString& path)
{
    WavContent content;
    SNDFILE* file = sf_open(QFile::encodeName(path).constData(), SFM_READ, &content.info);
    if (!file)
        return content;
    content.opened = true;
    content.samples.resize(static_cast<std::size_t>(content.info.frames * content.info.channels));
    content.samples.resize(static_cast<std::size_t>(
        sf_readf_float(file, content.samples.data(), content.info.frames)));
    sf_close(file);
    return content;
}

// The number of frames whose samples differ from the test signal (starting at frame 0) by more
// than one PCM16 quantisation step.
std::int64_t framesOffSignal(const std::vector<float>& samples)
{
    std::int64_t off = 0;
    for (std::size_t i = 0; i < samples.size(); ++i)
        off += std::abs(samples[i] - test::testSample(static_cast<std::int64_t>(i))) > kPcm16Step;
    return off;
}

// The data chunk's length in bytes as the WAV header states it (strict readers trust it; libsndfile
// forgives a stale header), or -1 when the file has no readable RIFF/WAVE data chunk.
qint64 headerDataBytes(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray riff = file.read(12);
    if (riff.size() != 12 || !riff.startsWith("RIFF") || riff.mid(8, 4) != "WAVE")
        return -1;
    for (;;) {
        const QByteArray chunk = file.read(8);
        if (chunk.size() != 8)
            return -1;
        const auto* size = reinterpret_cast<const uchar*>(chunk.constData() + 4);
        const qint64 bytes = qFromLittleEndian<quint32>(size);
        if (chunk.startsWith("data"))
            return bytes;
        if (!file.seek(file.pos() + bytes + (bytes & 1)))
            return -1;
    }
}

// The index of the first sample that differs between `a` and `b` (bit for bit, as floats compare),
// or -1 when they are the same length and equal everywhere.
std::int64_t firstDifference(const std::vector<float>& a, const std::vector<float>& b)
{
    for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i)
        if (a[i] != b[i])
            return static_cast<std::int64_t>(i);
    return a.size() == b.size() ? -1 : static_cast<std::int64_t>(std::min(a.size(), b.size()));
}

// The whole file as WavFileSource (the reader behind analyseFile) delivers it.
std::vector<float> readWithWavFileSource(const QString& path)
{
    std::vector<float> samples;
    Result<std::unique_ptr<WavFileSource>> source = WavFileSource::open(path);
    EXPECT_TRUE(source) << source.error().toString().toStdString();
    if (!source)
        return samples;
    AudioBlock block;
    for (;;) {
        Result<bool> more = (*source)->read(block, 4096);
        EXPECT_TRUE(more);
        if (!more || !*more)
            return samples;
        EXPECT_EQ(block.startFrame, static_cast<std::int64_t>(samples.size()));
        samples.insert(samples.end(), block.samples.begin(), block.samples.end());
    }
}

mode_t fileMode(const QString& path)
{
    struct stat info
    {
    };
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? (info.st_mode & 07777) : 0;
}

struct ChildReport
{
    QProcess::ExitStatus exitStatus = QProcess::CrashExit;
    int exitCode = -1;
    QString out;
    QString err;
    /// The value after "key " on its own line, or empty.
    QString value(const QString& key) const
    {
        for (const QString& line : out.split(QLatin1Char('\n')))
            if (line.startsWith(key + QLatin1Char(' ')))
                return line.mid(key.size() + 1);
        return {};
    }
};

ChildReport runChild(const QStringList& args)
{
    QProcess child;
    child.start(QStringLiteral(RAPPORT_WAVWRITER_CHILD), args);
    ChildReport report;
    if (!child.waitForFinished(30000)) {
        child.kill();
        child.waitForFinished(5000);
        report.err = QStringLiteral("wavwriter_child did not finish within 30 s");
        return report;
    }
    report.exitStatus = child.exitStatus();
    report.exitCode = child.exitCode();
    report.out = QString::fromLocal8Bit(child.readAllStandardOutput());
    report.err = QString::fromLocal8Bit(child.readAllStandardError());
    return report;
}

class WavWriterTest : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(m_dir.isValid()); }
    QString path(const QString& name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

} // namespace

TEST_F(WavWriterTest, RoundTripKeepsEveryFrameWithinPcm16Quantisation)
{
    Result<WavWriter> writer = WavWriter::create(path(QStringLiteral("take.wav")));
    ASSERT_TRUE(writer) << writer.error().toString().toStdString();
    // Uneven block sizes, like a sound card delivers them.
    const std::int64_t sizes[] = { 1, 160, 1024, 333, 4800, 7 };
    std::int64_t frame = 0;
    for (int round = 0; round < 10; ++round) {
        for (std::int64_t size : sizes) {
            ASSERT_TRUE(writer->write(signalBlock(frame, size)));
            frame += size;
        }
    }
    EXPECT_EQ(writer->framesWritten(), frame);
    ASSERT_TRUE(writer->close());

    const WavContent wav = readWav(path(QStringLiteral("take.wav")));
    ASSERT_TRUE(wav.opened);
    EXPECT_EQ(wav.info.samplerate, kSampleRate);
    EXPECT_EQ(wav.info.channels, 1);
    EXPECT_EQ(wav.info.format, SF_FORMAT_WAV | SF_FORMAT_PCM_16);
    EXPECT_EQ(wav.info.frames, frame);
    EXPECT_EQ(headerDataBytes(path(QStringLiteral("take.wav"))), frame * 2);
    ASSERT_EQ(static_cast<std::int64_t>(wav.samples.size()), frame);
    EXPECT_EQ(framesOffSignal(wav.samples), 0);
}

TEST_F(WavWriterTest, FileReadsBackExactlyTheValuesWriteSaysItStored)
{
    constexpr float kStep = 1.0f / 32768.0f;
    constexpr float kInf = std::numeric_limits<float>::infinity();
    // Values at and around the quantisation's edges: below half a step, exact halves, full scale,
    // beyond it, non-finite.
    const std::vector<float> edges = { 0.0f, -0.0f, 1e-9f, -1e-9f, 0.49f * kStep, -0.49f * kStep,
        0.5f * kStep, -0.5f * kStep, 1.5f * kStep, -1.5f * kStep, 0.999f, 1.0f, -1.0f,
        1.0f - 0.5f * kStep, -1.0f - 0.5f * kStep, 1.5f, -1.5f, kInf, -kInf,
        std::numeric_limits<float>::quiet_NaN() };
    std::vector<AudioBlock> blocks = { signalBlock(0, 1600), AudioBlock { 1600, edges } };
    // Noise of about one step, then (after a gap the writer fills with silence) the signal.
    AudioBlock noise { blocks.back().endFrame(), {} };
    for (int i = 0; i < 3000; ++i)
        noise.samples.push_back(static_cast<float>(((i * 7919) % 201) - 100) * 0.015f * kStep);
    blocks.push_back(noise);
    blocks.push_back(signalBlock(noise.endFrame() + 5000, 1037));

    const QString take = path(QStringLiteral("stored.wav"));
    Result<WavWriter> writer = WavWriter::create(take);
    ASSERT_TRUE(writer);
    std::vector<float> stored;
    for (const AudioBlock& block : blocks) {
        const std::int64_t before = writer->framesWritten();
        AudioBlock added { -1, { 0.25f } }; // replaced, not appended to
        ASSERT_TRUE(writer->write(block, &added));
        EXPECT_EQ(added.startFrame, before);
        EXPECT_EQ(added.endFrame(), writer->framesWritten());
        ASSERT_EQ(added.endFrame(), block.endFrame());
        const std::size_t gap = static_cast<std::size_t>(block.startFrame - before);
        for (std::size_t i = 0; i < added.samples.size(); ++i) {
            const float expected = i < gap ? 0.0f : WavWriter::storedValue(block.samples[i - gap]);
            ASSERT_EQ(added.samples[i], expected) << "frame " << added.startFrame + i;
        }
        stored.insert(stored.end(), added.samples.begin(), added.samples.end());
    }
    ASSERT_TRUE(writer->close());

    // Both the reader the analysis uses and libsndfile itself give back exactly those floats.
    EXPECT_EQ(firstDifference(readWithWavFileSource(take), stored), -1);
    const WavContent wav = readWav(take);
    ASSERT_TRUE(wav.opened);
    EXPECT_EQ(firstDifference(wav.samples, stored), -1);

    // Stored values are fixed points, saturate at full scale and round to the nearest step.
    for (float edge : edges) {
        const float value = WavWriter::storedValue(edge);
        EXPECT_EQ(WavWriter::storedValue(value), value) << edge;
        EXPECT_GE(value, -1.0f) << edge;
        EXPECT_LE(value, 1.0f - kStep) << edge;
        if (std::isfinite(edge) && std::abs(edge) < 1.0f) {
            EXPECT_LE(std::abs(value - edge), 0.5f * kStep) << edge;
        }
    }
    EXPECT_EQ(WavWriter::storedValue(1.5f), 1.0f - kStep);
    EXPECT_EQ(WavWriter::storedValue(-1.5f), -1.0f);
    EXPECT_EQ(WavWriter::storedValue(0.49f * kStep), 0.0f);
    EXPECT_EQ(WavWriter::storedValue(-1.5f * kStep), -2.0f * kStep);
}

TEST_F(WavWriterTest, SamplesBeyondFullScaleSaturateInsteadOfWrapping)
{
    Result<WavWriter> writer = WavWriter::create(path(QStringLiteral("loud.wav")));
    ASSERT_TRUE(writer);
    ASSERT_TRUE(writer->write(AudioBlock { 0, { 1.5f, -1.5f, 1.0f, -1.0f } }));
    ASSERT_TRUE(writer->close());
    const WavContent wav = readWav(path(QStringLiteral("loud.wav")));
    ASSERT_EQ(wav.samples.size(), 4u);
    EXPECT_GT(wav.samples[0], 0.999f);
    EXPECT_LT(wav.samples[1], -0.999f);
    EXPECT_GT(wav.samples[2], 0.999f);
    EXPECT_LT(wav.samples[3], -0.999f);
}

TEST_F(WavWriterTest, GapBeforeABlockIsWrittenAsSilenceToKeepTheTimeline)
{
    Result<WavWriter> writer = WavWriter::create(path(QStringLiteral("gap.wav")));
    ASSERT_TRUE(writer);
    ASSERT_TRUE(writer->write(AudioBlock { 0, { 0.5f, 0.5f } }));
    ASSERT_TRUE(writer->write(AudioBlock { 10000, { 0.25f } }));
    EXPECT_EQ(writer->framesWritten(), 10001);
    ASSERT_TRUE(writer->close());
    const WavContent wav = readWav(path(QStringLiteral("gap.wav")));
    ASSERT_EQ(wav.samples.size(), 10001u);
    EXPECT_NEAR(wav.samples[1], 0.5f, kPcm16Step);
    EXPECT_EQ(wav.samples[2], 0.0f);
    EXPECT_EQ(wav.samples[9999], 0.0f);
    EXPECT_NEAR(wav.samples[10000], 0.25f, kPcm16Step);
}

TEST_F(WavWriterTest, BlockOverlappingWhatWasWrittenIsRefused)
{
    Result<WavWriter> writer = WavWriter::create(path(QStringLiteral("overlap.wav")));
    ASSERT_TRUE(writer);
    ASSERT_TRUE(writer->write(AudioBlock { 0, { 0.1f, 0.2f, 0.3f } }));
    const Status status = writer->write(AudioBlock { 2, { 0.4f } });
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().kind, ErrorKind::InvalidArgument);
    EXPECT_EQ(writer->framesWritten(), 3);
}

TEST_F(WavWriterTest, RecordingIsPrivateToItsOwnerEvenOverAnOpenFile)
{
    const QString fresh = path(QStringLiteral("fresh.wav"));
    const mode_t oldMask = ::umask(0);
    Result<WavWriter> writer = WavWriter::create(fresh);
    ::umask(oldMask);
    ASSERT_TRUE(writer);
    EXPECT_EQ(fileMode(fresh), 0600u);

    // A file left readable by everyone is made private when a new take overwrites it.
    const QString existing = path(QStringLiteral("existing.wav"));
    {
        QFile file(existing);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write("old");
    }
    ASSERT_EQ(::chmod(QFile::encodeName(existing).constData(), 0644), 0);
    Result<WavWriter> over = WavWriter::create(existing);
    ASSERT_TRUE(over);
    EXPECT_EQ(fileMode(existing), 0600u);
}

TEST_F(WavWriterTest, MissingFolderIsNotFoundAndNamesTheFile)
{
    const QString missing = path(QStringLiteral("no-such-folder/take.wav"));
    Result<WavWriter> writer = WavWriter::create(missing);
    ASSERT_FALSE(writer);
    EXPECT_EQ(writer.error().kind, ErrorKind::NotFound);
    EXPECT_TRUE(writer.error().what.contains(missing)) << writer.error().what.toStdString();
    EXPECT_FALSE(writer.error().fix.isEmpty());
}

TEST_F(WavWriterTest, FolderInPlaceOfTheFileIsAnErrorNotACrash)
{
    Result<WavWriter> writer = WavWriter::create(m_dir.path());
    ASSERT_FALSE(writer);
    EXPECT_TRUE(writer.error().what.contains(m_dir.path())) << writer.error().what.toStdString();
}

TEST_F(WavWriterTest, KilledWriterLeavesPlayableFileUpToTheLastWrittenBlock)
{
    const QString take = path(QStringLiteral("killed.wav"));
    constexpr int kBlockFrames = 800; // 50 ms
    QProcess child;
    child.start(QStringLiteral(RAPPORT_WAVWRITER_CHILD),
        { QStringLiteral("write"), take, QString::number(kBlockFrames), QStringLiteral("5") });
    ASSERT_TRUE(child.waitForStarted(10000));
    // Wait until the child reports at least 20 blocks written, then kill it without warning.
    long long reported = 0;
    QByteArray pending;
    while (reported < 20) {
        ASSERT_TRUE(child.waitForReadyRead(10000)) << "the writer child stopped reporting";
        pending += child.readAllStandardOutput();
        qsizetype end;
        while ((end = pending.indexOf('\n')) >= 0) {
            const QByteArray line = pending.left(end);
            pending.remove(0, end + 1);
            ASSERT_TRUE(line.startsWith("written ")) << line.toStdString();
            reported = line.mid(8).toLongLong();
        }
    }
    ASSERT_EQ(::kill(static_cast<pid_t>(child.processId()), SIGKILL), 0);
    ASSERT_TRUE(child.waitForFinished(10000));
    ASSERT_EQ(child.exitStatus(), QProcess::CrashExit);
    // Lines reported after the last read may exist: the file holds at least `reported` blocks.
    pending += child.readAllStandardOutput();
    for (const QByteArray& line : pending.split('\n'))
        if (line.startsWith("written "))
            reported = line.mid(8).toLongLong();

    const WavContent wav = readWav(take);
    ASSERT_TRUE(wav.opened) << "libsndfile cannot open the killed take";
    // The header itself is up to date (libsndfile alone would forgive a header saying 0 frames).
    EXPECT_EQ(headerDataBytes(take), wav.info.frames * 2);
    EXPECT_EQ(wav.info.frames % kBlockFrames, 0) << "the header ends inside a block";
    // At most the block in flight when the kill landed is beyond the last report.
    EXPECT_GE(wav.info.frames, reported * kBlockFrames);
    EXPECT_LE(wav.info.frames, (reported + 1) * kBlockFrames);
    EXPECT_EQ(framesOffSignal(wav.samples), 0);
}

TEST_F(WavWriterTest, FileSizeLimitGivesTypedErrorAndKeepsWhatWasWrittenPlayable)
{
    const QString take = path(QStringLiteral("limited.wav"));
    constexpr qint64 kLimitBytes = 100000; // room for about 3.1 s of audio
    const ChildReport child
        = runChild({ QStringLiteral("fill"), take, QString::number(kLimitBytes) });
    ASSERT_EQ(child.exitStatus, QProcess::NormalExit) << child.err.toStdString();
    ASSERT_EQ(child.exitCode, 0) << child.out.toStdString() << child.err.toStdString();
    EXPECT_EQ(child.value(QStringLiteral("kind")).toInt(), static_cast<int>(ErrorKind::Io));
    EXPECT_TRUE(child.value(QStringLiteral("what")).contains(take)) << child.out.toStdString();
    EXPECT_TRUE(child.value(QStringLiteral("what")).contains(QStringLiteral("largest file size")))
        << child.out.toStdString();
    EXPECT_FALSE(child.value(QStringLiteral("fix")).isEmpty());
    const qint64 frames = child.value(QStringLiteral("frames")).toLongLong();
    // The data chunk fills the limit up to the last whole sample (44-byte header, 2 bytes each).
    EXPECT_EQ(frames, (kLimitBytes - 44) / 2);

    const WavContent wav = readWav(take);
    ASSERT_TRUE(wav.opened);
    EXPECT_EQ(wav.info.frames, frames);
    EXPECT_EQ(headerDataBytes(take), frames * 2);
    EXPECT_EQ(framesOffSignal(wav.samples), 0);
}

TEST_F(WavWriterTest, FullDiskGivesDiskFullErrorAndKeepsWhatWasWrittenPlayable)
{
    // A 64 KiB tmpfs in a private mount namespace (the child sets it up; no root needed where
    // user namespaces are enabled).
    const ChildReport child = runChild({ QStringLiteral("fill-tmpfs"), QStringLiteral("64") });
    ASSERT_EQ(child.exitStatus, QProcess::NormalExit) << child.err.toStdString();
    ASSERT_EQ(child.exitCode, 0)
        << "could not simulate a full disk (needs user + mount namespaces): "
        << child.out.toStdString() << child.err.toStdString();
    EXPECT_EQ(child.value(QStringLiteral("kind")).toInt(), static_cast<int>(ErrorKind::Io));
    EXPECT_TRUE(child.value(QStringLiteral("what")).startsWith(QStringLiteral("The disk is full")))
        << child.out.toStdString();
    EXPECT_TRUE(child.value(QStringLiteral("fix")).contains(QStringLiteral("Free some space")));
    const qint64 frames = child.value(QStringLiteral("frames")).toLongLong();
    EXPECT_GT(frames, 16000); // most of the 64 KiB (2 s) holds audio
    EXPECT_LE(frames, 64 * 1024 / 2);
    EXPECT_EQ(child.value(QStringLiteral("file_frames")).toLongLong(), frames);
}
