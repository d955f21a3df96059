#pragma once

#include "core/audio/audioblock.h"
#include "core/common/result.h"
#include "core/speech/transcript.h"

#include <QString>
#include <QStringList>
#include <memory>

namespace rapport::speech {

/// Turns a take's audio into words, offline. Blocks are fed as they arrive (live or from a file)
/// and the words are ready at finish(). Callers know only this interface, so a better recogniser
/// can replace the one behind makeRecogniser() without touching them. Not thread-safe: one thread
/// at a time (it may be another thread than the one that made it).
class Recogniser
{
public:
    virtual ~Recogniser() = default;
    Recogniser() = default;
    Recogniser(const Recogniser&) = delete;
    Recogniser& operator=(const Recogniser&) = delete;

    /// Biases recognition toward `script`, the words the speaker means to say, from the next
    /// start() on; empty: no bias. Words off the script are still heard: the general model
    /// stays beside the script's. Format when the script's model cannot be built.
    virtual Status setScript(const QString& script) = 0;
    /// Starts a new take.
    virtual void start() = 0;
    /// Decodes the next block; precondition: start() called, blocks contiguous.
    virtual void process(const audio::AudioBlock& block) = 0;
    /// The words heard so far in the take (the best guess now: later words can change it),
    /// without silences and noises.
    virtual QStringList partialWords() = 0;
    /// Ends the take and returns what was said; start() before the next take.
    virtual Transcript finish() = 0;
};

/// Where the speech model's files are.
struct SpeechModel
{
    QString acousticModel; ///< folder of the acoustic model
    QString languageModel; ///< n-gram language model file
    QString dictionary; ///< pronunciation dictionary
};

/// The US English model of Debian's pocketsphinx-en-us (or the folder named by the
/// RAPPORT_SPEECH_MODEL environment variable, laid out the same way). NotFound, saying which
/// package to install, when it is missing.
Result<SpeechModel> findSpeechModel();

/// A recogniser for `model`; Format when the model's files cannot be loaded.
Result<std::unique_ptr<Recogniser>> makeRecogniser(const SpeechModel& model);

/// Decodes the WAV (any format WavFileSource reads) at `path` with findSpeechModel()'s model,
/// biased toward `script` when one is given.
Result<Transcript> transcribeFile(const QString& path, const QString& script = {});
/// The same with a recogniser already made. Note: PocketSphinx carries what it learnt of the
/// channel (its cepstral mean) from one take to the next, so a reused recogniser can hear a file
/// a little differently than a fresh one.
Result<Transcript> transcribeFile(const QString& path, Recogniser& recogniser);

} // namespace rapport::speech
