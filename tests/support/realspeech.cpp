#include "tests/support/realspeech.h"

#include "tests/support/cliprocess.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <algorithm>
#include <cmath>
#include <numbers>
#include <sndfile.h>

namespace rapport::test {

namespace {

constexpr int kHop = kCorpusRate / 100;
const QString kPocketsphinx = QStringLiteral("/usr/share/pocketsphinx/test/data");
const QString kAlsa = QStringLiteral("/usr/share/sounds/alsa");

std::int64_t toFrames(double seconds)
{
    return static_cast<std::int64_t>(std::llround(seconds * kCorpusRate));
}

std::vector<double> hopLevelsDb(const Samples& samples)
{
    std::vector<double> levels;
    for (std::size_t start = 0; start + kHop <= samples.size(); start += kHop) {
        double sum = 0.0;
        for (std::size_t i = start; i < start + kHop; ++i)
            sum += static_cast<double>(samples[i]) * samples[i];
        levels.push_back(sum > 0.0 ? 10.0 * std::log10(sum / kHop) : -200.0);
    }
    return levels;
}

} // namespace

SpeechCorpus::SpeechCorpus(QString dir)
    : m_dir(std::move(dir))
{ }

QString SpeechCorpus::missingTools()
{
    QStringList missing;
    if (QStandardPaths::findExecutable(QStringLiteral("sox")).isEmpty())
        missing << QStringLiteral("sox");
    if (QStandardPaths::findExecutable(QStringLiteral("espeak-ng")).isEmpty())
        missing << QStringLiteral("espeak-ng");
    if (!QFile::exists(kPocketsphinx + QStringLiteral("/librivox/transcription")))
        missing << QStringLiteral("pocketsphinx-testdata");
    if (!QFile::exists(kAlsa + QStringLiteral("/Front_Left.wav")))
        missing << QStringLiteral("alsa-utils");
    if (missing.isEmpty())
        return {};
    return QStringLiteral("The speech corpus needs the Debian packages %1: install them with "
                          "'sh .ci/deps test'.")
        .arg(missing.join(QStringLiteral(", ")));
}

std::vector<SpeechClip> SpeechCorpus::librivoxClips()
{
    // Word counts of the transcripts in librivox/transcription, and their syllables counted by
    // hand from a dictionary's syllabification ("amiable" 4, "prudently" 3).
    const QString dir
        = kPocketsphinx + QStringLiteral("/librivox/sense_and_sensibility_01_austen_64kb-");
    return {
        { QStringLiteral("librivox-0870"), dir + QStringLiteral("0870.wav"), 22, 31,
            QStringLiteral("And Mister John Dashwood had then leisure to consider how much there "
                           "might be prudently in his power to do for them.") },
        { QStringLiteral("librivox-0880"), dir + QStringLiteral("0880.wav"), 8, 9,
            QStringLiteral("He was not an ill disposed young man,") },
        { QStringLiteral("librivox-0890"), dir + QStringLiteral("0890.wav"), 15, 20,
            QStringLiteral(
                "unless to be rather cold hearted and rather selfish is to be ill disposed.") },
        { QStringLiteral("librivox-0920"), dir + QStringLiteral("0920.wav"), 21, 27,
            QStringLiteral("Had he married a more a amiable woman, he might have been made still "
                           "more respectable than he was;") },
        { QStringLiteral("librivox-0930"), dir + QStringLiteral("0930.wav"), 8, 13,
            QStringLiteral("he might even have been made amiable himself.") },
    };
}

std::vector<SpeechClip> SpeechCorpus::cardsClips()
{
    const QString dir = kPocketsphinx + QStringLiteral("/cards/");
    return {
        { QStringLiteral("cards-001"), dir + QStringLiteral("001.wav"), 3, 3,
            QStringLiteral("Ten of clubs.") },
        { QStringLiteral("cards-002"), dir + QStringLiteral("002.wav"), 4, 4,
            QStringLiteral("Four, queen of clubs.") },
        { QStringLiteral("cards-003"), dir + QStringLiteral("003.wav"), 3, 4,
            QStringLiteral("Seven of clubs.") },
        { QStringLiteral("cards-004"), dir + QStringLiteral("004.wav"), 2, 2,
            QStringLiteral("Five, five.") },
        { QStringLiteral("cards-005"), dir + QStringLiteral("005.wav"), 9, 10,
            QStringLiteral("Eight of spades, four of clubs, seven of hearts.") },
    };
}

std::vector<SpeechClip> SpeechCorpus::alsaClips()
{
    std::vector<SpeechClip> clips;
    for (const char* name : { "Front_Left", "Front_Center", "Front_Right", "Side_Left",
             "Side_Right", "Rear_Left", "Rear_Center", "Rear_Right" }) {
        const QString file = QString::fromLatin1(name);
        clips.push_back({ QStringLiteral("alsa-") + file.toLower(),
            kAlsa + QLatin1Char('/') + file + QStringLiteral(".wav"), 2,
            file.contains(QLatin1String("Center")) ? 3 : 2,
            QString(file).replace(QLatin1Char('_'), QLatin1Char(' ')) + QLatin1Char('.') });
    }
    return clips;
}

QString SpeechCorpus::path(const QString& name) const
{
    return QDir(m_dir).absoluteFilePath(name);
}

std::optional<RenderedTake> SpeechCorpus::render(const Passage& passage, const Condition& condition)
{
    const Samples samples = condition.apply(passage, *this);
    const QString name = passage.name + QLatin1Char('-') + condition.name;
    std::optional<QString> file = write(name + QStringLiteral("-16k"), samples);
    if (file && !condition.soxOutput.isEmpty()) {
        const QString converted = path(name + QStringLiteral(".wav"));
        if (!sox(QStringList { *file } + condition.soxOutput + QStringList { converted }))
            return std::nullopt;
        file = converted;
    }
    if (!file)
        return std::nullopt;
    return RenderedTake { *file, static_cast<double>(samples.size()) / kCorpusRate };
}

bool SpeechCorpus::sox(const QStringList& args)
{
    m_error = runSox(args);
    return m_error.isEmpty();
}

std::optional<Samples> SpeechCorpus::read(const QString& file)
{
    const QString converted = path(QStringLiteral("read-tmp.f32.wav"));
    if (!sox({ file, QStringLiteral("-r"), QString::number(kCorpusRate), QStringLiteral("-c"),
            QStringLiteral("1"), QStringLiteral("-e"), QStringLiteral("floating-point"),
            QStringLiteral("-b"), QStringLiteral("32"), converted }))
        return std::nullopt;
    SF_INFO info {};
    SNDFILE* sf = sf_open(QFile::encodeName(converted).constData(), SFM_READ, &info);
    if (!sf) {
        m_error = QStringLiteral("cannot read %1: %2")
                      .arg(converted, QString::fromUtf8(sf_strerror(nullptr)));
        return std::nullopt;
    }
    Samples samples(static_cast<std::size_t>(info.frames));
    sf_readf_float(sf, samples.data(), info.frames);
    sf_close(sf);
    return samples;
}

std::optional<Samples> SpeechCorpus::load(const SpeechClip& clip, double tempo)
{
    QStringList input;
    if (clip.path.endsWith(QLatin1String(".raw"))) {
        input << QStringLiteral("-t") << QStringLiteral("raw") << QStringLiteral("-r")
              << QStringLiteral("16000") << QStringLiteral("-e") << QStringLiteral("signed")
              << QStringLiteral("-b") << QStringLiteral("16") << QStringLiteral("-c")
              << QStringLiteral("1");
    }
    const QString staged = path(clip.name + QStringLiteral("-staged.wav"));
    QStringList args = input << clip.path << QStringLiteral("-r") << QString::number(kCorpusRate)
                             << QStringLiteral("-c") << QStringLiteral("1") << QStringLiteral("-e")
                             << QStringLiteral("floating-point") << QStringLiteral("-b")
                             << QStringLiteral("32") << staged;
    if (tempo != 1.0)
        args << QStringLiteral("tempo") << QStringLiteral("-s") << QString::number(tempo);
    if (!sox(args))
        return std::nullopt;
    return read(staged);
}

std::optional<Samples> SpeechCorpus::speak(const QString& text, const QString& voice, int wpm)
{
    const QString file = path(QStringLiteral("espeak-tmp.wav"));
    const ProcessResult result = runProgram(QStringLiteral("espeak-ng"),
        { QStringLiteral("-v"), voice, QStringLiteral("-s"), QString::number(wpm),
            QStringLiteral("-w"), file, text });
    if (result.exitCode != 0 || result.crashed) {
        m_error = QStringLiteral("espeak-ng -v %1 failed: %2").arg(voice, result.err);
        return std::nullopt;
    }
    return read(file);
}

std::optional<Samples> SpeechCorpus::noise(const QString& colour, double seconds)
{
    const QString file = path(colour + QStringLiteral("-tmp.wav"));
    if (!sox({ QStringLiteral("-n"), QStringLiteral("-r"), QString::number(kCorpusRate),
            QStringLiteral("-c"), QStringLiteral("1"), QStringLiteral("-e"),
            QStringLiteral("floating-point"), QStringLiteral("-b"), QStringLiteral("32"), file,
            QStringLiteral("synth"), QString::number(seconds, 'f', 3), colour }))
        return std::nullopt;
    return read(file);
}

std::optional<QString> SpeechCorpus::write(const QString& name, const Samples& samples)
{
    const QString file = path(name + QStringLiteral(".wav"));
    SF_INFO info {};
    info.samplerate = kCorpusRate;
    info.channels = 1;
    info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
    SNDFILE* sf = sf_open(QFile::encodeName(file).constData(), SFM_WRITE, &info);
    if (!sf) {
        m_error = QStringLiteral("cannot write %1").arg(file);
        return std::nullopt;
    }
    sf_command(sf, SFC_SET_CLIPPING, nullptr, SF_TRUE);
    sf_writef_float(sf, samples.data(), static_cast<sf_count_t>(samples.size()));
    sf_close(sf);
    return file;
}

std::vector<bool> SpeechCorpus::speechHops(const Samples& clip)
{
    const std::vector<double> levels = hopLevelsDb(clip);
    if (levels.empty())
        return {};
    std::vector<double> sorted = levels;
    std::sort(sorted.begin(), sorted.end());
    const double peak = sorted.back();
    const double background = sorted[sorted.size() / 20];
    const double threshold = std::max(peak - kTruthRangeDb, background + kTruthAboveBackgroundDb);
    std::vector<bool> speech(levels.size());
    for (std::size_t i = 0; i < levels.size(); ++i)
        speech[i] = levels[i] >= threshold;
    return speech;
}

std::optional<Passage> SpeechCorpus::joinClips(const QString& name,
    const std::vector<SpeechClip>& clips, double tempo, const std::vector<double>& gapsS,
    double leadS, double tailS)
{
    std::vector<Samples> audio;
    std::vector<int> words;
    std::vector<int> syllables;
    for (const SpeechClip& clip : clips) {
        std::optional<Samples> samples = load(clip, tempo);
        if (!samples)
            return std::nullopt;
        audio.push_back(std::move(*samples));
        words.push_back(clip.words);
        syllables.push_back(clip.syllables);
    }
    const std::vector<double> gaps(
        gapsS.begin(), gapsS.begin() + static_cast<std::ptrdiff_t>(clips.size() - 1));
    return compose(name, audio, words, gaps, leadS, tailS, syllables);
}

Passage SpeechCorpus::compose(const QString& name, const std::vector<Samples>& clips,
    const std::vector<int>& words, const std::vector<double>& gapsS, double leadS, double tailS,
    const std::vector<int>& syllables)
{
    Passage passage;
    passage.name = name;
    passage.truth.words = 0;
    passage.truth.syllables = syllables.size() == clips.size() ? 0 : -1;
    std::vector<bool> speech; // per hop of the passage
    const auto appendSilence = [&](double seconds) {
        const std::int64_t hops = toFrames(seconds) / kHop;
        passage.samples.insert(passage.samples.end(), static_cast<std::size_t>(hops * kHop), 0.0f);
        passage.gapMask.insert(passage.gapMask.end(), static_cast<std::size_t>(hops * kHop), 1.0f);
        speech.insert(speech.end(), static_cast<std::size_t>(hops), false);
    };
    appendSilence(leadS);
    for (std::size_t c = 0; c < clips.size(); ++c) {
        if (c > 0)
            appendSilence(gapsS[c - 1]);
        const std::vector<bool> hops = speechHops(clips[c]);
        passage.samples.insert(passage.samples.end(), clips[c].begin(),
            clips[c].begin() + static_cast<std::ptrdiff_t>(hops.size() * kHop));
        passage.gapMask.insert(passage.gapMask.end(), hops.size() * kHop, 0.0f);
        speech.insert(speech.end(), hops.begin(), hops.end());
        // The clip's background: its hops at least 100 ms away from any speech hop and near its
        // quietest level (a breath or a reverberant tail is not room tone).
        const std::vector<double> levels = hopLevelsDb(clips[c]);
        std::vector<double> sorted = levels;
        std::sort(sorted.begin(), sorted.end());
        const double quiet = sorted.empty() ? 0.0 : sorted[sorted.size() / 20] + 6.0;
        for (std::size_t h = 0; h < hops.size(); ++h) {
            const std::size_t from = h >= 10 ? h - 10 : 0;
            const std::size_t to = std::min(hops.size(), h + 11);
            if (levels[h] <= quiet && levels[h] > -150.0
                && std::none_of(hops.begin() + static_cast<std::ptrdiff_t>(from),
                    hops.begin() + static_cast<std::ptrdiff_t>(to), [](bool s) { return s; })) {
                passage.background.insert(passage.background.end(),
                    clips[c].begin() + static_cast<std::ptrdiff_t>(h * kHop),
                    clips[c].begin() + static_cast<std::ptrdiff_t>((h + 1) * kHop));
            }
        }
        if (passage.truth.syllables >= 0)
            passage.truth.syllables
                = syllables[c] >= 0 ? passage.truth.syllables + syllables[c] : -1;
        if (passage.truth.words >= 0 && c < words.size() && words[c] >= 0)
            passage.truth.words += words[c];
        else
            passage.truth.words = -1;
    }
    appendSilence(tailS);
    const auto first = std::find(speech.begin(), speech.end(), true);
    const auto last = std::find(speech.rbegin(), speech.rend(), true);
    if (first == speech.end())
        return passage;
    const auto firstHop = static_cast<std::size_t>(first - speech.begin());
    const std::size_t lastHop
        = speech.size() - 1 - static_cast<std::size_t>(last - speech.rbegin());
    passage.truth.startS = static_cast<double>(firstHop) / 100.0;
    passage.truth.endS = static_cast<double>(lastHop + 1) / 100.0;
    std::size_t runStart = 0;
    for (std::size_t h = firstHop; h <= lastHop; ++h) {
        if (!speech[h] && speech[h - 1])
            runStart = h;
        if (!speech[h] && speech[h + 1] && h + 1 - runStart >= 30) {
            passage.truth.pausesS.emplace_back(
                static_cast<double>(runStart) / 100.0, static_cast<double>(h + 1) / 100.0);
        }
    }
    return passage;
}

double rmsDb(const Samples& samples)
{
    double sum = 0.0;
    for (const float x : samples)
        sum += static_cast<double>(x) * x;
    return sum > 0.0 ? 10.0 * std::log10(sum / static_cast<double>(samples.size())) : -200.0;
}

double speechRmsDb(const Passage& passage)
{
    Samples speech;
    const auto start = static_cast<std::size_t>(toFrames(passage.truth.startS));
    const auto end
        = std::min(passage.samples.size(), static_cast<std::size_t>(toFrames(passage.truth.endS)));
    std::size_t cursor = start;
    for (const auto& [pauseStart, pauseEnd] : passage.truth.pausesS) {
        const auto to = static_cast<std::size_t>(toFrames(pauseStart));
        speech.insert(speech.end(), passage.samples.begin() + static_cast<std::ptrdiff_t>(cursor),
            passage.samples.begin() + static_cast<std::ptrdiff_t>(to));
        cursor = static_cast<std::size_t>(toFrames(pauseEnd));
    }
    speech.insert(speech.end(), passage.samples.begin() + static_cast<std::ptrdiff_t>(cursor),
        passage.samples.begin() + static_cast<std::ptrdiff_t>(end));
    return rmsDb(speech);
}

void addNoise(
    Samples& samples, const Samples& noise, double noiseRmsDb, const std::vector<float>* mask)
{
    if (noise.empty())
        return;
    const double gain = std::pow(10.0, (noiseRmsDb - rmsDb(noise)) / 20.0);
    for (std::size_t i = 0; i < samples.size(); ++i) {
        const double m = mask ? (*mask)[i] : 1.0;
        samples[i] += static_cast<float>(gain * m * noise[i % noise.size()]);
    }
}

namespace {

Samples hum(double hz, std::size_t frames)
{
    Samples out(frames);
    for (std::size_t i = 0; i < frames; ++i) {
        const double t = static_cast<double>(i) / kCorpusRate;
        double x = 0.0;
        for (int k = 1; k <= 9; ++k) // mains hum: odd harmonics strong, as from a transformer
            x += (k % 2 ? 1.0 : 0.4) / k * std::sin(2.0 * std::numbers::pi * hz * k * t + k);
        out[i] = static_cast<float>(x);
    }
    return out;
}

// The passage with its gaps filled by the clips' own room tone (or, for synthetic speech, by
// quiet pink noise), so the silences sound like the room the clips were recorded in. Under a
// second of background is not looped: 10 ms pieces repeated would make a buzz.
Samples withRoomTone(const Passage& p, SpeechCorpus& corpus)
{
    Samples out = p.samples;
    if (p.background.size() >= static_cast<std::size_t>(kCorpusRate)) {
        addNoise(out, p.background, rmsDb(p.background), &p.gapMask);
    } else if (const auto pink = corpus.noise(QStringLiteral("pinknoise"), 10.0)) {
        addNoise(out, *pink, speechRmsDb(p) - 50.0);
    }
    return out;
}

Samples withNoise(const Passage& p, SpeechCorpus& corpus, const QString& colour, double belowDb,
    const std::vector<float>* mask = nullptr)
{
    Samples out = withRoomTone(p, corpus);
    const std::optional<Samples> noise
        = corpus.noise(colour, static_cast<double>(out.size()) / kCorpusRate + 0.1);
    if (noise)
        addNoise(out, *noise, speechRmsDb(p) - belowDb, mask);
    return out;
}

// 1 from `fromS` to `toS`, 0 elsewhere (a microphone delivering zeros before and after).
std::vector<float> window(std::size_t frames, double fromS, double toS)
{
    std::vector<float> mask(frames, 0.0f);
    const auto from = static_cast<std::size_t>(std::max(0.0, fromS) * kCorpusRate);
    const auto to = std::min(frames, static_cast<std::size_t>(toS * kCorpusRate));
    std::fill(mask.begin() + static_cast<std::ptrdiff_t>(std::min(from, frames)),
        mask.begin() + static_cast<std::ptrdiff_t>(std::max(from, to)), 1.0f);
    return mask;
}

} // namespace

std::vector<Condition> roomConditions()
{
    using P = const Passage&;
    using C = SpeechCorpus&;
    std::vector<Condition> list {
        { QStringLiteral("clean"), QStringLiteral("gaps of digital silence"),
            [](P p, C) { return p.samples; }, {} },
        { QStringLiteral("room-tone"), QStringLiteral("gaps filled with the clips' own room tone"),
            [](P p, C c) { return withRoomTone(p, c); }, {} },
        { QStringLiteral("white-10"), QStringLiteral("white noise 10 dB under the speech"),
            [](P p, C c) { return withNoise(p, c, QStringLiteral("whitenoise"), 10); }, {} },
        { QStringLiteral("white-25"), QStringLiteral("white noise 25 dB under"),
            [](P p, C c) { return withNoise(p, c, QStringLiteral("whitenoise"), 25); }, {} },
        { QStringLiteral("pink-20"), QStringLiteral("pink noise 20 dB under"),
            [](P p, C c) { return withNoise(p, c, QStringLiteral("pinknoise"), 20); }, {} },
        { QStringLiteral("pink-35"), QStringLiteral("pink noise 35 dB under"),
            [](P p, C c) { return withNoise(p, c, QStringLiteral("pinknoise"), 35); }, {} },
        { QStringLiteral("brown-15"), QStringLiteral("brown noise (fan rumble) 15 dB under"),
            [](P p, C c) { return withNoise(p, c, QStringLiteral("brownnoise"), 15); }, {} },
        { QStringLiteral("brown-25"), QStringLiteral("brown noise 25 dB under"),
            [](P p, C c) { return withNoise(p, c, QStringLiteral("brownnoise"), 25); }, {} },
        { QStringLiteral("brown-40"), QStringLiteral("brown noise 40 dB under"),
            [](P p, C c) { return withNoise(p, c, QStringLiteral("brownnoise"), 40); }, {} },
        { QStringLiteral("hum-50"),
            QStringLiteral("50 Hz hum and harmonics 20 dB under, room tone"),
            [](P p, C c) {
                Samples out = withRoomTone(p, c);
                addNoise(out, hum(50, out.size()), speechRmsDb(p) - 20);
                return out;
            },
            {} },
        { QStringLiteral("hum-60"), QStringLiteral("60 Hz hum 30 dB under, pink noise 35 dB under"),
            [](P p, C c) {
                Samples out = withNoise(p, c, QStringLiteral("pinknoise"), 35);
                addNoise(out, hum(60, out.size()), speechRmsDb(p) - 30);
                return out;
            },
            {} },
        { QStringLiteral("dc"), QStringLiteral("DC offset of 3 % of full scale, room tone"),
            [](P p, C c) {
                Samples out = withRoomTone(p, c);
                for (float& x : out)
                    x += 0.03f;
                return out;
            },
            {} },
        { QStringLiteral("zero-edges"),
            QStringLiteral("zeros until 0.4 s before the speech and from 0.4 s after it"),
            [](P p, C c) {
                const std::vector<float> mask
                    = window(p.samples.size(), p.truth.startS - 0.4, p.truth.endS + 0.4);
                Samples out = withNoise(p, c, QStringLiteral("pinknoise"), 30, &mask);
                for (std::size_t i = 0; i < out.size(); ++i)
                    out[i] *= mask[i];
                return out;
            },
            {} },
        { QStringLiteral("gate"),
            QStringLiteral("noise gate: zeros, opening 20 ms before speech, 250 ms hold"),
            [](P p, C c) {
                std::vector<float> mask(p.samples.size(), 0.0f);
                const std::vector<float> all
                    = window(p.samples.size(), p.truth.startS - 0.02, p.truth.endS + 0.25);
                mask = all;
                for (const auto& [start, end] : p.truth.pausesS) {
                    const std::vector<float> closed
                        = window(p.samples.size(), start + 0.25, end - 0.02);
                    for (std::size_t i = 0; i < mask.size(); ++i)
                        mask[i] *= 1.0f - closed[i];
                }
                Samples out = withNoise(p, c, QStringLiteral("pinknoise"), 25);
                for (std::size_t i = 0; i < out.size(); ++i)
                    out[i] *= mask[i];
                return out;
            },
            {} },
        { QStringLiteral("8k"), QStringLiteral("8 kHz, pink noise 30 dB under"),
            [](P p, C c) { return withNoise(p, c, QStringLiteral("pinknoise"), 30); },
            { QStringLiteral("-r"), QStringLiteral("8000") } },
        { QStringLiteral("44k-stereo"), QStringLiteral("44.1 kHz stereo, brown noise 25 dB under"),
            [](P p, C c) { return withNoise(p, c, QStringLiteral("brownnoise"), 25); },
            { QStringLiteral("-r"), QStringLiteral("44100"), QStringLiteral("-c"),
                QStringLiteral("2") } },
        { QStringLiteral("48k"), QStringLiteral("48 kHz, white noise 30 dB under"),
            [](P p, C c) { return withNoise(p, c, QStringLiteral("whitenoise"), 30); },
            { QStringLiteral("-r"), QStringLiteral("48000") } },
    };
    return list;
}

} // namespace rapport::test
