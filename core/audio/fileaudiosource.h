#pragma once

#include "core/audio/audiosource.h"
#include "core/audio/wavfilesource.h"

#include <QTimer>
#include <memory>

namespace rapport::audio {

/// Plays an audio file as a live source: the same blocks a microphone would push, at real-time
/// pace (or faster), through the same AudioSource interface. The GUI uses it to rehearse with a
/// recording; tests use it to drive the rehearsal view without a sound server.
class FileAudioSource final : public AudioSource
{
    Q_OBJECT
public:
    /// `speed` 1.0 is real time, 4.0 four times faster; 0 delivers one block per event-loop turn.
    explicit FileAudioSource(QString path, double speed = 1.0, QObject* parent = nullptr);
    ~FileAudioSource() override;

    /// Opens the file (errors as WavFileSource::open) and starts the timer.
    Status start() override;
    /// Stops at the next block boundary; finished(ok) follows from the event loop.
    void stop() override;
    QString name() const override;

    static constexpr int kBlockFrames = 1600; ///< 100 ms at kSampleRate, like a microphone

private:
    void deliverNext();
    void finishWith(const Status& status);

    QString m_path;
    double m_speed;
    std::unique_ptr<WavFileSource> m_file;
    QTimer m_timer;
    bool m_running = false;
};

} // namespace rapport::audio
