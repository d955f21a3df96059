#pragma once

#include "core/analysis/takereport.h"

#include <QJsonObject>
#include <QString>

namespace rapport::analysis {

/// The report as one JSON object with the documented keys (`file`, `duration_s`, ...,
/// `analysis_ms`); values that do not exist are null. Seconds, Hz, LUFS and dBFS as named.
QJsonObject reportToJson(const TakeReport& report, const QString& file);

/// The JSON name of a caveat ("noisy", "too_noisy_for_pace", ...).
QString caveatKey(Caveat caveat);
/// The caveat whose caveatKey() is `key`; nullopt for any other text.
std::optional<Caveat> caveatFromKey(const QString& key);
/// A caveat in plain words, with what to do about it.
QString caveatText(Caveat caveat);

/// A readable multi-line summary for a terminal, ending in a newline.
QString reportToText(const TakeReport& report, const QString& file);

} // namespace rapport::analysis
