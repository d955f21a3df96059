// Renders the Rehearse view's building blocks in the light and the dark palette and checks the
// pictures are in the palette's colours with readable contrast. With RAPPORT_SCREENSHOT_DIR set,
// the pictures are also saved there (e.g. to look at them after a layout change).
#include "app/gui/rehearse/levelmeterwidget.h"
#include "app/gui/rehearse/selfratingpanel.h"
#include "app/gui/rehearse/takereportview.h"
#include "app/gui/widgets/theme.h"
#include "core/coaching/advice.h"
#include "core/rehearsal/take.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QImage>
#include <QPlainTextEdit>
#include <QVBoxLayout>
#include <gtest/gtest.h>
#include <memory>

namespace rapport::gui {
namespace {

analysis::TakeReport sampleReport()
{
    analysis::TakeReport report;
    report.durationS = 58.4;
    report.speechStartS = 1.2;
    report.speechEndS = 53.6;
    report.speakingTimeS = 52.4;
    report.pauses = { { 8.1, 8.6 }, { 17.0, 18.6 }, { 29.3, 29.8 }, { 41.0, 43.1 } };
    report.pauseCount = 4;
    report.longestPauseS = 2.1;
    report.wordsPerMinute = 171.0;
    report.pitchSdSemitones = 1.6;
    report.monotone = true;
    report.loudnessLufs = -17.2;
    report.peakDbfs = -0.3;
    report.clippedRatio = 0.004;
    report.signalToNoiseDb = 24.3;
    report.caveats = { analysis::Caveat::Clipped };
    return report;
}

// A take in a noisy room: the pace is withheld and the other figures are approximate.
analysis::TakeReport noisyReport()
{
    analysis::TakeReport report = sampleReport();
    report.peakDbfs = -4.1;
    report.clippedRatio = 0.0;
    report.wordsPerMinute.reset();
    report.signalToNoiseDb = 4.8;
    report.caveats = { analysis::Caveat::Noisy, analysis::Caveat::TooNoisyForPace };
    return report;
}

QWidget* meters(QWidget* parent)
{
    auto* box = new QWidget(parent);
    auto* layout = new QVBoxLayout(box);
    for (auto [rms, peak] :
        { std::pair { -18.0f, -9.0f }, std::pair { -47.0f, -38.0f }, std::pair { -5.0f, -0.2f } }) {
        auto* meter = new LevelMeterWidget(box);
        meter->setLevel(rms, peak);
        layout->addWidget(meter);
    }
    layout->addWidget(new LevelMeterWidget(box));
    return box;
}

std::unique_ptr<QWidget> build(const QString& name)
{
    if (name == QLatin1String("levelmeter"))
        return std::unique_ptr<QWidget>(meters(nullptr));
    if (name == QLatin1String("selfrating")) {
        auto panel = std::make_unique<SelfRatingPanel>();
        rehearsal::SelfRating rating;
        rating.overall = 4;
        rating.item(rehearsal::RubricItem::Connection) = 5;
        rating.item(rehearsal::RubricItem::Passion) = 3;
        rating.note = QStringLiteral("Better opening; the numbers came too late.");
        panel->setRating(rating);
        return panel;
    }
    if (name == QLatin1String("selfrating-empty"))
        return std::make_unique<SelfRatingPanel>();
    auto view = std::make_unique<TakeReportView>();
    if (name == QLatin1String("report-nospeech")) {
        analysis::TakeReport silent;
        silent.durationS = 12.0;
        silent.peakDbfs = -48.0;
        view->setReport(silent, rehearsal::LightTimes::forWindow(50'000, 60'000));
    } else if (name == QLatin1String("report-words") || name == QLatin1String("report-listening")
        || name == QLatin1String("report-advice")) {
        analysis::TakeReport report = sampleReport();
        report.caveats.clear();
        report.peakDbfs = -6.0;
        report.clippedRatio = 0.0;
        view->setReport(report, rehearsal::LightTimes::forWindow(50'000, 60'000));
        if (name == QLatin1String("report-listening")) {
            view->setWordsListening();
        } else {
            speech::Transcript said;
            double at = 1.2;
            for (const QString& word :
                QStringLiteral("hi i'm sam um i teach data skills to nurses so that hospitals "
                               "spot trouble a day earlier uh last year we trained four hundred "
                               "nurses and you know let's say the numbers speak let's say for "
                               "themselves let's say")
                    .split(QLatin1Char(' '))) {
                said.words.push_back({ word, at, at + 0.3 });
                at += word == QLatin1String("earlier") ? 2.4 : 0.42;
            }
            said.audioS = 58.4;
            const speech::WordReport words = speech::makeWordReport(said, report.speakingTimeS,
                QStringLiteral("Hi, I'm Sam. I teach data skills to nurses so that hospitals spot "
                               "trouble a day earlier. Last year we trained four hundred nurses. "
                               "So what I'd love from you is an introduction to your head of "
                               "nursing."));
            view->setWords(words);
            if (name == QLatin1String("report-advice")) {
                // The take after a longer, faster one.
                rehearsal::Take current;
                current.id = 2;
                current.lights = rehearsal::LightTimes::forWindow(50'000, 60'000);
                current.report = report;
                current.words = words;
                rehearsal::Take previous = current;
                previous.id = 1;
                previous.report.speakingTimeS = 64.6;
                previous.report.wordsPerMinute = 188.0;
                view->setAdvice(coaching::coach(current, previous, std::nullopt));
            }
        }
    } else if (name == QLatin1String("report-noisy")) {
        view->setReport(noisyReport(), rehearsal::LightTimes::forWindow(50'000, 60'000));
    } else {
        view->setReport(sampleReport(), rehearsal::LightTimes::forWindow(50'000, 60'000));
    }
    return view;
}

// Share of pixels far from the background: text and drawings that can be seen.
double contrastingShare(const QImage& image, const QColor& background)
{
    qsizetype far = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (std::abs(image.pixelColor(x, y).lightness() - background.lightness()) > 100)
                ++far;
        }
    }
    return static_cast<double>(far) / (image.width() * image.height());
}

TEST(RehearseWidgetsScreenshotTest, RenderInTheLightAndDarkPalettes)
{
    auto* app = qobject_cast<QApplication*>(QCoreApplication::instance());
    ASSERT_NE(app, nullptr);
    ThemeManager theme(*app);
    const QString dir = qEnvironmentVariable("RAPPORT_SCREENSHOT_DIR");
    for (Appearance appearance : { Appearance::Light, Appearance::Dark }) {
        theme.apply(appearance);
        const bool dark = appearance == Appearance::Dark;
        for (const QString& name : { QStringLiteral("levelmeter"), QStringLiteral("selfrating"),
                 QStringLiteral("selfrating-empty"), QStringLiteral("report"),
                 QStringLiteral("report-noisy"), QStringLiteral("report-nospeech"),
                 QStringLiteral("report-words"), QStringLiteral("report-listening"),
                 QStringLiteral("report-advice") }) {
            std::unique_ptr<QWidget> widget = build(name);
            widget->setAutoFillBackground(true);
            widget->resize(std::max(widget->sizeHint().width(), 620),
                widget->heightForWidth(620) > 0 ? widget->heightForWidth(620)
                                                : widget->sizeHint().height());
            widget->ensurePolished();
            const QImage image = widget->grab().toImage();
            ASSERT_FALSE(image.isNull()) << name.toStdString();
            const QColor background = image.pixelColor(1, 1);
            EXPECT_EQ(ThemeManager::isDark(QPalette(background, background)), dark)
                << name.toStdString() << " background " << background.name().toStdString();
            EXPECT_GT(contrastingShare(image, background), 0.01)
                << name.toStdString() << ": little that stands out from the background";
            if (!dir.isEmpty()) {
                const QString file = QDir(dir).filePath(
                    name + (dark ? QStringLiteral("-dark.png") : QStringLiteral("-light.png")));
                EXPECT_TRUE(image.save(file)) << file.toStdString();
            }
        }
    }
    theme.apply(Appearance::System);
}

} // namespace
} // namespace rapport::gui
