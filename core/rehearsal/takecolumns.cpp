#include "core/rehearsal/takecolumns.h"

#include "core/analysis/reportjson.h"
#include "core/rehearsal/takerepository.h"
#include "core/storage/sql.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace rapport::rehearsal {

namespace {

QString pausesJson(const std::vector<analysis::Pause>& pauses)
{
    QJsonArray array;
    for (const analysis::Pause& p : pauses)
        array << QJsonArray { p.startS, p.endS };
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

std::vector<analysis::Pause> readPauses(const QVariant& v)
{
    std::vector<analysis::Pause> pauses;
    for (const QJsonValue& p : QJsonDocument::fromJson(v.toString().toUtf8()).array())
        pauses.push_back({ p.toArray().at(0).toDouble(), p.toArray().at(1).toDouble() });
    return pauses;
}

// NULL (a take stored before schema 8) and '' both mean none; keys this version does not know
// are left out.
std::vector<analysis::Caveat> readCaveats(const QVariant& v)
{
    std::vector<analysis::Caveat> caveats;
    for (const QString& key : v.toString().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (const std::optional<analysis::Caveat> caveat = analysis::caveatFromKey(key))
            caveats.push_back(*caveat);
    }
    return caveats;
}

} // namespace

std::optional<double> readOptionalDouble(const QVariant& value)
{
    return value.isNull() ? std::nullopt : std::optional<double>(value.toDouble());
}

std::optional<int> readOptionalInt(const QVariant& value)
{
    return value.isNull() ? std::nullopt : std::optional<int>(value.toInt());
}

QString reportColumns()
{
    return QStringLiteral(
        "duration_s, speech_start_s, speech_end_s, speaking_time_s, phonation_time_s, pauses, "
        "pause_count, longest_pause_s, syllable_count, articulation_rate_sps, words_per_minute, "
        "pitch_median_hz, pitch_sd_semitones, monotone, loudness_lufs, peak_dbfs, clipped_ratio, "
        "signal_to_noise_db, caveats, analysis_ms");
}

QString wordColumns()
{
    return QStringLiteral("words, filler_count, fillers_per_minute, script_coverage");
}

QVariantList reportValues(const analysis::TakeReport& r)
{
    const QVariant monotone = r.monotone ? QVariant(*r.monotone ? 1 : 0) : QVariant();
    return { r.durationS, optionalValue(r.speechStartS), optionalValue(r.speechEndS),
        optionalValue(r.speakingTimeS), optionalValue(r.phonationTimeS), pausesJson(r.pauses),
        optionalValue(r.pauseCount), optionalValue(r.longestPauseS), optionalValue(r.syllableCount),
        optionalValue(r.articulationRateSps), optionalValue(r.wordsPerMinute),
        optionalValue(r.pitchMedianHz), optionalValue(r.pitchSdSemitones), monotone,
        optionalValue(r.loudnessLufs), optionalValue(r.peakDbfs), optionalValue(r.clippedRatio),
        optionalValue(r.signalToNoiseDb), storedCaveats(r.caveats), r.analysisMs };
}

analysis::TakeReport readReport(const storage::Sql& sql, int& c)
{
    analysis::TakeReport r;
    r.durationS = sql.value(c++).toDouble();
    r.speechStartS = readOptionalDouble(sql.value(c++));
    r.speechEndS = readOptionalDouble(sql.value(c++));
    r.speakingTimeS = readOptionalDouble(sql.value(c++));
    r.phonationTimeS = readOptionalDouble(sql.value(c++));
    r.pauses = readPauses(sql.value(c++));
    r.pauseCount = readOptionalInt(sql.value(c++));
    r.longestPauseS = readOptionalDouble(sql.value(c++));
    r.syllableCount = readOptionalInt(sql.value(c++));
    r.articulationRateSps = readOptionalDouble(sql.value(c++));
    r.wordsPerMinute = readOptionalDouble(sql.value(c++));
    r.pitchMedianHz = readOptionalDouble(sql.value(c++));
    r.pitchSdSemitones = readOptionalDouble(sql.value(c++));
    const std::optional<int> monotone = readOptionalInt(sql.value(c++));
    r.monotone = monotone ? std::optional<bool>(*monotone != 0) : std::nullopt;
    r.loudnessLufs = readOptionalDouble(sql.value(c++));
    r.peakDbfs = readOptionalDouble(sql.value(c++));
    r.clippedRatio = readOptionalDouble(sql.value(c++));
    r.signalToNoiseDb = readOptionalDouble(sql.value(c++));
    r.caveats = readCaveats(sql.value(c++));
    r.analysisMs = sql.value(c++).toDouble();
    return r;
}

QVariantList wordValues(const std::optional<speech::WordReport>& words)
{
    return QVariantList { storedWords(words) } + storedWordFigures(words);
}

} // namespace rapport::rehearsal
