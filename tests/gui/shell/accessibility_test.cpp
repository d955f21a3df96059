// What a screen reader gets from each page (issue 15, item 17): every interactive control found
// through QAccessible has a name; the timing light and the over-time warning are text; and the
// Tab key visits the controls of a page in reading order, each once.
#include "app/gui/shell/mainwindow.h"
#include "app/gui/widgets/lightindicator.h"
#include "app/gui/widgets/theme.h"
#include "core/rehearsal/pitchrepository.h"
#include "core/rehearsal/takerepository.h"
#include "core/storage/store.h"
#include "tests/support/testtake.h"

#include <QAccessible>
#include <QAccessibleInterface>
#include <QApplication>
#include <QSettings>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <functional>
#include <gtest/gtest.h>

namespace rapport::gui {
namespace {

const char* const kSectionNames[] = { "rehearse", "cards", "progress", "pitches", "settings" };

bool interactive(QAccessible::Role role)
{
    switch (role) {
    case QAccessible::PushButton:
    case QAccessible::CheckBox:
    case QAccessible::RadioButton:
    case QAccessible::ComboBox:
    case QAccessible::SpinBox:
    case QAccessible::EditableText:
    case QAccessible::Slider:
    case QAccessible::List:
    case QAccessible::Table:
    case QAccessible::Tree:
    case QAccessible::PageTabList:
    case QAccessible::ButtonMenu:
        return true;
    default:
        return false;
    }
}

class AccessibilityTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        auto store = storage::openStore(m_dir.filePath(QStringLiteral("data")));
        ASSERT_TRUE(store.ok());
        m_store = std::move(*store);
        m_settings = std::make_unique<QSettings>(
            m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        rehearsal::Pitch pitch;
        pitch.title = QStringLiteral("Networking intro");
        pitch.text = QStringLiteral("Hello, I am Sam. I help schools share teachers.");
        pitch.targetMs = 60'000;
        pitch.lights = rehearsal::defaultLightsFor(60'000);
        const Result<qint64> id = rehearsal::PitchRepository(*m_store.database)
                                      .add(pitch, QDateTime::currentDateTimeUtc().addDays(-9));
        ASSERT_TRUE(id.ok());
        pitch.id = *id;
        for (int i = 0; i < 2; ++i) {
            rehearsal::Take take
                = rehearsal::takeOf(pitch, QDateTime::currentDateTimeUtc().addDays(-7 * i));
            take.report = test::everyFieldReport();
            take.words = test::everyFieldWords();
            ASSERT_TRUE(rehearsal::TakeRepository(*m_store.database).add(take).ok());
        }
    }

    QTemporaryDir m_dir;
    storage::Store m_store;
    std::unique_ptr<QSettings> m_settings;
    ThemeManager m_theme { *qApp };
};

// Walks the accessible tree under `root`, calling `visit` for each visible element.
void walk(QAccessibleInterface* root, const std::function<void(QAccessibleInterface*)>& visit)
{
    if (!root || root->state().invisible)
        return;
    visit(root);
    for (int i = 0; i < root->childCount(); ++i)
        walk(root->child(i), visit);
}

TEST_F(AccessibilityTest, EveryInteractiveControlOnEveryPageHasAName)
{
    MainWindow window(m_store, m_theme, *m_settings);
    window.resize(1280, 800);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    for (int s = 0; s < MainWindow::kSectionCount; ++s) {
        window.showSection(static_cast<MainWindow::Section>(s));
        QCoreApplication::processEvents();
        int controls = 0;
        walk(QAccessible::queryAccessibleInterface(window.pages()->currentWidget()),
            [&](QAccessibleInterface* element) {
                if (!interactive(element->role()))
                    return;
                ++controls;
                const QString name = element->text(QAccessible::Name).trimmed();
                QObject* object = element->object();
                EXPECT_FALSE(name.isEmpty())
                    << kSectionNames[s] << ": a "
                    << (object ? object->metaObject()->className() : "?") << " (role "
                    << int(element->role()) << ") has no accessible name";
                EXPECT_FALSE(name.contains(QLatin1Char('&')))
                    << kSectionNames[s] << ": \"" << name.toStdString() << "\" reads its '&'";
            });
        EXPECT_GT(controls, 0) << kSectionNames[s] << ": nothing found to check";
    }
}

TEST_F(AccessibilityTest, TheLightAndTheOverTimeWarningAreText)
{
    LightIndicator light;
    light.setLight(rehearsal::Light::Over);
    QAccessibleInterface* element = QAccessible::queryAccessibleInterface(&light);
    ASSERT_NE(element, nullptr);
    EXPECT_EQ(element->text(QAccessible::Name), QStringLiteral("Timing light"));
    EXPECT_FALSE(element->text(QAccessible::Description).isEmpty());
    EXPECT_EQ(element->text(QAccessible::Description), light.text());
    light.setIdle();
    EXPECT_EQ(element->text(QAccessible::Description), QStringLiteral("No take is running"));
}

// The Tab key from a page's first control visits every control of the page once, in reading
// order: down the page, and left to right along a row (a control left of the previous one
// comes only on a lower row, or in a column started further left).
TEST_F(AccessibilityTest, TabFollowsTheReadingOrderOnEveryPage)
{
    MainWindow window(m_store, m_theme, *m_settings);
    window.resize(1280, 800);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    for (int s = 0; s < MainWindow::kSectionCount; ++s) {
        window.showSection(static_cast<MainWindow::Section>(s));
        QCoreApplication::processEvents();
        QWidget* page = window.pages()->currentWidget();
        QList<QWidget*> focusable;
        for (QWidget* w : page->findChildren<QWidget*>()) {
            if (w->isVisible() && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus)
                && !w->focusProxy())
                focusable << w;
        }
        ASSERT_FALSE(focusable.isEmpty()) << kSectionNames[s];
        // The chain, from the page's first focusable widget, while it stays on the page.
        // Starting from the first in reading order: the top row's leftmost.
        const auto topLeft = [page](QWidget* w) {
            const QPoint p = w->mapTo(page, QPoint(0, 0));
            return std::pair { p.y() / 8, p.x() };
        };
        std::sort(focusable.begin(), focusable.end(),
            [&](QWidget* a, QWidget* b) { return topLeft(a) < topLeft(b); });
        QList<QWidget*> chain;
        QWidget* at = focusable.first();
        while (at && !chain.contains(at)) {
            if (focusable.contains(at))
                chain << at;
            at = at->nextInFocusChain();
        }
        for (QWidget* w : focusable)
            EXPECT_TRUE(chain.contains(w))
                << kSectionNames[s] << ": " << w->metaObject()->className() << " \""
                << w->accessibleName().toStdString() << "\" is never reached with Tab";
        // Reading order: each next control is further down, or on the same row further right.
        for (qsizetype i = 1; i < chain.size(); ++i) {
            const QRect a(chain[i - 1]->mapTo(page, QPoint(0, 0)), chain[i - 1]->size());
            const QRect b(chain[i]->mapTo(page, QPoint(0, 0)), chain[i]->size());
            const bool sameRow = b.top() < a.bottom() && a.top() < b.bottom();
            const bool below = b.top() >= a.center().y();
            const bool newColumn = b.top() < a.top() && b.left() > a.right();
            EXPECT_TRUE(below || (sameRow && b.left() >= a.left()) || newColumn)
                << kSectionNames[s] << ": Tab goes from " << chain[i - 1]->metaObject()->className()
                << " \"" << chain[i - 1]->accessibleName().toStdString() << "\" at (" << a.left()
                << "," << a.top() << ") back to " << chain[i]->metaObject()->className() << " \""
                << chain[i]->accessibleName().toStdString() << "\" at (" << b.left() << ","
                << b.top() << ")";
        }
    }
}

} // namespace
} // namespace rapport::gui
