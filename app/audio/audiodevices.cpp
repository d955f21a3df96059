#include "app/audio/audiodevices.h"

#include <QAudioDevice>
#include <QMediaDevices>

namespace rapport::audio {

namespace {

InputDevice toInput(const QAudioDevice& device)
{
    return { QString::fromUtf8(device.id()), device.description() };
}

} // namespace

std::optional<InputDevice> defaultInputDevice()
{
    const QAudioDevice device = QMediaDevices::defaultAudioInput();
    if (device.isNull())
        return std::nullopt;
    return toInput(device);
}

QList<InputDevice> inputDevices()
{
    QList<InputDevice> result;
    for (const QAudioDevice& device : QMediaDevices::audioInputs())
        result << toInput(device);
    return result;
}

QString noInputMessage()
{
    return QStringLiteral("No audio input found — connect a microphone or check the sound "
                          "settings. Conversation cards and your history still work.");
}

} // namespace rapport::audio
