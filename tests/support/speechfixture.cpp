#include "tests/support/speechfixture.h"

#include "tests/support/cliprocess.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>
#include <cmath>
#include <cstdio>

namespace rapport::test {

namespace {

// espeak-ng writes 22 050 Hz mono 16-bit; every intermediate file keeps that format.
const QStringList kFormat { QStringLiteral("-r"), QStringLiteral("22050"), QStringLiteral("-c"),
    QStringLiteral("1"), QStringLiteral("-b"), QStringLiteral("16") };
// RMS of sox's `synth whitenoise` at `vol 1`, in dBFS (measured and re-checked on every use).
constexpr double kWhiteNoiseRmsDbfs = -8.4;

} // namespace

const QStringList& examplePitch()
{
    static const QStringList pitch {
        QStringLiteral("Our small team builds simple software that helps local doctors organize "
                       "their patient records"),
        QStringLiteral("Last year we reduced the waiting time for test results from two weeks to "
                       "three days"),
        QStringLiteral("Next we want to bring the same idea to every clinic in the region"),
        QStringLiteral("I would love to hear how your department handles this problem today"),
    };
    return pitch;
}

const std::vector<int>& examplePitchSyllables()
{
    static const std::vector<int> syllables { 22, 19, 19, 17 };
    return syllables;
}

SpeechFixture::SpeechFixture(const QString& dir)
    : m_dir(dir)
{ }

QString SpeechFixture::missingTools()
{
    QStringList missing;
    if (QStandardPaths::findExecutable(QStringLiteral("espeak-ng")).isEmpty())
        missing << QStringLiteral("espeak-ng (Debian package espeak-ng)");
    if (QStandardPaths::findExecutable(QStringLiteral("sox")).isEmpty()
        || QStandardPaths::findExecutable(QStringLiteral("soxi")).isEmpty())
        missing << QStringLiteral("sox and soxi (Debian package sox)");
    if (missing.isEmpty())
        return {};
    return QStringLiteral("The speech fixtures need %1: install with 'sh .ci/deps test'.")
        .arg(missing.join(QStringLiteral(" and ")));
}

QString SpeechFixture::path(const QString& name) const
{
    return QDir(m_dir).absoluteFilePath(name);
}

bool SpeechFixture::sox(const QStringList& args)
{
    m_error = runSox(args);
    return m_error.isEmpty();
}

std::optional<double> SpeechFixture::durationS(const QString& file)
{
    const ProcessResult result
        = runProgram(QStringLiteral("soxi"), { QStringLiteral("-D"), path(file) });
    bool ok = false;
    const double seconds = result.out.trimmed().toDouble(&ok);
    if (result.exitCode != 0 || !ok) {
        m_error = QStringLiteral("soxi -D %1 failed: %2").arg(file, result.err);
        return std::nullopt;
    }
    return seconds;
}

std::optional<QString> SpeechFixture::speak(const Utterance& utterance, int index)
{
    const QString raw = path(QStringLiteral("%1-raw%2.wav").arg(m_prefix).arg(index));
    const QString trimmed = path(QStringLiteral("%1-speech%2.wav").arg(m_prefix).arg(index));
    const ProcessResult result = runProgram(QStringLiteral("espeak-ng"),
        { QStringLiteral("-v"), utterance.voice, QStringLiteral("-s"),
            QString::number(utterance.wpm), QStringLiteral("-w"), raw, utterance.text });
    if (result.exitCode != 0 || result.crashed) {
        m_error = QStringLiteral("espeak-ng -v %1 failed: %2").arg(utterance.voice, result.err);
        return std::nullopt;
    }
    // espeak-ng's own silence before and after the words, cut at the first and last sample
    // above 0.1 % of full scale.
    const QStringList trim { QStringLiteral("silence"), QStringLiteral("1"), QStringLiteral("0.01"),
        QStringLiteral("0.1%"), QStringLiteral("reverse") };
    if (!sox(QStringList { raw, trimmed } + trim + trim))
        return std::nullopt;
    return trimmed;
}

std::optional<QString> SpeechFixture::silence(double seconds, int index)
{
    const QString file = path(QStringLiteral("%1-silence%2.wav").arg(m_prefix).arg(index));
    if (!sox(QStringList { QStringLiteral("-n") } + kFormat
            + QStringList { file, QStringLiteral("trim"), QStringLiteral("0"),
                QString::number(seconds, 'f', 4) })) {
        return std::nullopt;
    }
    return file;
}

std::optional<QString> SpeechFixture::convert(
    const QString& input, const QString& name, int sampleRate, int channels)
{
    const QString output = path(name + QStringLiteral(".wav"));
    if (!sox({ input, QStringLiteral("-r"), QString::number(sampleRate), QStringLiteral("-c"),
            QString::number(channels), output })) {
        return std::nullopt;
    }
    return output;
}

namespace {

QString cacheKey(const QString& name, const TakeSpec& spec)
{
    QStringList parts { name, QString::number(spec.leadingS), QString::number(spec.trailingS),
        spec.noiseDbfs ? QString::number(*spec.noiseDbfs) : QStringLiteral("clean") };
    for (const Utterance& u : spec.utterances)
        parts << u.voice << QString::number(u.wpm) << u.text;
    for (const double gap : spec.gapsS)
        parts << QString::number(gap);
    return QString::fromLatin1(
        QCryptographicHash::hash(parts.join(QLatin1Char('|')).toUtf8(), QCryptographicHash::Sha1)
            .toHex()
            .left(12));
}

QJsonObject takeToJson(const FixtureTake& take)
{
    QJsonArray pauses;
    for (const auto& [start, end] : take.pausesS)
        pauses.append(QJsonArray { start, end });
    return { { QStringLiteral("durationS"), take.durationS },
        { QStringLiteral("speechStartS"), take.speechStartS },
        { QStringLiteral("speechEndS"), take.speechEndS }, { QStringLiteral("pausesS"), pauses },
        { QStringLiteral("words"), take.words } };
}

FixtureTake takeFromJson(const QJsonObject& json, const QString& path)
{
    FixtureTake take;
    take.path = path;
    take.durationS = json.value(QStringLiteral("durationS")).toDouble();
    take.speechStartS = json.value(QStringLiteral("speechStartS")).toDouble();
    take.speechEndS = json.value(QStringLiteral("speechEndS")).toDouble();
    for (const QJsonValue& pause : json.value(QStringLiteral("pausesS")).toArray())
        take.pausesS.emplace_back(
            pause.toArray().at(0).toDouble(), pause.toArray().at(1).toDouble());
    take.words = json.value(QStringLiteral("words")).toInt();
    return take;
}

// Writes `data` to `target` through a temporary file and a rename, so parallel test processes
// never see half a file.
bool publish(const QString& source, const QByteArray& data, const QString& target)
{
    const QString temporary
        = target + QStringLiteral(".%1.tmp").arg(QCoreApplication::applicationPid());
    QFile::remove(temporary);
    const bool written = source.isEmpty() ? [&] {
        QFile file(temporary);
        return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
    }() : QFile::copy(source, temporary);
    return written
        && std::rename(
               QFile::encodeName(temporary).constData(), QFile::encodeName(target).constData())
        == 0;
}

} // namespace

QString SpeechFixture::cacheDir()
{
    return QDir::temp().absoluteFilePath(QStringLiteral("rapport-speech-fixtures-v1"));
}

std::optional<FixtureTake> SpeechFixture::build(const QString& name, const TakeSpec& spec)
{
    // espeak-ng and sox (with -R) are deterministic: a take built from the same spec is the same
    // file, so each test process (ctest runs one per test) reuses what an earlier one built.
    const QString stem
        = QDir(cacheDir()).absoluteFilePath(name + QLatin1Char('-') + cacheKey(name, spec));
    QFile truth(stem + QStringLiteral(".json"));
    if (QFileInfo::exists(stem + QStringLiteral(".wav")) && truth.open(QIODevice::ReadOnly))
        return takeFromJson(
            QJsonDocument::fromJson(truth.readAll()).object(), stem + QStringLiteral(".wav"));
    std::optional<FixtureTake> take = buildHere(name, spec);
    if (!take || !QDir().mkpath(cacheDir()))
        return take;
    // The truth is published last: its presence means the audio is complete.
    if (publish(take->path, {}, stem + QStringLiteral(".wav")))
        publish({}, QJsonDocument(takeToJson(*take)).toJson(), stem + QStringLiteral(".json"));
    return take;
}

std::optional<FixtureTake> SpeechFixture::buildHere(const QString& name, const TakeSpec& spec)
{
    if (spec.utterances.empty() || spec.gapsS.size() + 1 != spec.utterances.size()) {
        m_error = QStringLiteral("a take needs n sentences and n - 1 gaps");
        return std::nullopt;
    }
    m_prefix = name;
    FixtureTake take;
    QStringList parts;
    double t = 0.0;
    int index = 0;
    const auto addSilence = [&](double seconds) -> bool {
        const std::optional<QString> file = silence(seconds, index++);
        const std::optional<double> length = file ? durationS(*file) : std::nullopt;
        if (!length)
            return false;
        parts << *file;
        t += *length;
        return true;
    };
    if (!addSilence(spec.leadingS))
        return std::nullopt;
    take.speechStartS = t;
    for (std::size_t i = 0; i < spec.utterances.size(); ++i) {
        const std::optional<QString> speech = speak(spec.utterances[i], index++);
        const std::optional<double> length = speech ? durationS(*speech) : std::nullopt;
        if (!length)
            return std::nullopt;
        parts << *speech;
        t += *length;
        take.words += static_cast<int>(
            spec.utterances[i]
                .text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts)
                .size());
        if (i + 1 < spec.utterances.size()) {
            const double pauseStart = t;
            if (!addSilence(spec.gapsS[i]))
                return std::nullopt;
            take.pausesS.emplace_back(pauseStart, t);
        }
    }
    take.speechEndS = t;
    if (!addSilence(spec.trailingS))
        return std::nullopt;
    take.durationS = t;

    take.path = path(name + QStringLiteral(".wav"));
    const QString clean = spec.noiseDbfs ? path(name + QStringLiteral("-clean.wav")) : take.path;
    if (!sox(parts + QStringList { clean }))
        return std::nullopt;
    if (spec.noiseDbfs) {
        const QString noise = path(name + QStringLiteral("-noise.wav"));
        const double volume = std::pow(10.0, (*spec.noiseDbfs - kWhiteNoiseRmsDbfs) / 20.0);
        if (!sox(QStringList { QStringLiteral("-n") } + kFormat
                + QStringList { noise, QStringLiteral("synth"), QString::number(t, 'f', 6),
                    QStringLiteral("whitenoise"), QStringLiteral("vol"),
                    QString::number(volume, 'g', 6) })) {
            return std::nullopt;
        }
        const ProcessResult stats = runProgram(
            QStringLiteral("sox"), { noise, QStringLiteral("-n"), QStringLiteral("stats") });
        const QRegularExpressionMatch rms
            = QRegularExpression(QStringLiteral("RMS lev dB\\s+(-?[0-9.]+)")).match(stats.err);
        if (!rms.hasMatch() || std::abs(rms.captured(1).toDouble() - *spec.noiseDbfs) > 1.0) {
            m_error = QStringLiteral("noise for %1 dBFS came out as: %2")
                          .arg(*spec.noiseDbfs)
                          .arg(stats.err);
            return std::nullopt;
        }
        // -v 1 on both inputs: sox -m would otherwise halve each.
        if (!sox({ QStringLiteral("-m"), QStringLiteral("-v"), QStringLiteral("1"), clean,
                QStringLiteral("-v"), QStringLiteral("1"), noise, take.path })) {
            return std::nullopt;
        }
    }
    return take;
}

} // namespace rapport::test
