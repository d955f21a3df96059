#include "app/gui/cards/cardspage.h"
#include "app/gui/pitches/pitchespage.h"
#include "app/gui/rehearse/rehearsepage.h"
#include "app/gui/settings/datasection.h"
#include "app/gui/settings/settingspage.h"
#include "app/gui/shell/aboutdialog.h"
#include "app/gui/shell/mainwindow.h"
#include "app/gui/shell/startup.h"
#include "app/gui/widgets/theme.h"
#include "core/data/backup.h"
#include "core/data/exporter.h"
#include "core/rehearsal/pitchrepository.h"
#include "core/version.h"
#include "tests/support/cliprocess.h"
#include "tests/support/widgetlookup.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <gtest/gtest.h>

namespace rapport::gui {
namespace {

class MainWindowTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        auto store = storage::openStore(m_dir.filePath(QStringLiteral("data")));
        ASSERT_TRUE(store.ok()) << store.error().toString().toStdString();
        m_store = std::move(*store);
        m_settings = std::make_unique<QSettings>(
            m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    }

    void TearDown() override { m_theme.apply(Appearance::System); }

    QTemporaryDir m_dir;
    storage::Store m_store;
    std::unique_ptr<QSettings> m_settings;
    ThemeManager m_theme { *qApp };
};

DataSection* dataSectionOf(const MainWindow& window)
{
    auto* settings = qobject_cast<SettingsPage*>(
        window.pages()->widget(static_cast<int>(MainWindow::Section::Settings)));
    return settings ? settings->dataSection() : nullptr;
}

TEST_F(MainWindowTest, OffersTheFiveSectionsInOrder)
{
    MainWindow window(m_store, m_theme, *m_settings);
    ASSERT_EQ(window.navigation()->count(), MainWindow::kSectionCount);
    ASSERT_EQ(window.pages()->count(), MainWindow::kSectionCount);
    const QStringList expected { QStringLiteral("Rehearse"), QStringLiteral("Conversation cards"),
        QStringLiteral("Progress"), QStringLiteral("Pitches"), QStringLiteral("Settings") };
    for (int i = 0; i < MainWindow::kSectionCount; ++i) {
        EXPECT_EQ(window.navigation()->item(i)->text(), expected[i]);
        EXPECT_EQ(window.pages()->widget(i)->accessibleName(), expected[i]);
    }
}

// A restore replaced the data under the open database; the window must not stay usable on it.
TEST_F(MainWindowTest, ARestoreThatNeedsARestartClosesTheWindow)
{
    MainWindow window(m_store, m_theme, *m_settings);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    DataSection* yourData = dataSectionOf(window);
    ASSERT_NE(yourData, nullptr);
    emit yourData->restartNeeded();
    EXPECT_FALSE(window.isVisible());
}

TEST_F(MainWindowTest, NoRestoreWhileATakeIsUnderWay)
{
    rehearsal::Pitch pitch;
    pitch.title = QStringLiteral("Intro");
    pitch.lights = rehearsal::defaultLightsFor(60'000);
    ASSERT_TRUE(rehearsal::PitchRepository(*m_store.database)
                    .add(pitch, QDateTime::currentDateTimeUtc())
                    .ok());
    const QString archive = m_dir.filePath(QStringLiteral("backup.tar.gz"));
    ASSERT_TRUE(data::createBackup(m_store.paths, archive, QDateTime::currentDateTimeUtc()).ok());

    MainWindow window(m_store, m_theme, *m_settings);
    auto* rehearse = qobject_cast<RehearsePage*>(
        window.pages()->widget(static_cast<int>(MainWindow::Section::Rehearse)));
    DataSection* yourData = dataSectionOf(window);
    ASSERT_TRUE(rehearse && yourData);
    int asked = 0;
    const DataSection::RestorePrompts prompts { [&asked](const QString&) {
                                                   ++asked;
                                                   return true;
                                               },
        [](const QString&) {} };

    // The count-in is the start of a take: the microphone opens when it ends.
    test::widgetNamed<QCheckBox>(rehearse, QStringLiteral("3-2-1 count-in"))->setChecked(true);
    rehearse->startOrStop();
    ASSERT_EQ(rehearse->stage(), RehearsePage::Stage::CountIn);
    EXPECT_FALSE(yourData->restoreAfterAsking(archive, prompts));
    EXPECT_EQ(asked, 0);
    EXPECT_TRUE(yourData->messageText().startsWith(QStringLiteral("A take is being recorded.")))
        << yourData->messageText().toStdString();
    EXPECT_FALSE(yourData->restoreFrom(archive));
    EXPECT_TRUE(QDir(m_store.paths.root)
                    .entryList({ QStringLiteral("before-restore-*") }, QDir::Dirs)
                    .isEmpty());

    rehearse->startOrStop(); // cancels the count-in
    ASSERT_EQ(rehearse->stage(), RehearsePage::Stage::Ready);
    EXPECT_TRUE(yourData->restoreAfterAsking(archive, prompts));
    EXPECT_EQ(asked, 1);
}

// An import under Settings adds pitches the other pages list without a restart.
TEST_F(MainWindowTest, AnImportReachesThePagesThatShowPitchesAndTakes)
{
    auto other = storage::openStore(m_dir.filePath(QStringLiteral("other")));
    ASSERT_TRUE(other.ok());
    rehearsal::Pitch pitch;
    pitch.title = QStringLiteral("Imported pitch");
    pitch.lights = rehearsal::defaultLightsFor(60'000);
    ASSERT_TRUE(rehearsal::PitchRepository(*other->database)
                    .add(pitch, QDateTime::currentDateTimeUtc())
                    .ok());
    const QString folder = m_dir.filePath(QStringLiteral("export"));
    ASSERT_TRUE(data::exportData(*other->database, folder, data::ExportFormat::Csv).ok());

    MainWindow window(m_store, m_theme, *m_settings);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    auto* rehearse = qobject_cast<RehearsePage*>(
        window.pages()->widget(static_cast<int>(MainWindow::Section::Rehearse)));
    auto* pitches = qobject_cast<PitchesPage*>(
        window.pages()->widget(static_cast<int>(MainWindow::Section::Pitches)));
    DataSection* yourData = dataSectionOf(window);
    ASSERT_TRUE(rehearse && pitches && yourData);
    const auto listed = [](const QStringList& texts) {
        return texts.filter(QStringLiteral("Imported pitch")).size();
    };
    const auto pitchListTexts = [pitches] {
        QStringList texts;
        for (int i = 0; i < pitches->pitchList()->count(); ++i)
            texts << pitches->pitchList()->item(i)->text();
        return texts;
    };
    const auto rehearseTexts = [rehearse] {
        QStringList texts;
        for (int i = 0;
             i < test::widgetNamed<QComboBox>(rehearse, QStringLiteral("Pitch"))->count(); ++i)
            texts << test::widgetNamed<QComboBox>(rehearse, QStringLiteral("Pitch"))->itemText(i);
        return texts;
    };
    ASSERT_EQ(listed(pitchListTexts()), 0);
    ASSERT_EQ(listed(rehearseTexts()), 0);

    window.showSection(MainWindow::Section::Settings);
    ASSERT_TRUE(yourData->importFrom(folder)) << yourData->messageText().toStdString();
    EXPECT_EQ(listed(pitchListTexts()), 1) << pitchListTexts().join(u',').toStdString();
    EXPECT_EQ(listed(rehearseTexts()), 1) << rehearseTexts().join(u',').toStdString();
}

// Settings → Your data holds the data actions; at a small window it scrolls instead of cutting
// them off or forcing the window taller.
TEST_F(MainWindowTest, YourDataFitsASmallWindowByScrolling)
{
    MainWindow window(m_store, m_theme, *m_settings);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    window.resize(1024, 640);
    window.showSection(MainWindow::Section::Settings);
    QCoreApplication::processEvents();
    EXPECT_EQ(window.size(), QSize(1024, 640));
    QWidget* settings = window.pages()->currentWidget();
    auto* scroll = settings->findChild<QScrollArea*>();
    ASSERT_NE(scroll, nullptr);
    DataSection* yourData = dataSectionOf(window);
    ASSERT_NE(yourData, nullptr);
    for (const QString& name : { QStringLiteral("Open data folder"),
             QStringLiteral("Export all your data"), QStringLiteral("Add what an export holds"),
             QStringLiteral("Back up all your data"), QStringLiteral("Restore a backup") }) {
        QPushButton* found = nullptr;
        for (QPushButton* b : yourData->findChildren<QPushButton*>())
            found = b->accessibleName() == name ? b : found;
        ASSERT_NE(found, nullptr) << name.toStdString();
        // Full height (not squeezed), and scrolled to it, all of it is in view.
        EXPECT_GE(found->height(), found->minimumSizeHint().height()) << name.toStdString();
        scroll->ensureWidgetVisible(found, 0, 0);
        QCoreApplication::processEvents();
        EXPECT_EQ(found->visibleRegion().boundingRect(), found->rect()) << name.toStdString();
    }
}

// A pitch added with rapport-cli while the window is open shows up without a restart.
TEST_F(MainWindowTest, APitchAddedFromTheCommandLineShowsUpWhileTheWindowIsOpen)
{
    MainWindow window(m_store, m_theme, *m_settings);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    auto* rehearse = qobject_cast<RehearsePage*>(
        window.pages()->widget(static_cast<int>(MainWindow::Section::Rehearse)));
    auto* pitches = qobject_cast<PitchesPage*>(
        window.pages()->widget(static_cast<int>(MainWindow::Section::Pitches)));
    ASSERT_TRUE(rehearse && pitches);
    auto* chooser = test::widgetNamed<QComboBox>(rehearse, QStringLiteral("Pitch"));
    ASSERT_EQ(chooser->count(), 0);
    EXPECT_FALSE(window.checkOutsideChanges()) << "nothing changed yet";

    const test::ProcessResult added
        = test::runCli({ QStringLiteral("pitches"), QStringLiteral("add"),
                           QStringLiteral("--title"), QStringLiteral("From the terminal") },
            m_store.paths.root);
    ASSERT_EQ(added.exitCode, 0) << added.err.toStdString();
    // The window looks every few seconds (and when it becomes active).
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return chooser->count() == 1; }, MainWindow::kOutsideCheckMs * 3))
        << "the new pitch did not show up";
    EXPECT_TRUE(chooser->itemText(0).startsWith(QStringLiteral("From the terminal")));
    EXPECT_EQ(pitches->pitchList()->count(), 1);
    // Its own writes are not news.
    EXPECT_FALSE(window.checkOutsideChanges());
}

TEST_F(MainWindowTest, KeyboardMovesBetweenSections)
{
    MainWindow window(m_store, m_theme, *m_settings);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    window.activateWindow();
    window.navigation()->setFocus();
    window.showSection(MainWindow::Section::Rehearse);

    QTest::keyClick(window.navigation(), Qt::Key_Down);
    EXPECT_EQ(window.currentSection(), MainWindow::Section::Cards);
    EXPECT_EQ(window.pages()->currentIndex(), 1);

    QTest::keyClick(&window, Qt::Key_5, Qt::ControlModifier);
    EXPECT_EQ(window.currentSection(), MainWindow::Section::Settings);
    QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
    EXPECT_EQ(window.currentSection(), MainWindow::Section::Progress);
}

TEST_F(MainWindowTest, CardKeysWorkRightAfterChoosingTheSectionFromTheSidebar)
{
    MainWindow window(m_store, m_theme, *m_settings);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    window.activateWindow();
    window.navigation()->setFocus();
    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    ASSERT_EQ(window.currentSection(), MainWindow::Section::Cards);
    auto* cards = qobject_cast<CardsPage*>(window.pages()->currentWidget());
    ASSERT_NE(cards, nullptr);
    QTest::keyClick(window.navigation(), Qt::Key_N);
    EXPECT_FALSE(cards->currentQuestion().isEmpty());
    // On another section the same key does nothing to the cards.
    const QString shown = cards->currentQuestion();
    QTest::keyClick(&window, Qt::Key_5, Qt::ControlModifier);
    QTest::keyClick(window.navigation(), Qt::Key_N);
    EXPECT_EQ(cards->currentQuestion(), shown);
}

TEST_F(MainWindowTest, RemembersGeometryAndSectionAcrossRestarts)
{
    {
        MainWindow window(m_store, m_theme, *m_settings);
        window.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
        window.resize(1012, 677);
        window.showSection(MainWindow::Section::Pitches);
        window.close();
    }
    MainWindow again(m_store, m_theme, *m_settings);
    again.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&again));
    EXPECT_EQ(again.size(), QSize(1012, 677));
    EXPECT_EQ(again.currentSection(), MainWindow::Section::Pitches);
}

TEST_F(MainWindowTest, EveryControlHasANameForAssistiveTechnology)
{
    MainWindow window(m_store, m_theme, *m_settings);
    for (QAbstractButton* button : window.findChildren<QAbstractButton*>()) {
        if (button->objectName().startsWith(QLatin1String("qt_")))
            continue; // Qt's own internals, e.g. the menu bar's overflow button
        EXPECT_FALSE(button->accessibleName().isEmpty() && button->text().isEmpty())
            << button->metaObject()->className();
    }
    for (QComboBox* box : window.findChildren<QComboBox*>())
        EXPECT_FALSE(box->accessibleName().isEmpty());
    EXPECT_FALSE(window.navigation()->accessibleName().isEmpty());
}

TEST_F(MainWindowTest, SettingsShowTheDataFolderAndSchema)
{
    MainWindow window(m_store, m_theme, *m_settings);
    bool foundFolder = false;
    for (QLabel* label : window.findChildren<QLabel*>())
        foundFolder = foundFolder || label->text() == m_store.paths.root;
    EXPECT_TRUE(foundFolder);
}

TEST_F(MainWindowTest, DarkAppearanceIsAppliedRememberedAndReversible)
{
    const QPalette system = QApplication::palette();
    SettingsPage page(m_store, m_theme, *m_settings);
    QComboBox* box = page.appearanceBox();
    const int dark = box->findData(QStringLiteral("dark"));
    ASSERT_GE(dark, 0);
    box->setCurrentIndex(dark);
    emit box->activated(dark);
    EXPECT_TRUE(ThemeManager::isDark(QApplication::palette()));
    EXPECT_EQ(m_settings->value(QStringLiteral("appearance")).toString(), QStringLiteral("dark"));

    const int light = box->findData(QStringLiteral("light"));
    box->setCurrentIndex(light);
    emit box->activated(light);
    EXPECT_FALSE(ThemeManager::isDark(QApplication::palette()));

    // A problem's red follows at once, without a restart (item 9).
    QLabel problem(QStringLiteral("Over time"), &page);
    styleAsProblem(&problem);
    const QColor onLight = problem.palette().color(QPalette::WindowText);
    box->setCurrentIndex(dark);
    emit box->activated(dark);
    const QColor onDark = problem.palette().color(QPalette::WindowText);
    EXPECT_NE(onLight, onDark);
    EXPECT_GT(onDark.lightness(), QApplication::palette().color(QPalette::Window).lightness() + 80)
        << "the red is not readable on the dark window";
    box->setCurrentIndex(light);
    emit box->activated(light);
    EXPECT_EQ(problem.palette().color(QPalette::WindowText), onLight);
    showStatus(&problem, QStringLiteral("All good"), false);
    box->setCurrentIndex(dark);
    emit box->activated(dark);
    EXPECT_EQ(problem.palette().color(QPalette::WindowText),
        QApplication::palette().color(QPalette::WindowText));

    const int followSystem = box->findData(QStringLiteral("system"));
    box->setCurrentIndex(followSystem);
    emit box->activated(followSystem);
    EXPECT_EQ(QApplication::palette().color(QPalette::Window), system.color(QPalette::Window));
}

TEST(AboutDialogTest, ShowsTheVersion)
{
    AboutDialog dialog(QStringLiteral("/tmp/some-data"));
    auto* version = dialog.findChild<QLabel*>(QStringLiteral("aboutVersion"));
    ASSERT_NE(version, nullptr);
    EXPECT_EQ(version->text(), QStringLiteral("Rapport ") + QString::fromLatin1(kVersion));
}

TEST(StartupTest, ErrorDialogSaysWhatAndWhatToDo)
{
    QString text;
    QString informative;
    QTimer::singleShot(0, qApp, [&] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        ASSERT_NE(box, nullptr);
        text = box->text();
        informative = box->informativeText();
        box->close();
    });
    showStartupError(Error { ErrorKind::NewerSchema, QStringLiteral("Written by a newer Rapport."),
        QStringLiteral("Install the newer Rapport again."), {} });
    EXPECT_EQ(text, QStringLiteral("Written by a newer Rapport."));
    EXPECT_EQ(informative, QStringLiteral("Install the newer Rapport again."));
}

TEST(StartupTest, ParsesDataDirAndRejectsUnknownArguments)
{
    auto options = parseGuiArguments({ QStringLiteral("--data-dir"), QStringLiteral("/tmp/x") });
    ASSERT_TRUE(options.ok());
    EXPECT_EQ(options->dataDir, QStringLiteral("/tmp/x"));
    EXPECT_TRUE(options->dataDirChosen);
    auto equals = parseGuiArguments({ QStringLiteral("--data-dir=/tmp/y") });
    ASSERT_TRUE(equals.ok());
    EXPECT_EQ(equals->dataDir, QStringLiteral("/tmp/y"));
    EXPECT_FALSE(parseGuiArguments({ QStringLiteral("--data-dir") }).ok());
    auto unknown = parseGuiArguments({ QStringLiteral("--nope") });
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().kind, ErrorKind::InvalidArgument);
}

TEST_F(MainWindowTest, HearingWordsIsOnUntilTurnedOffAndTheChoiceIsRemembered)
{
    EXPECT_TRUE(SettingsPage::hearsWords(*m_settings));
    {
        SettingsPage page(m_store, m_theme, *m_settings);
        ASSERT_TRUE(page.hearWordsBox()->isChecked());
        QList<bool> told;
        QObject::connect(
            &page, &SettingsPage::hearWordsChanged, &page, [&told](bool on) { told << on; });
        page.hearWordsBox()->click();
        EXPECT_EQ(told, QList<bool> { false });
        EXPECT_FALSE(SettingsPage::hearsWords(*m_settings));
    }
    // The next start reads it.
    SettingsPage again(m_store, m_theme, *m_settings);
    EXPECT_FALSE(again.hearWordsBox()->isChecked());
    EXPECT_FALSE(again.hearWordsBox()->accessibleDescription().isEmpty());
    if (const QString dir = qEnvironmentVariable("RAPPORT_SCREENSHOT_DIR"); !dir.isEmpty()) {
        again.resize(1024, 900);
        again.grab().save(QDir(dir).filePath(QStringLiteral("settings-words.png")));
    }
}

} // namespace
} // namespace rapport::gui
