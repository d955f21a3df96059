#include "core/audio/fileaudiosource.h"

#include <QFileInfo>
#include <cmath>

namespace rapport::audio {

FileAudioSource::FileAudioSource(QString path, double speed, QObject* parent)
    : AudioSource(parent)
    , m_path(std::move(path))
    , m_speed(speed)
{
    connect(&m_timer, &QTimer::timeout, this, &FileAudioSource::deliverNext);
}

FileAudioSource::~FileAudioSource() = default;

Status FileAudioSource::start()
{
    Result<std::unique_ptr<WavFileSource>> file = WavFileSource::open(m_path);
    if (!file)
        return file.error();
    m_file = std::move(*file);
    m_running = true;
    const double blockMs = 1000.0 * kBlockFrames / kSampleRate;
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.start(m_speed > 0 ? static_cast<int>(std::lround(blockMs / m_speed)) : 0);
    return {};
}

void FileAudioSource::stop()
{
    if (!m_running)
        return;
    m_timer.stop();
    // Like a device, finish from the event loop, not inside the caller's stop().
    QTimer::singleShot(0, this, [this] { finishWith({}); });
}

QString FileAudioSource::name() const
{
    return QFileInfo(m_path).fileName();
}

void FileAudioSource::deliverNext()
{
    if (!m_running)
        return;
    AudioBlock block;
    Result<bool> more = m_file->read(block, kBlockFrames);
    if (!more) {
        finishWith(more.error());
        return;
    }
    if (!*more) {
        finishWith({});
        return;
    }
    emit blockReady(block);
}

void FileAudioSource::finishWith(const Status& status)
{
    if (!m_running)
        return;
    m_running = false;
    m_timer.stop();
    m_file.reset();
    emit finished(status);
}

} // namespace rapport::audio
