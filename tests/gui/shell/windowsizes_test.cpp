// The window at the sizes people use (issue 15, item 11): every page usable at 1024x640 without
// the window growing, and at 1920x1080 no control stretched across the screen. With
// RAPPORT_SCREENSHOT_DIR set, every page is saved at both sizes in both palettes, with data in it,
// for a person to look at.
#include "app/gui/pitches/pitchespage.h"
#include "app/gui/rehearse/rehearsepage.h"
#include "app/gui/shell/mainwindow.h"
#include "app/gui/widgets/theme.h"
#include "core/rehearsal/pitchrepository.h"
#include "core/rehearsal/takerepository.h"
#include "core/storage/store.h"
#include "tests/support/testtake.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QGroupBox>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>
#include <gtest/gtest.h>

namespace rapport::gui {
namespace {

const char* const kSectionNames[] = { "rehearse", "cards", "progress", "pitches", "settings" };

class WindowSizesTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        auto store = storage::openStore(m_dir.filePath(QStringLiteral("data")));
        ASSERT_TRUE(store.ok());
        m_store = std::move(*store);
        m_settings = std::make_unique<QSettings>(
            m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        addPitchWithTakes(QStringLiteral("Networking intro"), 60'000, 4);
        addPitchWithTakes(QStringLiteral("Investor pitch for the spring demo day"), 90'000, 3);
    }
    void TearDown() override { m_theme.apply(Appearance::System); }

    // A pitch with a script and `count` rated takes, a week apart, ending this week.
    void addPitchWithTakes(const QString& title, qint64 targetMs, int count)
    {
        rehearsal::Pitch pitch;
        pitch.title = title;
        pitch.text = QStringLiteral(
            "Hello, I am Sam. I help rural schools share great teachers over video. Last year "
            "forty schools joined. I would love an introduction to the district's head of "
            "teaching.");
        pitch.targetMs = targetMs;
        pitch.lights = rehearsal::defaultLightsFor(targetMs);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const Result<qint64> pitchId
            = rehearsal::PitchRepository(*m_store.database).add(pitch, now.addDays(-40));
        ASSERT_TRUE(pitchId.ok());
        pitch.id = *pitchId;
        rehearsal::TakeRepository takes(*m_store.database);
        for (int i = 0; i < count; ++i) {
            rehearsal::Take take = rehearsal::takeOf(pitch, now.addDays(-7 * (count - 1 - i)));
            take.report = test::everyFieldReport();
            take.words = test::everyFieldWords();
            take.rating.overall = 2 + i % 4;
            take.rating.ratedAt = take.startedAt;
            ASSERT_TRUE(takes.add(take).ok());
        }
    }

    // Shows each section at `size`, checks the window kept it, and saves it when asked.
    void visitEverySection(MainWindow& window, QSize size, const QString& label)
    {
        window.resize(size);
        for (int s = 0; s < MainWindow::kSectionCount; ++s) {
            window.showSection(static_cast<MainWindow::Section>(s));
            QCoreApplication::processEvents();
            EXPECT_EQ(window.size(), size) << kSectionNames[s] << " made the window grow to "
                                           << window.width() << "x" << window.height();
            save(window, QStringLiteral("%1-%2").arg(label, QLatin1String(kSectionNames[s])));
        }
    }

    static void save(QWidget& window, const QString& name)
    {
        const QString dir = qEnvironmentVariable("RAPPORT_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        QCoreApplication::processEvents();
        window.grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
    }

    QTemporaryDir m_dir;
    storage::Store m_store;
    std::unique_ptr<QSettings> m_settings;
    ThemeManager m_theme { *qApp };
};

TEST_F(WindowSizesTest, EveryPageIsUsableAtTheSmallestSizeWithoutTheWindowGrowing)
{
    for (const Appearance appearance : { Appearance::Light, Appearance::Dark }) {
        m_theme.apply(appearance);
        MainWindow window(m_store, m_theme, *m_settings);
        window.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
        const QString palette
            = appearance == Appearance::Dark ? QStringLiteral("dark") : QStringLiteral("light");
        visitEverySection(window, QSize(1024, 640), QStringLiteral("1024-") + palette);

        // Writing a new pitch does not widen the window either.
        window.showSection(MainWindow::Section::Pitches);
        auto* pitches = qobject_cast<PitchesPage*>(window.pages()->currentWidget());
        ASSERT_NE(pitches, nullptr);
        pitches->newPitch();
        QCoreApplication::processEvents();
        EXPECT_EQ(window.size(), QSize(1024, 640))
            << "New pitch made the window grow to " << window.width() << "x" << window.height();
        save(window, QStringLiteral("1024-%1-new-pitch").arg(palette));
    }
}

// On a common laptop screen, Progress shows its first chart whole without scrolling.
TEST_F(WindowSizesTest, ProgressShowsItsFirstChartWithoutScrollingAt1366x768)
{
    MainWindow window(m_store, m_theme, *m_settings);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    window.resize(1366, 768);
    window.showSection(MainWindow::Section::Progress);
    QCoreApplication::processEvents();
    QWidget* first = nullptr;
    for (QWidget* w : window.pages()->currentWidget()->findChildren<QWidget*>()) {
        if (w->isVisible() && QByteArray(w->metaObject()->className()) == "QChartView") {
            const int y = w->mapTo(&window, QPoint(0, 0)).y();
            if (!first || y < first->mapTo(&window, QPoint(0, 0)).y())
                first = w;
        }
    }
    ASSERT_NE(first, nullptr) << "no chart on the Progress page";
    window.grab(); // lays out and paints what a person would see
    QCoreApplication::processEvents();
    // Inside the part of the page's scroll area that is shown (visibleRegion() would not do: the
    // chart's own viewport covers it).
    QScrollArea* area = nullptr;
    for (QWidget* up = first->parentWidget(); up && !area; up = up->parentWidget())
        area = qobject_cast<QScrollArea*>(up);
    ASSERT_NE(area, nullptr);
    const QRect shown = area->viewport()->rect();
    const QRect chart(first->mapTo(area->viewport(), QPoint(0, 0)), first->size());
    EXPECT_TRUE(shown.contains(chart))
        << "the first chart spans y " << chart.top() << " to " << chart.bottom()
        << "; the page shows y 0 to " << shown.bottom();
    save(window, QStringLiteral("1366-progress"));
}

TEST_F(WindowSizesTest, AtFullHdNoControlIsStretchedAcrossTheScreen)
{
    for (const Appearance appearance : { Appearance::Light, Appearance::Dark }) {
        m_theme.apply(appearance);
        MainWindow window(m_store, m_theme, *m_settings);
        window.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
        const QString palette
            = appearance == Appearance::Dark ? QStringLiteral("dark") : QStringLiteral("light");
        visitEverySection(window, QSize(1920, 1080), QStringLiteral("1920-") + palette);
        for (int s = 0; s < MainWindow::kSectionCount; ++s) {
            window.showSection(static_cast<MainWindow::Section>(s));
            QCoreApplication::processEvents();
            QWidget* page = window.pages()->currentWidget();
            // A field or a choice wider than about 70 characters reads as a bar, not a control.
            const int limit = page->fontMetrics().averageCharWidth() * 90;
            for (QWidget* control : page->findChildren<QWidget*>()) {
                if (!control->isVisible()
                    || !(qobject_cast<QComboBox*>(control) || qobject_cast<QLineEdit*>(control)
                        || qobject_cast<QAbstractSpinBox*>(control)
                        || qobject_cast<QPushButton*>(control)
                        || qobject_cast<QGroupBox*>(control)))
                    continue;
                if (qobject_cast<QLineEdit*>(control)
                    && qobject_cast<QComboBox*>(control->parent()))
                    continue; // an editable box's own field
                // A group of fields may hold a line of prose: a little wider.
                EXPECT_LE(
                    control->width(), qobject_cast<QGroupBox*>(control) ? limit * 3 / 2 : limit)
                    << kSectionNames[s] << ": " << control->metaObject()->className() << " \""
                    << control->accessibleName().toStdString() << "\" is " << control->width()
                    << " px wide";
            }
        }
    }
}

} // namespace
} // namespace rapport::gui
