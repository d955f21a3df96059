// `rapport-cli rehearse` end to end through a private PulseAudio server's virtual microphone, and
// the kill test: a take cut short by SIGKILL leaves a playable WAV, no take row, a healthy
// database, and an orphan that `takes recover` turns into a take.
#include "core/rehearsal/recordings.h"
#include "core/rehearsal/takerepository.h"
#include "core/storage/store.h"
#include "tests/e2e/clirun.h"
#include "tests/support/cliprocess.h"
#include "tests/support/speechfixture.h"
#include "tests/support/virtualmic.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QThread>
#include <QtEndian>
#include <cmath>
#include <csignal>
#include <gtest/gtest.h>
#include <iostream>
#include <sndfile.h>
#include <sys/stat.h>

using namespace rapport;
using namespace rapport::test;

namespace {

constexpr double kSpeakingTimeToleranceS = 0.150;
constexpr int kSampleRate = 16000;
const QString kRecordingStarted = QStringLiteral("Recording from");

unsigned modeOf(const QString& path)
{
    struct stat info
    {
    };
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? (info.st_mode & 0777) : 0;
}

// What libsndfile and the file's own bytes say about a 16-bit mono WAV.
struct WavFacts
{
    bool opened = false;
    SF_INFO info {};
    sf_count_t framesRead = 0; ///< frames libsndfile actually delivers
    qint64 headerFrames = -1; ///< the data chunk's size field / 2
    qint64 byteFrames = -1; ///< bytes after the data chunk's header / 2
};

WavFacts wavFacts(const QString& path)
{
    WavFacts facts;
    if (SNDFILE* file = sf_open(QFile::encodeName(path).constData(), SFM_READ, &facts.info)) {
        facts.opened = true;
        std::vector<short> buffer(4096);
        sf_count_t got = 0;
        while ((got = sf_readf_short(file, buffer.data(), 4096)) > 0)
            facts.framesRead += got;
        sf_close(file);
    }
    QFile raw(path);
    if (!raw.open(QIODevice::ReadOnly))
        return facts;
    const QByteArray bytes = raw.readAll();
    // RIFF chunks after the 12-byte header: id (4), little-endian size (4), body.
    for (qsizetype at = 12; at + 8 <= bytes.size();) {
        const quint32 size = qFromLittleEndian<quint32>(bytes.constData() + at + 4);
        if (bytes.mid(at, 4) == "data") {
            facts.headerFrames = size / 2;
            facts.byteFrames = (bytes.size() - (at + 8)) / 2;
            break;
        }
        at += 8 + size + (size & 1);
    }
    return facts;
}

class RehearseE2eTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        ASSERT_TRUE(m_mic.start())
            << "cannot run the microphone end-to-end tests: " << m_mic.error().toStdString();
        m_env = m_mic.environment();
        m_env.insert(QStringLiteral("RAPPORT_DATA_DIR"), data());
        const ProcessResult added
            = cli({ QStringLiteral("pitches"), QStringLiteral("add"), QStringLiteral("--title"),
                QStringLiteral("Team intro"), QStringLiteral("--target"), QStringLiteral("30") });
        ASSERT_EQ(added.exitCode, 0) << added.err.toStdString();
    }

    QString data() const { return m_dir.filePath(QStringLiteral("data")); }
    QString recordings() const { return data() + QStringLiteral("/recordings"); }
    ProcessResult cli(const QStringList& args) { return runCli(args, m_env); }
    QJsonArray jsonArray(const QStringList& args)
    {
        const ProcessResult result = cli(args);
        EXPECT_EQ(result.exitCode, 0) << result.err.toStdString();
        return QJsonDocument::fromJson(result.out.toUtf8()).array();
    }
    QStringList wavFiles() const
    {
        return QDir(recordings()).entryList({ QStringLiteral("*.wav") }, QDir::Files);
    }

    QTemporaryDir m_dir;
    VirtualMic m_mic;
    QProcessEnvironment m_env;
};

} // namespace

TEST_F(RehearseE2eTest, RehearsedTakeIsStoredWithItsPitchWindowAudioAndSpeakingTime)
{
    const QString missing = SpeechFixture::missingTools();
    ASSERT_TRUE(missing.isEmpty()) << missing.toStdString();
    SpeechFixture fixture(m_dir.path());
    TakeSpec spec;
    spec.leadingS = 1.0;
    spec.trailingS = 1.0;
    spec.utterances = { { QStringLiteral("Hello, I am Sam. I teach data skills to nurses so that "
                                         "hospitals can spot trouble early.") } };
    const std::optional<FixtureTake> played = fixture.build(QStringLiteral("pitch"), spec);
    ASSERT_TRUE(played) << fixture.error().toStdString();

    const double seconds = std::ceil(played->durationS + 2.0);
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    CliRun rehearse(
        { QStringLiteral("rehearse"), QStringLiteral("--pitch"), QStringLiteral("team intro"),
            QStringLiteral("--seconds"), QString::number(seconds), QStringLiteral("--rating"),
            QStringLiteral("4"), QStringLiteral("--json") },
        m_env);
    ASSERT_TRUE(m_mic.waitForRecorder(15000))
        << m_mic.error().toStdString() << rehearse.err().toStdString();
    ASSERT_TRUE(rehearse.waitForErr(kRecordingStarted, 15000)) << rehearse.err().toStdString();
    ASSERT_TRUE(m_mic.play(played->path)) << m_mic.error().toStdString();
    ASSERT_TRUE(rehearse.finish(static_cast<int>(seconds * 1000) + 30000))
        << "rapport-cli rehearse did not finish";
    const QString err = rehearse.err();
    ASSERT_EQ(rehearse.process().exitStatus(), QProcess::NormalExit) << err.toStdString();
    ASSERT_EQ(rehearse.process().exitCode(), 0) << err.toStdString();
    EXPECT_TRUE(m_mic.waitForPlayback(10000)) << m_mic.error().toStdString();
    const QDateTime after = QDateTime::currentDateTimeUtc().addSecs(1);

    // What rehearse printed: the analyze report plus the take.
    QJsonParseError parseError;
    const QJsonObject printed
        = QJsonDocument::fromJson(rehearse.out().toUtf8(), &parseError).object();
    ASSERT_EQ(parseError.error, QJsonParseError::NoError) << parseError.errorString().toStdString();
    const qint64 takeId = printed.value(QStringLiteral("take_id")).toInteger();
    EXPECT_EQ(takeId, 1);
    EXPECT_EQ(printed.value(QStringLiteral("pitch_id")).toInteger(), 1);
    const QDateTime startedAt = QDateTime::fromString(
        printed.value(QStringLiteral("started_at")).toString(), Qt::ISODate);
    EXPECT_TRUE(startedAt >= before && startedAt <= after)
        << printed.value(QStringLiteral("started_at")).toString().toStdString();
    EXPECT_EQ(printed.value(QStringLiteral("target")).toObject(),
        (QJsonObject { { QStringLiteral("green_s"), 25.0 }, { QStringLiteral("yellow_s"), 27.0 },
            { QStringLiteral("red_s"), 30.0 } }));
    EXPECT_EQ(printed.value(QStringLiteral("rating")).toObject().value(QStringLiteral("overall")),
        QJsonValue(4));
    for (const char* key : { "file", "duration_s", "speech_start_s", "speaking_time_s",
             "pause_count", "words_per_minute", "pitch_sd_semitones", "loudness_lufs" })
        EXPECT_TRUE(printed.contains(QString::fromUtf8(key))) << key;
    // The words, heard while recording: about as many as were said (16), inside the take.
    const QJsonArray transcript = printed.value(QStringLiteral("transcript")).toArray();
    EXPECT_GE(transcript.size(), 10) << rehearse.out().toStdString();
    EXPECT_LE(transcript.size(), 24) << rehearse.out().toStdString();
    for (const QJsonValue& word : transcript) {
        EXPECT_GE(word[QStringLiteral("start_s")].toDouble(), 0.0);
        EXPECT_LE(word[QStringLiteral("end_s")].toDouble(), seconds);
    }
    EXPECT_TRUE(printed.value(QStringLiteral("filler_count")).isDouble());
    const double truthS = played->speakingTimeS();
    const QJsonObject timing = printed.value(QStringLiteral("timing")).toObject();
    EXPECT_EQ(timing.value(QStringLiteral("verdict")).toString(), QStringLiteral("under"));
    EXPECT_NEAR(timing.value(QStringLiteral("by_s")).toDouble(), 25.0 - truthS,
        kSpeakingTimeToleranceS + 0.001);

    // The stored take, through the CLI.
    const QJsonArray listed
        = jsonArray({ QStringLiteral("takes"), QStringLiteral("list"), QStringLiteral("--json") });
    ASSERT_EQ(listed.size(), 1);
    const QJsonObject row = listed[0].toObject();
    EXPECT_EQ(row.value(QStringLiteral("id")).toInteger(), takeId);
    const QString audio = row.value(QStringLiteral("audio_path")).toString();
    EXPECT_EQ(audio, printed.value(QStringLiteral("file")).toString());
    const double listedSpeakingS = row.value(QStringLiteral("speaking_time_s")).toDouble();
    EXPECT_NEAR(listedSpeakingS, truthS, kSpeakingTimeToleranceS);

    // ... and through the repository.
    Result<storage::Store> store = storage::openStore(data());
    ASSERT_TRUE(store.ok()) << store.error().toString().toStdString();
    Result<rehearsal::Take> take = rehearsal::TakeRepository(*store->database).get(takeId);
    ASSERT_TRUE(take.ok()) << take.error().toString().toStdString();
    EXPECT_EQ(take->pitchId, 1);
    EXPECT_EQ(take->lights.greenMs, 25'000);
    EXPECT_EQ(take->lights.yellowMs, 27'000);
    EXPECT_EQ(take->lights.redMs, 30'000);
    EXPECT_EQ(take->audioPath, audio);
    EXPECT_EQ(take->startedAt.toSecsSinceEpoch(), startedAt.toSecsSinceEpoch());
    EXPECT_EQ(take->rating.overall, 4);
    ASSERT_TRUE(take->words) << "the words were not stored with the take";
    EXPECT_EQ(take->words->transcript.words.size(), static_cast<std::size_t>(transcript.size()));
    EXPECT_NEAR(take->report.durationS, seconds, 0.001);
    ASSERT_TRUE(take->report.speakingTimeS.has_value());
    EXPECT_NEAR(*take->report.speakingTimeS, truthS, kSpeakingTimeToleranceS);
    EXPECT_EQ(rehearsal::Recordings::startTimeFromName(QFileInfo(audio).fileName()), startedAt);

    // The audio: in recordings/ (0700), private (0600), playable, exactly the take's length.
    EXPECT_EQ(QFileInfo(audio).absolutePath(), recordings());
    EXPECT_EQ(modeOf(recordings()), 0700u);
    EXPECT_EQ(modeOf(audio), 0600u);
    const WavFacts wav = wavFacts(audio);
    ASSERT_TRUE(wav.opened);
    EXPECT_EQ(wav.info.samplerate, kSampleRate);
    EXPECT_EQ(wav.info.channels, 1);
    EXPECT_EQ(wav.info.frames, static_cast<sf_count_t>(seconds * kSampleRate));
    EXPECT_EQ(wav.framesRead, wav.info.frames);
    EXPECT_TRUE(QDir(recordings()).entryList(QDir::Hidden | QDir::Files).size() == 1)
        << "only the take's WAV: no lock file is left";
    std::cout << "[ figures  ] rehearse: speech in played file " << truthS * 1000.0
              << " ms; stored speaking time " << *take->report.speakingTimeS * 1000.0
              << " ms, error " << (*take->report.speakingTimeS - truthS) * 1000.0 << " ms; take "
              << seconds << " s = " << wav.info.frames << " frames; "
              << "timing " << timing.value(QStringLiteral("verdict")).toString().toStdString()
              << " by " << timing.value(QStringLiteral("by_s")).toDouble() << " s\n";
}

TEST_F(RehearseE2eTest, KilledTakeLeavesAPlayableOrphanAndAHealthyDatabaseWithoutItsRow)
{
    CliRun rehearse({ QStringLiteral("rehearse"), QStringLiteral("--pitch"), QStringLiteral("1"),
                        QStringLiteral("--seconds"), QStringLiteral("30") },
        m_env);
    ASSERT_TRUE(rehearse.waitForErr(kRecordingStarted, 15000)) << rehearse.err().toStdString();
    QThread::msleep(1500);
    ASSERT_EQ(::kill(static_cast<pid_t>(rehearse.process().processId()), SIGKILL), 0);
    ASSERT_TRUE(rehearse.process().waitForFinished(10000));
    ASSERT_EQ(rehearse.process().exitStatus(), QProcess::CrashExit);

    // The WAV: opens with libsndfile, more than 0.5 s, its header agrees with its bytes.
    const QStringList files = wavFiles();
    ASSERT_EQ(files.size(), 1) << files.join(QLatin1Char(' ')).toStdString();
    const QString wavPath = recordings() + QLatin1Char('/') + files.first();
    const WavFacts wav = wavFacts(wavPath);
    ASSERT_TRUE(wav.opened) << "the killed take's WAV does not open";
    EXPECT_EQ(wav.info.samplerate, kSampleRate);
    EXPECT_GT(wav.info.frames, kSampleRate / 2);
    EXPECT_LT(wav.info.frames, 30 * kSampleRate);
    EXPECT_EQ(wav.framesRead, wav.info.frames);
    EXPECT_EQ(wav.headerFrames, wav.info.frames);
    // WavWriter updates the header after each block: a kill can at most land between a block's
    // samples and its header update, so the bytes are ahead by less than one block.
    EXPECT_GE(wav.byteFrames, wav.headerFrames);
    EXPECT_LT(wav.byteFrames - wav.headerFrames, 4096);
    EXPECT_EQ(modeOf(wavPath), 0600u);

    // The database: healthy, and no row for the take.
    const ProcessResult check
        = cli({ QStringLiteral("info"), QStringLiteral("--check"), QStringLiteral("--json") });
    ASSERT_EQ(check.exitCode, 0) << check.err.toStdString();
    EXPECT_EQ(QJsonDocument::fromJson(check.out.toUtf8())
                  .object()
                  .value(QStringLiteral("integrity"))
                  .toArray(),
        QJsonArray { QStringLiteral("ok") });
    EXPECT_TRUE(
        jsonArray({ QStringLiteral("takes"), QStringLiteral("list"), QStringLiteral("--json") })
            .isEmpty());

    // The orphan is offered back, and recovered as a take of the pitch.
    const QJsonArray orphans = jsonArray(
        { QStringLiteral("takes"), QStringLiteral("orphans"), QStringLiteral("--json") });
    ASSERT_EQ(orphans.size(), 1);
    EXPECT_EQ(orphans[0].toObject().value(QStringLiteral("path")).toString(), wavPath);
    EXPECT_NEAR(orphans[0].toObject().value(QStringLiteral("duration_s")).toDouble(),
        static_cast<double>(wav.info.frames) / kSampleRate, 0.001);
    const ProcessResult recovered = cli({ QStringLiteral("takes"), QStringLiteral("recover"),
        wavPath, QStringLiteral("--pitch"), QStringLiteral("Team intro") });
    ASSERT_EQ(recovered.exitCode, 0) << recovered.err.toStdString();
    const QJsonArray takes
        = jsonArray({ QStringLiteral("takes"), QStringLiteral("list"), QStringLiteral("--json") });
    ASSERT_EQ(takes.size(), 1);
    EXPECT_EQ(takes[0].toObject().value(QStringLiteral("audio_path")).toString(), wavPath);
    EXPECT_EQ(takes[0].toObject().value(QStringLiteral("pitch_id")).toInteger(), 1);
    EXPECT_NEAR(takes[0].toObject().value(QStringLiteral("duration_s")).toDouble(),
        static_cast<double>(wav.info.frames) / kSampleRate, 0.001);
    EXPECT_TRUE(
        jsonArray({ QStringLiteral("takes"), QStringLiteral("orphans"), QStringLiteral("--json") })
            .isEmpty());
    std::cout << "[ figures  ] kill test: killed after " << rehearse.firstAudioMs()
              << " ms to first audio + 1500 ms; WAV keeps " << wav.info.frames << " frames ("
              << static_cast<double>(wav.info.frames) / kSampleRate << " s), header "
              << wav.headerFrames << " frames, bytes " << wav.byteFrames << " frames\n";
}

TEST_F(RehearseE2eTest, InterruptStopsTheTakeEarlyAndStoresWhatWasRecorded)
{
    CliRun rehearse({ QStringLiteral("rehearse"), QStringLiteral("--pitch"), QStringLiteral("1"),
                        QStringLiteral("--seconds"), QStringLiteral("60") },
        m_env);
    ASSERT_TRUE(rehearse.waitForErr(kRecordingStarted, 15000)) << rehearse.err().toStdString();
    QThread::msleep(1500);
    ASSERT_EQ(::kill(static_cast<pid_t>(rehearse.process().processId()), SIGINT), 0);
    ASSERT_TRUE(rehearse.finish(10000)) << "rehearse did not stop on SIGINT";
    ASSERT_EQ(rehearse.process().exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(rehearse.process().exitCode(), 0) << rehearse.err().toStdString();
    const QString out = rehearse.out();
    EXPECT_TRUE(out.contains(QStringLiteral("Take 1 of \"Team intro\""))) << out.toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("Rating: not rated"))) << out.toStdString();

    const QJsonArray takes
        = jsonArray({ QStringLiteral("takes"), QStringLiteral("list"), QStringLiteral("--json") });
    ASSERT_EQ(takes.size(), 1);
    const QString audio = takes[0].toObject().value(QStringLiteral("audio_path")).toString();
    const WavFacts wav = wavFacts(audio);
    ASSERT_TRUE(wav.opened);
    EXPECT_GT(wav.info.frames, kSampleRate); // more than 1 s: what was heard is kept
    EXPECT_LT(wav.info.frames, 30 * kSampleRate); // and it did stop early
    EXPECT_NEAR(takes[0].toObject().value(QStringLiteral("duration_s")).toDouble(),
        static_cast<double>(wav.info.frames) / kSampleRate, 0.001);
    EXPECT_TRUE(
        jsonArray({ QStringLiteral("takes"), QStringLiteral("orphans"), QStringLiteral("--json") })
            .isEmpty());
}
