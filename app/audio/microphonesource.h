#pragma once

#include "app/audio/captureconverter.h"
#include "core/audio/audiosource.h"

#include <QAudioDevice>
#include <QAudioFormat>
#include <memory>
#include <optional>

class QAudioSource;
class QIODevice;
class QMediaDevices;
class QTimer;

namespace rapport::audio {

/// Captures a microphone through Qt Multimedia (QAudioSource, reading on readyRead) and delivers
/// mono float blocks at kSampleRate, converting whatever the device gives. Blocks are emitted on
/// the thread that owns this object (it needs a running event loop); their startFrame counts the
/// frames delivered since start(), so the take's clock is the audio itself.
class MicrophoneSource final : public AudioSource
{
    Q_OBJECT
public:
    /// Captures from the system's default input, chosen when start() is called.
    explicit MicrophoneSource(QObject* parent = nullptr);
    /// Captures from `device`.
    explicit MicrophoneSource(const QAudioDevice& device, QObject* parent = nullptr);
    ~MicrophoneSource() override;

    /// Opens the device. Errors: NotFound with noInputMessage() when there is no input,
    /// Unsupported when its format cannot be converted, Io when it refuses to start.
    Status start() override;
    /// Delivers the audio still buffered and stops; finished(ok) follows from the event loop.
    void stop() override;
    /// The device's description, e.g. "Built-in Audio Analog Stereo".
    QString name() const override;

    /// The format the device delivers (valid after a successful start()).
    QAudioFormat deviceFormat() const { return m_format; }
    /// Frames at kSampleRate delivered so far.
    std::int64_t framesDelivered() const { return m_nextFrame; }

private:
    void readAvailable();
    void onStateChanged();
    void onInputsChanged();
    // Delivers what is buffered, releases the device and emits finished(status).
    void finish(const Status& status);
    void deliver(std::vector<float>& samples);

    QAudioDevice m_device;
    bool m_useDefault = false;
    QAudioFormat m_format;
    std::unique_ptr<QAudioSource> m_source;
    std::unique_ptr<QMediaDevices> m_devices;
    std::unique_ptr<QTimer> m_deviceCheck; ///< polls the device list while recording
    QIODevice* m_io = nullptr; ///< owned by m_source
    std::optional<CaptureConverter> m_converter;
    std::vector<float> m_buffer;
    std::int64_t m_nextFrame = 0;
    bool m_running = false;
};

/// The microphone the user chose (Settings: its id and name, see resolveInput()), or the
/// system's default when none was chosen or the chosen one is not connected.
std::unique_ptr<MicrophoneSource> chosenMicrophone(const QString& id, const QString& name);

} // namespace rapport::audio
