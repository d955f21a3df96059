// Fuzzes reading a recording and analysing it (audio/wavfilesource through libsndfile and
// libsamplerate, then the whole analysis): any file must give a report or an error that says
// what is wrong, never a crash, a hang or a report with impossible figures.
#include "core/analysis/analysispipeline.h"
#include "tests/fuzz/fuzzsupport.h"

#include <cmath>
#include <optional>

using namespace rapport;

namespace {

void requireFinite(const char* name, const std::optional<double>& value)
{
    if (value && !std::isfinite(*value))
        rapport::fuzz::fail("a report figure is not finite", QString::fromLatin1(name));
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    fuzz::initialise(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QString path = fuzz::scratch(QStringLiteral("take.wav"));
    fuzz::writeFile(path, fuzz::bytesOf(data, size));
    const auto report = analysis::analyseFile(path);
    if (!report) {
        if (report.error().what.isEmpty() || report.error().fix.isEmpty())
            fuzz::fail("an unreadable recording without a message and a fix");
        return 0;
    }
    const analysis::TakeReport& r = *report;
    if (!std::isfinite(r.durationS) || r.durationS < 0)
        fuzz::fail("a take of impossible length", QString::number(r.durationS));
    requireFinite("speechStartS", r.speechStartS);
    requireFinite("speechEndS", r.speechEndS);
    requireFinite("speakingTimeS", r.speakingTimeS);
    requireFinite("phonationTimeS", r.phonationTimeS);
    requireFinite("wordsPerMinute", r.wordsPerMinute);
    requireFinite("pitchMedianHz", r.pitchMedianHz);
    requireFinite("pitchSdSemitones", r.pitchSdSemitones);
    requireFinite("clippedRatio", r.clippedRatio);
    const double slack = 0.05; // one analysis frame either way
    if (r.speechStartS && (*r.speechStartS < -slack || *r.speechStartS > r.durationS + slack))
        fuzz::fail("speech starts outside the take");
    if (r.speechEndS && (*r.speechEndS < -slack || *r.speechEndS > r.durationS + slack))
        fuzz::fail("speech ends outside the take");
    if (r.speakingTimeS && (*r.speakingTimeS < 0 || *r.speakingTimeS > r.durationS + slack))
        fuzz::fail("more speaking time than take");
    if (r.phonationTimeS && r.speakingTimeS && *r.phonationTimeS > *r.speakingTimeS + slack)
        fuzz::fail("more phonation than speaking time");
    if (r.clippedRatio && (*r.clippedRatio < 0 || *r.clippedRatio > 1))
        fuzz::fail("a clipped share outside 0-1");
    double previousEnd = r.speechStartS.value_or(0.0) - slack;
    for (const analysis::Pause& pause : r.pauses) {
        if (!std::isfinite(pause.startS) || !std::isfinite(pause.endS) || pause.durationS() <= 0
            || pause.startS < previousEnd)
            fuzz::fail("pauses out of order or of no length", QString::number(pause.startS));
        previousEnd = pause.endS;
    }
    if (r.speechEndS && previousEnd > *r.speechEndS + slack)
        fuzz::fail("a pause after the speech ends");
    return 0;
}
