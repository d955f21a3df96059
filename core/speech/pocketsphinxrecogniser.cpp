// The Recogniser behind makeRecogniser(): CMU PocketSphinx (Debian's 5prealpha) with its US
// English continuous model. Everything PocketSphinx stays in this file.
#include "core/audio/wavfilesource.h"
#include "core/speech/recogniser.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QtGlobal>
#include <algorithm>
#include <cmath>
#include <mutex>
#include <pocketsphinx.h>
#include <sphinxbase/err.h>

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

// "word(2)" is the dictionary's second pronunciation of "word".
QString dictionaryWord(const char* raw)
{
    QString word = QString::fromUtf8(raw);
    if (const qsizetype paren = word.indexOf(QLatin1Char('(')); paren > 0)
        word.truncate(paren);
    return word;
}

// Silence, sentence marks and the noise model's fillers ("<sil>", "[NOISE]", "++BREATH++").
bool isNonSpeech(const QString& word)
{
    return word.isEmpty() || word.startsWith(QLatin1Char('<')) || word.startsWith(QLatin1Char('['))
        || word.startsWith(QLatin1String("++"));
}

class PocketSphinxRecogniser final : public Recogniser
{
public:
    explicit PocketSphinxRecogniser(ps_decoder_t* decoder)
        : m_decoder(decoder)
    { }
    ~PocketSphinxRecogniser() override { ps_free(m_decoder); }

    void start() override
    {
        m_frames = 0;
        m_elapsedNs = 0;
        // A new stream, so that word times count from this take's first frame.
        ps_start_stream(m_decoder);
        ps_start_utt(m_decoder);
        m_started = true;
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
        ps_process_raw(m_decoder, m_pcm.data(), m_pcm.size(), FALSE, FALSE);
        m_frames += static_cast<std::int64_t>(block.samples.size());
        m_elapsedNs += timer.nsecsElapsed();
    }

    Transcript finish() override
    {
        QElapsedTimer timer;
        timer.start();
        Transcript transcript;
        if (m_started) {
            ps_end_utt(m_decoder);
            m_started = false;
            for (ps_seg_t* seg = ps_seg_iter(m_decoder); seg; seg = ps_seg_next(seg)) {
                const QString word = dictionaryWord(ps_seg_word(seg));
                if (isNonSpeech(word))
                    continue;
                int startFrame = 0;
                int endFrame = 0;
                ps_seg_frames(seg, &startFrame, &endFrame);
                // Frames are 10 ms and the end frame is inclusive.
                transcript.words.push_back({ word.toLower(), startFrame / kFramesPerSecond,
                    (endFrame + 1) / kFramesPerSecond });
            }
        }
        m_elapsedNs += timer.nsecsElapsed();
        transcript.audioS = audio::framesToSeconds(m_frames);
        transcript.decodeMs = static_cast<double>(m_elapsedNs) / 1e6;
        return transcript;
    }

private:
    ps_decoder_t* m_decoder;
    std::vector<std::int16_t> m_pcm;
    std::int64_t m_frames = 0;
    std::int64_t m_elapsedNs = 0;
    bool m_started = false;
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
    // calls silence and shift every word after them. The pruning settings (-topn, -maxhmmpf,
    // -maxwpf, -pl_window) trade a little accuracy for about twice the speed, and the second
    // (flat) pass, which rarely changes the count or the length of the words, is left out.
    cmd_ln_t* config
        = cmd_ln_init(nullptr, ps_args(), TRUE, "-hmm", hmm.constData(), "-lm", lm.constData(),
            "-dict", dict.constData(), "-remove_silence", "no", "-topn", "2", "-maxhmmpf", "3000",
            "-maxwpf", "5", "-pl_window", "10", "-fwdflat", "no", "-bestpath", "no", nullptr);
    if (!config)
        return Error { ErrorKind::Format,
            QStringLiteral("The speech model's settings were refused."), {}, {} };
    ps_decoder_t* decoder = ps_init(config);
    cmd_ln_free_r(config); // the decoder keeps its own reference
    if (!decoder)
        return Error { ErrorKind::Format,
            QStringLiteral("The speech model in %1 could not be loaded.")
                .arg(QFileInfo(model.acousticModel).absolutePath()),
            QStringLiteral("Reinstall it with: apt-get install --reinstall pocketsphinx-en-us"),
            {} };
    return std::unique_ptr<Recogniser>(std::make_unique<PocketSphinxRecogniser>(decoder));
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

Result<Transcript> transcribeFile(const QString& path)
{
    Result<SpeechModel> model = findSpeechModel();
    if (!model)
        return model.error();
    Result<std::unique_ptr<Recogniser>> recogniser = makeRecogniser(*model);
    if (!recogniser)
        return recogniser.error();
    return transcribeFile(path, **recogniser);
}

} // namespace rapport::speech
