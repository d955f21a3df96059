#include "core/coaching/advice.h"

#include "core/analysis/pitchtracker.h"
#include "core/rehearsal/timing.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace rapport::coaching {

using analysis::Caveat;
using rehearsal::Take;
using rehearsal::TimingResult;

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("rapport", text);
}

bool hasCaveat(const analysis::TakeReport& report, Caveat caveat)
{
    return std::find(report.caveats.begin(), report.caveats.end(), caveat) != report.caveats.end();
}

// Close below 1, Off from it: the distance's scale says where "clearly off" starts.
Verdict verdictFor(double distance)
{
    if (distance <= 0.0)
        return Verdict::Good;
    return distance < 1.0 ? Verdict::Close : Verdict::Off;
}

Advice make(Measure measure, double distance, const QString& verdictText,
    const QString& suggestion = QString())
{
    const Verdict verdict = verdictFor(distance);
    return { measure, verdict, verdictText, verdict == Verdict::Good ? QString() : suggestion,
        std::max(0.0, distance), false };
}

// An approximate figure says so, and counts for less when choosing what to try next: a noisy
// room should not send the speaker after a pace that may not be theirs.
void qualify(Advice& advice, const QString& why)
{
    advice.verdictText += QStringLiteral(" (%1)").arg(why);
    advice.distance *= 0.5;
    advice.approximate = true;
}

QString noisyRoom()
{
    return tr("approximate: noisy room");
}

// Whole seconds, at least 1: "13 s".
QString seconds(double s)
{
    return tr("%1 s").arg(std::max(1L, std::lround(s)));
}

// A word count a speaker can act on: "a few words", "about 30 words" (nearest 5, or 10 from 100).
QString aboutWords(double words)
{
    if (words < 5.0)
        return tr("a few words");
    const long step = words < 100.0 ? 5 : 10;
    return tr("about %1 words").arg(std::max(step, std::lround(words / double(step)) * step));
}

// `text` cut at a word boundary to about `maxChars`, with an ellipsis when cut.
QString elided(const QString& text, qsizetype maxChars)
{
    if (text.size() <= maxChars)
        return text;
    QString cut = text.left(maxChars);
    if (const qsizetype space = cut.lastIndexOf(QLatin1Char(' ')); space > maxChars / 2)
        cut.truncate(space);
    while (!cut.isEmpty() && !cut.back().isLetterOrNumber())
        cut.chop(1);
    return cut + QChar(0x2026);
}

// A script sentence quoted in a suggestion is cut to this: enough to recognise it.
constexpr qsizetype kQuoteChars = 30;

QString quoted(const QString& text)
{
    return QStringLiteral("\u201c%1\u201d").arg(text);
}

std::optional<Advice> lengthAdvice(const Take& take)
{
    const std::optional<TimingResult> timing = rehearsal::takeTiming(take);
    if (!timing || !take.lights.valid())
        return std::nullopt;
    const double byS = double(timing->byMs) / 1000.0;
    const double offByS
        = std::max(kLengthOffByS, double(take.lights.redMs) / 1000.0 * kLengthOffByShare);
    const double distance = byS / offByS;
    // The words that fill the time, at the speaker's own pace when it is known.
    const std::optional<double> pace = judgedPace(take);
    const double words = byS * pace.value_or(kFastTargetWpm) / 60.0;
    const QString atPace = pace ? tr("your pace is %1 wpm").arg(std::lround(*pace))
                                : tr("at a conversational %1 wpm").arg(kFastTargetWpm);
    Advice advice;
    switch (timing->verdict) {
    case TimingResult::Verdict::Within:
        advice = make(Measure::Length, 0.0, tr("Inside the window"));
        break;
    case TimingResult::Verdict::Over:
        advice = make(Measure::Length, distance, tr("Too long by %1").arg(seconds(byS)),
            tr("Cut %1 (%2)").arg(aboutWords(words), atPace));
        break;
    case TimingResult::Verdict::Under:
        advice = make(Measure::Length, distance, tr("Too short by %1").arg(seconds(byS)),
            tr("Add %1 (%2): one more example, or a number that shows it")
                .arg(aboutWords(words), atPace));
        break;
    }
    if (hasCaveat(take.report, Caveat::Noisy))
        qualify(advice, noisyRoom());
    return advice;
}

std::optional<Advice> paceAdvice(const Take& take)
{
    const std::optional<double> pace = judgedPace(take);
    if (!pace)
        return std::nullopt;
    // Judged as shown: a take is never "too fast (165 wpm)".
    const long wpm = std::lround(*pace);
    Advice advice;
    switch (rehearsal::paceBand(double(wpm))) {
    case rehearsal::PaceBand::Comfortable:
        advice = make(Measure::Pace, 0.0, tr("Comfortable (%1 wpm)").arg(wpm));
        break;
    case rehearsal::PaceBand::Fast: {
        const double distance = (double(wpm) - rehearsal::kComfortableWpmMax) / kPaceOffByWpm;
        advice = make(Measure::Pace, distance,
            (distance < 1.0 ? tr("A little fast (%1 wpm)") : tr("Too fast (%1 wpm)")).arg(wpm),
            tr("Slow down to about %1: pause after each point").arg(kFastTargetWpm));
        break;
    }
    case rehearsal::PaceBand::Slow: {
        const double distance = (rehearsal::kComfortableWpmMin - double(wpm)) / kPaceOffByWpm;
        advice = make(Measure::Pace, distance,
            (distance < 1.0 ? tr("A little slow (%1 wpm)") : tr("Too slow (%1 wpm)")).arg(wpm),
            tr("Speed up to about %1: keep the pauses for the ends of your points")
                .arg(kSlowTargetWpm));
        break;
    }
    }
    if (hasCaveat(take.report, Caveat::Noisy))
        qualify(advice, noisyRoom());
    return advice;
}

std::optional<Advice> pausesAdvice(const analysis::TakeReport& report)
{
    if (!report.pauseCount || !report.speakingTimeS || *report.speakingTimeS <= 0.0)
        return std::nullopt;
    const int count = *report.pauseCount;
    const double speakingS = *report.speakingTimeS;
    const double perMinute = double(count) / (speakingS / 60.0);
    const QString landEachPoint = tr("Let each point land: a one-second pause after it");

    // Two ways to be off; the advice is about the worse.
    std::optional<Advice> advice;
    if (speakingS >= kMinPauseJudgedS && perMinute < kMinPausesPerMinute) {
        const double distance = (kMinPausesPerMinute - perMinute) / kMinPausesPerMinute;
        advice = make(Measure::Pauses, distance,
            count == 0 ? tr("No pauses")
                       : tr("Few pauses (%1 in %2)").arg(count).arg(seconds(speakingS)),
            landEachPoint);
    }
    const auto longest = std::max_element(report.pauses.begin(), report.pauses.end(),
        [](const auto& a, const auto& b) { return a.durationS() < b.durationS(); });
    if (longest != report.pauses.end() && longest->durationS() > kLongPauseS) {
        const double distance
            = (longest->durationS() - kLongPauseS) / (kVeryLongPauseS - kLongPauseS);
        if (!advice || distance > advice->distance)
            advice = make(Measure::Pauses, std::max(distance, 0.01),
                tr("A %1 pause at %2")
                    .arg(seconds(longest->durationS()),
                        rehearsal::formatClock(std::llround(longest->startS * 1000.0))),
                tr("Keep pauses to a second or two: know the first words of each point, so the "
                   "next one is ready"));
    }
    if (!advice) {
        advice = count == 0 ? make(Measure::Pauses, 0.0, tr("No pauses, fine for a short take"))
                            : make(Measure::Pauses, 0.0,
                                tr("Enough pauses (one every %1)").arg(seconds(speakingS / count)));
    }
    if (hasCaveat(report, Caveat::Noisy))
        qualify(*advice, noisyRoom());
    return advice;
}

std::optional<Advice> pitchAdvice(const analysis::TakeReport& report)
{
    if (!report.pitchSdSemitones)
        return std::nullopt;
    constexpr double kFloor = analysis::PitchTracker::kMonotoneBelowSemitones;
    const double sd = *report.pitchSdSemitones;
    Advice advice;
    if (!report.monotone.value_or(sd < kFloor)) {
        advice = make(Measure::PitchVariation, 0.0, tr("Lively"));
    } else {
        // Half the monotone threshold's spread is clearly flat.
        const double distance = std::max(0.01, (kFloor - sd) / (kFloor / 2.0));
        advice = make(Measure::PitchVariation, distance,
            distance < 1.0 ? tr("A little flat") : tr("Monotone"),
            tr("Vary your pitch: lift your voice on the numbers and the ask, and let it fall at "
               "the end of each point"));
    }
    if (hasCaveat(report, Caveat::Clipped))
        qualify(advice, tr("uncertain: the recording clips"));
    return advice;
}

std::optional<Advice> loudnessAdvice(const analysis::TakeReport& report)
{
    if (!report.loudnessLufs)
        return std::nullopt;
    // Clipping flattens the loudest parts, so the measured loudness is too low; the peak's
    // advice says what to do.
    if (hasCaveat(report, Caveat::Clipped))
        return Advice { Measure::Loudness, Verdict::Unknown,
            tr("Uncertain while the recording clips"), QString(), 0.0, true };
    const double lufs = *report.loudnessLufs;
    if (lufs < kQuietBelowLufs) {
        const double distance = (kQuietBelowLufs - lufs) / kLoudnessOffByLu;
        return make(Measure::Loudness, distance,
            distance < 1.0 ? tr("A little quiet") : tr("Too quiet"),
            tr("Move closer to the microphone, or raise its input level"));
    }
    if (lufs > kLoudAboveLufs) {
        const double distance = (lufs - kLoudAboveLufs) / kLoudnessOffByLu;
        return make(Measure::Loudness, distance,
            distance < 1.0 ? tr("A little loud") : tr("Too loud"),
            tr("Move back from the microphone, or lower its input level"));
    }
    return make(Measure::Loudness, 0.0, tr("Comfortable"));
}

std::optional<Advice> peakAdvice(const analysis::TakeReport& report)
{
    if (!report.peakDbfs)
        return std::nullopt;
    const double clipped = report.clippedRatio.value_or(0.0);
    if (clipped > kClippedRatio || hasCaveat(report, Caveat::Clipped)) {
        // Worse the more it clips, up to ten times the limit.
        const double distance = 1.0 + std::min(1.0, clipped / (10.0 * kClippedRatio));
        return make(Measure::Peak, distance, tr("Clipping"),
            tr("Lower the input level: the loudest parts clip"));
    }
    if (*report.peakDbfs > kHotPeakDbfs)
        return make(Measure::Peak, 0.5, tr("Nearly clipping"),
            tr("Lower the input level a little: the loudest parts nearly clip"));
    return make(Measure::Peak, 0.0, tr("Clean: no clipping"));
}

std::optional<Advice> fillersAdvice(const std::optional<speech::WordReport>& words)
{
    if (!words || !words->fillersPerMinute)
        return std::nullopt;
    const double perMinute = *words->fillersPerMinute;
    const QString rate = QString::number(perMinute, 'f', 1);
    if (words->fillers.empty())
        return make(Measure::Fillers, 0.0, tr("No fillers"));
    if (perMinute <= kFewFillersPerMinute)
        return make(Measure::Fillers, 0.0, tr("Few fillers (%1 a minute)").arg(rate));
    // The filler said most (the first in alphabetical order of those said as often).
    const QMap<QString, int> byKind = speech::fillersByKind(words->fillers);
    const auto most = std::max_element(byKind.cbegin(), byKind.cend());
    const double distance
        = (perMinute - kFewFillersPerMinute) / (kManyFillersPerMinute - kFewFillersPerMinute);
    return make(Measure::Fillers, distance,
        (distance < 1.0 ? tr("Some fillers (%1 a minute)") : tr("Many fillers (%1 a minute)"))
            .arg(rate),
        tr("Pause silently where you would say %1").arg(quoted(most.key())));
}

std::optional<Advice> scriptAdvice(const std::optional<speech::WordReport>& words)
{
    if (!words || !words->script || words->script->sentences.empty())
        return std::nullopt;
    const std::vector<speech::ScriptSentence>& sentences = words->script->sentences;
    const auto count = [&](speech::SentenceStatus status) {
        return std::count_if(sentences.begin(), sentences.end(),
            [&](const speech::ScriptSentence& s) { return s.status == status; });
    };
    // The sentence to say: the closing ask when it was missed (it is what the pitch is for),
    // else the first one missed.
    const auto pick = [&](speech::SentenceStatus status) -> std::size_t {
        if (sentences.back().status == status)
            return sentences.size() - 1;
        return std::size_t(std::find_if(sentences.begin(), sentences.end(),
                               [&](const speech::ScriptSentence& s) { return s.status == status; })
            - sentences.begin());
    };
    const auto say = [&](std::size_t i) {
        const QString line = quoted(elided(sentences[i].text, kQuoteChars));
        if (sentences.size() > 1 && i + 1 == sentences.size())
            return tr("Say the closing ask: %1").arg(line);
        if (sentences.size() > 1 && i == 0)
            return tr("Say the opening: %1").arg(line);
        return tr("Say %1").arg(line);
    };
    if (const auto skipped = count(speech::SentenceStatus::Skipped); skipped > 0) {
        return make(Measure::Script, 1.0 + 0.25 * double(skipped - 1),
            skipped == 1 ? tr("Skipped a sentence") : tr("Skipped %1 sentences").arg(skipped),
            say(pick(speech::SentenceStatus::Skipped)));
    }
    if (const auto partly = count(speech::SentenceStatus::Partly); partly > 0) {
        const std::size_t i = pick(speech::SentenceStatus::Partly);
        return make(Measure::Script, 0.5,
            partly == 1 ? tr("Said part of a sentence")
                        : tr("Said part of %1 sentences").arg(partly),
            tr("Say all of %1").arg(quoted(elided(sentences[i].text, kQuoteChars))));
    }
    return make(Measure::Script, 0.0, tr("Every sentence said"));
}

bool offOrClose(const Advice& advice)
{
    return advice.verdict == Verdict::Close || advice.verdict == Verdict::Off;
}

std::vector<Advice> pickTryNext(const std::vector<Advice>& measures)
{
    const auto peak = std::find_if(measures.begin(), measures.end(),
        [](const Advice& a) { return a.measure == Measure::Peak && offOrClose(a); });
    std::vector<Advice> candidates;
    for (const Advice& advice : measures) {
        // "Too loud" and "clipping" have one remedy, the input level: said once, by the peak.
        const bool sameRemedy = peak != measures.end() && advice.measure == Measure::Loudness;
        if (offOrClose(advice) && !sameRemedy)
            candidates.push_back(advice);
    }
    std::stable_sort(candidates.begin(), candidates.end(),
        [](const Advice& a, const Advice& b) { return a.distance > b.distance; });
    if (candidates.size() > kTryNextCount)
        candidates.resize(kTryNextCount);
    return candidates;
}

bool sameTake(const Take& a, const Take& b)
{
    if (a.id != 0 || b.id != 0)
        return a.id == b.id;
    return a.startedAt == b.startedAt;
}

// The speaking time against `other`'s: "12 s shorter than last time, now inside the window".
// The window is the take's own (the pitch's may have changed since the other was taken).
QString lengthAgainst(const Take& take, const Take& other, bool best)
{
    if (!take.report.speakingTimeS || !other.report.speakingTimeS)
        return {};
    const double nowS = *take.report.speakingTimeS;
    const double thenS = *other.report.speakingTimeS;
    const long diffS = std::lround(nowS - thenS);
    const QString than = best ? tr("your best take") : tr("last time");
    QString text = diffS == 0 ? tr("About as long as %1").arg(than)
        : diffS < 0           ? tr("%1 shorter than %2").arg(seconds(double(-diffS)), than)
                              : tr("%1 longer than %2").arg(seconds(double(diffS)), than);
    if (!take.lights.valid())
        return text;
    using V = TimingResult::Verdict;
    const V now = rehearsal::judgeTiming(std::llround(nowS * 1000.0), take.lights).verdict;
    const V then = rehearsal::judgeTiming(std::llround(thenS * 1000.0), take.lights).verdict;
    if (best) {
        if (now != V::Within && then == V::Within)
            text += tr(", which was inside the window");
    } else if (now == V::Within && then != V::Within) {
        text += tr(", now inside the window");
    } else if (now != V::Within && then == V::Within) {
        text += now == V::Over ? tr(", now over the window") : tr(", now short of the window");
    }
    return text;
}

QString paceAgainst(const Take& take, const Take& previous)
{
    const std::optional<double> now = judgedPace(take);
    const std::optional<double> then = judgedPace(previous);
    if (!now || !then)
        return {};
    const long nowWpm = std::lround(*now);
    const long diff = nowWpm - std::lround(*then);
    // Under 5 wpm is within what the estimate wanders between two readings of the same text.
    if (std::abs(diff) < 5)
        return {};
    QString text = diff < 0 ? tr("Speaking %1 wpm slower than last time").arg(-diff)
                            : tr("Speaking %1 wpm faster than last time").arg(diff);
    using rehearsal::PaceBand;
    const PaceBand bandNow = rehearsal::paceBand(double(nowWpm));
    const PaceBand bandThen = rehearsal::paceBand(double(std::lround(*then)));
    if (bandNow == PaceBand::Comfortable && bandThen != PaceBand::Comfortable)
        text += tr(", now at a comfortable pace");
    else if (bandNow != bandThen)
        text += bandNow == PaceBand::Fast ? tr(", now too fast") : tr(", now too slow");
    return text;
}

QString fillersAgainst(const Take& take, const Take& previous)
{
    if (!take.words || !previous.words || !take.words->fillersPerMinute
        || !previous.words->fillersPerMinute)
        return {};
    const double now = *take.words->fillersPerMinute;
    const double then = *previous.words->fillersPerMinute;
    if (std::abs(now - then) < 1.0)
        return {};
    const QString nowText = QString::number(now, 'f', 1);
    const QString thenText = QString::number(then, 'f', 1);
    return now < then
        ? tr("Fewer fillers than last time: %1 a minute, down from %2").arg(nowText, thenText)
        : tr("More fillers than last time: %1 a minute, up from %2").arg(nowText, thenText);
}

QStringList compare(
    const Take& take, const std::optional<Take>& previous, const std::optional<Take>& best)
{
    QStringList lines;
    const bool hasPrevious = previous && !sameTake(take, *previous);
    if (hasPrevious) {
        for (const QString& line : { lengthAgainst(take, *previous, false),
                 paceAgainst(take, *previous), fillersAgainst(take, *previous) })
            if (!line.isEmpty())
                lines << line;
    }
    // The best take said once: when it is the previous one, "last time" already compared it.
    if (best && !sameTake(take, *best) && !(hasPrevious && sameTake(*previous, *best))) {
        if (const QString line = lengthAgainst(take, *best, true); !line.isEmpty())
            lines << line;
    }
    return lines;
}

} // namespace

const Advice* Coaching::find(Measure measure) const
{
    const auto it = std::find_if(measures.begin(), measures.end(),
        [&](const Advice& advice) { return advice.measure == measure; });
    return it == measures.end() ? nullptr : &*it;
}

std::optional<double> judgedPace(const Take& take)
{
    if (hasCaveat(take.report, Caveat::TooNoisyForPace)
        || hasCaveat(take.report, Caveat::TooShortForPace))
        return std::nullopt;
    if (take.words && take.words->wordsPerMinute)
        return take.words->wordsPerMinute;
    return take.report.wordsPerMinute;
}

Coaching coach(
    const Take& take, const std::optional<Take>& previous, const std::optional<Take>& best)
{
    Coaching coaching;
    for (std::optional<Advice> advice : { lengthAdvice(take), paceAdvice(take),
             pausesAdvice(take.report), pitchAdvice(take.report), loudnessAdvice(take.report),
             peakAdvice(take.report), fillersAdvice(take.words), scriptAdvice(take.words) }) {
        if (advice)
            coaching.measures.push_back(std::move(*advice));
    }
    coaching.tryNext = pickTryNext(coaching.measures);
    coaching.comparisons = compare(take, previous, best);
    return coaching;
}

QString measureName(Measure measure)
{
    switch (measure) {
    case Measure::Length:
        return tr("Speaking time");
    case Measure::Pace:
        return tr("Pace");
    case Measure::Pauses:
        return tr("Pauses");
    case Measure::PitchVariation:
        return tr("Pitch");
    case Measure::Loudness:
        return tr("Loudness");
    case Measure::Peak:
        return tr("Peak");
    case Measure::Fillers:
        return tr("Fillers");
    case Measure::Script:
        return tr("Script");
    }
    return {};
}

} // namespace rapport::coaching
