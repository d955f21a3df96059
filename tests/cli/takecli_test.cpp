// `rapport-cli takes` and `rehearse` without a microphone: takes are made from generated WAVs
// through `takes recover`, so every figure checked is known from how the file was written.
#include "core/audio/audioblock.h"
#include "core/rehearsal/takerepository.h"
#include "core/speech/wordreport.h"
#include "core/storage/store.h"
#include "tests/support/cliprocess.h"
#include "tests/support/realspeech.h"
#include "tests/support/testtake.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace rapport {
namespace {

constexpr std::int64_t kRate = audio::kSampleRate;

QStringList words(const char* text)
{
    return QString::fromUtf8(text).split(QLatin1Char(' '));
}

// 1 s of silence, 2 s of the test tone, 1 s of silence: speaking time 2 s, 4 s in all.
void writeTake(const QString& path)
{
    ASSERT_EQ(test::writeToneTake(path, kRate, 2 * kRate, kRate), QString());
}

class TakeCliTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        auto added = cli(words("pitches add --title Intro --target 30"));
        ASSERT_EQ(added.exitCode, 0) << added.err.toStdString();
    }

    test::ProcessResult cli(const QStringList& args) { return test::runCli(args, m_dir.path()); }
    QString recording(const QString& name) const
    {
        return m_dir.filePath(QStringLiteral("recordings/") + name);
    }

    // Writes an orphan recording started at `stamp` (yyyyMMddTHHmmssZ) and recovers it as a take
    // of `pitch`; returns the take's id.
    qint64 recoveredTake(const QString& stamp, const QString& pitch = QStringLiteral("Intro"))
    {
        const QString path = recording(QStringLiteral("take-%1-0000abcd.wav").arg(stamp));
        writeTake(path);
        auto recovered = cli({ QStringLiteral("takes"), QStringLiteral("recover"), path,
            QStringLiteral("--pitch"), pitch, QStringLiteral("--json") });
        EXPECT_EQ(recovered.exitCode, 0) << recovered.err.toStdString();
        return QJsonDocument::fromJson(recovered.out.toUtf8())
            .object()
            .value(QStringLiteral("id"))
            .toInteger();
    }

    QJsonArray takes(const QStringList& extra = {})
    {
        auto list = cli(QStringList { QStringLiteral("takes"), QStringLiteral("list"),
                            QStringLiteral("--json") }
            + extra);
        EXPECT_EQ(list.exitCode, 0) << list.err.toStdString();
        return QJsonDocument::fromJson(list.out.toUtf8()).array();
    }

    QTemporaryDir m_dir;
};

TEST_F(TakeCliTest, ARecordingNoTakeUsesIsListedAsAnOrphanAndRecoveredAsATake)
{
    auto none = cli(words("takes orphans"));
    EXPECT_EQ(none.exitCode, 0);
    EXPECT_TRUE(
        none.out.contains(QStringLiteral("Every recording belongs to a take or an answer")));

    const QString path = recording(QStringLiteral("take-20261123T083000Z-0000abcd.wav"));
    writeTake(path);
    auto orphans = cli(words("takes orphans --json"));
    ASSERT_EQ(orphans.exitCode, 0) << orphans.err.toStdString();
    const QJsonArray found = QJsonDocument::fromJson(orphans.out.toUtf8()).array();
    ASSERT_EQ(found.size(), 1);
    const QJsonObject orphan = found[0].toObject();
    EXPECT_EQ(orphan.value(QStringLiteral("path")).toString(), path);
    EXPECT_DOUBLE_EQ(orphan.value(QStringLiteral("duration_s")).toDouble(), 4.0);
    EXPECT_EQ(orphan.value(QStringLiteral("started_at")).toString(),
        QStringLiteral("2026-11-23T08:30:00Z"));
    EXPECT_TRUE(orphan.value(QStringLiteral("problem")).isNull());

    // A bare file name means the file in the recordings folder.
    auto recovered = cli({ QStringLiteral("takes"), QStringLiteral("recover"),
        QFileInfo(path).fileName(), QStringLiteral("--pitch"), QStringLiteral("intro") });
    ASSERT_EQ(recovered.exitCode, 0) << recovered.err.toStdString();
    EXPECT_TRUE(recovered.out.contains(QStringLiteral("as take 1"))) << recovered.out.toStdString();

    const QJsonArray all = takes();
    ASSERT_EQ(all.size(), 1);
    const QJsonObject take = all[0].toObject();
    EXPECT_EQ(take.value(QStringLiteral("id")).toInteger(), 1);
    EXPECT_EQ(take.value(QStringLiteral("pitch_id")).toInteger(), 1);
    EXPECT_EQ(take.value(QStringLiteral("started_at")).toString(),
        QStringLiteral("2026-11-23T08:30:00Z"));
    EXPECT_EQ(take.value(QStringLiteral("audio_path")).toString(), path);
    EXPECT_DOUBLE_EQ(take.value(QStringLiteral("duration_s")).toDouble(), 4.0);
    EXPECT_NEAR(take.value(QStringLiteral("speaking_time_s")).toDouble(), 2.0, 0.16);
    const QJsonObject target = take.value(QStringLiteral("target")).toObject();
    EXPECT_EQ(target.value(QStringLiteral("green_s")).toDouble(), 25.0);
    EXPECT_EQ(target.value(QStringLiteral("yellow_s")).toDouble(), 27.0);
    EXPECT_EQ(target.value(QStringLiteral("red_s")).toDouble(), 30.0);
    // 2 s of a 25-30 s window: 23 s short of the green light.
    const QJsonObject timing = take.value(QStringLiteral("timing")).toObject();
    EXPECT_EQ(timing.value(QStringLiteral("verdict")).toString(), QStringLiteral("under"));
    EXPECT_NEAR(timing.value(QStringLiteral("by_s")).toDouble(), 23.0, 0.16);
    EXPECT_FALSE(take.value(QStringLiteral("starred")).toBool());
    EXPECT_TRUE(take.value(QStringLiteral("rating")).isNull());
    EXPECT_TRUE(take.contains(QStringLiteral("words_per_minute")));
    EXPECT_TRUE(take.contains(QStringLiteral("pause_count")));

    auto after = cli(words("takes orphans --json"));
    EXPECT_TRUE(QJsonDocument::fromJson(after.out.toUtf8()).array().isEmpty());
    auto again = cli({ QStringLiteral("takes"), QStringLiteral("recover"), path,
        QStringLiteral("--pitch"), QStringLiteral("1") });
    EXPECT_EQ(again.exitCode, 1) << "a take's own file is not an orphan";
    EXPECT_EQ(takes().size(), 1);
}

// Without --pitch a recording comes back as what its lock file says it was; one that says
// nothing needs --pitch.
TEST_F(TakeCliTest, RecoverWithoutAPitchKeepsARecordingAsWhatItSaysItWas)
{
    auto second = cli(words("pitches add --title Dinner --target 60"));
    ASSERT_EQ(second.exitCode, 0) << second.err.toStdString();
    const QString silent = recording(QStringLiteral("take-20261123T083000Z-0000abcd.wav"));
    writeTake(silent);
    auto refused = cli({ QStringLiteral("takes"), QStringLiteral("recover"), silent });
    EXPECT_EQ(refused.exitCode, 2);
    EXPECT_TRUE(refused.err.contains(QStringLiteral("does not say what it was recorded for")))
        << refused.err.toStdString();
    EXPECT_TRUE(takes().isEmpty());

    // As a killed take of pitch 2 leaves it.
    const QString labelled = recording(QStringLiteral("take-20261123T090000Z-0000abce.wav"));
    writeTake(labelled);
    QFile lock(recording(QStringLiteral(".take-20261123T090000Z-0000abce.wav.lock")));
    ASSERT_TRUE(lock.open(QIODevice::WriteOnly));
    lock.write(R"({"kind":"take","pitch_id":2})");
    lock.close();
    auto listed = cli(words("takes orphans"));
    EXPECT_TRUE(listed.out.contains(QStringLiteral("a take of pitch 2")))
        << listed.out.toStdString();
    auto recovered = cli(
        { QStringLiteral("takes"), QStringLiteral("recover"), labelled, QStringLiteral("--json") });
    ASSERT_EQ(recovered.exitCode, 0) << recovered.err.toStdString();
    const QJsonArray all = takes();
    ASSERT_EQ(all.size(), 1);
    EXPECT_EQ(all[0].toObject().value(QStringLiteral("pitch_id")).toInteger(), 2);
    EXPECT_EQ(all[0].toObject().value(QStringLiteral("audio_path")).toString(), labelled);
    EXPECT_FALSE(lock.exists());
}

TEST_F(TakeCliTest, RateStoresTheOverallAndRubricRatingsAndKeepsWhatIsNotGiven)
{
    const qint64 id = recoveredTake(QStringLiteral("20261123T083000Z"));
    const QString idText = QString::number(id);
    auto rated = cli({ QStringLiteral("takes"), QStringLiteral("rate"), idText,
        QStringLiteral("--overall"), QStringLiteral("4"), QStringLiteral("--passion"),
        QStringLiteral("5"), QStringLiteral("--no-assumptions"), QStringLiteral("2"),
        QStringLiteral("--note"), QStringLiteral("Rushed the ask") });
    ASSERT_EQ(rated.exitCode, 0) << rated.err.toStdString();
    QJsonObject take = takes()[0].toObject();
    QJsonObject rating = take.value(QStringLiteral("rating")).toObject();
    EXPECT_EQ(rating.value(QStringLiteral("overall")).toInt(), 4);
    EXPECT_EQ(rating.value(QStringLiteral("items")).toObject(),
        (QJsonObject {
            { QStringLiteral("passion"), 5 }, { QStringLiteral("no_assumptions"), 2 } }));
    EXPECT_FALSE(rating.value(QStringLiteral("rated_at")).toString().isEmpty());
    EXPECT_EQ(take.value(QStringLiteral("note")).toString(), QStringLiteral("Rushed the ask"));

    auto rerated = cli({ QStringLiteral("takes"), QStringLiteral("rate"), idText,
        QStringLiteral("--overall"), QStringLiteral("3"), QStringLiteral("--genuine"),
        QStringLiteral("4"), QStringLiteral("--connection"), QStringLiteral("1"),
        QStringLiteral("--listener"), QStringLiteral("2"), QStringLiteral("--language"),
        QStringLiteral("3"), QStringLiteral("--not-minimising"), QStringLiteral("5") });
    ASSERT_EQ(rerated.exitCode, 0) << rerated.err.toStdString();
    take = takes()[0].toObject();
    rating = take.value(QStringLiteral("rating")).toObject();
    EXPECT_EQ(rating.value(QStringLiteral("overall")).toInt(), 3);
    EXPECT_EQ(rating.value(QStringLiteral("items")).toObject(),
        (QJsonObject { { QStringLiteral("connection"), 1 }, { QStringLiteral("listener"), 2 },
            { QStringLiteral("no_assumptions"), 2 }, { QStringLiteral("language"), 3 },
            { QStringLiteral("not_minimising"), 5 }, { QStringLiteral("passion"), 5 },
            { QStringLiteral("genuine"), 4 } }));
    EXPECT_EQ(take.value(QStringLiteral("note")).toString(), QStringLiteral("Rushed the ask"));

    auto missing = cli(words("takes rate 99 --overall 3"));
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_TRUE(missing.err.contains(QStringLiteral("no take 99"))) << missing.err.toStdString();
}

TEST_F(TakeCliTest, StarMarksOneBestTakePerPitchAndListKeepsTimeOrder)
{
    const qint64 later = recoveredTake(QStringLiteral("20261123T100000Z"));
    const qint64 earlier = recoveredTake(QStringLiteral("20261122T100000Z"));
    QJsonArray all = takes();
    ASSERT_EQ(all.size(), 2);
    EXPECT_EQ(all[0].toObject().value(QStringLiteral("id")).toInteger(), earlier);
    EXPECT_EQ(all[1].toObject().value(QStringLiteral("id")).toInteger(), later);

    auto starred = [&](qint64 id) {
        for (const QJsonValue& take : takes()) {
            if (take.toObject().value(QStringLiteral("id")).toInteger() == id)
                return take.toObject().value(QStringLiteral("starred")).toBool();
        }
        return false;
    };
    ASSERT_EQ(
        cli({ QStringLiteral("takes"), QStringLiteral("star"), QString::number(earlier) }).exitCode,
        0);
    EXPECT_TRUE(starred(earlier));
    ASSERT_EQ(
        cli({ QStringLiteral("takes"), QStringLiteral("star"), QString::number(later) }).exitCode,
        0);
    EXPECT_TRUE(starred(later));
    EXPECT_FALSE(starred(earlier)) << "one best take per pitch";
    ASSERT_EQ(cli({ QStringLiteral("takes"), QStringLiteral("star"), QString::number(later),
                      QStringLiteral("--off") })
                  .exitCode,
        0);
    EXPECT_FALSE(starred(later));
    EXPECT_EQ(cli(words("takes star 99")).exitCode, 1);
}

TEST_F(TakeCliTest, ListFiltersByPitch)
{
    ASSERT_EQ(cli(words("pitches add --title Dinner --target 60")).exitCode, 0);
    recoveredTake(QStringLiteral("20261123T080000Z"), QStringLiteral("Intro"));
    const qint64 dinner = recoveredTake(QStringLiteral("20261123T090000Z"), QStringLiteral("din"));
    EXPECT_EQ(takes().size(), 2);
    const QJsonArray filtered = takes({ QStringLiteral("--pitch"), QStringLiteral("Dinner") });
    ASSERT_EQ(filtered.size(), 1);
    EXPECT_EQ(filtered[0].toObject().value(QStringLiteral("id")).toInteger(), dinner);
    EXPECT_EQ(filtered[0].toObject().value(QStringLiteral("pitch_id")).toInteger(), 2);
    auto text = cli(words("takes list"));
    EXPECT_EQ(text.exitCode, 0);
    EXPECT_TRUE(text.out.contains(QStringLiteral("short of the green light")))
        << text.out.toStdString();
    auto unknown = cli(words("takes list --pitch Nope"));
    EXPECT_EQ(unknown.exitCode, 1);
    EXPECT_TRUE(unknown.err.contains(QStringLiteral("pitches list")));
}

TEST_F(TakeCliTest, DeleteRemovesTheTakeAndItsAudio)
{
    const qint64 id = recoveredTake(QStringLiteral("20261123T083000Z"));
    const QString audio = takes()[0].toObject().value(QStringLiteral("audio_path")).toString();
    ASSERT_TRUE(QFile::exists(audio));
    auto deleted = cli({ QStringLiteral("takes"), QStringLiteral("delete"), QString::number(id) });
    ASSERT_EQ(deleted.exitCode, 0) << deleted.err.toStdString();
    EXPECT_TRUE(takes().isEmpty());
    EXPECT_FALSE(QFile::exists(audio));
    EXPECT_EQ(
        cli({ QStringLiteral("takes"), QStringLiteral("delete"), QString::number(id) }).exitCode,
        1);
}

TEST_F(TakeCliTest, ATakesWordsAreHeardWhenRecoveredAndAgainWhenAsked)
{
    // A real reading, left as a recording of a take cut short, of a pitch whose text it reads.
    const test::SpeechClip clip = test::SpeechCorpus::librivoxClips().front();
    auto added = cli({ QStringLiteral("pitches"), QStringLiteral("add"), QStringLiteral("--title"),
        QStringLiteral("Austen"), QStringLiteral("--target"), QStringLiteral("30"),
        QStringLiteral("--text"), clip.text, QStringLiteral("--json") });
    ASSERT_EQ(added.exitCode, 0) << added.err.toStdString();
    ASSERT_TRUE(QDir().mkpath(recording(QString())));
    const QString path = recording(QStringLiteral("take-20261123T090000Z-0000abcd.wav"));
    ASSERT_TRUE(QFile::copy(clip.path, path));
    auto recovered = cli({ QStringLiteral("takes"), QStringLiteral("recover"), path,
        QStringLiteral("--pitch"), QStringLiteral("Austen"), QStringLiteral("--json") });
    ASSERT_EQ(recovered.exitCode, 0) << recovered.err.toStdString();
    const qint64 id
        = QJsonDocument::fromJson(recovered.out.toUtf8()).object().value(u"id").toInteger();

    // Recovered with its words, nearly all of the text heard (the text is the script).
    const QStringList truth = speech::normalisedWords(clip.text);
    auto storedWords = [&]() -> std::optional<speech::WordReport> {
        Result<storage::Store> store = storage::openStore(m_dir.path());
        EXPECT_TRUE(store.ok());
        Result<rehearsal::Take> take = rehearsal::TakeRepository(*store->database).get(id);
        EXPECT_TRUE(take.ok());
        return take ? take->words : std::nullopt;
    };
    const std::optional<speech::WordReport> first = storedWords();
    ASSERT_TRUE(first);
    ASSERT_TRUE(first->script);
    EXPECT_GE(first->script->coverage, 0.8) << first->transcript.text().toStdString();

    // Heard again on request: printed and stored.
    auto heard = cli({ QStringLiteral("takes"), QStringLiteral("words"), QString::number(id),
        QStringLiteral("--json") });
    ASSERT_EQ(heard.exitCode, 0) << heard.err.toStdString();
    const QJsonObject json = QJsonDocument::fromJson(heard.out.toUtf8()).object();
    EXPECT_EQ(json.value(u"take_id").toInteger(), id);
    EXPECT_GE(json.value(u"transcript").toArray().size(), truth.size() * 8 / 10);
    EXPECT_GE(json.value(u"script_coverage").toDouble(), 0.8);
    ASSERT_TRUE(storedWords());

    // A take whose recording is gone says so, and one that does not exist is not found.
    ASSERT_TRUE(QFile::remove(path));
    auto gone = cli({ QStringLiteral("takes"), QStringLiteral("words"), QString::number(id) });
    EXPECT_EQ(gone.exitCode, 3) << gone.err.toStdString();
    EXPECT_TRUE(gone.err.contains(QStringLiteral("recording is gone"))) << gone.err.toStdString();
    EXPECT_EQ(
        cli({ QStringLiteral("takes"), QStringLiteral("words"), QStringLiteral("999") }).exitCode,
        1);
}

TEST_F(TakeCliTest, DiscardDeletesOnlyOrphansInsideTheRecordingsFolder)
{
    const qint64 id = recoveredTake(QStringLiteral("20261123T083000Z"));
    ASSERT_GT(id, 0);
    const QString used = takes()[0].toObject().value(QStringLiteral("audio_path")).toString();
    const QString orphan = recording(QStringLiteral("take-20261124T083000Z-00001234.wav"));
    writeTake(orphan);
    const QString outside = m_dir.filePath(QStringLiteral("mine.wav"));
    writeTake(outside);

    for (const QString& refused : { used, outside, m_dir.filePath(QStringLiteral("rapport.sqlite")),
             recording(QStringLiteral("../mine.wav")) }) {
        auto result = cli({ QStringLiteral("takes"), QStringLiteral("discard"), refused });
        EXPECT_EQ(result.exitCode, 1) << refused.toStdString() << result.err.toStdString();
        EXPECT_TRUE(QFile::exists(refused)) << refused.toStdString();
    }
    auto discarded = cli({ QStringLiteral("takes"), QStringLiteral("discard"), orphan });
    ASSERT_EQ(discarded.exitCode, 0) << discarded.err.toStdString();
    EXPECT_FALSE(QFile::exists(orphan));
    EXPECT_EQ(takes().size(), 1);
    EXPECT_TRUE(QFile::exists(used));
}

TEST_F(TakeCliTest, RehearseOfAnUnknownPitchExitsOneAndSaysHowToListPitches)
{
    auto result = cli(words("rehearse --pitch Nope --seconds 1"));
    EXPECT_EQ(result.exitCode, 1) << result.err.toStdString();
    EXPECT_TRUE(result.err.contains(QStringLiteral("rapport-cli pitches list")))
        << result.err.toStdString();
    EXPECT_TRUE(QDir(m_dir.filePath(QStringLiteral("recordings")))
                    .entryList(QDir::Files | QDir::Hidden)
                    .isEmpty());
}

TEST_F(TakeCliTest, RehearseWithoutAMicrophoneExitsThreeAndLeavesNothingBehind)
{
    QTemporaryDir runtime;
    ASSERT_TRUE(runtime.isValid());
    QProcessEnvironment env = test::noSoundServerEnvironment(runtime.path());
    env.insert(QStringLiteral("RAPPORT_DATA_DIR"), m_dir.path());
    auto result = test::runCli(words("rehearse --pitch Intro --seconds 2"), env);
    EXPECT_EQ(result.exitCode, 3) << result.err.toStdString();
    EXPECT_TRUE(result.err.contains(QStringLiteral("no audio input found"), Qt::CaseInsensitive))
        << result.err.toStdString();
    EXPECT_TRUE(QDir(m_dir.filePath(QStringLiteral("recordings")))
                    .entryList(QDir::Files | QDir::Hidden)
                    .isEmpty())
        << "no WAV and no lock file are left";
    EXPECT_TRUE(takes().isEmpty());
}

TEST(TakeCliArgumentsTest, BadArgumentsExitTwoBeforeTouchingTheDataFolder)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString data = dir.filePath(QStringLiteral("data"));
    const QList<const char*> cases {
        "takes",
        "takes frob",
        "takes list extra",
        "takes list --overall 3",
        "takes list --pitch",
        "takes rate",
        "takes rate 1",
        "takes rate x --overall 3",
        "takes rate 0 --overall 3",
        "takes rate 1 --overall 6",
        "takes rate 1 --overall three",
        "takes rate 1 --overall 3 --passion 0",
        "takes rate 1 --overall 3 --json",
        "takes delete",
        "takes delete 1 2",
        "takes delete -1",
        "takes star 1 --overall 2",
        "takes orphans --pitch 1",
        "takes recover",
        "takes discard",
        "takes discard take.wav --pitch 1",
        "rehearse",
        "rehearse --pitch Intro",
        "rehearse --seconds 5",
        "rehearse --pitch Intro --seconds 0",
        "rehearse --pitch Intro --seconds abc",
        "rehearse --pitch Intro --seconds 3601",
        "rehearse --pitch Intro --seconds 5 --rating 0",
        "rehearse --pitch Intro --seconds 5 --rating 6",
        "rehearse --pitch Intro --seconds 5 extra",
    };
    for (const char* args : cases) {
        const test::ProcessResult result = test::runCli(words(args), data);
        EXPECT_EQ(result.exitCode, 2) << args << "\n" << result.err.toStdString();
        EXPECT_FALSE(result.crashed) << args;
        EXPECT_TRUE(result.err.contains(QStringLiteral("rapport-cli: "))) << args;
        EXPECT_FALSE(QFileInfo::exists(data)) << args << ": the data folder was touched";
    }
}

TEST(TakeCliArgumentsTest, AnUnusableDataFolderExitsFour)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString notAFolder = dir.filePath(QStringLiteral("file"));
    QFile file(notAFolder);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.close();
    EXPECT_EQ(test::runCli(words("takes list"), notAFolder).exitCode, 4);
    EXPECT_EQ(test::runCli(words("takes orphans"), notAFolder).exitCode, 4);
    EXPECT_EQ(test::runCli(words("rehearse --pitch 1 --seconds 1"), notAFolder).exitCode, 4);
}

TEST(TakeCliArgumentsTest, HelpNamesTheActionsAndOptions)
{
    const test::ProcessResult takes = test::runCli(words("takes --help"));
    EXPECT_EQ(takes.exitCode, 0);
    for (const char* text : { "orphans", "recover", "discard", "--no-assumptions", "--overall" })
        EXPECT_TRUE(takes.out.contains(QString::fromUtf8(text))) << text;
    const test::ProcessResult rehearse = test::runCli(words("rehearse --help"));
    EXPECT_EQ(rehearse.exitCode, 0);
    for (const char* text : { "--pitch", "--seconds", "--rating", "--note", "--json" })
        EXPECT_TRUE(rehearse.out.contains(QString::fromUtf8(text))) << text;
}

} // namespace
} // namespace rapport
