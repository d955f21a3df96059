#include "app/audio/wavplayer.h"

#include "core/audio/wavfilesource.h"

#include <QAudioDevice>
#include <QAudioSink>
#include <QBuffer>
#include <QMediaDevices>
#include <QTimer>
#include <algorithm>
#include <cmath>
#include <cstring>
#include <samplerate.h>

namespace rapport::audio {

namespace {

// The sink's buffer: pause and stop take effect within about this long.
constexpr qint64 kBufferMs = 250;
// After the last byte was handed over, how much longer than the buffer the sound system may
// take to report it played before the take counts as finished anyway.
constexpr qint64 kDrainSlackMs = 1500;
constexpr int kReadFrames = 4096;

Result<std::vector<float>> readSamples(const QString& path)
{
    Result<std::unique_ptr<WavFileSource>> source = WavFileSource::open(path);
    if (!source)
        return source.error();
    std::vector<float> samples;
    samples.reserve(static_cast<std::size_t>((*source)->durationFrames()));
    if (Status read = (*source)->readAll(
            [&](const AudioBlock& block) {
                samples.insert(samples.end(), block.samples.begin(), block.samples.end());
            },
            kReadFrames);
        !read)
        return read.error();
    return samples;
}

QAudioFormat format(int rate, int channels, QAudioFormat::SampleFormat sampleFormat)
{
    QAudioFormat f;
    f.setSampleRate(rate);
    f.setChannelCount(channels);
    f.setSampleFormat(sampleFormat);
    return f;
}

// 16 kHz mono (or stereo) in 16-bit or float when the device takes it (the sound server
// converts); else the device's own format, which render() resamples to.
QAudioFormat chooseFormat(const QAudioDevice& device)
{
    for (int channels : { 1, 2 }) {
        for (QAudioFormat::SampleFormat sampleFormat :
            { QAudioFormat::Int16, QAudioFormat::Float }) {
            const QAudioFormat f = format(kSampleRate, channels, sampleFormat);
            if (device.isFormatSupported(f))
                return f;
        }
    }
    return device.preferredFormat();
}

Result<std::vector<float>> resampled(const std::vector<float>& mono, int rate)
{
    if (rate == kSampleRate || mono.empty())
        return mono;
    const double ratio = static_cast<double>(rate) / kSampleRate;
    std::vector<float> out(static_cast<std::size_t>(std::ceil(mono.size() * ratio)) + 16);
    SRC_DATA data {};
    data.data_in = mono.data();
    data.input_frames = static_cast<long>(mono.size());
    data.data_out = out.data();
    data.output_frames = static_cast<long>(out.size());
    data.src_ratio = ratio;
    if (const int error = src_simple(&data, SRC_SINC_MEDIUM_QUALITY, 1))
        return Error { ErrorKind::Unsupported,
            QStringLiteral("The audio could not be converted for the sound output."), {},
            QString::fromUtf8(src_strerror(error)) };
    out.resize(static_cast<std::size_t>(data.output_frames_gen));
    return out;
}

template <typename T> void put(QByteArray& bytes, qsizetype& at, T value)
{
    std::memcpy(bytes.data() + at, &value, sizeof(T));
    at += static_cast<qsizetype>(sizeof(T));
}

// Mono float samples as `format`'s bytes, the same sample in every channel.
Result<QByteArray> render(const std::vector<float>& mono, const QAudioFormat& format)
{
    Result<std::vector<float>> samples = resampled(mono, format.sampleRate());
    if (!samples)
        return samples.error();
    const int channels = format.channelCount();
    QByteArray bytes(static_cast<qsizetype>(samples->size()) * format.bytesPerFrame(), '\0');
    qsizetype at = 0;
    for (float sample : *samples) {
        const double s = std::clamp(static_cast<double>(sample), -1.0, 1.0);
        for (int c = 0; c < channels; ++c) {
            switch (format.sampleFormat()) {
            case QAudioFormat::UInt8:
                put(bytes, at, static_cast<quint8>(std::lround(s * 127.0) + 128));
                break;
            case QAudioFormat::Int16:
                put(bytes, at, static_cast<qint16>(std::lround(s * 32767.0)));
                break;
            case QAudioFormat::Int32:
                put(bytes, at, static_cast<qint32>(std::llround(s * 2147483647.0)));
                break;
            case QAudioFormat::Float:
                put(bytes, at, static_cast<float>(s));
                break;
            case QAudioFormat::Unknown:
            case QAudioFormat::NSampleFormats:
                return Error { ErrorKind::Unsupported,
                    QStringLiteral("The sound output asks for a sample format Rapport cannot "
                                   "produce."),
                    QStringLiteral("Choose another output device in the sound settings."), {} };
            }
        }
    }
    return bytes;
}

QString sinkErrorText(QAudio::Error error)
{
    switch (error) {
    case QAudio::NoError:
        return {};
    case QAudio::OpenError:
        return QStringLiteral("the output device could not be opened");
    case QAudio::IOError:
        return QStringLiteral("writing to the output device failed");
    case QAudio::UnderrunError:
        return QStringLiteral("the output device ran out of data");
    case QAudio::FatalError:
        return QStringLiteral("the sound system is not available");
    }
    return {};
}

} // namespace

WavPlayer::WavPlayer(QObject* parent)
    : QObject(parent)
    , m_ticker(new QTimer(this))
{
    qRegisterMetaType<rapport::Error>();
    m_ticker->setInterval(kPositionIntervalMs);
    connect(m_ticker, &QTimer::timeout, this, &WavPlayer::tick);
}

WavPlayer::~WavPlayer()
{
    release();
}

Status WavPlayer::play(const QString& path, qint64 fromMs)
{
    stop();
    m_path = path;
    m_durationMs = 0;
    Result<std::vector<float>> samples = readSamples(path);
    if (!samples)
        return samples.error();

    const QAudioDevice device = QMediaDevices::defaultAudioOutput();
    if (device.isNull())
        return Error { ErrorKind::NotFound,
            QStringLiteral("No audio output found, so the take cannot be played."),
            QStringLiteral("Connect speakers or headphones, or check the sound settings."), {} };
    m_format = chooseFormat(device);
    if (!m_format.isValid())
        return Error { ErrorKind::Unsupported,
            QStringLiteral("The sound output %1 offers no format Rapport can play.")
                .arg(device.description()),
            QStringLiteral("Choose another output device in the sound settings."), {} };
    Result<QByteArray> bytes = render(*samples, m_format);
    if (!bytes)
        return bytes.error();

    const qint64 frames = bytes->size() / m_format.bytesPerFrame();
    m_durationMs = frames * 1000 / m_format.sampleRate();
    m_buffer = std::make_unique<QBuffer>();
    m_buffer->setData(*bytes);
    m_buffer->open(QIODevice::ReadOnly);
    // Whole frames only, and never at the very end (that would finish before it began).
    const qint64 startFrame = std::clamp<qint64>(
        fromMs * m_format.sampleRate() / 1000, 0, std::max<qint64>(frames - 1, 0));
    m_startMs = startFrame * 1000 / m_format.sampleRate();
    m_buffer->seek(startFrame * m_format.bytesPerFrame());
    m_sink = std::make_unique<QAudioSink>(device, m_format);
    m_sink->setBufferSize(m_format.bytesForDuration(kBufferMs * 1000));
    // Queued: the sink may report from the sound system's thread, and it must not be deleted
    // from inside its own signal.
    connect(m_sink.get(), &QAudioSink::stateChanged, this, &WavPlayer::onSinkStateChanged,
        Qt::QueuedConnection);
    m_sink->start(m_buffer.get());
    if (m_sink->state() == QAudio::StoppedState || m_sink->error() != QAudio::NoError) {
        const QString detail = sinkErrorText(m_sink->error());
        release();
        return Error { ErrorKind::Io,
            QStringLiteral("The sound output %1 could not be started.").arg(device.description()),
            QStringLiteral("Check the sound settings, or close programs that hold the output."),
            detail };
    }
    m_draining = false;
    m_ticker->start();
    setState(State::Playing);
    return {};
}

void WavPlayer::pause()
{
    if (m_state != State::Playing)
        return;
    m_sink->suspend();
    m_ticker->stop();
    setState(State::Paused);
    Q_EMIT positionChanged(positionMs());
}

void WavPlayer::resume()
{
    if (m_state != State::Paused)
        return;
    m_sink->resume();
    m_draining = false; // the wait for the last buffer starts again
    m_ticker->start();
    setState(State::Playing);
}

void WavPlayer::stop()
{
    m_finishedAtMs = 0;
    if (m_state == State::Stopped)
        return;
    release();
    setState(State::Stopped);
    Q_EMIT positionChanged(0);
}

qint64 WavPlayer::positionMs() const
{
    if (m_state == State::Stopped || !m_sink)
        return m_finishedAtMs;
    return std::min(m_startMs + m_sink->processedUSecs() / 1000, m_durationMs);
}

void WavPlayer::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void WavPlayer::onSinkStateChanged()
{
    if (!m_sink || m_state == State::Stopped)
        return;
    const QAudio::Error error = m_sink->error();
    if (m_sink->state() != QAudio::StoppedState || error == QAudio::NoError)
        return;
    const Error failure { ErrorKind::Io,
        QStringLiteral("Playing %1 broke off: the sound output stopped.").arg(m_path),
        QStringLiteral("Check the sound settings and play the take again."), sinkErrorText(error) };
    release();
    setState(State::Stopped);
    Q_EMIT failed(failure);
}

void WavPlayer::tick()
{
    if (m_state != State::Playing || !m_sink)
        return;
    const qint64 position = positionMs();
    Q_EMIT positionChanged(position);
    if (!m_buffer->atEnd())
        return;
    // Everything has been handed to the sound system; finished once it has been played.
    if (!m_draining) {
        m_draining = true;
        m_drainClock.start();
    }
    if (position >= m_durationMs || m_drainClock.elapsed() > kBufferMs + kDrainSlackMs)
        finish();
}

void WavPlayer::finish()
{
    release();
    m_finishedAtMs = m_durationMs;
    setState(State::Stopped);
    Q_EMIT positionChanged(m_durationMs);
    Q_EMIT finished();
}

void WavPlayer::release()
{
    m_ticker->stop();
    m_draining = false;
    if (m_sink) {
        disconnect(m_sink.get(), nullptr, this, nullptr);
        m_sink->stop();
        m_sink.reset();
    }
    m_buffer.reset();
}

} // namespace rapport::audio
