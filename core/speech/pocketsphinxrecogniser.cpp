// The Recogniser behind makeRecogniser(): CMU PocketSphinx (Debian's 5prealpha) with its US
// English continuous model. Everything PocketSphinx stays in this file.
#include "core/audio/wavfilesource.h"
#include "core/speech/recogniser.h"
#include "core/speech/scriptmodel.h"
#include "core/speech/wordreport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryFile>
#include <QtGlobal>
#include <algorithm>
#include <cmath>
#include <mutex>
#include <pocketsphinx.h>
#include <sphinxbase/cmn.h>
#include <sphinxbase/err.h>
#include <sphinxbase/fe.h>
#include <sphinxbase/feat.h>
#include <sphinxbase/ngram_model.h>

namespace rapport::speech {
namespace {

constexpr double kFramesPerSecond = 100.0; // PocketSphinx's feature frame rate (-frate)

// PocketSphinx logs every setting and every utterance to stderr unless told not to; the
// setting is process-wide.
void silenceLogging()
{
    static std::once_flag once;
    std::call_once(once, [] { err_set_logfp(nullptr); });
}

// The word the decoder heard as `raw`, lower case ("word(2)", the dictionary's second
// pronunciation of "word", is "word"); empty for silence, sentence marks and the noise model's
// fillers ("<sil>", "[NOISE]", "++BREATH++").
QString heardWord(QString raw)
{
    if (const qsizetype paren = raw.indexOf(QLatin1Char('(')); paren > 0)
        raw.truncate(paren);
    if (raw.isEmpty() || raw.startsWith(QLatin1Char('<')) || raw.startsWith(QLatin1Char('['))
        || raw.startsWith(QLatin1String("++")))
        return {};
    return raw.toLower();
}

// The decoder's searches: the general model alone, and interpolated with a script's.
constexpr const char* kGeneralSearch = "general";
constexpr const char* kScriptSearch = "script";

class PocketSphinxRecogniser final : public Recogniser
{
public:
    // Takes `decoder` and a reference to `general`, the model its general search uses.
    PocketSphinxRecogniser(ps_decoder_t* decoder, ngram_model_t* general)
        : m_decoder(decoder)
        , m_general(general)
    { }
    ~PocketSphinxRecogniser() override
    {
        ps_free(m_decoder);
        ngram_model_free(m_general);
    }

    Status setScript(const QString& script) override
    {
        // The script's words the dictionary knows; an unknown one (a name, a number) breaks its
        // sentence there, as the recogniser could not say it anyway.
        QList<QStringList> sentences;
        for (const QString& sentence : splitSentences(script)) {
            QStringList run;
            for (const QString& word : normalisedWords(sentence)) {
                char* pronunciation = ps_lookup_word(m_decoder, word.toUtf8().constData());
                if (pronunciation) {
                    run << word;
                    ckd_free(pronunciation);
                } else if (!run.isEmpty()) {
                    sentences << run;
                    run.clear();
                }
            }
            if (!run.isEmpty())
                sentences << run;
        }
        if (sentences.isEmpty()) {
            ps_set_search(m_decoder, kGeneralSearch);
            return {};
        }
        // sphinxbase reads models from files only.
        QTemporaryFile file;
        const QByteArray arpa = scriptLanguageModel(sentences);
        if (!file.open() || file.write(arpa) != arpa.size() || !file.flush())
            return Error { ErrorKind::Io,
                QStringLiteral("Could not write the script's word model."),
                QStringLiteral("Check that the temporary folder has room."), file.errorString() };
        cmd_ln_t* config = ps_get_config(m_decoder);
        ngram_model_t* scriptModel = ngram_model_read(config,
            QFile::encodeName(file.fileName()).constData(), NGRAM_ARPA, ps_get_logmath(m_decoder));
        if (!scriptModel)
            return Error { ErrorKind::Format,
                QStringLiteral("The script's word model was refused."), {}, {} };
        // Half and half: a script word after the script's words is far likelier than in general
        // English, and any other word keeps half its general probability (a fallback, not a
        // grammar). The mix barely matters: 0.8 for the script heard the same words. A set
        // retains what it holds and the search retains its set, so each reference made here is
        // given up once handed on; the search frees the previous script's set.
        ngram_model_t* models[] = { scriptModel, m_general };
        char scriptName[] = "script";
        char generalName[] = "general";
        char* names[] = { scriptName, generalName };
        const float32 weights[] = { 0.5F, 0.5F };
        ngram_model_t* set = ngram_model_set_init(config, models, names, weights, 2);
        ngram_model_free(scriptModel);
        const bool used = set && ps_set_lm(m_decoder, kScriptSearch, set) >= 0
            && ps_set_search(m_decoder, kScriptSearch) >= 0;
        if (set)
            ngram_model_free(set);
        if (!used)
            return Error { ErrorKind::Format,
                QStringLiteral("The script's word model could not be used."), {}, {} };
        return {};
    }

    void start() override
    {
        m_frames = 0;
        m_elapsedNs = 0;
        // A new stream, so that word times count from this take's first frame.
        ps_start_stream(m_decoder);
        m_prime.clear();
        m_started = true;
        // Only the first take with sound primes the channel: later ones start from the mean the
        // earlier takes left, learnt over far more than a few seconds.
        m_inUtterance = false;
        if (m_primed)
            beginUtterance();
    }

    void process(const audio::AudioBlock& block) override
    {
        Q_ASSERT(m_started);
        QElapsedTimer timer;
        timer.start();
        m_pcm.resize(block.samples.size());
        std::transform(block.samples.begin(), block.samples.end(), m_pcm.begin(), [](float s) {
            return static_cast<std::int16_t>(std::lround(std::clamp(s, -1.0F, 1.0F) * 32767.0F));
        });
        if (m_inUtterance) {
            ps_process_raw(m_decoder, m_pcm.data(), m_pcm.size(), FALSE, FALSE);
        } else {
            m_prime.insert(m_prime.end(), m_pcm.begin(), m_pcm.end());
            if (m_prime.size() >= kPrimeSamples)
                beginUtterance();
        }
        m_frames += static_cast<std::int64_t>(block.samples.size());
        m_elapsedNs += timer.nsecsElapsed();
    }

    QStringList partialWords() override
    {
        QStringList words;
        if (!m_started || !m_inUtterance)
            return words;
        std::int32_t score = 0;
        const char* hypothesis = ps_get_hyp(m_decoder, &score);
        if (!hypothesis)
            return words;
        const QStringList said
            = QString::fromUtf8(hypothesis).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (const QString& raw : said) {
            if (const QString word = heardWord(raw); !word.isEmpty())
                words << word;
        }
        return words;
    }

    Transcript finish() override
    {
        QElapsedTimer timer;
        timer.start();
        Transcript transcript;
        if (m_started) {
            if (!m_inUtterance)
                beginUtterance();
            ps_end_utt(m_decoder);
            m_started = false;
            for (ps_seg_t* seg = ps_seg_iter(m_decoder); seg; seg = ps_seg_next(seg)) {
                const QString word = heardWord(QString::fromUtf8(ps_seg_word(seg)));
                if (word.isEmpty())
                    continue;
                int startFrame = 0;
                int endFrame = 0;
                ps_seg_frames(seg, &startFrame, &endFrame);
                // Frames are 10 ms and the end frame is inclusive.
                transcript.words.push_back(
                    { word, startFrame / kFramesPerSecond, (endFrame + 1) / kFramesPerSecond });
            }
        }
        m_elapsedNs += timer.nsecsElapsed();
        transcript.audioS = audio::framesToSeconds(m_frames);
        transcript.decodeMs = static_cast<double>(m_elapsedNs) / 1e6;
        return transcript;
    }

private:
    // PocketSphinx normalises the channel with a running cepstral mean that starts from the
    // model's own (the studio it was recorded in) and is first updated after 8 s: the opening of
    // a take through another microphone is heard badly ("hello i am" as "ah ah ah"). A new
    // recogniser's first take takes the mean from its own first seconds instead, before they are
    // decoded (words_accuracy --cold, LibriVox: 45 % of words wrong without a script, 22 % so;
    // 11 % with the script, 4 % so).
    static constexpr std::size_t kPrimeSamples = 3 * audio::kSampleRate;

    void beginUtterance()
    {
        if (!m_primed) {
            m_primed = primeChannel();
            // The front end counted the frames it was given: the stream starts again at this
            // take's first frame.
            ps_start_stream(m_decoder);
        }
        ps_start_utt(m_decoder);
        if (!m_prime.empty())
            ps_process_raw(m_decoder, m_prime.data(), m_prime.size(), FALSE, FALSE);
        m_prime.clear();
        m_inUtterance = true;
    }

    // Sets the running mean from m_prime; false when it holds too little sound to tell.
    bool primeChannel()
    {
        fe_t* fe = ps_get_fe(m_decoder);
        feat_t* feat = ps_get_feat(m_decoder);
        if (!fe || !feat || !feat->cmn_struct || m_prime.empty())
            return false;
        mfcc_t** cepstra = nullptr;
        int32 frames = 0;
        fe_start_utt(fe);
        if (fe_process_utt(fe, m_prime.data(), m_prime.size(), &cepstra, &frames) < 0 || !cepstra)
            return false;
        const int length = fe_get_output_size(fe);
        std::vector<double> sum(static_cast<std::size_t>(length), 0.0);
        int used = 0;
        for (int32 f = 0; f < frames; ++f) {
            if (cepstra[f][0] < 0) // no energy: the running mean skips them too
                continue;
            for (int c = 0; c < length; ++c)
                sum[std::size_t(c)] += cepstra[f][c];
            ++used;
        }
        fe_free_2d(cepstra);
        if (used < kMinPrimeFrames)
            return false;
        std::vector<mfcc_t> mean(static_cast<std::size_t>(length));
        for (int c = 0; c < length; ++c)
            mean[std::size_t(c)] = static_cast<mfcc_t>(sum[std::size_t(c)] / used);
        cmn_live_set(feat->cmn_struct, mean.data());
        return true;
    }
    static constexpr int kMinPrimeFrames = 50; // half a second

    ps_decoder_t* m_decoder;
    ngram_model_t* m_general; ///< the general language model (one reference of ours)
    std::vector<std::int16_t> m_pcm;
    std::int64_t m_frames = 0;
    std::int64_t m_elapsedNs = 0;
    std::vector<std::int16_t> m_prime; ///< the take's first samples, until beginUtterance()
    bool m_started = false;
    bool m_inUtterance = false;
    bool m_primed = false; ///< the channel's mean was taken from a take's first seconds
};

} // namespace

Result<SpeechModel> findSpeechModel()
{
    const QString override = qEnvironmentVariable("RAPPORT_SPEECH_MODEL");
    const QDir dir(
        override.isEmpty() ? QStringLiteral("/usr/share/pocketsphinx/model/en-us") : override);
    SpeechModel model { dir.filePath(QStringLiteral("en-us")),
        dir.filePath(QStringLiteral("en-us.lm.bin")),
        dir.filePath(QStringLiteral("cmudict-en-us.dict")) };
    for (const QString& path : { model.acousticModel, model.languageModel, model.dictionary }) {
        if (!QFileInfo::exists(path))
            return Error { ErrorKind::NotFound,
                QStringLiteral("The speech model is not installed (%1 is missing).").arg(path),
                override.isEmpty()
                    ? QStringLiteral("Install it with: apt-get install pocketsphinx-en-us")
                    : QStringLiteral("Point RAPPORT_SPEECH_MODEL at a folder holding en-us/, "
                                     "en-us.lm.bin and cmudict-en-us.dict, or unset it."),
                {} };
    }
    return model;
}

Result<std::unique_ptr<Recogniser>> makeRecogniser(const SpeechModel& model)
{
    silenceLogging();
    const QByteArray hmm = QFile::encodeName(model.acousticModel);
    const QByteArray lm = QFile::encodeName(model.languageModel);
    const QByteArray dict = QFile::encodeName(model.dictionary);
    // Times must match the audio: -remove_silence would drop the frames its own voice detector
    // calls silence and shift every word after them. Every Gaussian of the model's top 4 is
    // scored and the HMMs are not capped: the old -topn 2 and -maxhmmpf 3000 doubled the speed
    // but cost a third of the script's words on espeak-ng (58.9 -> 48.2 % wrong with them
    // gone, LibriVox 2.8 -> 1.4 %), and decoding still runs at about 4x real time here. The
    // word pruning (-maxwpf, -pl_window) costs nothing measurable, and the second (flat) pass,
    // which rarely changes the count or the length of the words, is left out.
    // The language model is loaded here rather than with -lm, so that a script's model can be
    // interpolated with it without loading it twice.
    cmd_ln_t* config = cmd_ln_init(nullptr, ps_args(), TRUE, "-hmm", hmm.constData(), "-dict",
        dict.constData(), "-remove_silence", "no", "-maxwpf", "5", "-pl_window", "10", "-fwdflat",
        "no", "-bestpath", "no", nullptr);
    if (!config)
        return Error { ErrorKind::Format,
            QStringLiteral("The speech model's settings were refused."), {}, {} };
    ps_decoder_t* decoder = ps_init(config);
    const Error notLoaded { ErrorKind::Format,
        QStringLiteral("The speech model in %1 could not be loaded.")
            .arg(QFileInfo(model.acousticModel).absolutePath()),
        QStringLiteral("Reinstall it with: apt-get install --reinstall pocketsphinx-en-us"), {} };
    if (!decoder) {
        cmd_ln_free_r(config);
        return notLoaded;
    }
    ngram_model_t* general
        = ngram_model_read(config, lm.constData(), NGRAM_AUTO, ps_get_logmath(decoder));
    cmd_ln_free_r(config); // the decoder keeps its own reference
    // The search retains the model; the recogniser keeps this reference for the scripts' mixes.
    if (!general || ps_set_lm(decoder, kGeneralSearch, general) < 0
        || ps_set_search(decoder, kGeneralSearch) < 0) {
        if (general)
            ngram_model_free(general);
        ps_free(decoder);
        return notLoaded;
    }
    return std::unique_ptr<Recogniser>(std::make_unique<PocketSphinxRecogniser>(decoder, general));
}

Result<Transcript> transcribeFile(const QString& path, Recogniser& recogniser)
{
    Result<std::unique_ptr<audio::WavFileSource>> source = audio::WavFileSource::open(path);
    if (!source)
        return source.error();
    recogniser.start();
    if (Status read
        = (*source)->readAll([&](const audio::AudioBlock& block) { recogniser.process(block); });
        !read) {
        recogniser.finish(); // ends the take, so the recogniser can start another
        return read.error();
    }
    return recogniser.finish();
}

Result<Transcript> transcribeFile(const QString& path, const QString& script)
{
    Result<SpeechModel> model = findSpeechModel();
    if (!model)
        return model.error();
    Result<std::unique_ptr<Recogniser>> recogniser = makeRecogniser(*model);
    if (!recogniser)
        return recogniser.error();
    if (Status biased = (*recogniser)->setScript(script); !biased)
        return biased.error();
    return transcribeFile(path, **recogniser);
}

} // namespace rapport::speech
