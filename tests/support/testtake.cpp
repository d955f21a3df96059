#include "tests/support/testtake.h"

#include "core/audio/wavwriter.h"
#include "tests/support/testsignal.h"

#include <algorithm>

namespace rapport::test {

QString writeToneTake(
    const QString& path, std::int64_t leadFrames, std::int64_t toneFrames, std::int64_t tailFrames)
{
    Result<audio::WavWriter> writer = audio::WavWriter::create(path);
    if (!writer)
        return writer.error().toString();
    const std::int64_t toneEnd = leadFrames + toneFrames;
    const std::int64_t total = toneEnd + tailFrames;
    constexpr std::int64_t kBlockFrames = 800;
    audio::AudioBlock block;
    for (std::int64_t frame = 0; frame < total; frame += kBlockFrames) {
        block.startFrame = frame;
        block.samples.assign(static_cast<std::size_t>(std::min(kBlockFrames, total - frame)), 0.0f);
        for (std::size_t i = 0; i < block.samples.size(); ++i) {
            const std::int64_t f = frame + static_cast<std::int64_t>(i);
            if (f >= leadFrames && f < toneEnd)
                block.samples[i] = voiceSample(f - leadFrames);
        }
        if (Status s = writer->write(block); !s)
            return s.error().toString();
    }
    if (Status s = writer->close(); !s)
        return s.error().toString();
    return {};
}

analysis::TakeReport everyFieldReport()
{
    analysis::TakeReport r;
    r.durationS = 88.5;
    r.speechStartS = 0.5;
    r.speechEndS = 86.25;
    r.speakingTimeS = 85.75;
    r.phonationTimeS = 70.125;
    r.pauses = { { 10.5, 11.0 }, { 40.25, 42.5 } };
    r.pauseCount = 2;
    r.longestPauseS = 2.25;
    r.syllableCount = 301;
    r.articulationRateSps = 4.25;
    r.wordsPerMinute = 145.5;
    r.pitchMedianHz = 181.5;
    r.pitchSdSemitones = 2.75;
    r.monotone = false;
    r.loudnessLufs = -22.5;
    r.peakDbfs = -2.5;
    r.clippedRatio = 0.0;
    r.signalToNoiseDb = 12.5; // under kNoisyBelowDb, so the take has a caveat to keep
    r.caveats = { analysis::Caveat::Noisy, analysis::Caveat::Clipped };
    r.analysisMs = 12.5;
    return r;
}

speech::Transcript evenlySaid(const QString& text)
{
    speech::Transcript said;
    double startS = 0.5;
    for (const QString& word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        said.words.push_back({ word, startS, startS + 0.3 });
        startS += 0.5;
    }
    return said;
}

speech::WordReport everyFieldWords()
{
    speech::Transcript said;
    double at = 0.5;
    for (const char* word : { "so", "um", "i", "build", "tools", "you", "know", "we", "ship", "it",
             "we", "ship", "it", "uh", "we", "ship", "it", "today" }) {
        // A pause (0.5 s) before "so", around "you know" and before each "we": set apart.
        const QString text = QString::fromLatin1(word);
        if (text == QLatin1String("you") || text == QLatin1String("we"))
            at += 0.5;
        said.words.push_back({ text, at, at + 0.25 });
        at += text == QLatin1String("know") ? 0.75 : 0.25;
    }
    said.audioS = at + 0.5;
    said.decodeMs = 1250.0;
    return speech::makeWordReport(said, 30.0,
        QStringLiteral("I build tools. We ship it every single day to teams. Call me."));
}

} // namespace rapport::test
