// A take of a pitch from the first block to the stored row, and deleting takes and pitches with
// their recordings: the one code path the window and the CLI share.
#include "core/audio/fileaudiosource.h"
#include "core/rehearsal/takesession.h"
#include "core/storage/store.h"
#include "tests/support/fakerecogniser.h"
#include "tests/support/testtake.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>
#include <gtest/gtest.h>

namespace rapport::rehearsal {
namespace {

const QDateTime kNow(QDate(2026, 12, 2), QTime(9, 30), Qt::UTC);

class FixedClock final : public Clock
{
public:
    QDateTime nowUtc() const override { return kNow; }
};

// A source that ends before delivering anything, like a muted device that closes.
class SilentSource final : public audio::AudioSource
{
public:
    Status start() override
    {
        QTimer::singleShot(0, this, [this] { emit finished({}); });
        return {};
    }
    void stop() override { }
    QString name() const override { return QStringLiteral("silent"); }
};

class TakeSessionTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        auto store = storage::openStore(m_dir.filePath(QStringLiteral("data")));
        ASSERT_TRUE(store.ok()) << store.error().toString().toStdString();
        m_store = std::make_unique<storage::Store>(std::move(*store));
        m_takes = std::make_unique<TakeRepository>(*m_store->database);
        m_pitches = std::make_unique<PitchRepository>(*m_store->database);
        m_recordings = std::make_unique<Recordings>(m_store->paths, *m_takes);
        m_pitch.title = QStringLiteral("Intro");
        m_pitch.targetMs = 30'000;
        m_pitch.lights = { 20'000, 25'000, 30'000, 30'000 }; // a grace, which takes do not keep
        // 21 words of one syllable each: the take's pace is its syllable rate.
        m_pitch.text = QStringLiteral("Thank you for the time. I lead a small team that builds "
                                      "tools for shops, and we want to grow it.");
        Result<qint64> id = m_pitches->add(m_pitch, kNow);
        ASSERT_TRUE(id.ok());
        m_pitch.id = *id;
        m_source = m_dir.filePath(QStringLiteral("source.wav"));
        // 1 s of silence, 4 s of speech-like sound (enough for a pace), 1 s of silence.
        ASSERT_EQ(test::writeToneTake(
                      m_source, audio::kSampleRate, 4 * audio::kSampleRate, audio::kSampleRate),
            QString());
    }

    // Runs `session` from `source` until it finishes (at most 20 s).
    TakeOutcome record(TakeSession& session, audio::AudioSource& source)
    {
        QEventLoop loop;
        QObject::connect(&session, &TakeSession::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(20'000, &loop, &QEventLoop::quit);
        EXPECT_TRUE(session.start(source, m_pitch).ok());
        loop.exec();
        return session.outcome();
    }

    QStringList recordingsOnDisk() const
    {
        return QDir(m_store->paths.recordings()).entryList(QDir::Files | QDir::Hidden);
    }

    QTemporaryDir m_dir;
    std::unique_ptr<storage::Store> m_store;
    std::unique_ptr<TakeRepository> m_takes;
    std::unique_ptr<PitchRepository> m_pitches;
    std::unique_ptr<Recordings> m_recordings;
    FixedClock m_clock;
    Pitch m_pitch;
    QString m_source;
};

TEST_F(TakeSessionTest, ATakeIsStoredWithItsRecordingWhenItEnds)
{
    TakeSession session(*m_recordings, *m_takes, m_clock);
    audio::FileAudioSource source(m_source, 0);
    const TakeOutcome outcome = record(session, source);
    ASSERT_TRUE(outcome.take) << outcome.notStored->toString().toStdString();
    EXPECT_FALSE(outcome.notStored);
    EXPECT_FALSE(outcome.stoppedEarly);

    const Take& take = *outcome.take;
    Result<Take> stored = m_takes->get(take.id);
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored->pitchId, m_pitch.id);
    EXPECT_EQ(stored->startedAt, kNow);
    EXPECT_EQ(stored->lights, LightTimes::pitch(20'000, 25'000, 30'000));
    EXPECT_EQ(stored->lights, take.lights);
    EXPECT_EQ(stored->audioPath, take.audioPath);
    EXPECT_TRUE(QFile::exists(take.audioPath));
    EXPECT_EQ(QFileInfo(take.audioPath).absolutePath(), m_store->paths.recordings());
    EXPECT_FALSE(stored->rating.overall);
    // Counted in the script's one syllable a word.
    ASSERT_TRUE(take.report.wordsPerMinute && take.report.syllableCount);
    EXPECT_NEAR(*take.report.wordsPerMinute,
        *take.report.syllableCount / (*take.report.speakingTimeS / 60.0), 1e-9);
    // Only the recording is left: its lock went with the take.
    EXPECT_EQ(recordingsOnDisk(), QStringList { QFileInfo(take.audioPath).fileName() });
    Result<QList<OrphanRecording>> orphans = m_recordings->orphans();
    ASSERT_TRUE(orphans.ok());
    EXPECT_TRUE(orphans->isEmpty());
}

TEST_F(TakeSessionTest, ARatingGivenBeforeRecordingIsStoredWithTheTake)
{
    TakeSession session(*m_recordings, *m_takes, m_clock);
    SelfRating rating;
    rating.overall = 4;
    rating.note = QStringLiteral("Slower start");
    session.setRating(rating);
    audio::FileAudioSource source(m_source, 0);
    const TakeOutcome outcome = record(session, source);
    ASSERT_TRUE(outcome.take);
    Result<Take> stored = m_takes->get(outcome.take->id);
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored->rating.overall, 4);
    EXPECT_EQ(stored->rating.note, QStringLiteral("Slower start"));
    EXPECT_EQ(stored->rating.ratedAt, kNow);
}

TEST_F(TakeSessionTest, NothingHeardStoresNoTakeAndLeavesNoFile)
{
    TakeSession session(*m_recordings, *m_takes, m_clock);
    SilentSource source;
    const TakeOutcome outcome = record(session, source);
    EXPECT_FALSE(outcome.take);
    ASSERT_TRUE(outcome.notStored);
    EXPECT_TRUE(outcome.notStored->what.contains(QStringLiteral("no sound")))
        << outcome.notStored->what.toStdString();
    EXPECT_FALSE(outcome.notStored->fix.isEmpty());
    EXPECT_TRUE(m_takes->list()->isEmpty());
    EXPECT_TRUE(recordingsOnDisk().isEmpty()) << recordingsOnDisk().join(u' ').toStdString();
}

TEST_F(TakeSessionTest, ARowTheDatabaseRefusesKeepsTheRecordingAndSaysHowToStoreIt)
{
    TakeSession session(*m_recordings, *m_takes, m_clock);
    audio::FileAudioSource source(m_source, 0);
    QEventLoop loop;
    QObject::connect(&session, &TakeSession::finished, &loop, &QEventLoop::quit);
    ASSERT_TRUE(session.start(source, m_pitch).ok());
    // The pitch goes while its take records (another window, the CLI).
    ASSERT_TRUE(m_pitches->remove(m_pitch.id).ok());
    loop.exec();
    const TakeOutcome& outcome = session.outcome();
    EXPECT_FALSE(outcome.take);
    ASSERT_TRUE(outcome.notStored);
    EXPECT_TRUE(outcome.notStored->fix.contains(QStringLiteral("takes recover")));
    EXPECT_TRUE(QFile::exists(session.take().audioPath));
    // It is an orphan now, offered back by 'takes orphans'.
    Result<QList<OrphanRecording>> orphans = m_recordings->orphans();
    ASSERT_TRUE(orphans.ok());
    ASSERT_EQ(orphans->size(), 1);
    EXPECT_EQ(orphans->first().path, session.take().audioPath);
}

TEST_F(TakeSessionTest, ASourceThatCannotStartLeavesNoFileAndNoLock)
{
    TakeSession session(*m_recordings, *m_takes, m_clock);
    audio::FileAudioSource missing(m_dir.filePath(QStringLiteral("none.wav")), 0);
    EXPECT_FALSE(session.start(missing, m_pitch).ok());
    EXPECT_FALSE(session.isRecording());
    EXPECT_TRUE(recordingsOnDisk().isEmpty()) << recordingsOnDisk().join(u' ').toStdString();
}

// Waits (at most 20 s) for the session's next wordsHeard().
std::optional<std::pair<qint64, Result<speech::WordReport>>> waitForWords(TakeSession& session)
{
    std::optional<std::pair<qint64, Result<speech::WordReport>>> heard;
    QEventLoop loop;
    QObject::connect(&session, &TakeSession::wordsHeard, &loop,
        [&](qint64 takeId, const Result<speech::WordReport>& words) {
            heard.emplace(takeId, words);
            loop.quit();
        });
    QTimer::singleShot(20'000, &loop, &QEventLoop::quit);
    loop.exec();
    return heard;
}

TEST_F(TakeSessionTest, WordsHeardWhileRecordingAreStoredWithTheTakeOnceReady)
{
    auto log = std::make_shared<test::RecogniserLog>();
    speech::WordListener listener(test::fakeRecogniserFactory(log));
    TakeSession session(*m_recordings, *m_takes, m_clock);
    session.setWordListener(&listener);
    QList<QStringList> live;
    QObject::connect(&session, &TakeSession::heard, &session,
        [&live](const QStringList& words) { live << words; });
    // Four times real time: paced, so that words are heard while the take is recorded.
    audio::FileAudioSource source(m_source, 4.0);
    const TakeOutcome outcome = record(session, source);
    ASSERT_TRUE(outcome.take);
    const qint64 id = outcome.take->id;
    // Stored at once, before its words: the report does not wait for them.
    if (session.isHearingWords()) {
        Result<Take> early = m_takes->get(id);
        ASSERT_TRUE(early.ok());
        EXPECT_FALSE(early->words);
    }
    const auto heard = waitForWords(session);
    ASSERT_TRUE(heard);
    EXPECT_EQ(heard->first, id);
    ASSERT_TRUE(heard->second) << heard->second.error().toString().toStdString();
    EXPECT_FALSE(session.isHearingWords());

    // Every frame of the 6 s file went to the recogniser, biased toward the pitch's script.
    EXPECT_EQ(log->framesPerTake, std::vector<std::int64_t> { 6 * audio::kSampleRate });
    EXPECT_EQ(log->scripts, QStringList { m_pitch.text });
    ASSERT_FALSE(live.isEmpty());
    EXPECT_LE(live.last().size(), 6);
    EXPECT_EQ(heard->second->transcript.text(), QStringLiteral("w1 w2 w3 w4 w5 w6"));
    // Judged against the script, with the rate from the take's own speaking time.
    ASSERT_TRUE(heard->second->script);
    EXPECT_EQ(heard->second->script->sentences.size(), 2U);
    ASSERT_TRUE(heard->second->fillersPerMinute && outcome.take->report.speakingTimeS);
    EXPECT_DOUBLE_EQ(*heard->second->fillersPerMinute, 0.0);

    Result<Take> stored = m_takes->get(id);
    ASSERT_TRUE(stored.ok());
    ASSERT_TRUE(stored->words);
    EXPECT_EQ(stored->words->transcript.text(), heard->second->transcript.text());
    ASSERT_TRUE(session.outcome().take && session.outcome().take->words);
    EXPECT_EQ(session.outcome().take->words->transcript.text(), heard->second->transcript.text());
}

TEST_F(TakeSessionTest, WithoutASpeechModelTheTakeIsKeptAndTheReasonGiven)
{
    speech::WordListener listener([]() -> Result<std::unique_ptr<speech::Recogniser>> {
        return Error { ErrorKind::NotFound, QStringLiteral("The speech model is not installed."),
            QStringLiteral("Install it with: apt-get install pocketsphinx-en-us"), {} };
    });
    TakeSession session(*m_recordings, *m_takes, m_clock);
    session.setWordListener(&listener);
    audio::FileAudioSource source(m_source, 0);
    const TakeOutcome outcome = record(session, source);
    ASSERT_TRUE(outcome.take);
    const auto heard = waitForWords(session);
    ASSERT_TRUE(heard);
    EXPECT_EQ(heard->first, outcome.take->id);
    ASSERT_FALSE(heard->second);
    EXPECT_EQ(heard->second.error().kind, ErrorKind::NotFound);
    Result<Take> stored = m_takes->get(outcome.take->id);
    ASSERT_TRUE(stored.ok());
    EXPECT_FALSE(stored->words);
    EXPECT_TRUE(QFile::exists(stored->audioPath));
}

TEST_F(TakeSessionTest, ATakeNotStoredHasNoWordsToHear)
{
    auto log = std::make_shared<test::RecogniserLog>();
    speech::WordListener listener(test::fakeRecogniserFactory(log));
    TakeSession session(*m_recordings, *m_takes, m_clock);
    session.setWordListener(&listener);
    int heard = 0;
    QObject::connect(&session, &TakeSession::wordsHeard, &session,
        [&heard](qint64, const Result<speech::WordReport>&) { ++heard; });
    SilentSource silent;
    EXPECT_FALSE(record(session, silent).take);
    audio::FileAudioSource missing(m_dir.filePath(QStringLiteral("none.wav")), 0);
    EXPECT_FALSE(session.start(missing, m_pitch).ok());
    // Both went to the listener and came back, to nobody.
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (listener.pending() == 0 && !session.isHearingWords())
            loop.quit();
    });
    poll.start(5);
    QTimer::singleShot(20'000, &loop, &QEventLoop::quit);
    loop.exec();
    EXPECT_EQ(listener.pending(), 0);
    EXPECT_FALSE(session.isHearingWords());
    EXPECT_EQ(heard, 0);
    EXPECT_TRUE(m_takes->list()->isEmpty());
}

TEST_F(TakeSessionTest, DeletingATakeDeletesItsRecordingButNotAnotherFoldersFile)
{
    TakeSession session(*m_recordings, *m_takes, m_clock);
    audio::FileAudioSource source(m_source, 0);
    const TakeOutcome outcome = record(session, source);
    ASSERT_TRUE(outcome.take);
    Result<TakeDeletion> deleted = m_recordings->deleteTake(outcome.take->id);
    ASSERT_TRUE(deleted.ok());
    ASSERT_TRUE(deleted->audio.ok());
    EXPECT_EQ(*deleted->audio, AudioRemoval::Removed);
    EXPECT_FALSE(QFile::exists(outcome.take->audioPath));
    EXPECT_FALSE(m_takes->get(outcome.take->id).ok());

    // An imported take naming a file outside this data folder: the row goes, the file stays.
    Take imported = takeOf(m_pitch, kNow);
    imported.audioPath = m_source;
    Result<qint64> id = m_takes->add(imported);
    ASSERT_TRUE(id.ok());
    deleted = m_recordings->deleteTake(*id);
    ASSERT_TRUE(deleted.ok());
    EXPECT_EQ(*deleted->audio, AudioRemoval::KeptOutside);
    EXPECT_TRUE(QFile::exists(m_source));

    EXPECT_EQ(m_recordings->deleteTake(*id).error().kind, ErrorKind::NoSuchRecord);
}

TEST_F(TakeSessionTest, ARecordingTwoTakesShareIsDeletedWithTheLastOfThem)
{
    TakeSession session(*m_recordings, *m_takes, m_clock);
    audio::FileAudioSource source(m_source, 0);
    const TakeOutcome outcome = record(session, source);
    ASSERT_TRUE(outcome.take);
    // An imported take naming the same file by another spelling of its path.
    const QFileInfo file(outcome.take->audioPath);
    Take imported = takeOf(m_pitch, kNow.addSecs(60));
    imported.audioPath = file.absolutePath() + QStringLiteral("/../") + file.dir().dirName()
        + QLatin1Char('/') + file.fileName();
    Result<qint64> id = m_takes->add(imported);
    ASSERT_TRUE(id.ok());

    Result<TakeDeletion> first = m_recordings->deleteTake(outcome.take->id);
    ASSERT_TRUE(first.ok());
    ASSERT_TRUE(first->audio.ok());
    EXPECT_EQ(*first->audio, AudioRemoval::KeptShared);
    EXPECT_TRUE(QFile::exists(outcome.take->audioPath));

    Result<TakeDeletion> last = m_recordings->deleteTake(*id);
    ASSERT_TRUE(last.ok());
    EXPECT_EQ(*last->audio, AudioRemoval::Removed);
    EXPECT_FALSE(QFile::exists(outcome.take->audioPath));
}

TEST_F(TakeSessionTest, DeletingAPitchKeepsARecordingATakeOfAnotherPitchSharesWith)
{
    TakeSession session(*m_recordings, *m_takes, m_clock);
    audio::FileAudioSource source(m_source, 0);
    const TakeOutcome outcome = record(session, source);
    ASSERT_TRUE(outcome.take);
    Pitch other;
    other.title = QStringLiteral("Another pitch");
    Result<qint64> otherId = m_pitches->add(other, kNow);
    ASSERT_TRUE(otherId.ok());
    other.id = *otherId;
    Take sharing = takeOf(other, kNow);
    sharing.audioPath = outcome.take->audioPath;
    ASSERT_TRUE(m_takes->add(sharing).ok());

    Result<QList<TakeDeletion>> deleted = m_recordings->deletePitch(*m_pitches, m_pitch.id);
    ASSERT_TRUE(deleted.ok());
    ASSERT_EQ(deleted->size(), 1);
    EXPECT_EQ(*deleted->front().audio, AudioRemoval::KeptShared);
    EXPECT_TRUE(QFile::exists(outcome.take->audioPath));
}

TEST_F(TakeSessionTest, DeletingAPitchDeletesItsTakesAndTheirRecordings)
{
    QStringList paths;
    for (int i = 0; i < 2; ++i) {
        TakeSession session(*m_recordings, *m_takes, m_clock);
        audio::FileAudioSource source(m_source, 0);
        const TakeOutcome outcome = record(session, source);
        ASSERT_TRUE(outcome.take);
        paths << outcome.take->audioPath;
    }
    Result<QList<TakeDeletion>> deleted = m_recordings->deletePitch(*m_pitches, m_pitch.id);
    ASSERT_TRUE(deleted.ok());
    ASSERT_EQ(deleted->size(), 2);
    for (const TakeDeletion& take : *deleted) {
        ASSERT_TRUE(take.audio.ok());
        EXPECT_EQ(*take.audio, AudioRemoval::Removed);
    }
    for (const QString& path : paths)
        EXPECT_FALSE(QFile::exists(path)) << path.toStdString();
    EXPECT_TRUE(m_takes->list()->isEmpty());
    EXPECT_FALSE(m_pitches->get(m_pitch.id).ok());
    EXPECT_FALSE(m_recordings->deletePitch(*m_pitches, m_pitch.id).ok());
}

} // namespace
} // namespace rapport::rehearsal
