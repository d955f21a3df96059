#include "app/gui/shell/mainwindow.h"

#include "app/audio/audiodevices.h"
#include "app/gui/cards/cardspage.h"
#include "app/gui/pitches/pitchespage.h"
#include "app/gui/progress/progresspage.h"
#include "app/gui/rehearse/rehearsepage.h"
#include "app/gui/settings/datasection.h"
#include "app/gui/settings/settingspage.h"
#include "app/gui/shell/aboutdialog.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QScreen>
#include <QSettings>
#include <QSqlQuery>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

namespace rapport::gui {

namespace {

const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kStateKey = QStringLiteral("mainWindow/state");
const QString kSectionKey = QStringLiteral("mainWindow/section");

QWidget* buildSidebar(QListWidget* navigation, QWidget* parent)
{
    auto* sidebar = new QWidget(parent);
    sidebar->setAutoFillBackground(true);
    sidebar->setBackgroundRole(QPalette::Base);
    auto* layout = new QVBoxLayout(sidebar);
    layout->setContentsMargins(12, 20, 12, 12);
    layout->setSpacing(12);

    auto* name = new QLabel(QObject::tr("Rapport"), sidebar);
    QFont font = name->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setWeight(QFont::Bold);
    name->setFont(font);
    name->setContentsMargins(10, 0, 0, 0);
    layout->addWidget(name);

    QFont itemFont = navigation->font();
    itemFont.setPointSizeF(itemFont.pointSizeF() * 1.1);
    navigation->setFont(itemFont);
    navigation->setFrameShape(QFrame::NoFrame);
    navigation->setSpacing(2);
    navigation->setAccessibleName(QObject::tr("Sections"));
    navigation->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    navigation->setStyleSheet(QStringLiteral("QListWidget::item { padding: 8px 10px; }"));
    layout->addWidget(navigation, 1);
    sidebar->setFixedWidth(210);
    return sidebar;
}

} // namespace

MainWindow::MainWindow(
    storage::Store& store, ThemeManager& theme, QSettings& settings, QWidget* parent)
    : QMainWindow(parent)
    , m_store(store)
    , m_theme(theme)
    , m_settings(settings)
    , m_words(std::make_unique<speech::WordListener>())
    , m_navigation(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
{
    setWindowTitle(tr("Rapport"));
    setObjectName(QStringLiteral("mainWindow"));

    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(buildSidebar(m_navigation, central));
    auto* divider = new QFrame(central);
    divider->setFrameShape(QFrame::VLine);
    divider->setFrameShadow(QFrame::Plain);
    divider->setForegroundRole(QPalette::Mid);
    layout->addWidget(divider);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    buildPages();
    buildMenus();
    connect(
        m_navigation, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    statusBar()->showMessage(tr("Data: %1").arg(QDir::toNativeSeparators(m_store.paths.root)));
    restoreWindowState();
}

void MainWindow::buildPages()
{
    auto* rehearse = new RehearsePage(m_store, {}, nullptr, m_pages);
    rehearse->setWordListener(SettingsPage::hearsWords(m_settings) ? m_words.get() : nullptr);
    auto* cards = new CardsPage(m_store, &m_settings, m_pages);
    AnswerPanel* answers = cards->answerPanel();
    answers->setWordListener(SettingsPage::hearsWords(m_settings) ? m_words.get() : nullptr);
    auto* progress = new ProgressPage(m_store, nullptr, QTimeZone::systemTimeZone(), m_pages);
    auto* pitches = new PitchesPage(m_store, nullptr, m_pages);
    auto* settings = new SettingsPage(m_store, m_theme, m_settings, nullptr, m_pages);

    // Settings → Your data: export, import, backup and restore of everything.
    DataSection* yourData = settings->dataSection();
    // A restore swapped the data folder under the open database: only a restart shows it.
    connect(yourData, &DataSection::restartNeeded, this, &QWidget::close);
    // A restore moves the database and recordings aside: a take still recording would be saved
    // into the moved copy.
    yourData->setRestoreBlocker([rehearse, answers] {
        const RehearsePage::Stage stage = rehearse->stage();
        if (stage == RehearsePage::Stage::CountIn || stage == RehearsePage::Stage::Recording)
            return tr("A take is being recorded. Stop it on the Rehearse page, then restore.");
        if (answers->stage() == AnswerPanel::Stage::Recording)
            return tr("An answer is being recorded. Stop it on the Conversation cards page, then "
                      "restore.");
        return QString();
    });
    // An import added records; Progress reads the database again whenever it is shown.
    connect(yourData, &DataSection::dataImported, pitches, &PitchesPage::reload);
    connect(yourData, &DataSection::dataImported, rehearse, &RehearsePage::reloadPitches);
    connect(yourData, &DataSection::dataImported, cards, &CardsPage::reloadHistory);

    connect(
        settings, &SettingsPage::hearWordsChanged, rehearse, [this, rehearse, answers](bool on) {
            rehearse->setWordListener(on ? m_words.get() : nullptr);
            answers->setWordListener(on ? m_words.get() : nullptr);
        });
    connect(rehearse, &RehearsePage::writePitchRequested, this, [this, pitches] {
        showSection(Section::Pitches);
        pitches->newPitch();
    });
    connect(pitches, &PitchesPage::pitchesChanged, rehearse, &RehearsePage::reloadPitches);
    const auto [inputId, inputName] = SettingsPage::chosenInput(m_settings);
    rehearse->setInputChoice(inputId, inputName);
    connect(settings, &SettingsPage::inputChosen, rehearse, &RehearsePage::setInputChoice);
    answers->setInputChoice(inputId, inputName);
    connect(settings, &SettingsPage::inputChosen, answers, &AnswerPanel::setInputChoice);
    connect(rehearse, &RehearsePage::microphoneSettingsRequested, this,
        [this] { showSection(Section::Settings); });
    m_finishRecordings = [rehearse, answers] {
        rehearse->finishRecording();
        answers->finishRecording();
    };
    // A pitch or take added with rapport-cli while the window is open: the pages read it.
    m_reloadPages = [rehearse, pitches, cards] {
        if (!rehearse->isBusy())
            rehearse->reloadPitches();
        pitches->reload();
        cards->reloadHistory();
        cards->reloadAnswers();
    };
    checkOutsideChanges(); // the starting point
    auto* outside = new QTimer(this);
    connect(outside, &QTimer::timeout, this, &MainWindow::checkOutsideChanges);
    outside->start(kOutsideCheckMs);
    connect(rehearse, &RehearsePage::takesChanged, pitches, &PitchesPage::reload);
    connect(rehearse, &RehearsePage::answersChanged, cards, &CardsPage::reloadAnswers);

    const QList<QWidget*> pages { rehearse, cards, progress, pitches, settings };
    const QStringList names { tr("Rehearse"), tr("Conversation cards"), tr("Progress"),
        tr("Pitches"), tr("Settings") };
    for (qsizetype i = 0; i < pages.size(); ++i) {
        m_pages->addWidget(pages[i]);
        auto* item = new QListWidgetItem(names[i], m_navigation);
        item->setData(Qt::AccessibleTextRole, names[i]);
        item->setToolTip(tr("%1 (Ctrl+%2)").arg(names[i]).arg(i + 1));
    }
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* go = menuBar()->addMenu(tr("&Go"));
    for (int i = 0; i < kSectionCount; ++i) {
        QAction* action = go->addAction(m_navigation->item(i)->text(), this,
            [this, i] { showSection(static_cast<Section>(i)); });
        action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
    }

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About Rapport"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::showSection(Section section)
{
    m_navigation->setCurrentRow(static_cast<int>(section));
}

MainWindow::Section MainWindow::currentSection() const
{
    return static_cast<Section>(m_pages->currentIndex());
}

void MainWindow::showAbout()
{
    AboutDialog dialog(m_store.paths.root, this);
    dialog.exec();
}

void MainWindow::restoreWindowState()
{
    if (!restoreGeometry(m_settings.value(kGeometryKey).toByteArray())) {
        // First start: a comfortable size, centred on the primary screen.
        const QRect available = screen()->availableGeometry();
        resize(QSize(980, 680).boundedTo(available.size()));
        move(available.center() - rect().center());
    }
    restoreState(m_settings.value(kStateKey).toByteArray());
    const int section = m_settings.value(kSectionKey, 0).toInt();
    showSection(static_cast<Section>(section >= 0 && section < kSectionCount ? section : 0));
}

void MainWindow::saveWindowState()
{
    m_settings.setValue(kGeometryKey, saveGeometry());
    m_settings.setValue(kStateKey, saveState());
    m_settings.setValue(kSectionKey, static_cast<int>(currentSection()));
    m_settings.sync();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveWindowState();
    // A take or an answer still recording is stopped and stored, not left as a recording to
    // recover.
    if (m_finishRecordings)
        m_finishRecordings();
    event->accept();
}

bool MainWindow::checkOutsideChanges()
{
    QSqlQuery query(m_store.database->connection());
    if (!query.exec(QStringLiteral("PRAGMA data_version")) || !query.next())
        return false;
    const qint64 version = query.value(0).toLongLong();
    const bool changed = m_dataVersion >= 0 && version != m_dataVersion;
    m_dataVersion = version;
    if (changed && m_reloadPages)
        m_reloadPages();
    return changed;
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::ActivationChange && isActiveWindow())
        checkOutsideChanges();
    QMainWindow::changeEvent(event);
}

} // namespace rapport::gui
