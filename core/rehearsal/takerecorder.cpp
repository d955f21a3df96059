#include "core/rehearsal/takerecorder.h"

#include <QFile>

namespace rapport::rehearsal {

TakeRecorder::TakeRecorder(QObject* parent)
    : QObject(parent)
{ }

TakeRecorder::~TakeRecorder()
{
    if (m_source)
        disconnect(m_source, nullptr, this, nullptr);
}

Status TakeRecorder::start(
    audio::AudioSource& source, const QString& wavPath, std::int64_t maxFrames)
{
    Q_ASSERT(!isRecording());
    Result<audio::WavWriter> writer = audio::WavWriter::create(wavPath);
    if (!writer)
        return writer.error();
    m_writer.emplace(std::move(*writer));
    m_wavPath = wavPath;
    m_frames = 0;
    m_maxFrames = maxFrames;
    m_failure.reset();
    m_stopping = false;
    m_report = {};
    m_pipeline.reset();
    m_source = &source;
    connect(&source, &audio::AudioSource::blockReady, this, &TakeRecorder::onBlock);
    connect(&source, &audio::AudioSource::finished, this, &TakeRecorder::onSourceFinished);
    if (Status started = source.start(); !started) {
        disconnect(&source, nullptr, this, nullptr);
        m_source = nullptr;
        m_writer.reset();
        QFile::remove(wavPath);
        return started;
    }
    return {};
}

void TakeRecorder::stop()
{
    if (!m_source || m_stopping)
        return;
    m_stopping = true;
    m_source->stop();
}

void TakeRecorder::onBlock(const audio::AudioBlock& block)
{
    if (!m_source || m_failure || (m_maxFrames > 0 && m_frames >= m_maxFrames))
        return;
    audio::AudioBlock part = block;
    if (m_maxFrames > 0 && part.endFrame() > m_maxFrames)
        part.samples.resize(static_cast<std::size_t>(m_maxFrames - part.startFrame));
    // The analysis gets the samples the file now holds, as a reader decodes them, not the
    // source's floats: the report is then the saved WAV's report, bit for bit.
    audio::AudioBlock stored;
    const Status written = m_writer->write(part, &stored);
    if (!stored.samples.empty()) {
        m_pipeline.process(stored);
        m_frames = stored.endFrame();
        emit blockStored(stored);
    }
    if (!written) {
        fail(written.error());
        return;
    }
    const analysis::LevelReading level = m_pipeline.latestLevel();
    emit progressed(m_frames, level.rmsDbfs, level.peakDbfs);
    if (m_maxFrames > 0 && m_frames >= m_maxFrames)
        stop();
}

void TakeRecorder::fail(const Error& error)
{
    if (!m_failure)
        m_failure = error;
    stop();
}

void TakeRecorder::onSourceFinished(const Status& status)
{
    if (!m_source)
        return;
    disconnect(m_source, nullptr, this, nullptr);
    m_source = nullptr;
    if (!status && !m_failure)
        m_failure = status.error();
    if (Status closed = m_writer->close(); !closed && !m_failure)
        m_failure = closed.error();
    m_writer.reset();
    m_report = m_pipeline.finish();
    emit finished(m_failure ? Status(*m_failure) : Status());
}

} // namespace rapport::rehearsal
