// The analysers on signals generated in memory, where the truth is the formula that made them.
#include "core/analysis/analysispipeline.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <gtest/gtest.h>
#include <numbers>
#include <random>

namespace rapport::analysis {
namespace {

using audio::AudioBlock;
using audio::kSampleRate;

std::vector<float> sine(double hz, double amplitude, double seconds)
{
    std::vector<float> out(static_cast<std::size_t>(seconds * kSampleRate));
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = static_cast<float>(amplitude
            * std::sin(2.0 * std::numbers::pi * hz * static_cast<double>(i) / kSampleRate));
    return out;
}

// Feeds `samples` to `analyser` in blocks of `blockFrames` (an odd size, so hops straddle blocks).
void feed(Analyser& analyser, const std::vector<float>& samples, std::size_t blockFrames = 1001)
{
    analyser.reset();
    for (std::size_t pos = 0; pos < samples.size(); pos += blockFrames) {
        AudioBlock block;
        block.startFrame = static_cast<std::int64_t>(pos);
        block.samples.assign(samples.begin() + static_cast<std::ptrdiff_t>(pos),
            samples.begin()
                + static_cast<std::ptrdiff_t>(std::min(samples.size(), pos + blockFrames)));
        analyser.process(block);
    }
    analyser.finish();
}

TakeReport analyse(const std::vector<float>& samples, double syllablesPerWord = kSyllablesPerWord)
{
    AnalysisPipeline pipeline;
    pipeline.setSyllablesPerWord(syllablesPerWord);
    pipeline.reset();
    for (std::size_t pos = 0; pos < samples.size(); pos += 4096) {
        AudioBlock block;
        block.startFrame = static_cast<std::int64_t>(pos);
        block.samples.assign(samples.begin() + static_cast<std::ptrdiff_t>(pos),
            samples.begin() + static_cast<std::ptrdiff_t>(std::min(samples.size(), pos + 4096)));
        pipeline.process(block);
    }
    return pipeline.finish();
}

TEST(LevelMeterTest, ReportsRmsAndPeakOfASineEvery50Ms)
{
    LevelMeter meter;
    std::vector<LevelReading> readings;
    meter.setCallback([&](const LevelReading& r) { readings.push_back(r); });
    feed(meter, sine(1000.0, 0.5, 1.0));
    ASSERT_EQ(readings.size(), 20u);
    for (std::size_t i = 0; i < readings.size(); ++i) {
        EXPECT_EQ(readings[i].endFrame, static_cast<std::int64_t>(i + 1) * 800);
        EXPECT_NEAR(readings[i].rmsDbfs, 20.0 * std::log10(0.5 / std::sqrt(2.0)), 0.05);
        EXPECT_NEAR(readings[i].peakDbfs, 20.0 * std::log10(0.5), 0.05);
    }
    EXPECT_EQ(meter.latest().endFrame, 16000);
}

TEST(LevelMeterTest, SilenceReadsAsTheFloor)
{
    LevelMeter meter;
    feed(meter, std::vector<float>(1600, 0.0f));
    EXPECT_EQ(meter.latest().rmsDbfs, LevelMeter::kFloorDbfs);
    EXPECT_EQ(meter.latest().peakDbfs, LevelMeter::kFloorDbfs);
}

TEST(LoudnessTest, SineAtMinus20DbfsPeakMeasuresMinus23Lufs)
{
    // EBU Tech 3341: a 1 kHz sine at 0 dBFS peak in one channel reads -3.01 LUFS.
    Loudness loudness;
    feed(loudness, sine(1000.0, 0.1, 5.0));
    ASSERT_TRUE(loudness.integratedLufs());
    EXPECT_NEAR(*loudness.integratedLufs(), -23.01, 0.3);
    ASSERT_TRUE(loudness.peakDbfs());
    EXPECT_NEAR(*loudness.peakDbfs(), -20.0, 0.05);
    EXPECT_EQ(loudness.clippedRatio(), 0.0);
}

TEST(LoudnessTest, CountsClippedSamples)
{
    std::vector<float> samples = sine(200.0, 0.5, 1.0);
    for (std::size_t i = 0; i < 160; ++i)
        samples[i * 100] = (i % 2) ? 1.0f : -1.0f;
    Loudness loudness;
    feed(loudness, samples);
    ASSERT_TRUE(loudness.clippedRatio());
    EXPECT_DOUBLE_EQ(*loudness.clippedRatio(), 160.0 / 16000.0);
}

// A "speech-like" signal: 150 Hz buzz with harmonics, amplitude-modulated at 4 Hz like syllables,
// in white noise at -50 dBFS; silent stretches at known places.
std::vector<float> syllableTrain(
    const std::vector<std::pair<double, double>>& speechS, double totalS)
{
    std::mt19937 random(7);
    std::normal_distribution<double> noise(0.0, std::pow(10.0, -50.0 / 20.0));
    std::vector<float> out(static_cast<std::size_t>(totalS * kSampleRate));
    for (std::size_t i = 0; i < out.size(); ++i) {
        const double t = static_cast<double>(i) / kSampleRate;
        double x = noise(random);
        for (const auto& [start, end] : speechS) {
            if (t >= start && t < end) {
                const double envelope
                    = 0.55 - 0.45 * std::cos(2.0 * std::numbers::pi * 4.0 * (t - start));
                for (int h = 1; h <= 4; ++h)
                    x += envelope * 0.15 / h * std::sin(2.0 * std::numbers::pi * 150.0 * h * t);
            }
        }
        out[i] = static_cast<float>(x);
    }
    return out;
}

TEST(VoiceActivityTest, BridgesGapsUnder300MsAndReportsLongerOnesAsPauses)
{
    // Speech 0.5-2.0 s, a 0.2 s gap (not a pause), 2.2-3.5 s, a 0.6 s pause, 4.1-5.0 s.
    const std::vector<std::pair<double, double>> speech { { 0.5, 2.0 }, { 2.2, 3.5 },
        { 4.1, 5.0 } };
    const TakeReport report = analyse(syllableTrain(speech, 6.0));
    ASSERT_TRUE(report.speechStartS && report.speechEndS);
    EXPECT_NEAR(*report.speechStartS, 0.5, 0.03);
    EXPECT_NEAR(*report.speechEndS, 5.0, 0.03);
    ASSERT_EQ(report.pauses.size(), 1u);
    EXPECT_NEAR(report.pauses[0].startS, 3.5, 0.03);
    EXPECT_NEAR(report.pauses[0].endS, 4.1, 0.03);
    EXPECT_NEAR(report.longestPauseS.value_or(0), 0.6, 0.05);
    EXPECT_NEAR(report.phonationTimeS.value_or(0), 4.5 - 0.6, 0.06);
}

TEST(VoiceActivityTest, SpeechFromTheFirstToTheLastFrameNeedsNoSilenceAround)
{
    const TakeReport report = analyse(syllableTrain({ { 0.0, 3.0 } }, 3.0));
    ASSERT_TRUE(report.speechStartS && report.speechEndS);
    EXPECT_NEAR(*report.speechStartS, 0.0, 0.03);
    EXPECT_NEAR(*report.speechEndS, 3.0, 0.03);
}

TEST(SyllableNucleiTest, CountsOneNucleusPerAmplitudeBump)
{
    // 4 bumps a second for 3 s: 12 syllable-like peaks, each a clear dip from the next.
    const TakeReport report = analyse(syllableTrain({ { 0.5, 3.5 } }, 4.0));
    ASSERT_TRUE(report.syllableCount);
    EXPECT_NEAR(*report.syllableCount, 12, 1);
    EXPECT_NEAR(report.articulationRateSps.value_or(0), 4.0, 0.4);
}

TEST(SyllableNucleiTest, ADrawnOutVowelThatWaversIsOneSyllable)
{
    // 12 syllables at 4 a second, then one long vowel whose level wavers by about 3 dB: two
    // peaks 100 ms apart, closer than half this speaker's syllables, with a shallow dip between
    // them. A slow speaker's long vowel, not two syllables.
    std::vector<float> samples = syllableTrain({ { 0.5, 3.5 } }, 4.5);
    const auto bump = [](double t, double centre) {
        constexpr double kWidthS = 0.17;
        return std::abs(t - centre) < kWidthS / 2
            ? std::pow(std::cos(std::numbers::pi * (t - centre) / kWidthS), 2)
            : 0.0;
    };
    for (std::size_t i = 0; i < samples.size(); ++i) {
        const double t = static_cast<double>(i) / kSampleRate;
        if (t < 3.5 || t >= 3.9)
            continue;
        const double envelope = bump(t, 3.65) + bump(t, 3.75);
        double x = 0.0;
        for (int h = 1; h <= 4; ++h)
            x += envelope * 0.15 / h * std::sin(2.0 * std::numbers::pi * 150.0 * h * t);
        samples[i] = static_cast<float>(x);
    }
    const TakeReport report = analyse(samples);
    ASSERT_TRUE(report.syllableCount);
    EXPECT_EQ(*report.syllableCount, 13);
}

TEST(SyllableNucleiTest, UnvoicedBumpsAreNeitherSpeechNorSyllables)
{
    // The same 4 Hz envelope on white noise: loud, rhythmic, but no pitch, like breaths or a fan's
    // gusts. Speech needs voicing.
    std::mt19937 random(3);
    std::normal_distribution<double> noise(0.0, 0.1);
    std::vector<float> samples(4 * kSampleRate);
    for (std::size_t i = 0; i < samples.size(); ++i) {
        const double t = static_cast<double>(i) / kSampleRate;
        const double envelope = (t >= 0.5 && t < 3.5)
            ? 0.55 - 0.45 * std::cos(2.0 * std::numbers::pi * 4.0 * (t - 0.5))
            : 0.003;
        samples[i] = static_cast<float>(envelope * noise(random));
    }
    const TakeReport report = analyse(samples);
    EXPECT_FALSE(report.speechStartS);
    EXPECT_FALSE(report.syllableCount);
    EXPECT_FALSE(report.pitchMedianHz);
}

TEST(AnalysisPipelineTest, APaceFromUnderThreeSecondsOfSpeechIsWithheldAndSaidWhy)
{
    const auto has = [](const TakeReport& r, Caveat c) {
        return std::find(r.caveats.begin(), r.caveats.end(), c) != r.caveats.end();
    };
    const TakeReport brief = analyse(syllableTrain({ { 0.5, 2.5 } }, 3.0));
    ASSERT_TRUE(brief.speakingTimeS);
    EXPECT_LT(*brief.speakingTimeS, kMinPaceSpeakingS);
    EXPECT_TRUE(has(brief, Caveat::TooShortForPace));
    EXPECT_FALSE(brief.wordsPerMinute);
    EXPECT_FALSE(brief.articulationRateSps);
    EXPECT_TRUE(brief.syllableCount); // the count stays: only the rate is withheld

    const TakeReport enough = analyse(syllableTrain({ { 0.5, 4.5 } }, 5.0));
    EXPECT_FALSE(has(enough, Caveat::TooShortForPace));
    EXPECT_TRUE(enough.wordsPerMinute);
    // White noise at -50 dBFS under a voice at about -20 dBFS: a quiet room, nothing to say.
    ASSERT_TRUE(enough.signalToNoiseDb);
    EXPECT_GT(*enough.signalToNoiseDb, kNoisyBelowDb);
    EXPECT_FALSE(has(enough, Caveat::Noisy));
}

TEST(AnalysisPipelineTest, WordsPerMinuteCountInTheGivenSyllablesPerWord)
{
    const std::vector<float> take = syllableTrain({ { 0.5, 5.5 } }, 6.0);
    const TakeReport average = analyse(take);
    const TakeReport monosyllabic = analyse(take, 1.0);
    ASSERT_TRUE(average.wordsPerMinute);
    ASSERT_TRUE(monosyllabic.wordsPerMinute);
    EXPECT_EQ(average.syllableCount, monosyllabic.syllableCount);
    EXPECT_EQ(average.speakingTimeS, monosyllabic.speakingTimeS);
    EXPECT_NEAR(*monosyllabic.wordsPerMinute / *average.wordsPerMinute, kSyllablesPerWord, 1e-9);
    EXPECT_NEAR(*monosyllabic.wordsPerMinute,
        *monosyllabic.syllableCount / (*monosyllabic.speakingTimeS / 60.0), 1e-9);
}

TEST(AnalysisPipelineTest, SilenceHasNoSpeechAndNoMeasures)
{
    for (const double noiseDbfs : { -200.0, -50.0 }) {
        SCOPED_TRACE(noiseDbfs);
        std::mt19937 random(1);
        std::normal_distribution<double> noise(0.0, std::pow(10.0, noiseDbfs / 20.0));
        std::vector<float> samples(3 * kSampleRate);
        for (float& x : samples)
            x = noiseDbfs < -150 ? 0.0f : static_cast<float>(noise(random));
        const TakeReport report = analyse(samples);
        EXPECT_DOUBLE_EQ(report.durationS, 3.0);
        EXPECT_FALSE(report.speechStartS);
        EXPECT_FALSE(report.speechEndS);
        EXPECT_FALSE(report.speakingTimeS);
        EXPECT_FALSE(report.pauseCount);
        EXPECT_FALSE(report.syllableCount);
        EXPECT_FALSE(report.wordsPerMinute);
        EXPECT_FALSE(report.pitchMedianHz);
        EXPECT_FALSE(report.monotone);
        EXPECT_TRUE(report.pauses.empty());
        EXPECT_EQ(report.clippedRatio, 0.0);
        if (noiseDbfs < -150) {
            EXPECT_FALSE(report.loudnessLufs);
            EXPECT_FALSE(report.peakDbfs);
        }
    }
}

TEST(AnalysisPipelineTest, NoBlocksGiveAnEmptyReport)
{
    AnalysisPipeline pipeline;
    pipeline.reset();
    const TakeReport report = pipeline.finish();
    EXPECT_EQ(report.durationS, 0.0);
    EXPECT_FALSE(report.speechStartS);
    EXPECT_FALSE(report.clippedRatio);
    EXPECT_FALSE(report.loudnessLufs);
}

TEST(AnalysisPipelineTest, ResetForgetsThePreviousTake)
{
    AnalysisPipeline pipeline;
    const std::vector<float> speech = syllableTrain({ { 0.5, 2.5 } }, 3.0);
    pipeline.reset();
    AudioBlock block { 0, speech };
    pipeline.process(block);
    const TakeReport first = pipeline.finish();
    pipeline.reset();
    pipeline.process(block);
    const TakeReport second = pipeline.finish();
    EXPECT_EQ(first.durationS, second.durationS);
    EXPECT_EQ(first.speechStartS, second.speechStartS);
    EXPECT_EQ(first.syllableCount, second.syllableCount);
    EXPECT_EQ(first.pitchMedianHz, second.pitchMedianHz);
    EXPECT_EQ(first.loudnessLufs, second.loudnessLufs);
}

TEST(AnalysisPipelineTest, LevelCallbackSeesTheTakeAsItArrives)
{
    AnalysisPipeline pipeline;
    int readings = 0;
    pipeline.setLevelCallback([&](const LevelReading&) { ++readings; });
    pipeline.reset();
    pipeline.process(AudioBlock { 0, sine(300.0, 0.25, 0.5) });
    EXPECT_EQ(readings, 10);
    EXPECT_NEAR(pipeline.latestLevel().peakDbfs, 20.0 * std::log10(0.25), 0.05);
}

} // namespace
} // namespace rapport::analysis
