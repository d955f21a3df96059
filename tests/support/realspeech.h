#pragma once

#include <QString>
#include <QStringList>
#include <functional>
#include <optional>
#include <utility>
#include <vector>

namespace rapport::test {

/// Mono float samples at kCorpusRate.
using Samples = std::vector<float>;

/// Every clip and passage of the corpus is composed at this rate (Hz); conditions may resample.
inline constexpr int kCorpusRate = 16000;

/// A recording of real (or synthesised) speech, as shipped by a Debian package.
struct SpeechClip
{
    QString name; ///< short, unique, e.g. "librivox-0870"
    QString path; ///< the packaged file (WAV, or headerless 16 kHz 16-bit mono .raw)
    int words = -1; ///< words of its transcript; -1 when unknown (not used for pace)
    int syllables = -1; ///< syllables of its transcript, counted by hand; -1 when unknown
    QString text; ///< its transcript, as a speaker's script would hold it
};

/// Where the speech is in a passage, and its words: known from how the passage was built and
/// from the clean clips, never from an analyser.
struct SpeechTruth
{
    double startS = 0.0; ///< first speech frame
    double endS = 0.0; ///< one past the last speech frame
    std::vector<std::pair<double, double>> pausesS; ///< every silence >= 0.3 s between them
    int words = -1; ///< -1 when a clip's transcript is unknown
    int syllables = -1; ///< -1 when unknown

    double speakingTimeS() const { return endS - startS; }
    /// Words per minute of speaking time; precondition: words >= 0.
    double wordsPerMinute() const { return words / speakingTimeS() * 60.0; }
};

/// A clean passage: clips separated by known gaps, its samples and its truth.
struct Passage
{
    QString name;
    Samples samples; ///< at kCorpusRate, mono
    Samples background; ///< the clips' own room tone (speech removed), may be empty
    std::vector<float> gapMask; ///< per sample: 1 outside the clips (added silence), else 0
    SpeechTruth truth;
};

struct Condition;

/// A passage as one condition made it, in a file.
struct RenderedTake
{
    QString path; ///< a WAV at the condition's rate and channels
    double durationS = 0.0;
};

/// Builds a development corpus from speech that Debian ships (pocketsphinx-testdata's LibriVox
/// and cards recordings, alsa-utils' voice prompts) and espeak-ng, and the conditions people
/// record in, with sox; no network.
///
/// Truth: a 10 ms frame of a clean clip is speech when its level lies within kTruthRangeDb of the
/// clip's loudest frame and kTruthAboveBackgroundDb above the clip's own background (its 5th
/// percentile frame), so a clip's room tone and breaths are silence, as a listener hears them.
/// Silences of at least 0.3 s between speech frames are pauses.
class SpeechCorpus
{
public:
    static constexpr double kTruthRangeDb = 35.0;
    static constexpr double kTruthAboveBackgroundDb = 12.0;
    static constexpr double kMinPauseS = 0.30;

    /// Precondition: `dir` exists and outlives the corpus's files.
    explicit SpeechCorpus(QString dir);

    /// Empty when everything the corpus needs is installed; else what to install.
    static QString missingTools();

    /// The LibriVox clips (one reader, read speech with its room tone), with their word counts.
    static std::vector<SpeechClip> librivoxClips();
    /// The pocketsphinx "cards" recordings (another speaker, short phrases).
    static std::vector<SpeechClip> cardsClips();
    /// alsa-utils' channel prompts ("Front left", ...): a third voice, 48 kHz.
    static std::vector<SpeechClip> alsaClips();

    /// Reads `clip` as mono float at kCorpusRate, `tempo` times faster (sox's tempo effect:
    /// speech stretched in time, pitch kept).
    std::optional<Samples> load(const SpeechClip& clip, double tempo = 1.0);
    /// Synthesises `text` with espeak-ng (`voice`, `wpm`) at kCorpusRate.
    std::optional<Samples> speak(const QString& text, const QString& voice, int wpm);

    /// Joins `clips` with `gapsS` (clips.size() - 1 gaps) and `leadS`/`tailS` of digital silence;
    /// the truth adds each clip's own speech frames at its offset.
    static Passage compose(const QString& name, const std::vector<Samples>& clips,
        const std::vector<int>& words, const std::vector<double>& gapsS, double leadS, double tailS,
        const std::vector<int>& syllables = {});

    /// Loads `clips` at `tempo` and joins them as compose() does, with the first
    /// clips.size() - 1 of `gapsS` between them and the clips' words and syllables; nullopt
    /// (see error()) when a clip cannot be read.
    std::optional<Passage> joinClips(const QString& name, const std::vector<SpeechClip>& clips,
        double tempo, const std::vector<double>& gapsS, double leadS, double tailS);

    /// Speech frames of a clean clip (10 ms hops), as the truth defines them.
    static std::vector<bool> speechHops(const Samples& clip);

    /// Puts `passage` through `condition` and writes it as `<passage>-<condition>.wav` (16 kHz
    /// mono unless the condition converts it with sox).
    std::optional<RenderedTake> render(const Passage& passage, const Condition& condition);

    /// Runs sox with `args` (paths absolute or relative to the folder); false on failure.
    bool sox(const QStringList& args);
    /// Writes `samples` as a 16-bit WAV at kCorpusRate; the path of `name`.wav.
    std::optional<QString> write(const QString& name, const Samples& samples);
    /// Reads any file sox reads into mono float at kCorpusRate.
    std::optional<Samples> read(const QString& path);
    /// sox `synth` noise of `colour` (whitenoise, pinknoise, brownnoise) of `seconds`.
    std::optional<Samples> noise(const QString& colour, double seconds);

    /// Absolute path of `name` in the folder.
    QString path(const QString& name) const;
    /// What failed last, with the tool's output.
    const QString& error() const { return m_error; }

private:
    QString m_dir;
    QString m_error;
};

/// RMS of `samples` in dBFS (-200 for digital silence).
double rmsDb(const Samples& samples);
/// RMS in dBFS of the frames the truth calls speech.
double speechRmsDb(const Passage& passage);
/// Adds `noise` (looped or cut to length) scaled to an RMS of `noiseRmsDb` dBFS; `mask`, when
/// given (one value per sample), multiplies the noise sample by sample.
void addNoise(Samples& samples, const Samples& noise, double noiseRmsDb,
    const std::vector<float>* mask = nullptr);

/// A recording condition: what it makes of a clean passage.
struct Condition
{
    QString name;
    QString description;
    std::function<Samples(const Passage&, SpeechCorpus&)> apply;
    QStringList soxOutput; ///< sox options for the final file (rate, channels), empty: 16 kHz mono
};

/// The rooms and microphones people record in: the clips' own room tone, white, pink and brown
/// noise at 10-40 dB under the speech, 50/60 Hz hum with harmonics, a DC offset, zeros before and
/// after the speech, a noise gate, 8/44.1/48 kHz and stereo.
std::vector<Condition> roomConditions();

} // namespace rapport::test
