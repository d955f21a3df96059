#pragma once

#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace rapport::test {

/// A short elevator pitch of four sentences, read without commas (77 syllables, 57 words: 1.35 a
/// word, like running speech), shared by the espeak-ng fixtures and bench/accuracy.
const QStringList& examplePitch();
/// Syllables of each examplePitch() sentence, counted by hand.
const std::vector<int>& examplePitchSyllables();

/// One sentence of a fixture take, spoken by espeak-ng.
struct Utterance
{
    QString text;
    QString voice = QStringLiteral("en-us"); ///< an espeak-ng voice, e.g. en-us, en, en+f3
    int wpm = 160; ///< espeak-ng's -s rate
};

/// How to build a take: silence, sentence, gap, sentence, ..., silence.
struct TakeSpec
{
    double leadingS = 0.7;
    std::vector<Utterance> utterances;
    std::vector<double> gapsS; ///< utterances.size() - 1 silences between the sentences
    double trailingS = 0.8;
    std::optional<double> noiseDbfs; ///< white noise under the whole take at this RMS level
};

/// A built take and the truth known from how it was built.
struct FixtureTake
{
    QString path; ///< 22 050 Hz mono 16-bit WAV (espeak-ng's own format)
    double durationS = 0.0;
    double speechStartS = 0.0;
    double speechEndS = 0.0;
    std::vector<std::pair<double, double>> pausesS; ///< inserted gaps, start and end
    int words = 0;

    double speakingTimeS() const { return speechEndS - speechStartS; }
    /// Words per minute of speaking time: the truth the wpm estimate is held to.
    double wordsPerMinute() const { return words / speakingTimeS() * 60.0; }
};

/// Makes speech fixtures at test time with espeak-ng and sox in a folder the caller owns.
///
/// Each sentence's own speech length comes from trimming espeak-ng's leading and trailing
/// silence with sox's `silence` effect (first/last sample above 0.1 % of full scale, on the
/// noise-free synthesis), measured with soxi; silences are added by construction. Every
/// function returns nullopt and sets error() when a tool fails or is missing.
class SpeechFixture
{
public:
    /// Precondition: `dir` exists and outlives the fixture's files.
    explicit SpeechFixture(const QString& dir);

    /// Empty when espeak-ng, sox and soxi run; else which Debian package to install.
    static QString missingTools();

    /// Builds a take as `spec` says (or reuses the same take from cacheDir()).
    std::optional<FixtureTake> build(const QString& name, const TakeSpec& spec);
    /// Where built takes are kept between test processes (under the system temp folder).
    static QString cacheDir();
    /// Runs sox with `args` (file names relative to the folder, or absolute); false on failure.
    bool sox(const QStringList& args);
    /// Converts `input` into `name`.wav at `sampleRate` Hz with `channels` channels.
    std::optional<QString> convert(
        const QString& input, const QString& name, int sampleRate, int channels);
    /// The length of an audio file in seconds, from soxi -D.
    std::optional<double> durationS(const QString& path);
    /// Absolute path of `name` in the folder.
    QString path(const QString& name) const;
    /// What failed last, with the tool's output.
    const QString& error() const { return m_error; }

private:
    std::optional<FixtureTake> buildHere(const QString& name, const TakeSpec& spec);
    std::optional<QString> speak(const Utterance& utterance, int index);
    std::optional<QString> silence(double seconds, int index);

    QString m_dir;
    QString m_prefix; ///< the take being built, names its intermediate files
    QString m_error;
};

} // namespace rapport::test
