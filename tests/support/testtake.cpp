#include "tests/support/testtake.h"

#include "core/audio/wavwriter.h"
#include "tests/support/testsignal.h"

#include <algorithm>

namespace rapport::test {

QString writeToneTake(
    const QString& path, std::int64_t leadFrames, std::int64_t toneFrames, std::int64_t tailFrames)
{
    Result<audio::WavWriter> writer = audio::WavWriter::create(path);
    if (!writer)
        return writer.error().toString();
    const std::int64_t toneEnd = leadFrames + toneFrames;
    const std::int64_t total = toneEnd + tailFrames;
    constexpr std::int64_t kBlockFrames = 800;
    audio::AudioBlock block;
    for (std::int64_t frame = 0; frame < total; frame += kBlockFrames) {
        block.startFrame = frame;
        block.samples.assign(static_cast<std::size_t>(std::min(kBlockFrames, total - frame)), 0.0f);
        for (std::size_t i = 0; i < block.samples.size(); ++i) {
            const std::int64_t f = frame + static_cast<std::int64_t>(i);
            if (f >= leadFrames && f < toneEnd)
                block.samples[i] = testSample(f);
        }
        if (Status s = writer->write(block); !s)
            return s.error().toString();
    }
    if (Status s = writer->close(); !s)
        return s.error().toString();
    return {};
}

} // namespace rapport::test
