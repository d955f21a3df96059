#pragma once

#include "core/audio/audioblock.h"
#include "core/common/result.h"

#include <QMetaType>
#include <QObject>
#include <QString>

namespace rapport::audio {

/// A live source of a take's audio (microphone, file played in real time): it pushes blocks as
/// they arrive. Every block is mono float at kSampleRate; startFrame counts frames from the first
/// frame the source delivered after start(), with no gaps and no overlaps, so elapsed time is
/// framesToSeconds(block.endFrame()) — never the wall clock.
class AudioSource : public QObject
{
    Q_OBJECT
public:
    explicit AudioSource(QObject* parent = nullptr);
    ~AudioSource() override;

    /// Starts delivering blocks; an Error (e.g. ErrorKind::NotFound: no device) means nothing
    /// started and finished() will not be emitted. Precondition: not already started.
    virtual Status start() = 0;
    /// Stops delivering; emits finished() with success once, after the last blockReady().
    /// Harmless when not started or already finished.
    virtual void stop() = 0;
    /// A human-readable name of what is being captured, e.g. the microphone's description.
    virtual QString name() const = 0;

Q_SIGNALS:
    /// Consecutive audio: block.startFrame equals the previous block's endFrame().
    void blockReady(const rapport::audio::AudioBlock& block);
    /// The source has ended: ok after stop() or the natural end, an Error when the device was
    /// lost or reading failed. Every block delivered before stays valid.
    void finished(const rapport::Status& status);
};

/// Registers AudioBlock and Status with Qt's meta-type system (for queued connections across
/// threads). Idempotent; called by the AudioSource constructor.
void registerAudioMetaTypes();

} // namespace rapport::audio

Q_DECLARE_METATYPE(rapport::audio::AudioBlock)
Q_DECLARE_METATYPE(rapport::Status)
