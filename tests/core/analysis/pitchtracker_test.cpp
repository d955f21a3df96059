// Pitch on harmonic tones made by sox, whose F0 is known from the command that made them.
#include "core/analysis/analysispipeline.h"
#include "tests/support/speechfixture.h"

#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace rapport::analysis {
namespace {

class PitchTrackerTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        const QString missing = test::SpeechFixture::missingTools();
        ASSERT_TRUE(missing.isEmpty()) << missing.toStdString();
    }

    // A tone with F0 `f0` (or a sweep "a:b") and its 2nd and 3rd harmonics, `seconds` long.
    Result<TakeReport> tone(const QString& f0, const QString& f1, const QString& f2, double seconds)
    {
        const QString file = m_fixture.path(
            QStringLiteral("tone-%1.wav").arg(f0).replace(QLatin1Char(':'), QLatin1Char('-')));
        if (!m_fixture.sox({ QStringLiteral("-n"), QStringLiteral("-r"), QStringLiteral("16000"),
                QStringLiteral("-c"), QStringLiteral("3"), file, QStringLiteral("synth"),
                QString::number(seconds), QStringLiteral("sine"), f0, QStringLiteral("sine"), f1,
                QStringLiteral("sine"), f2, QStringLiteral("remix"), QStringLiteral("1-3"),
                QStringLiteral("vol"), QStringLiteral("0.3") })) {
            return Error { ErrorKind::Io, m_fixture.error(), {}, {} };
        }
        return analyseFile(file);
    }

    QTemporaryDir m_dir;
    test::SpeechFixture m_fixture { m_dir.path() };
};

TEST_F(PitchTrackerTest, MedianOfHarmonicTonesWithin3Percent)
{
    for (const int f0 : { 85, 120, 150, 220, 330 }) {
        SCOPED_TRACE(f0);
        const Result<TakeReport> report
            = tone(QString::number(f0), QString::number(2 * f0), QString::number(3 * f0), 2.0);
        ASSERT_TRUE(report) << report.error().toString().toStdString();
        ASSERT_TRUE(report->pitchMedianHz);
        EXPECT_NEAR(*report->pitchMedianHz, f0, 0.03 * f0);
    }
}

TEST_F(PitchTrackerTest, FlatToneIsMonotone)
{
    const Result<TakeReport> report
        = tone(QStringLiteral("150"), QStringLiteral("300"), QStringLiteral("450"), 3.0);
    ASSERT_TRUE(report);
    ASSERT_TRUE(report->pitchSdSemitones && report->monotone);
    EXPECT_LT(*report->pitchSdSemitones, 0.2);
    EXPECT_TRUE(*report->monotone);
}

TEST_F(PitchTrackerTest, OctaveGlideIsNotMonotoneAndHasTheExpectedSpread)
{
    // A linear sweep 110 -> 220 Hz: median 165 Hz; its semitone values around the median have an
    // RMS of 3.44 (computed from the sweep's formula).
    const Result<TakeReport> report = tone(
        QStringLiteral("110:220"), QStringLiteral("220:440"), QStringLiteral("330:660"), 3.0);
    ASSERT_TRUE(report);
    ASSERT_TRUE(report->pitchMedianHz && report->pitchSdSemitones && report->monotone);
    EXPECT_NEAR(*report->pitchMedianHz, 165.0, 0.03 * 165.0);
    EXPECT_NEAR(*report->pitchSdSemitones, 3.44, 0.3);
    EXPECT_FALSE(*report->monotone);
}

TEST_F(PitchTrackerTest, ToneOutsideTheVoiceRangeHasNoPitch)
{
    const Result<TakeReport> report
        = tone(QStringLiteral("1000"), QStringLiteral("2000"), QStringLiteral("3000"), 2.0);
    ASSERT_TRUE(report);
    EXPECT_FALSE(report->pitchMedianHz);
    EXPECT_FALSE(report->monotone);
}

} // namespace
} // namespace rapport::analysis
