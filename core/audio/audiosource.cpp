#include "core/audio/audiosource.h"

namespace rapport::audio {

AudioSource::AudioSource(QObject* parent)
    : QObject(parent)
{
    registerAudioMetaTypes();
}

AudioSource::~AudioSource() = default;

void registerAudioMetaTypes()
{
    qRegisterMetaType<rapport::audio::AudioBlock>("rapport::audio::AudioBlock");
    qRegisterMetaType<rapport::Status>("rapport::Status");
}

} // namespace rapport::audio
