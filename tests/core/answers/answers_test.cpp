// Answers to cards given out loud (issue 17): the impromptu rubric, whether an answer asked
// something back, their storage, and one answer from the first block to the stored row through
// the take engine a pitch's takes use.
#include "core/analysis/reportjson.h"
#include "core/answers/answerrecovery.h"
#include "core/answers/answerrepository.h"
#include "core/answers/answerwindow.h"
#include "core/audio/fileaudiosource.h"
#include "core/rehearsal/takesession.h"
#include "core/storage/appmeta.h"
#include "core/storage/store.h"
#include "tests/support/fakerecogniser.h"
#include "tests/support/testtake.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTimer>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace rapport::answers {
namespace {

const QDateTime kNow(QDate(2026, 12, 2), QTime(18, 0), Qt::UTC);

class FixedClock final : public Clock
{
public:
    QDateTime nowUtc() const override { return kNow; }
};

std::string str(const QString& s)
{
    return s.toStdString();
}

CardRef funCard()
{
    return { QStringLiteral("rapport.fun-zone"), QStringLiteral("fun-003"), decks::Zone::Fun,
        QStringLiteral("What was your worst date like?") };
}

// The words of `text` said evenly, as the recogniser would give them.
std::optional<speech::WordReport> said(const QString& text)
{
    return speech::makeWordReport(test::evenlySaid(text), 30.0, QString());
}

TEST(AnswerTest, TheRubricHasFiveItemsWithStableKeys)
{
    QStringList keys;
    for (AnswerItem item : kAnswerItems) {
        keys << answerItemKey(item);
        EXPECT_EQ(answerItemFromKey(answerItemKey(item).toUpper()), item);
        EXPECT_FALSE(answerItemText(item).isEmpty());
    }
    EXPECT_EQ(keys,
        (QStringList { u"answered"_s, u"one-point"_s, u"story"_s, u"ended"_s, u"asked-back"_s }));
    EXPECT_FALSE(answerItemFromKey(u"connection"_s)); // a pitch's item, not an answer's
}

TEST(AnswerTest, ARatingNeedsAnOverallAndValuesFromOneToFive)
{
    AnswerRating rating;
    EXPECT_FALSE(rating.rated());
    EXPECT_TRUE(rating.problem().contains(u"overall"_s)) << str(rating.problem());
    rating.overall = 4;
    EXPECT_EQ(rating.problem(), QString());
    rating.item(AnswerItem::Story) = 6;
    EXPECT_TRUE(rating.problem().contains(u"Told a story"_s)) << str(rating.problem());
    rating.item(AnswerItem::Story) = 2;
    rating.overall = 0;
    EXPECT_FALSE(rating.problem().isEmpty());
}

TEST(AnswerTest, AnAnswerThatEndsWithAQuestionBackIsSeen)
{
    EXPECT_FALSE(askedBack(std::nullopt)); // words not heard: not known
    EXPECT_FALSE(askedBack(said(QString())));
    for (const char* asking : {
             "i took her to a concert and it rained the whole time what about you",
             "so that was my worst date and you",
             "it ended with both of us laughing have you ever had one like that",
             "honestly the food was the best part what's your favourite place to eat",
             "i still think about it how do you usually pick a place",
             "it was a long time ago where did you grow up",
         }) {
        EXPECT_EQ(askedBack(said(QString::fromLatin1(asking))), true) << asking;
    }
    for (const char* telling : {
             "i took her to a concert and it rained the whole time",
             "it is what you make of it in the end i suppose",
             "that is how you learn to bring an umbrella",
             "which is why i never went back there again",
             // A question early on, then a long story: it did not end with the question.
             "what about you i asked and then she told me about her cat and the neighbours and "
             "the long drive home that night",
         }) {
        EXPECT_EQ(askedBack(said(QString::fromLatin1(telling))), false) << telling;
    }
}

TEST(AnswerTest, AnAnswerReadsAsATakeWithoutAPitch)
{
    Answer answer;
    answer.id = 7;
    answer.card = funCard();
    answer.startedAt = kNow;
    answer.lights = defaultAnswerLights();
    answer.audioPath = QStringLiteral("/tmp/a.wav");
    answer.report = test::everyFieldReport();
    answer.rating.overall = 3;
    const rehearsal::Take take = asTake(answer);
    EXPECT_EQ(take.pitchId, 0);
    EXPECT_EQ(take.id, 7);
    EXPECT_EQ(take.lights, rehearsal::LightTimes::pitch(60'000, 90'000, 120'000));
    EXPECT_EQ(take.report.durationS, answer.report.durationS);
    EXPECT_EQ(take.rating.overall, 3);
    const Answer back = answerOf(take, answer.card, 12);
    EXPECT_EQ(back.card, answer.card);
    EXPECT_EQ(back.drawSeq, 12);
    EXPECT_EQ(back.firstWordS(), answer.report.speechStartS);
    const rehearsal::Pitch pitch = answerPitch(answer.card, answer.lights);
    EXPECT_EQ(pitch.id, 0);
    EXPECT_TRUE(pitch.text.isEmpty()); // no script: the words are heard without a bias
    EXPECT_EQ(pitch.lights, answer.lights);
}

// "Before the event": the average first word, the best answer and the one to answer again.
TEST(AnswerTest, ASetIsSummedUpByItsFirstWordsAndRatings)
{
    const auto answer = [](qint64 id, std::optional<int> rating, std::optional<double> firstWord) {
        Answer a;
        a.id = id;
        a.rating.overall = rating;
        a.report.speechStartS = firstWord;
        return a;
    };
    EXPECT_FALSE(summariseSet({}).bestId);
    const SetSummary one = summariseSet({ answer(1, 3, 2.0) });
    EXPECT_EQ(one.bestId, 1);
    EXPECT_FALSE(one.tryAgainId); // nothing to choose between
    const SetSummary set = summariseSet({ answer(1, 3, 2.0), answer(2, 5, 4.0), answer(3, 3, 1.0),
        answer(4, 2, 0.5), answer(5, std::nullopt, std::nullopt) });
    EXPECT_EQ(set.answers, 5);
    ASSERT_TRUE(set.averageFirstWordS);
    EXPECT_DOUBLE_EQ(*set.averageFirstWordS, (2.0 + 4.0 + 1.0 + 0.5) / 4);
    EXPECT_EQ(set.bestId, 2); // rated highest
    EXPECT_EQ(set.tryAgainId, 5); // unrated and silent ranks lowest
    // Equal ratings: the quicker first word is better.
    const SetSummary tie = summariseSet({ answer(1, 4, 3.0), answer(2, 4, 1.5) });
    EXPECT_EQ(tie.bestId, 2);
    EXPECT_EQ(tie.tryAgainId, 1);
}

class AnswersTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        auto store = storage::openStore(m_dir.filePath(QStringLiteral("data")));
        ASSERT_TRUE(store.ok()) << store.error().toString().toStdString();
        m_store = std::make_unique<storage::Store>(std::move(*store));
        m_answers = std::make_unique<AnswerRepository>(*m_store->database);
        m_takes = std::make_unique<rehearsal::TakeRepository>(*m_store->database);
        m_recordings = std::make_unique<rehearsal::Recordings>(m_store->paths, *m_takes);
    }

    Answer storedAnswer(const CardRef& card, const QDateTime& at)
    {
        Answer answer;
        answer.card = card;
        answer.startedAt = at;
        answer.lights = defaultAnswerLights();
        answer.report = test::everyFieldReport();
        answer.words = test::everyFieldWords();
        Result<qint64> id = m_answers->add(answer);
        EXPECT_TRUE(id.ok()) << (id ? std::string() : str(id.error().toString()));
        answer.id = id ? *id : 0;
        return answer;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<storage::Store> m_store;
    std::unique_ptr<AnswerRepository> m_answers;
    std::unique_ptr<rehearsal::TakeRepository> m_takes;
    std::unique_ptr<rehearsal::Recordings> m_recordings;
    FixedClock m_clock;
};

TEST_F(AnswersTest, AnAnswerReadsBackFieldForField)
{
    Answer answer;
    answer.card = funCard();
    answer.drawSeq = 42;
    answer.startedAt = kNow;
    answer.lights = rehearsal::LightTimes::pitch(45'000, 60'000, 75'000);
    answer.audioPath = m_store->paths.recordings() + QStringLiteral("/take-a.wav");
    answer.report = test::everyFieldReport();
    answer.words = test::everyFieldWords();
    answer.rating.overall = 4;
    answer.rating.item(AnswerItem::Answered) = 5;
    answer.rating.item(AnswerItem::AskedBack) = 1;
    answer.rating.note = QStringLiteral("Forgot to ask back");
    answer.rating.ratedAt = kNow.addSecs(120);
    Result<qint64> id = m_answers->add(answer);
    ASSERT_TRUE(id.ok()) << str(id.error().toString());
    answer.id = *id;
    Result<Answer> stored = m_answers->get(*id);
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored->card, answer.card);
    EXPECT_EQ(stored->drawSeq, 42);
    EXPECT_EQ(stored->startedAt, kNow);
    EXPECT_EQ(stored->lights, answer.lights);
    EXPECT_EQ(stored->audioPath, answer.audioPath);
    // Every measured field, as the report's JSON has them.
    EXPECT_EQ(analysis::reportToJson(stored->report, QString()),
        analysis::reportToJson(answer.report, QString()));
    ASSERT_TRUE(stored->words);
    EXPECT_EQ(stored->words->transcript.text(), answer.words->transcript.text());
    EXPECT_EQ(stored->words->fillers, answer.words->fillers);
    EXPECT_EQ(stored->rating, answer.rating);
    // An answer is not a take of any pitch.
    EXPECT_TRUE(m_takes->list()->isEmpty());

    EXPECT_EQ(m_answers->get(*id + 1).error().kind, ErrorKind::NoSuchRecord);
    Answer cardless = answer;
    cardless.card.questionId.clear();
    EXPECT_EQ(m_answers->add(cardless).error().kind, ErrorKind::InvalidArgument);
}

TEST_F(AnswersTest, AnswersAreListedPerCardAndCounted)
{
    const CardRef other { QStringLiteral("rapport.deep-zone"), QStringLiteral("deep-001"),
        decks::Zone::Deep, QStringLiteral("What is the most vivid memory from your childhood?") };
    storedAnswer(funCard(), kNow.addDays(-14));
    storedAnswer(other, kNow.addDays(-3));
    storedAnswer(funCard(), kNow.addDays(-1));
    storedAnswer(funCard(), kNow);

    Result<QList<Answer>> all = m_answers->list();
    ASSERT_TRUE(all.ok());
    ASSERT_EQ(all->size(), 4);
    EXPECT_EQ(all->first().startedAt, kNow.addDays(-14));
    Result<QList<Answer>> fun = m_answers->list({ funCard().deckId, funCard().questionId });
    ASSERT_TRUE(fun.ok());
    EXPECT_EQ(fun->size(), 3);
    for (const Answer& a : *fun)
        EXPECT_EQ(a.card, funCard());
    Result<CardAnswers> counted = m_answers->countFor(funCard().deckId, funCard().questionId);
    ASSERT_TRUE(counted.ok());
    EXPECT_EQ(counted->count, 3);
    EXPECT_EQ(counted->lastAt, kNow);
    Result<CardAnswers> never = m_answers->countFor(QStringLiteral("x"), QStringLiteral("y"));
    ASSERT_TRUE(never.ok());
    EXPECT_EQ(never->count, 0);
    EXPECT_FALSE(never->lastAt.isValid());
}

TEST_F(AnswersTest, RatingAndWordsAreReplacedAndCheckedAndGoneAnswersSaySo)
{
    const Answer answer = storedAnswer(funCard(), kNow);
    AnswerRating rating;
    rating.overall = 2;
    rating.item(AnswerItem::OnePoint) = 3;
    ASSERT_TRUE(m_answers->setRating(answer.id, rating).ok());
    Result<Answer> rated = m_answers->get(answer.id);
    ASSERT_TRUE(rated.ok());
    EXPECT_EQ(rated->rating.overall, 2);
    EXPECT_EQ(rated->rating.item(AnswerItem::OnePoint), 3);
    EXPECT_TRUE(rated->rating.ratedAt.isValid());
    rating.overall.reset();
    EXPECT_EQ(m_answers->setRating(answer.id, rating).error().kind, ErrorKind::InvalidArgument);

    ASSERT_TRUE(m_answers->setWords(answer.id, std::nullopt).ok());
    EXPECT_FALSE(m_answers->get(answer.id)->words);
    rating.overall = 5;
    EXPECT_EQ(m_answers->setRating(answer.id + 9, rating).error().kind, ErrorKind::NoSuchRecord);
    EXPECT_EQ(
        m_answers->setWords(answer.id + 9, std::nullopt).error().kind, ErrorKind::NoSuchRecord);
}

// One answer from the microphone (a WAV here) to the stored row: the take engine of a pitch,
// storing into the answers. 1.5 s of silence before the first "word".
TEST_F(AnswersTest, AnAnswerIsRecordedByTheTakeEngineAndStoredWithItsCard)
{
    const QString source = m_dir.filePath(QStringLiteral("answer.wav"));
    ASSERT_EQ(test::writeToneTake(
                  source, audio::kSampleRate * 3 / 2, 4 * audio::kSampleRate, audio::kSampleRate),
        QString());
    auto log = std::make_shared<test::RecogniserLog>();
    speech::WordListener listener(test::fakeRecogniserFactory(log));
    rehearsal::TakeSession session(*m_recordings, *m_takes, m_clock);
    session.setWordListener(&listener);
    AnswerTakeStore store(*m_answers);
    store.setCard(funCard(), 17);
    AnswerRating given;
    given.overall = 4;
    store.setRating(given);

    std::optional<std::pair<qint64, Result<speech::WordReport>>> heard;
    QEventLoop loop;
    QObject::connect(&session, &rehearsal::TakeSession::wordsHeard, &loop,
        [&](qint64 id, const Result<speech::WordReport>& words) {
            heard.emplace(id, words);
            loop.quit();
        });
    QTimer::singleShot(20'000, &loop, &QEventLoop::quit);
    audio::FileAudioSource microphone(source, 4.0);
    ASSERT_TRUE(
        session.start(microphone, answerPitch(funCard(), defaultAnswerLights()), 0, &store).ok());
    loop.exec();

    const rehearsal::TakeOutcome& outcome = session.outcome();
    ASSERT_TRUE(outcome.take) << str(outcome.notStored->toString());
    Result<Answer> stored = m_answers->get(outcome.take->id);
    ASSERT_TRUE(stored.ok()) << str(stored.error().toString());
    EXPECT_EQ(stored->card, funCard());
    EXPECT_EQ(stored->drawSeq, 17);
    EXPECT_EQ(stored->startedAt, kNow);
    EXPECT_EQ(stored->lights, defaultAnswerLights());
    EXPECT_EQ(stored->rating.overall, 4);
    ASSERT_TRUE(stored->firstWordS());
    EXPECT_NEAR(*stored->firstWordS(), 1.5, 0.1);
    EXPECT_TRUE(QFile::exists(stored->audioPath));
    EXPECT_TRUE(m_takes->list()->isEmpty()); // not a pitch's take

    // Its words went to the answer, heard without a script.
    ASSERT_TRUE(heard);
    EXPECT_EQ(heard->first, stored->id);
    ASSERT_TRUE(heard->second.ok());
    EXPECT_TRUE(log->scripts.isEmpty()) << "the recogniser was biased toward a script";
    Result<Answer> withWords = m_answers->get(stored->id);
    ASSERT_TRUE(withWords.ok() && withWords->words);
    EXPECT_EQ(withWords->words->transcript.text(), heard->second->transcript.text());

    // Its recording is in use: not an orphan to recover as a take.
    Result<QList<rehearsal::OrphanRecording>> orphans = m_recordings->orphans();
    ASSERT_TRUE(orphans.ok());
    EXPECT_TRUE(orphans->isEmpty());

    // Deleted by the path takes are deleted by: the row, then the recording.
    Result<rehearsal::TakeDeletion> deleted = deleteAnswer(*m_recordings, *m_answers, stored->id);
    ASSERT_TRUE(deleted.ok()) << str(deleted.error().toString());
    ASSERT_TRUE(deleted->audio.ok());
    EXPECT_EQ(*deleted->audio, rehearsal::AudioRemoval::Removed);
    EXPECT_FALSE(QFile::exists(stored->audioPath));
    EXPECT_EQ(m_answers->get(stored->id).error().kind, ErrorKind::NoSuchRecord);
    EXPECT_EQ(
        deleteAnswer(*m_recordings, *m_answers, stored->id).error().kind, ErrorKind::NoSuchRecord);
}

// The lock file beside a recording in progress: what a killed program leaves behind.
QString lockFileOf(const QString& wavPath)
{
    const QFileInfo info(wavPath);
    return info.absolutePath() + QStringLiteral("/.") + info.fileName() + QStringLiteral(".lock");
}

// While an answer records, its lock file says which card it answers; a recording cut short
// (the program killed: the lock file stays, its lock gone) comes back as that answer.
TEST_F(AnswersTest, AnAnswerCutShortSaysWhatItWasAndComesBackAsThatAnswer)
{
    const QString source = m_dir.filePath(QStringLiteral("answer.wav"));
    ASSERT_EQ(test::writeToneTake(
                  source, audio::kSampleRate * 3 / 2, 2 * audio::kSampleRate, audio::kSampleRate),
        QString());
    rehearsal::TakeSession session(*m_recordings, *m_takes, m_clock);
    AnswerTakeStore store(*m_answers);
    const rehearsal::LightTimes lights = rehearsal::LightTimes::pitch(30'000, 45'000, 60'000);
    store.setCard(funCard(), 23);
    QByteArray label;
    QEventLoop loop;
    QObject::connect(&session, &rehearsal::TakeSession::progressed, &loop, [&] {
        if (label.isEmpty()) {
            QFile lock(lockFileOf(session.take().audioPath));
            if (lock.open(QIODevice::ReadOnly))
                label = lock.readAll();
        }
    });
    QObject::connect(&session, &rehearsal::TakeSession::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(20'000, &loop, &QEventLoop::quit);
    audio::FileAudioSource microphone(source, 4.0);
    ASSERT_TRUE(session.start(microphone, answerPitch(funCard(), lights), 0, &store).ok());
    loop.exec();
    ASSERT_TRUE(session.outcome().take);
    const std::optional<AnswerLabel> said = answerOfLabel(QJsonDocument::fromJson(label).object());
    ASSERT_TRUE(said) << label.toStdString();
    EXPECT_EQ(said->card, funCard());
    EXPECT_EQ(said->drawSeq, 23);
    EXPECT_EQ(said->lights, lights);
    EXPECT_FALSE(rehearsal::takeLabelPitch(QJsonDocument::fromJson(label).object()));

    // The same recording, as a killed answer leaves it: no row, a lock file with its label.
    const QString wav = m_recordings->newTakePath(kNow.addSecs(60));
    ASSERT_TRUE(QFile::copy(session.take().audioPath, wav));
    QFile stale(lockFileOf(wav));
    ASSERT_TRUE(stale.open(QIODevice::WriteOnly));
    stale.write(label);
    stale.close();
    Result<rehearsal::OrphanRecording> orphan = m_recordings->orphan(wav);
    ASSERT_TRUE(orphan.ok()) << str(orphan.error().toString());
    const std::optional<AnswerLabel> what = answerOfLabel(orphan->label);
    ASSERT_TRUE(what);
    Result<Answer> recovered = recoverAnswer(*m_recordings, *m_answers, wav, *what);
    ASSERT_TRUE(recovered.ok()) << str(recovered.error().toString());
    EXPECT_EQ(recovered->card, funCard());
    EXPECT_EQ(recovered->drawSeq, 23);
    EXPECT_EQ(recovered->lights, lights);
    EXPECT_EQ(recovered->audioPath, wav);
    EXPECT_EQ(recovered->startedAt, kNow.addSecs(60)); // from the file's name
    ASSERT_TRUE(recovered->firstWordS());
    EXPECT_NEAR(*recovered->firstWordS(), 1.5, 0.1);
    EXPECT_FALSE(recovered->rating.rated());
    EXPECT_FALSE(QFile::exists(lockFileOf(wav))) << "the stale lock file goes with the orphan";
    Result<QList<rehearsal::OrphanRecording>> orphans = m_recordings->orphans();
    ASSERT_TRUE(orphans.ok());
    EXPECT_TRUE(orphans->isEmpty());
    EXPECT_TRUE(m_takes->list()->isEmpty()); // an answer, not a take
}

TEST(AnswerTest, OnlyACompleteAnswerLabelNamesAnAnswer)
{
    QJsonObject label { { QStringLiteral("kind"), QStringLiteral("answer") },
        { QStringLiteral("deck_id"), QStringLiteral("rapport.fun-zone") },
        { QStringLiteral("question_id"), QStringLiteral("fun-003") },
        { QStringLiteral("zone"), QStringLiteral("fun") },
        { QStringLiteral("card_text"), QStringLiteral("What was your worst date like?") },
        { QStringLiteral("draw_seq"), QJsonValue() }, { QStringLiteral("green_ms"), 60000 },
        { QStringLiteral("yellow_ms"), 90000 }, { QStringLiteral("red_ms"), 120000 } };
    const std::optional<AnswerLabel> read = answerOfLabel(label);
    ASSERT_TRUE(read);
    EXPECT_EQ(read->card, funCard());
    EXPECT_FALSE(read->drawSeq);
    EXPECT_EQ(read->lights, defaultAnswerLights());
    for (const char* key : { "kind", "deck_id", "question_id", "zone", "card_text", "red_ms" }) {
        QJsonObject lacking = label;
        lacking.remove(QString::fromLatin1(key));
        EXPECT_FALSE(answerOfLabel(lacking)) << key;
    }
    QJsonObject outOfOrder = label;
    outOfOrder.insert(QStringLiteral("yellow_ms"), 130000);
    EXPECT_FALSE(answerOfLabel(outOfOrder));
    EXPECT_FALSE(answerOfLabel(
        { { QStringLiteral("kind"), QStringLiteral("take") }, { QStringLiteral("pitch_id"), 3 } }));
    EXPECT_EQ(rehearsal::takeLabelPitch({ { QStringLiteral("kind"), QStringLiteral("take") },
                  { QStringLiteral("pitch_id"), 3 } }),
        3);
    EXPECT_FALSE(answerOfLabel({}));
}

// The answer window lives with the data, so that the window and rapport-cli answer time answers
// alike; nothing saved, or something damaged, is the default window.
TEST_F(AnswersTest, TheAnswerLightTimesAreKeptWithTheData)
{
    Result<rehearsal::LightTimes> initial = loadAnswerLights(*m_store->database);
    ASSERT_TRUE(initial.ok());
    EXPECT_EQ(*initial, defaultAnswerLights());
    EXPECT_FALSE(*answerLightsSaved(*m_store->database));

    const rehearsal::LightTimes mine = rehearsal::LightTimes::pitch(30'000, 45'000, 60'000);
    ASSERT_TRUE(saveAnswerLights(*m_store->database, mine).ok());
    EXPECT_TRUE(*answerLightsSaved(*m_store->database));
    EXPECT_EQ(*loadAnswerLights(*m_store->database), mine);

    // Out of order, or longer than an hour: refused, the saved times stay.
    for (const rehearsal::LightTimes& wrong :
        { rehearsal::LightTimes::pitch(30'000, 20'000, 60'000),
            rehearsal::LightTimes::pitch(0, 20'000, 60'000),
            rehearsal::LightTimes::pitch(60'000, 120'000, 3'700'000) }) {
        Status refused = saveAnswerLights(*m_store->database, wrong);
        ASSERT_FALSE(refused.ok());
        EXPECT_EQ(refused.error().kind, ErrorKind::InvalidArgument);
        EXPECT_FALSE(refused.error().fix.isEmpty());
    }
    EXPECT_EQ(*loadAnswerLights(*m_store->database), mine);

    // Damaged in the file: the default window, not a broken one.
    ASSERT_TRUE(storage::writeMeta(*m_store->database,
        { { QStringLiteral("answer_yellow_ms"), QStringLiteral("ninety") } }, QString())
                    .ok());
    EXPECT_EQ(*loadAnswerLights(*m_store->database), defaultAnswerLights());
}

// A row the database refuses keeps the recording, and says what to do with it.
TEST_F(AnswersTest, AnAnswerWithoutACardKeepsItsRecordingAndSaysWhere)
{
    const QString source = m_dir.filePath(QStringLiteral("answer.wav"));
    ASSERT_EQ(test::writeToneTake(source, audio::kSampleRate, audio::kSampleRate, 0), QString());
    rehearsal::TakeSession session(*m_recordings, *m_takes, m_clock);
    AnswerTakeStore store(*m_answers); // no card set
    QEventLoop loop;
    QObject::connect(&session, &rehearsal::TakeSession::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(20'000, &loop, &QEventLoop::quit);
    audio::FileAudioSource microphone(source, 0);
    ASSERT_TRUE(session.start(microphone, answerPitch({}, defaultAnswerLights()), 0, &store).ok());
    loop.exec();
    const rehearsal::TakeOutcome& outcome = session.outcome();
    EXPECT_FALSE(outcome.take);
    ASSERT_TRUE(outcome.notStored);
    EXPECT_TRUE(outcome.notStored->fix.contains(QDir::toNativeSeparators(session.take().audioPath)))
        << str(outcome.notStored->fix);
    EXPECT_TRUE(QFile::exists(session.take().audioPath));
    Result<QList<rehearsal::OrphanRecording>> orphans = m_recordings->orphans();
    ASSERT_TRUE(orphans.ok());
    EXPECT_EQ(orphans->size(), 1);
}

} // namespace
} // namespace rapport::answers
