#pragma once

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

/// The message shown wherever a microphone is needed but none exists.
QString noInputMessage();

} // namespace rapport::audio
