// Hearing words while a take records: blocks queued from the recording thread are decoded on the
// listener's worker, takes come back in order with their own words, one recogniser serves them
// all, and a missing model is said for every take without stopping the recording.
#include "core/speech/wordlistener.h"
#include "tests/support/fakerecogniser.h"
#include "tests/support/realspeech.h"
#include "tests/support/wordmetrics.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimer>
#include <gtest/gtest.h>
#include <thread>

namespace rapport::speech {
namespace {

audio::AudioBlock block(std::int64_t startFrame, std::int64_t frames)
{
    return { startFrame, std::vector<float>(static_cast<std::size_t>(frames), 0.0F) };
}

// Feeds `seconds` of blocks of 0.1 s into `listener`.
void feed(WordListener& listener, double seconds)
{
    const std::int64_t blockFrames = audio::kSampleRate / 10;
    const auto blocks = static_cast<std::int64_t>(seconds * 10);
    for (std::int64_t i = 0; i < blocks; ++i)
        listener.process(block(i * blockFrames, blockFrames));
}

// Waits (at most 30 s) until `listener` has nothing pending.
void waitForAll(const WordListener& listener)
{
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (listener.pending() == 0)
            loop.quit();
    });
    poll.start(5);
    QTimer::singleShot(30'000, &loop, &QEventLoop::quit);
    loop.exec();
}

using Finished = std::vector<std::pair<quint64, Result<Transcript>>>;

Finished collect(WordListener& listener)
{
    Finished finished;
    QObject::connect(&listener, &WordListener::finished, &listener,
        [&finished](quint64 ticket, const Result<Transcript>& words) {
            finished.emplace_back(ticket, words);
        });
    waitForAll(listener);
    return finished;
}

TEST(WordListenerTest, TakesComeBackInOrderEachWithItsOwnBlocks)
{
    auto log = std::make_shared<test::RecogniserLog>();
    WordListener listener(test::fakeRecogniserFactory(log));
    Finished finished;
    QObject::connect(&listener, &WordListener::finished, &listener,
        [&finished](quint64 ticket, const Result<Transcript>& words) {
            finished.emplace_back(ticket, words);
        });
    const quint64 first = listener.start(QStringLiteral("A script."));
    feed(listener, 3.0);
    listener.finish();
    // Blocks between takes belong to none.
    feed(listener, 5.0);
    const quint64 second = listener.start(QStringLiteral("A script."));
    feed(listener, 2.0);
    // Starting a third finishes the second.
    const quint64 third = listener.start(QStringLiteral("Another script."));
    feed(listener, 1.0);
    listener.finish();
    EXPECT_EQ(listener.pending(), 3);
    waitForAll(listener);

    ASSERT_EQ(finished.size(), 3U);
    EXPECT_EQ(finished[0].first, first);
    EXPECT_EQ(finished[1].first, second);
    EXPECT_EQ(finished[2].first, third);
    EXPECT_LT(first, second);
    EXPECT_LT(second, third);
    for (const auto& [ticket, words] : finished)
        ASSERT_TRUE(words) << ticket;
    EXPECT_EQ(finished[0].second->text(), QStringLiteral("w1 w2 w3"));
    EXPECT_DOUBLE_EQ(finished[0].second->audioS, 3.0);
    EXPECT_EQ(finished[1].second->text(), QStringLiteral("w1 w2"));
    EXPECT_EQ(finished[2].second->text(), QStringLiteral("w1"));
    // One recogniser for all, told the script only when it changed.
    EXPECT_EQ(log->made, 1);
    EXPECT_EQ(log->starts, 3);
    EXPECT_EQ(log->scripts,
        QStringList({ QStringLiteral("A script."), QStringLiteral("Another script.") }));
    EXPECT_EQ(listener.pending(), 0);
}

TEST(WordListenerTest, SaysWhatWasHeardSoFarWhileATakeIsOpen)
{
    auto log = std::make_shared<test::RecogniserLog>();
    WordListener listener(test::fakeRecogniserFactory(log));
    QList<QStringList> heard;
    QObject::connect(&listener, &WordListener::heard, &listener,
        [&heard](quint64, const QStringList& words) { heard << words; });
    listener.start({});
    feed(listener, 2.0);
    listener.finish();
    waitForAll(listener);
    // Every 0.5 s of audio: 4 times in 2 s, the last with both words.
    ASSERT_EQ(heard.size(), 4);
    EXPECT_EQ(heard.first(), QStringList());
    EXPECT_EQ(heard.last(), QStringList({ QStringLiteral("w1"), QStringLiteral("w2") }));
}

TEST(WordListenerTest, BlocksMayComeFromAnotherThread)
{
    auto log = std::make_shared<test::RecogniserLog>();
    WordListener listener(test::fakeRecogniserFactory(log));
    listener.start({});
    std::thread audioThread([&listener] { feed(listener, 4.0); });
    audioThread.join();
    listener.finish();
    const Finished finished = collect(listener);
    ASSERT_EQ(finished.size(), 1U);
    ASSERT_TRUE(finished[0].second);
    EXPECT_EQ(finished[0].second->words.size(), 4U);
    EXPECT_EQ(log->framesPerTake, std::vector<std::int64_t> { 4 * audio::kSampleRate });
}

TEST(WordListenerTest, AMissingModelIsSaidForEveryTake)
{
    int tries = 0;
    WordListener listener([&tries]() -> Result<std::unique_ptr<Recogniser>> {
        ++tries;
        return Error { ErrorKind::NotFound, QStringLiteral("The speech model is not installed."),
            QStringLiteral("Install it with: apt-get install pocketsphinx-en-us"), {} };
    });
    listener.warmUp();
    listener.start({});
    feed(listener, 1.0);
    listener.finish();
    listener.start({});
    listener.finish();
    const Finished finished = collect(listener);
    ASSERT_EQ(finished.size(), 2U);
    for (const auto& [ticket, words] : finished) {
        ASSERT_FALSE(words);
        EXPECT_EQ(words.error().kind, ErrorKind::NotFound);
        EXPECT_TRUE(words.error().fix.contains(QStringLiteral("pocketsphinx-en-us")));
    }
    EXPECT_EQ(tries, 1); // not tried again for each take
}

TEST(WordListenerTest, ClosingWithWorkQueuedNeitherHangsNorDelivers)
{
    auto log = std::make_shared<test::RecogniserLog>();
    int delivered = 0;
    {
        WordListener listener(test::fakeRecogniserFactory(log));
        QObject::connect(&listener, &WordListener::finished, &listener,
            [&delivered](quint64, const Result<Transcript>&) { ++delivered; });
        listener.start({});
        feed(listener, 600.0);
        listener.finish();
    }
    QCoreApplication::processEvents();
    EXPECT_EQ(delivered, 0);
}

// The real recogniser behind the listener hears a take exactly as it hears the same blocks fed
// directly: the worker thread changes nothing but where the work is done.
TEST(WordListenerTest, HearsRealSpeechAsTheRecogniserDoesDirectly)
{
    const QString missing = test::SpeechCorpus::missingTools();
    ASSERT_TRUE(missing.isEmpty()) << missing.toStdString();
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    test::SpeechCorpus corpus(dir.path());
    const test::SpeechClip clip = test::SpeechCorpus::librivoxClips().front();
    const std::optional<test::Samples> samples = corpus.load(clip);
    ASSERT_TRUE(samples) << corpus.error().toStdString();

    Result<SpeechModel> model = findSpeechModel();
    ASSERT_TRUE(model) << model.error().toString().toStdString();
    Result<std::unique_ptr<Recogniser>> direct = makeRecogniser(*model);
    ASSERT_TRUE(direct);
    const Transcript expected = test::decodeInBlocks(**direct, *samples);
    ASSERT_FALSE(expected.words.empty());

    WordListener listener;
    QStringList lastHeard;
    QObject::connect(&listener, &WordListener::heard, &listener,
        [&lastHeard](quint64, const QStringList& words) { lastHeard = words; });
    listener.start({});
    const std::size_t blockFrames = audio::kSampleRate / 10;
    for (std::size_t at = 0; at < samples->size(); at += blockFrames) {
        const std::size_t end = std::min(samples->size(), at + blockFrames);
        listener.process({ static_cast<std::int64_t>(at),
            std::vector<float>(samples->begin() + static_cast<std::ptrdiff_t>(at),
                samples->begin() + static_cast<std::ptrdiff_t>(end)) });
    }
    listener.finish();
    const Finished finished = collect(listener);
    ASSERT_EQ(finished.size(), 1U);
    ASSERT_TRUE(finished[0].second) << finished[0].second.error().toString().toStdString();
    const Transcript& heard = *finished[0].second;
    EXPECT_EQ(heard.text(), expected.text());
    ASSERT_EQ(heard.words.size(), expected.words.size());
    for (std::size_t i = 0; i < heard.words.size(); ++i) {
        EXPECT_DOUBLE_EQ(heard.words[i].startS, expected.words[i].startS);
        EXPECT_DOUBLE_EQ(heard.words[i].endS, expected.words[i].endS);
    }
    // What was heard as the take went on was most of it.
    EXPECT_GE(lastHeard.size(), static_cast<qsizetype>(expected.words.size()) / 2);
}

} // namespace
} // namespace rapport::speech
