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

QAudioDevice inputDeviceById(const QString& id)
{
    for (const QAudioDevice& device : QMediaDevices::audioInputs()) {
        if (QString::fromUtf8(device.id()) == id)
            return device;
    }
    return {};
}

QString noInputMessage()
{
    return QStringLiteral("No audio input found — connect a microphone or check the sound "
                          "settings. Conversation cards and your history still work.");
}

InputChoice resolveInput(const QString& chosenId, const QString& chosenName,
    const QList<InputDevice>& available, const std::optional<InputDevice>& systemDefault)
{
    if (!chosenId.isEmpty()) {
        for (const InputDevice& device : available) {
            if (device.id == chosenId)
                return { device, {} };
        }
    }
    InputChoice choice { systemDefault, {} };
    if (chosenId.isEmpty())
        return choice;
    const QString name = chosenName.isEmpty() ? chosenId : chosenName;
    choice.notice = systemDefault
        ? QStringLiteral("The microphone you chose, %1, is not connected: using %2 instead. "
                         "Connect it, or choose another in Settings.")
              .arg(name, systemDefault->description)
        : QStringLiteral("The microphone you chose, %1, is not connected, and there is no other. "
                         "Connect a microphone, or check the sound settings.")
              .arg(name);
    return choice;
}

InputChoice resolveInput(const QString& chosenId, const QString& chosenName)
{
    return resolveInput(chosenId, chosenName, inputDevices(), defaultInputDevice());
}

} // namespace rapport::audio
