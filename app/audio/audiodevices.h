#pragma once

#include <QAudioDevice>
#include <QString>
#include <QStringList>
#include <optional>

namespace rapport::audio {

/// A microphone as the sound system names it.
struct InputDevice
{
    QString id; ///< stable identifier from Qt Multimedia
    QString description; ///< human-readable name, e.g. "Built-in Audio Analog Stereo"
};

/// The default audio input, or nothing when the system has no microphone.
std::optional<InputDevice> defaultInputDevice();

/// Every audio input the sound system offers.
QList<InputDevice> inputDevices();

/// The input with `id`, as Qt Multimedia knows it (a null device when it is not connected).
QAudioDevice inputDeviceById(const QString& id);

/// The message shown wherever a microphone is needed but none exists.
QString noInputMessage();

/// The microphone to record from, given the one the user chose (`chosenId`, empty: the system's
/// default; `chosenName` as it was called when chosen), what is connected (`available`) and the
/// system's default. When the chosen one is gone, the default is used and `notice` says so and
/// what to do; without any input, `device` is empty.
struct InputChoice
{
    std::optional<InputDevice> device;
    QString notice; ///< empty when the choice was honoured
};
InputChoice resolveInput(const QString& chosenId, const QString& chosenName,
    const QList<InputDevice>& available, const std::optional<InputDevice>& systemDefault);

/// resolveInput() against what the sound system offers now.
InputChoice resolveInput(const QString& chosenId, const QString& chosenName);

} // namespace rapport::audio
