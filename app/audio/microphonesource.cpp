#include "app/audio/microphonesource.h"

#include "app/audio/audiodevices.h"

#include <QAudioSource>
#include <QMediaDevices>
#include <QTimer>

namespace rapport::audio {

namespace {

// How often the device list is checked while recording (see start()).
constexpr int kDeviceCheckIntervalMs = 500;

QAudioFormat monoFormat(QAudioFormat::SampleFormat sampleFormat)
{
    QAudioFormat format;
    format.setSampleRate(kSampleRate);
    format.setChannelCount(1);
    format.setSampleFormat(sampleFormat);
    return format;
}

// 16 kHz mono as 16-bit or float when the device offers it (the sound server converts), else the
// device's own format, which CaptureConverter downmixes and resamples.
QAudioFormat chooseFormat(const QAudioDevice& device)
{
    for (QAudioFormat::SampleFormat sampleFormat : { QAudioFormat::Int16, QAudioFormat::Float }) {
        const QAudioFormat format = monoFormat(sampleFormat);
        if (device.isFormatSupported(format))
            return format;
    }
    return device.preferredFormat();
}

Error deviceLost(const QString& device, const QString& detail)
{
    return { ErrorKind::NotFound,
        QStringLiteral("The microphone %1 stopped delivering sound (disconnected?).").arg(device),
        QStringLiteral("Reconnect it or choose another input; the take so far is kept."), detail };
}

QString stateErrorText(QAudio::Error error)
{
    switch (error) {
    case QAudio::NoError:
        return {};
    case QAudio::OpenError:
        return QStringLiteral("the device could not be opened");
    case QAudio::IOError:
        return QStringLiteral("reading from the device failed");
    case QAudio::UnderrunError:
        return QStringLiteral("the device delivered no data in time");
    case QAudio::FatalError:
        return QStringLiteral("the device is no longer usable");
    }
    return {};
}

} // namespace

MicrophoneSource::MicrophoneSource(QObject* parent)
    : AudioSource(parent)
    , m_useDefault(true)
{ }

MicrophoneSource::MicrophoneSource(const QAudioDevice& device, QObject* parent)
    : AudioSource(parent)
    , m_device(device)
{ }

MicrophoneSource::~MicrophoneSource()
{
    // No signals from a half-destroyed object: release the device quietly.
    m_running = false;
    if (m_source)
        m_source->stop();
}

QString MicrophoneSource::name() const
{
    return m_device.description();
}

Status MicrophoneSource::start()
{
    if (m_running)
        return Error { ErrorKind::InvalidArgument,
            QStringLiteral("The microphone %1 is already recording.").arg(name()), {}, {} };
    m_devices = std::make_unique<QMediaDevices>();
    if (m_useDefault)
        m_device = QMediaDevices::defaultAudioInput();
    if (m_device.isNull())
        return Error { ErrorKind::NotFound, noInputMessage(), {}, {} };

    m_format = chooseFormat(m_device);
    Result<CaptureConverter> converter = CaptureConverter::create(m_format);
    if (!converter)
        return converter.error();
    m_converter = std::move(*converter);
    m_nextFrame = 0;

    m_source = std::make_unique<QAudioSource>(m_device, m_format);
    connect(m_source.get(), &QAudioSource::stateChanged, this, &MicrophoneSource::onStateChanged);
    m_io = m_source->start();
    if (!m_io || m_source->error() != QAudio::NoError) {
        const QString detail = stateErrorText(m_source->error());
        m_source.reset();
        m_io = nullptr;
        return Error { ErrorKind::Io,
            QStringLiteral("The microphone %1 could not be started.").arg(name()),
            QStringLiteral("Close other programs that use it, or choose another input."), detail };
    }
    connect(m_io, &QIODevice::readyRead, this, &MicrophoneSource::readAvailable);
    connect(m_devices.get(), &QMediaDevices::audioInputsChanged, this,
        &MicrophoneSource::onInputsChanged);
    // Qt 6.4 with PulseAudio does not emit audioInputsChanged when a source disappears, and the
    // server silently moves the stream to another source (often a monitor of the speakers), so
    // the device list is also checked on a timer: a removed microphone ends the take.
    m_deviceCheck = std::make_unique<QTimer>();
    connect(m_deviceCheck.get(), &QTimer::timeout, this, &MicrophoneSource::onInputsChanged);
    m_deviceCheck->start(kDeviceCheckIntervalMs);
    m_running = true;
    return {};
}

void MicrophoneSource::stop()
{
    if (m_running)
        finish({});
}

void MicrophoneSource::readAvailable()
{
    if (!m_running || !m_io)
        return;
    const QByteArray bytes = m_io->readAll();
    if (bytes.isEmpty())
        return;
    m_buffer.clear();
    m_converter->convert(bytes, m_buffer);
    deliver(m_buffer);
}

void MicrophoneSource::deliver(std::vector<float>& samples)
{
    if (samples.empty())
        return;
    AudioBlock block;
    block.startFrame = m_nextFrame;
    block.samples.swap(samples);
    m_nextFrame = block.endFrame();
    Q_EMIT blockReady(block);
    samples.swap(block.samples);
    samples.clear();
}

void MicrophoneSource::onStateChanged()
{
    if (!m_running || !m_source)
        return;
    const QAudio::Error error = m_source->error();
    if (m_source->state() == QAudio::StoppedState && error != QAudio::NoError)
        finish(deviceLost(name(), stateErrorText(error)));
}

void MicrophoneSource::onInputsChanged()
{
    if (!m_running)
        return;
    for (const QAudioDevice& device : QMediaDevices::audioInputs()) {
        if (device.id() == m_device.id())
            return;
    }
    finish(deviceLost(name(), QStringLiteral("the device was removed")));
}

void MicrophoneSource::finish(const Status& status)
{
    m_running = false;
    if (m_io) {
        // What the device has already captured belongs to the take.
        m_buffer.clear();
        m_converter->convert(m_io->readAll(), m_buffer);
        m_converter->flush(m_buffer);
        deliver(m_buffer);
        disconnect(m_io, nullptr, this, nullptr);
    }
    if (m_devices)
        disconnect(m_devices.get(), nullptr, this, nullptr);
    m_deviceCheck.reset();
    if (m_source)
        disconnect(m_source.get(), nullptr, this, nullptr);
    // Release the device from the event loop, not from inside its own readyRead or stateChanged
    // emission (stop() is usually called from a blockReady handler).
    QMetaObject::invokeMethod(
        this,
        [this, status] {
            m_io = nullptr;
            if (m_source)
                m_source->stop();
            m_source.reset();
            m_devices.reset();
            Q_EMIT finished(status);
        },
        Qt::QueuedConnection);
}

std::unique_ptr<MicrophoneSource> chosenMicrophone(const QString& id, const QString& name)
{
    const InputChoice choice = resolveInput(id, name);
    if (choice.device) {
        const QAudioDevice device = inputDeviceById(choice.device->id);
        if (!device.isNull())
            return std::make_unique<MicrophoneSource>(device);
    }
    return std::make_unique<MicrophoneSource>();
}

} // namespace rapport::audio
