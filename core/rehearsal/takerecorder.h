#pragma once

#include "core/analysis/analysispipeline.h"
#include "core/audio/audiosource.h"
#include "core/audio/wavwriter.h"

#include <QObject>
#include <optional>

namespace rapport::rehearsal {

/// Records one take: every block from an AudioSource goes to the WAV file as it arrives and
/// through the analysis pipeline, so the report is ready the moment the take stops. The pipeline
/// analyses the samples as stored in the file (16-bit, see WavWriter::storedValue()), so the
/// report equals analysis::analyseFile() of wavPath(), field for field (analysisMs aside). Elapsed
/// time is counted in audio frames, never by the wall clock. Runs on the thread the source delivers
/// on (analysis of a 100 ms block takes well under a millisecond).
class TakeRecorder : public QObject
{
    Q_OBJECT
public:
    explicit TakeRecorder(QObject* parent = nullptr);
    ~TakeRecorder() override;

    /// Creates `wavPath` and starts `source` (which must outlive the take). `maxFrames` > 0 stops
    /// the take by itself after that many frames. Errors: the file (see WavWriter::create) or
    /// the source (e.g. no microphone); then nothing was started and no file is left behind.
    Status start(audio::AudioSource& source, const QString& wavPath, std::int64_t maxFrames = 0);
    /// Ends the take; finished() follows once the source has delivered its last block.
    void stop();
    /// For the takes that follow: see AnalysisPipeline::setSyllablesPerWord().
    void setSyllablesPerWord(double syllablesPerWord)
    {
        m_pipeline.setSyllablesPerWord(syllablesPerWord);
    }

    bool isRecording() const { return m_source != nullptr; }
    std::int64_t framesRecorded() const { return m_frames; }
    analysis::LevelReading latestLevel() const { return m_pipeline.latestLevel(); }

signals:
    /// After each block: frames so far (at audio::kSampleRate) and the latest level.
    void progressed(qint64 frames, float rmsDbfs, float peakDbfs);
    /// Each block as the file now holds it (what the analysis gets), before progressed().
    void blockStored(const rapport::audio::AudioBlock& block);
    /// The take has ended. `status` is an error when the device was lost or the disk filled;
    /// the audio up to then is in the file and in the report either way.
    void finished(const rapport::Status& status);

public:
    /// The last take's report (valid after finished()).
    const analysis::TakeReport& report() const { return m_report; }
    /// The last take's WAV file.
    const QString& wavPath() const { return m_wavPath; }

private:
    void onBlock(const audio::AudioBlock& block);
    void onSourceFinished(const Status& status);
    void fail(const Error& error);

    audio::AudioSource* m_source = nullptr;
    std::optional<audio::WavWriter> m_writer;
    analysis::AnalysisPipeline m_pipeline;
    analysis::TakeReport m_report;
    QString m_wavPath;
    std::int64_t m_frames = 0;
    std::int64_t m_maxFrames = 0;
    std::optional<Error> m_failure;
    bool m_stopping = false;
};

} // namespace rapport::rehearsal
