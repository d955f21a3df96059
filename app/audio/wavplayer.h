#pragma once

#include "core/common/result.h"

#include <QAudioFormat>
#include <QElapsedTimer>
#include <QObject>
#include <memory>

class QAudioSink;
class QBuffer;
class QTimer;

namespace rapport::audio {

/// Plays a take's audio file through Qt Multimedia (QAudioSink, pull mode) on the default
/// output. The file is read with WavFileSource (16 kHz mono float) and converted to a format the
/// device accepts. Positions are what the sound system reports as played, in milliseconds from
/// the start of the file. Lives on a thread with an event loop. play() reads the whole file into
/// memory in the output's format (takes are minutes long: 10 min of 16 kHz mono 16-bit is 19 MB),
/// which keeps the audio path free of file reads while playing.
class WavPlayer : public QObject
{
    Q_OBJECT
public:
    enum class State { Stopped, Playing, Paused };
    Q_ENUM(State)

    /// How often positionChanged() is emitted while playing.
    static constexpr int kPositionIntervalMs = 50;

    explicit WavPlayer(QObject* parent = nullptr);
    ~WavPlayer() override;

    /// Stops what is playing and plays `path` from `fromMs` (clamped into the file; 0: the
    /// start). Positions count from the start of the file, so they begin near `fromMs`. Errors
    /// (nothing plays, failed() is not emitted): NotFound / Permission / Format from reading the
    /// file, NotFound when the system has no audio output, Unsupported when the output takes no
    /// format we can make, Io when the output refuses to start.
    Status play(const QString& path, qint64 fromMs = 0);
    /// Pauses; resume() continues from the same place. Ignored unless playing.
    void pause();
    /// Ignored unless paused.
    void resume();
    /// Stops and rewinds; finished() is not emitted.
    void stop();

    State state() const { return m_state; }
    /// Milliseconds of the file played so far (the duration once finished, 0 when stopped).
    qint64 positionMs() const;
    /// Length of the file in milliseconds (0 before play()).
    qint64 durationMs() const { return m_durationMs; }
    /// The file being played (or last played).
    const QString& path() const { return m_path; }
    /// The format the output device was opened with (valid while playing).
    QAudioFormat outputFormat() const { return m_format; }

Q_SIGNALS:
    void positionChanged(qint64 positionMs);
    void stateChanged(rapport::audio::WavPlayer::State state);
    /// The whole file has been played; the state is Stopped.
    void finished();
    /// Playback broke off after it had started (device lost, sound server gone); the state is
    /// Stopped.
    void failed(const rapport::Error& error);

private:
    void setState(State state);
    void onSinkStateChanged();
    void tick();
    void release();
    void finish();

    QString m_path;
    QAudioFormat m_format;
    std::unique_ptr<QAudioSink> m_sink;
    std::unique_ptr<QBuffer> m_buffer;
    QTimer* m_ticker;
    State m_state = State::Stopped;
    qint64 m_durationMs = 0;
    qint64 m_startMs = 0; ///< where in the file this playback began
    qint64 m_finishedAtMs = 0; ///< position to report after the natural end
    bool m_draining = false; ///< all data is with the sound system, waiting for it to play
    QElapsedTimer m_drainClock; ///< since draining began, to bound that wait
};

} // namespace rapport::audio

Q_DECLARE_METATYPE(rapport::Error)
