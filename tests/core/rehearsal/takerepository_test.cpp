#include "core/analysis/reportjson.h"
#include "core/rehearsal/pitchrepository.h"
#include "core/rehearsal/takerepository.h"
#include "core/storage/store.h"
#include "tests/support/sqlitefile.h"
#include "tests/support/testtake.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace rapport::rehearsal {
namespace {

using rehearsal::RubricItem;

const QDateTime kNow(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC);

class TakeRepositoryTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        auto store = storage::openStore(m_dir.path());
        ASSERT_TRUE(store.ok());
        m_store = std::make_unique<storage::Store>(std::move(*store));
        m_takes = std::make_unique<TakeRepository>(*m_store->database);
        rehearsal::Pitch pitch;
        pitch.title = QStringLiteral("Intro");
        m_pitchId = *PitchRepository(*m_store->database).add(pitch, kNow);
    }

    Take fullTake() const
    {
        Take t;
        t.pitchId = m_pitchId;
        t.startedAt = kNow;
        t.lights = rehearsal::defaultLightsFor(60'000);
        t.audioPath = m_dir.filePath(QStringLiteral("recordings/take.wav"));
        analysis::TakeReport& r = t.report;
        r.durationS = 62.5;
        r.speechStartS = 0.75;
        r.speechEndS = 58.25;
        r.speakingTimeS = 57.5;
        r.phonationTimeS = 49.0;
        r.pauses = { { 10.0, 10.5 }, { 30.25, 32.0 } };
        r.pauseCount = 2;
        r.longestPauseS = 1.75;
        r.syllableCount = 210;
        r.articulationRateSps = 4.29;
        r.wordsPerMinute = 151.1;
        r.pitchMedianHz = 182.0;
        r.pitchSdSemitones = 3.4;
        r.monotone = false;
        r.loudnessLufs = -21.5;
        r.peakDbfs = -3.2;
        r.clippedRatio = 0.0;
        r.signalToNoiseDb = 11.25;
        r.caveats = { analysis::Caveat::Noisy, analysis::Caveat::TooShortForPace };
        r.analysisMs = 41.0;
        t.rating.overall = 4;
        t.rating.item(RubricItem::Passion) = 5;
        t.rating.item(RubricItem::Language) = 2;
        t.rating.note = QStringLiteral("Rushed the ask.");
        t.rating.feltTiming = rehearsal::FeltTiming::Long;
        t.rating.feltPace = rehearsal::FeltPace::Fast;
        t.rating.ratedAt = kNow.addSecs(90);
        t.words = test::everyFieldWords();
        return t;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<storage::Store> m_store;
    std::unique_ptr<TakeRepository> m_takes;
    qint64 m_pitchId = 0;
};

void expectSameReport(const analysis::TakeReport& a, const analysis::TakeReport& b)
{
    EXPECT_EQ(a.durationS, b.durationS);
    EXPECT_EQ(a.speechStartS, b.speechStartS);
    EXPECT_EQ(a.speechEndS, b.speechEndS);
    EXPECT_EQ(a.speakingTimeS, b.speakingTimeS);
    EXPECT_EQ(a.phonationTimeS, b.phonationTimeS);
    ASSERT_EQ(a.pauses.size(), b.pauses.size());
    for (std::size_t i = 0; i < a.pauses.size(); ++i) {
        EXPECT_EQ(a.pauses[i].startS, b.pauses[i].startS);
        EXPECT_EQ(a.pauses[i].endS, b.pauses[i].endS);
    }
    EXPECT_EQ(a.pauseCount, b.pauseCount);
    EXPECT_EQ(a.longestPauseS, b.longestPauseS);
    EXPECT_EQ(a.syllableCount, b.syllableCount);
    EXPECT_EQ(a.articulationRateSps, b.articulationRateSps);
    EXPECT_EQ(a.wordsPerMinute, b.wordsPerMinute);
    EXPECT_EQ(a.pitchMedianHz, b.pitchMedianHz);
    EXPECT_EQ(a.pitchSdSemitones, b.pitchSdSemitones);
    EXPECT_EQ(a.monotone, b.monotone);
    EXPECT_EQ(a.loudnessLufs, b.loudnessLufs);
    EXPECT_EQ(a.peakDbfs, b.peakDbfs);
    EXPECT_EQ(a.clippedRatio, b.clippedRatio);
    EXPECT_EQ(a.signalToNoiseDb, b.signalToNoiseDb);
    EXPECT_TRUE(a.caveats == b.caveats);
    EXPECT_EQ(a.analysisMs, b.analysisMs);
}

TEST_F(TakeRepositoryTest, EveryFieldSurvivesTheRoundTrip)
{
    const Take take = fullTake();
    auto id = m_takes->add(take);
    ASSERT_TRUE(id.ok()) << id.error().toString().toStdString();
    auto back = m_takes->get(*id);
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back->pitchId, take.pitchId);
    EXPECT_EQ(back->startedAt, take.startedAt);
    EXPECT_EQ(back->lights, take.lights);
    EXPECT_EQ(back->audioPath, take.audioPath);
    EXPECT_FALSE(back->starred);
    expectSameReport(back->report, take.report);
    EXPECT_EQ(back->rating, take.rating);
    ASSERT_TRUE(back->words.has_value());
    EXPECT_EQ(speech::wordReportToJson(*back->words), speech::wordReportToJson(*take.words));
    EXPECT_EQ(back->words->fillers, take.words->fillers);
}

TEST_F(TakeRepositoryTest, MissingValuesStayMissing)
{
    Take take;
    take.pitchId = m_pitchId;
    take.startedAt = kNow;
    take.lights = rehearsal::defaultLightsFor(30'000);
    take.report.durationS = 3.0; // silence: no speech, nothing measured
    const qint64 id = *m_takes->add(take);
    const Take back = *m_takes->get(id);
    expectSameReport(back.report, take.report);
    EXPECT_FALSE(back.rating.rated());
    EXPECT_FALSE(back.rating.ratedAt.isValid());
    EXPECT_FALSE(back.words.has_value());
}

TEST_F(TakeRepositoryTest, TheWordsFiguresAreKeptBesideThemForTheCharts)
{
    const qint64 id = *m_takes->add(fullTake());
    test::RawSqlite raw(m_store->database->filePath());
    const speech::WordReport words = test::everyFieldWords();
    EXPECT_EQ(raw.scalar(u"SELECT filler_count FROM takes WHERE id = %1"_s.arg(id)).toInt(),
        int(words.fillers.size()));
    EXPECT_EQ(
        raw.scalar(u"SELECT fillers_per_minute FROM takes WHERE id = %1"_s.arg(id)).toDouble(),
        *words.fillersPerMinute);
    EXPECT_EQ(raw.scalar(u"SELECT script_coverage FROM takes WHERE id = %1"_s.arg(id)).toDouble(),
        words.script->coverage);
    // Damaged words read as not heard; the take itself still reads.
    ASSERT_TRUE(
        raw.exec(u"UPDATE takes SET words = '{\"transcript\": 3}' WHERE id = %1"_s.arg(id)));
    const Result<Take> back = m_takes->get(id);
    ASSERT_TRUE(back.ok());
    EXPECT_FALSE(back->words.has_value());
    EXPECT_EQ(back->report.durationS, fullTake().report.durationS);
}

TEST_F(TakeRepositoryTest, CaveatsAreStoredAsTheirKeysAndReadBack)
{
    using analysis::Caveat;
    for (const Caveat caveat : analysis::kAllCaveats)
        EXPECT_EQ(analysis::caveatFromKey(analysis::caveatKey(caveat)), caveat);
    EXPECT_FALSE(analysis::caveatFromKey(QStringLiteral("loud")));
    EXPECT_FALSE(analysis::caveatFromKey(QString()));

    const std::vector<std::pair<std::vector<Caveat>, QString>> cases {
        { std::vector<Caveat>(analysis::kAllCaveats.begin(), analysis::kAllCaveats.end()),
            QStringLiteral("noisy,too_noisy_for_pace,too_short_for_pace,clipped") },
        { { Caveat::Clipped }, QStringLiteral("clipped") },
        { {}, QString() },
    };
    for (const auto& [caveats, stored] : cases) {
        SCOPED_TRACE(stored.toStdString());
        Take take = fullTake();
        take.report.caveats = caveats;
        const qint64 id = *m_takes->add(take);
        QSqlQuery raw(m_store->database->connection());
        ASSERT_TRUE(raw.exec(QStringLiteral("SELECT caveats FROM takes WHERE id = %1").arg(id))
            && raw.next());
        EXPECT_FALSE(raw.value(0).isNull());
        EXPECT_EQ(raw.value(0).toString(), stored);
        EXPECT_TRUE(m_takes->get(id)->report.caveats == caveats);
    }
}

TEST_F(TakeRepositoryTest, ATakeStoredBeforeTheCaveatsHasNoneAndNoBackgroundLevel)
{
    const qint64 id = *m_takes->add(fullTake());
    QSqlQuery raw(m_store->database->connection());
    ASSERT_TRUE(raw.exec(
        QStringLiteral("UPDATE takes SET signal_to_noise_db = NULL, caveats = NULL WHERE id = %1")
            .arg(id)));
    const Take back = *m_takes->get(id);
    EXPECT_FALSE(back.report.signalToNoiseDb);
    EXPECT_TRUE(back.report.caveats.empty());
    EXPECT_EQ(back.report.wordsPerMinute, fullTake().report.wordsPerMinute);
}

TEST_F(TakeRepositoryTest, RatingIsEditableLaterAndValidated)
{
    Take take = fullTake();
    take.rating = {};
    const qint64 id = *m_takes->add(take);
    rehearsal::SelfRating rating;
    EXPECT_EQ(m_takes->setRating(id, rating).error().kind, ErrorKind::InvalidArgument);
    rating.overall = 6;
    EXPECT_FALSE(m_takes->setRating(id, rating).ok());
    rating.overall = 3;
    rating.item(RubricItem::Genuine) = 0;
    EXPECT_FALSE(m_takes->setRating(id, rating).ok());
    rating.item(RubricItem::Genuine) = 5;
    rating.note = QStringLiteral("Better.");
    rating.feltPace = rehearsal::FeltPace::Comfortable;
    rating.ratedAt = kNow;
    ASSERT_TRUE(m_takes->setRating(id, rating).ok());
    EXPECT_EQ(m_takes->get(id)->rating, rating);
    EXPECT_EQ(m_takes->setRating(999, rating).error().kind, ErrorKind::NoSuchRecord);
}

TEST_F(TakeRepositoryTest, OnlyOneStarredTakePerPitch)
{
    const qint64 a = *m_takes->add(fullTake());
    const qint64 b = *m_takes->add(fullTake());
    ASSERT_TRUE(m_takes->setStarred(a, true).ok());
    ASSERT_TRUE(m_takes->setStarred(b, true).ok());
    EXPECT_FALSE(m_takes->get(a)->starred);
    EXPECT_TRUE(m_takes->get(b)->starred);
    ASSERT_TRUE(m_takes->setStarred(b, false).ok());
    EXPECT_FALSE(m_takes->get(b)->starred);
}

TEST_F(TakeRepositoryTest, ListsInTimeOrderPerPitchAndRemoveReturnsTheAudio)
{
    Take late = fullTake();
    late.startedAt = kNow.addDays(1);
    Take early = fullTake();
    early.startedAt = kNow.addDays(-1);
    early.audioPath = QStringLiteral("/r/early.wav");
    const qint64 lateId = *m_takes->add(late);
    const qint64 earlyId = *m_takes->add(early);
    const QList<Take> takes = *m_takes->list(m_pitchId);
    ASSERT_EQ(takes.size(), 2);
    EXPECT_EQ(takes[0].id, earlyId);
    EXPECT_EQ(takes[1].id, lateId);
    EXPECT_EQ(m_takes->list(m_pitchId + 100)->size(), 0);
    EXPECT_EQ(m_takes->list()->size(), 2);
    EXPECT_EQ(*m_takes->remove(earlyId), QStringLiteral("/r/early.wav"));
    EXPECT_EQ(m_takes->list()->size(), 1);
    EXPECT_EQ(m_takes->remove(earlyId).error().kind, ErrorKind::NoSuchRecord);
}

TEST_F(TakeRepositoryTest, ATakeNeedsAnExistingPitch)
{
    Take take = fullTake();
    take.pitchId = 4242;
    EXPECT_EQ(m_takes->add(take).error().kind, ErrorKind::NoSuchRecord);
    EXPECT_EQ(m_takes->list()->size(), 0);
}

} // namespace
} // namespace rapport::rehearsal
