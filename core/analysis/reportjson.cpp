#include "core/analysis/reportjson.h"

#include <QJsonArray>
#include <QStringList>
#include <algorithm>
#include <cmath>

namespace rapport::analysis {

namespace {

double rounded(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

// Seconds to the millisecond, other measures to `decimals` places; null when absent.
QJsonValue number(const std::optional<double>& value, int decimals = 3)
{
    return value ? QJsonValue(rounded(*value, decimals)) : QJsonValue(QJsonValue::Null);
}

QJsonValue integer(const std::optional<int>& value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QString seconds(const std::optional<double>& value)
{
    return value ? QStringLiteral("%1 s").arg(*value, 0, 'f', 2) : QStringLiteral("—");
}

QString fixed(const std::optional<double>& value, int decimals, const QString& unit)
{
    return value ? QString::number(*value, 'f', decimals) + unit : QStringLiteral("—");
}

} // namespace

QString caveatKey(Caveat caveat)
{
    switch (caveat) {
    case Caveat::Noisy:
        return QStringLiteral("noisy");
    case Caveat::TooNoisyForPace:
        return QStringLiteral("too_noisy_for_pace");
    case Caveat::TooShortForPace:
        return QStringLiteral("too_short_for_pace");
    case Caveat::Clipped:
        return QStringLiteral("clipped");
    }
    return {};
}

std::optional<Caveat> caveatFromKey(const QString& key)
{
    for (const Caveat caveat : kAllCaveats) {
        if (caveatKey(caveat) == key)
            return caveat;
    }
    return std::nullopt;
}

QString caveatText(Caveat caveat)
{
    switch (caveat) {
    case Caveat::Noisy:
        return QStringLiteral("noisy room: speaking time, pauses and pace are approximate");
    case Caveat::TooNoisyForPace:
        return QStringLiteral("too noisy to estimate the pace: record somewhere quieter or "
                              "closer to the microphone");
    case Caveat::TooShortForPace:
        return QStringLiteral("too little speech (under 3 s) to estimate the pace");
    case Caveat::Clipped:
        return QStringLiteral("the recording clips: loudness and pitch are uncertain; move back "
                              "from the microphone or lower its gain");
    }
    return {};
}

QJsonObject reportToJson(const TakeReport& report, const QString& file)
{
    QJsonArray pauses;
    for (const Pause& pause : report.pauses) {
        pauses.append(QJsonObject { { QStringLiteral("start_s"), rounded(pause.startS, 3) },
            { QStringLiteral("end_s"), rounded(pause.endS, 3) } });
    }
    QJsonArray caveats;
    for (const Caveat caveat : report.caveats)
        caveats.append(caveatKey(caveat));
    return QJsonObject {
        { QStringLiteral("file"), file },
        { QStringLiteral("duration_s"), rounded(report.durationS, 3) },
        { QStringLiteral("speech_start_s"), number(report.speechStartS) },
        { QStringLiteral("speech_end_s"), number(report.speechEndS) },
        { QStringLiteral("speaking_time_s"), number(report.speakingTimeS) },
        { QStringLiteral("phonation_time_s"), number(report.phonationTimeS) },
        { QStringLiteral("pauses"), pauses },
        { QStringLiteral("pause_count"), integer(report.pauseCount) },
        { QStringLiteral("longest_pause_s"), number(report.longestPauseS) },
        { QStringLiteral("syllable_count"), integer(report.syllableCount) },
        { QStringLiteral("articulation_rate_sps"), number(report.articulationRateSps, 2) },
        { QStringLiteral("words_per_minute"), number(report.wordsPerMinute, 1) },
        { QStringLiteral("pitch_median_hz"), number(report.pitchMedianHz, 1) },
        { QStringLiteral("pitch_sd_semitones"), number(report.pitchSdSemitones, 2) },
        { QStringLiteral("monotone"),
            report.monotone ? QJsonValue(*report.monotone) : QJsonValue(QJsonValue::Null) },
        { QStringLiteral("loudness_lufs"), number(report.loudnessLufs, 1) },
        { QStringLiteral("peak_dbfs"), number(report.peakDbfs, 2) },
        { QStringLiteral("clipped_ratio"), number(report.clippedRatio, 6) },
        { QStringLiteral("signal_to_noise_db"), number(report.signalToNoiseDb, 1) },
        { QStringLiteral("caveats"), caveats },
        { QStringLiteral("analysis_ms"), rounded(report.analysisMs, 1) },
    };
}

QString reportToText(const TakeReport& report, const QString& file)
{
    QStringList lines;
    lines << file;
    lines << QStringLiteral("  Length           %1").arg(seconds(report.durationS));
    if (!report.speakingTimeS) {
        lines << QStringLiteral("  Speech           none found (silence or too quiet)");
    } else {
        lines << QStringLiteral("  Speaking time    %1 (from %2 to %3)")
                     .arg(seconds(report.speakingTimeS), seconds(report.speechStartS),
                         seconds(report.speechEndS));
        QString pauses = QString::number(report.pauses.size());
        if (report.longestPauseS)
            pauses += QStringLiteral(", longest %1").arg(seconds(report.longestPauseS));
        lines << QStringLiteral("  Pauses (>= 0.3 s) %1").arg(pauses);
        const bool noisy = std::find(report.caveats.begin(), report.caveats.end(), Caveat::Noisy)
            != report.caveats.end();
        lines << QStringLiteral("  Pace             %1%4 (%2 syllables, %3)")
                     .arg(fixed(report.wordsPerMinute, 0, QStringLiteral(" words/min (est.)")))
                     .arg(report.syllableCount.value_or(0))
                     .arg(fixed(report.articulationRateSps, 1, QStringLiteral(" syllables/s")))
                     .arg(noisy && report.wordsPerMinute ? QStringLiteral(", approximate")
                                                         : QString());
    }
    QString pitch = fixed(report.pitchMedianHz, 0, QStringLiteral(" Hz median"));
    if (report.pitchSdSemitones) {
        pitch += QStringLiteral(", varies %1 semitones%2")
                     .arg(*report.pitchSdSemitones, 0, 'f', 1)
                     .arg(report.monotone.value_or(false) ? QStringLiteral(" — monotone")
                                                          : QString());
    }
    lines << QStringLiteral("  Pitch            %1").arg(pitch);
    lines << QStringLiteral("  Loudness         %1, peak %2")
                 .arg(fixed(report.loudnessLufs, 1, QStringLiteral(" LUFS")),
                     fixed(report.peakDbfs, 1, QStringLiteral(" dBFS")));
    if (report.clippedRatio && *report.clippedRatio > 0.0) {
        lines << QStringLiteral("  Clipping         %1 % of samples — record further from the mic")
                     .arg(*report.clippedRatio * 100.0, 0, 'f', 3);
    } else {
        lines << QStringLiteral("  Clipping         none");
    }
    if (report.signalToNoiseDb) {
        lines << QStringLiteral("  Background       %1 dB under the speech")
                     .arg(*report.signalToNoiseDb, 0, 'f', 0);
    }
    for (const Caveat caveat : report.caveats)
        lines << QStringLiteral("  Note             %1").arg(caveatText(caveat));
    lines << QStringLiteral("  Analysed in      %1 ms").arg(report.analysisMs, 0, 'f', 0);
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace rapport::analysis
