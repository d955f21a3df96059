#include "tests/support/wordmetrics.h"

#include <algorithm>
#include <vector>

namespace rapport::test {

speech::Transcript decodeInBlocks(speech::Recogniser& recogniser, const std::vector<float>& samples)
{
    recogniser.start();
    constexpr std::size_t kBlock = 1600; // 100 ms
    for (std::size_t at = 0; at < samples.size(); at += kBlock) {
        audio::AudioBlock block;
        block.startFrame = static_cast<std::int64_t>(at);
        block.samples.assign(samples.begin() + static_cast<std::ptrdiff_t>(at),
            samples.begin() + static_cast<std::ptrdiff_t>(std::min(samples.size(), at + kBlock)));
        recogniser.process(block);
    }
    return recogniser.finish();
}

int wordEditDistance(const QStringList& truth, const QStringList& heard)
{
    std::vector<int> row(static_cast<std::size_t>(heard.size()) + 1, 0);
    for (std::size_t j = 0; j < row.size(); ++j)
        row[j] = static_cast<int>(j);
    for (qsizetype i = 1; i <= truth.size(); ++i) {
        int diagonal = row[0];
        row[0] = static_cast<int>(i);
        for (qsizetype j = 1; j <= heard.size(); ++j) {
            const auto uj = static_cast<std::size_t>(j);
            const int above = row[uj];
            row[uj] = std::min({ row[uj] + 1, row[uj - 1] + 1,
                diagonal + (truth[i - 1] == heard[j - 1] ? 0 : 1) });
            diagonal = above;
        }
    }
    return row[row.size() - 1];
}

} // namespace rapport::test
