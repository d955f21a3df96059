#include "app/gui/progress/progresspage.h"
#include "app/gui/settings/datasection.h"
#include "app/gui/settings/settingspage.h"
#include "app/gui/widgets/theme.h"
#include "core/answers/answerrepository.h"
#include "core/conversations/conversationrepository.h"
#include "core/data/backup.h"
#include "core/progress/goal.h"
#include "core/rehearsal/pitchrepository.h"
#include "core/rehearsal/takerepository.h"
#include "tests/support/fixedclock.h"
#include "tests/support/sqlitefile.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace rapport::gui {
namespace {

// What one data folder holds, read through a connection of its own: what Rapport shows after a
// restart.
struct FolderContents
{
    QStringList pitches; // titles, sorted
    qsizetype takes = -1;
    progress::WeeklyGoal goal;
    QStringList recordings; // file names, sorted
};

FolderContents contentsOf(const QString& root)
{
    FolderContents contents;
    contents.recordings
        = QDir(root + QStringLiteral("/recordings")).entryList(QDir::Files, QDir::Name);
    Result<std::unique_ptr<storage::Database>> db
        = storage::Database::open(root + QStringLiteral("/rapport.sqlite"));
    EXPECT_TRUE(db.ok()) << db.error().toString().toStdString();
    if (!db)
        return contents;
    if (Result<QList<rehearsal::PitchSummary>> pitches = rehearsal::PitchRepository(**db).list()) {
        for (const rehearsal::PitchSummary& p : *pitches)
            contents.pitches << p.pitch.title;
    }
    contents.pitches.sort();
    if (Result<QList<rehearsal::Take>> takes = rehearsal::TakeRepository(**db).list())
        contents.takes = takes->size();
    if (Result<progress::WeeklyGoal> goal = progress::loadGoal(**db))
        contents.goal = *goal;
    return contents;
}

QPushButton* buttonNamed(const QWidget& parent, const QString& accessibleName)
{
    QPushButton* found = nullptr;
    for (QPushButton* b : parent.findChildren<QPushButton*>())
        found = b->accessibleName() == accessibleName ? b : found;
    return found;
}

// Settings → Your data. The fixed clock says Monday 23 November 2026, 10:00 in Berlin.
class DataSectionTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        auto store = storage::openStore(m_dir.filePath(QStringLiteral("data")));
        ASSERT_TRUE(store.ok()) << store.error().toString().toStdString();
        m_store = std::make_unique<storage::Store>(std::move(*store));
        // Dates and numbers in the messages follow the user's locale; the expectations are
        // English.
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    }

    void TearDown() override { QLocale::setDefault(m_locale); }

    qint64 addPitch(const QString& title)
    {
        rehearsal::Pitch pitch;
        pitch.title = title;
        pitch.lights = rehearsal::defaultLightsFor(60'000); // green 50 s, red 60 s
        Result<qint64> id
            = rehearsal::PitchRepository(*m_store->database).add(pitch, m_clock.nowUtc());
        EXPECT_TRUE(id.ok());
        return id ? *id : 0;
    }

    void addTake(qint64 pitch, const QDateTime& startedAt)
    {
        rehearsal::Take take;
        take.pitchId = pitch;
        take.startedAt = startedAt;
        take.lights = rehearsal::defaultLightsFor(60'000);
        take.report.durationS = 57;
        take.report.speakingTimeS = 55;
        take.report.pauseCount = 2;
        take.report.wordsPerMinute = 150;
        take.rating.overall = 4;
        ASSERT_TRUE(rehearsal::TakeRepository(*m_store->database).add(take).ok());
    }

    // An answer to a card whose recording is at `audioPath` (not made here).
    void addAnswer(const QDateTime& startedAt, const QString& audioPath)
    {
        answers::Answer answer;
        answer.card = { QStringLiteral("rapport.fun"), QStringLiteral("f-01"), decks::Zone::Fun,
            QStringLiteral("Best snack?") };
        answer.startedAt = startedAt;
        answer.lights = answers::defaultAnswerLights();
        answer.audioPath = audioPath;
        answer.report.durationS = 40;
        answer.rating.overall = 3;
        ASSERT_TRUE(answers::AnswerRepository(*m_store->database).add(answer).ok());
    }

    void addConversation(const QDate& day)
    {
        conversations::Conversation c;
        c.happenedOn = day;
        c.rating = 4;
        ASSERT_TRUE(conversations::ConversationRepository(*m_store->database).add(c).ok());
    }

    void addRecording(const QString& name, const QByteArray& bytes)
    {
        test::writeFile(m_store->paths.recordings() + QLatin1Char('/') + name, bytes);
    }

    // Data A in the store, a backup of it through the section, then data B in the store: A is
    // the pitch "Before the backup" with a take and take-a.wav; B adds the pitch "After the
    // backup" with a take and take-b.wav, and deletes take-a.wav.
    QString backUpAThenChangeToB(DataSection& section)
    {
        addTake(addPitch(QStringLiteral("Before the backup")),
            QDateTime(QDate(2026, 11, 17), QTime(12, 0), Qt::UTC));
        addRecording(QStringLiteral("take-a.wav"), "A-take");
        const QString archive = m_dir.filePath(QStringLiteral("a.tar.gz"));
        EXPECT_TRUE(section.backupTo(archive)) << section.messageText().toStdString();
        addTake(addPitch(QStringLiteral("After the backup")),
            QDateTime(QDate(2026, 11, 18), QTime(12, 0), Qt::UTC));
        addRecording(QStringLiteral("take-b.wav"), "B-take");
        EXPECT_TRUE(QFile::remove(m_store->paths.recordings() + QStringLiteral("/take-a.wav")));
        return archive;
    }

    // The folders a restore moved the replaced data into.
    QStringList safetyFolders() const
    {
        return QDir(m_store->paths.root)
            .entryList({ QStringLiteral("before-restore-*") }, QDir::Dirs, QDir::Name);
    }

    std::unique_ptr<DataSection> makeSection()
    {
        return std::make_unique<DataSection>(*m_store, &m_clock);
    }

    QLocale m_locale;
    QTemporaryDir m_dir;
    std::unique_ptr<storage::Store> m_store;
    test::FixedClock m_clock { QDateTime(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC) };
    QTimeZone m_berlin { "Europe/Berlin" };
};

TEST_F(DataSectionTest, ExportWritesEveryTableAndSaysWhatItWrote)
{
    const qint64 pitch = addPitch(QStringLiteral("Intro"));
    addTake(pitch, QDateTime(QDate(2026, 11, 18), QTime(12, 0), Qt::UTC));
    addConversation(QDate(2026, 11, 18));
    auto section = makeSection();
    EXPECT_TRUE(section->messageText().isEmpty()); // nothing said before an action
    const QString csv = m_dir.filePath(QStringLiteral("export-csv"));
    ASSERT_TRUE(section->exportTo(csv, data::ExportFormat::Csv))
        << section->messageText().toStdString();
    for (const char* name :
        { "pitches.csv", "takes.csv", "draws.csv", "answers.csv", "conversations.csv" })
        EXPECT_TRUE(QFile::exists(QDir(csv).filePath(QString::fromLatin1(name)))) << name;
    EXPECT_TRUE(section->messageText().contains(QStringLiteral("1 take,")))
        << section->messageText().toStdString();
    QFile takes(QDir(csv).filePath(QStringLiteral("takes.csv")));
    ASSERT_TRUE(takes.open(QIODevice::ReadOnly));
    EXPECT_EQ(takes.readAll().count("\r\n"), 2); // header and the one take

    const QString json = m_dir.filePath(QStringLiteral("export-json"));
    ASSERT_TRUE(section->exportTo(json, data::ExportFormat::Json));
    EXPECT_TRUE(QFile::exists(QDir(json).filePath(QStringLiteral("takes.json"))));

    // A folder that cannot be made is reported in the section.
    QFile blocker(m_dir.filePath(QStringLiteral("a-file")));
    ASSERT_TRUE(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    EXPECT_FALSE(
        section->exportTo(blocker.fileName() + QStringLiteral("/sub"), data::ExportFormat::Csv));
    EXPECT_FALSE(section->messageText().isEmpty());
}

TEST_F(DataSectionTest, ImportAddsAnExportAndTellsThePages)
{
    const qint64 pitch = addPitch(QStringLiteral("Intro"));
    addTake(pitch, QDateTime(QDate(2026, 11, 23), QTime(8, 0), Qt::UTC)); // this week
    addAnswer(QDateTime(QDate(2026, 11, 23), QTime(8, 30), Qt::UTC),
        m_dir.filePath(QStringLiteral("gone/answer.wav")));
    addConversation(QDate(2026, 11, 23));
    const QString folder = m_dir.filePath(QStringLiteral("export"));
    ASSERT_TRUE(makeSection()->exportTo(folder, data::ExportFormat::Json));

    // Another data folder, empty until the import.
    auto other = storage::openStore(m_dir.filePath(QStringLiteral("other")));
    ASSERT_TRUE(other.ok());
    DataSection section(*other, &m_clock);
    ProgressPage progress(*other, &m_clock, m_berlin);
    progress.refresh();
    ASSERT_TRUE(progress.emptyStateShown());
    QSignalSpy imported(&section, &DataSection::dataImported);
    ASSERT_TRUE(section.importFrom(folder)) << section.messageText().toStdString();
    EXPECT_TRUE(section.messageText().startsWith(QStringLiteral(
        "Imported 1 pitch, 1 take, 0 card draws, 1 answer and 1 conversation from ")))
        << section.messageText().toStdString();
    EXPECT_TRUE(section.messageText().contains(
        QStringLiteral("1 answer has no recording on this computer (an export holds none)")))
        << section.messageText().toStdString();
    EXPECT_EQ(imported.count(), 1);
    // Progress, read again as it is when shown, has the imported week.
    progress.refresh();
    EXPECT_FALSE(progress.emptyStateShown());
    EXPECT_EQ(progress.thisWeekTakesText(), QStringLiteral("1 of 3 takes"));
    EXPECT_EQ(progress.thisWeekConversationsText(), QStringLiteral("1 of 2 conversations"));

    // Again: nothing new, so no page needs to re-read.
    ASSERT_TRUE(section.importFrom(folder));
    EXPECT_TRUE(section.messageText().contains(
        QStringLiteral("4 records were already here and were skipped.")))
        << section.messageText().toStdString();
    progress.refresh();
    EXPECT_EQ(progress.thisWeekTakesText(), QStringLiteral("1 of 3 takes"));
    EXPECT_EQ(imported.count(), 1);

    // A folder without an export is refused in the section.
    EXPECT_FALSE(section.importFrom(m_dir.filePath(QStringLiteral("other"))));
    EXPECT_TRUE(section.messageText().contains(QStringLiteral("no Rapport export")))
        << section.messageText().toStdString();
    EXPECT_EQ(imported.count(), 1);
}

TEST_F(DataSectionTest, ImportReadsTheChosenFormatWhenTheFolderHasBoth)
{
    addPitch(QStringLiteral("In CSV"));
    const QString folder = m_dir.filePath(QStringLiteral("export"));
    ASSERT_TRUE(makeSection()->exportTo(folder, data::ExportFormat::Csv));
    addPitch(QStringLiteral("Only in JSON"));
    ASSERT_TRUE(makeSection()->exportTo(folder, data::ExportFormat::Json));

    auto other = storage::openStore(m_dir.filePath(QStringLiteral("other")));
    ASSERT_TRUE(other.ok());
    DataSection section(*other, &m_clock);
    QComboBox* format = section.formatBox();
    format->setCurrentIndex(format->findData(static_cast<int>(data::ExportFormat::Csv)));
    ASSERT_TRUE(section.importFrom(folder)) << section.messageText().toStdString();
    EXPECT_TRUE(section.messageText().startsWith(QStringLiteral("Imported 1 pitch,")))
        << section.messageText().toStdString();
    format->setCurrentIndex(format->findData(static_cast<int>(data::ExportFormat::Json)));
    ASSERT_TRUE(section.importFrom(folder)) << section.messageText().toStdString();
    EXPECT_TRUE(section.messageText().startsWith(QStringLiteral("Imported 1 pitch,")))
        << section.messageText().toStdString(); // the JSON-only one; the other was skipped
    EXPECT_TRUE(section.messageText().contains(QStringLiteral("1 record was already here")))
        << section.messageText().toStdString();
}

TEST_F(DataSectionTest, BackupWritesAPrivateArchiveThatVerifiesAndNamesIt)
{
    const qint64 pitch = addPitch(QStringLiteral("Intro"));
    addTake(pitch, QDateTime(QDate(2026, 11, 18), QTime(12, 0), Qt::UTC));
    addRecording(QStringLiteral("take-1.wav"), "one");
    addRecording(QStringLiteral("take-2.wav"), "two");
    auto section = makeSection();
    const QString archive = m_dir.filePath(QStringLiteral("backup.tar.gz"));
    ASSERT_TRUE(section->backupTo(archive)) << section->messageText().toStdString();
    EXPECT_TRUE(section->messageText().startsWith(QStringLiteral("Backed up your data and 2 "
                                                                 "recordings to ")
        + QDir::toNativeSeparators(archive) + QStringLiteral(" (")))
        << section->messageText().toStdString();
    Result<data::BackupSummary> verified = data::verifyBackup(archive);
    ASSERT_TRUE(verified.ok()) << verified.error().toString().toStdString();
    EXPECT_EQ(verified->recordings, 2);
    EXPECT_EQ(verified->schemaVersion, m_store->database->schemaVersion());
    EXPECT_EQ(verified->createdAt, m_clock.nowUtc());
    EXPECT_EQ(test::permissionBits(archive), 0600u); // backup.h: the archive is private

    // The section never overwrites: a second backup to the same name is refused and said so.
    const QByteArray before = test::fileBytes(archive);
    EXPECT_FALSE(section->backupTo(archive));
    EXPECT_TRUE(section->messageText().contains(QStringLiteral("already exists")))
        << section->messageText().toStdString();
    EXPECT_EQ(test::fileBytes(archive), before);
}

TEST_F(DataSectionTest, RestoreBringsBackTheBackupAndKeepsTheReplacedDataAside)
{
    auto section = makeSection();
    const QString archive = backUpAThenChangeToB(*section);
    ASSERT_TRUE(section->restoreFrom(archive)) << section->messageText().toStdString();

    const QStringList safety = safetyFolders();
    ASSERT_EQ(safety.size(), 1) << safety.join(QStringLiteral(", ")).toStdString();
    const QString root = m_store->paths.root;
    const QString safetyPath = root + QLatin1Char('/') + safety.first();
    const QString message = section->messageText();
    EXPECT_TRUE(message.startsWith(QStringLiteral("Restored the backup of ")))
        << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("Restart Rapport to see it.")))
        << message.toStdString();
    EXPECT_TRUE(message.contains(
        QStringLiteral("Your previous data is in %1.").arg(QDir::toNativeSeparators(safetyPath))))
        << message.toStdString();

    // Private, like the data folder: the restored files 0600, the folders 0700 (read before a
    // connection opens the databases, which would tighten them itself).
    EXPECT_EQ(test::permissionBits(root + QStringLiteral("/rapport.sqlite")), 0600u);
    EXPECT_EQ(test::permissionBits(root + QStringLiteral("/recordings")), 0700u);
    EXPECT_EQ(test::permissionBits(root + QStringLiteral("/recordings/take-a.wav")), 0600u);
    EXPECT_EQ(test::permissionBits(safetyPath), 0700u);

    // Rapport closes after a restore; then the data folder holds A and the safety copy B.
    section.reset();
    m_store.reset();
    const FolderContents restored = contentsOf(root);
    EXPECT_EQ(restored.pitches, QStringList { QStringLiteral("Before the backup") });
    EXPECT_EQ(restored.takes, 1);
    EXPECT_EQ(restored.recordings, QStringList { QStringLiteral("take-a.wav") });
    EXPECT_EQ(test::fileBytes(root + QStringLiteral("/recordings/take-a.wav")), "A-take");
    const FolderContents replaced = contentsOf(safetyPath);
    EXPECT_EQ(replaced.pitches,
        (QStringList { QStringLiteral("After the backup"), QStringLiteral("Before the backup") }));
    EXPECT_EQ(replaced.takes, 2);
    EXPECT_EQ(replaced.recordings, QStringList { QStringLiteral("take-b.wav") });
    EXPECT_EQ(test::fileBytes(safetyPath + QStringLiteral("/recordings/take-b.wav")), "B-take");
}

// The section's connection stays open on the database the restore moved into the safety folder
// (on Linux it follows the moved file): an export or a backup through it would hold the replaced
// data, an import would land in the safety copy and be missing after the restart.
TEST_F(DataSectionTest, AfterARestoreTheSectionChangesNothingUntilRapportRestarts)
{
    auto section = makeSection();
    const QString archive = backUpAThenChangeToB(*section);
    const QString exportFolder = m_dir.filePath(QStringLiteral("export"));
    ASSERT_TRUE(section->exportTo(exportFolder, data::ExportFormat::Csv)); // B, to import later
    ASSERT_TRUE(section->restoreFrom(archive)) << section->messageText().toStdString();
    const QString restoredMessage = section->messageText();

    for (const QString& name :
        { QStringLiteral("Export all your data"), QStringLiteral("Add what an export holds"),
            QStringLiteral("Back up all your data"), QStringLiteral("Restore a backup") }) {
        QPushButton* found = buttonNamed(*section, name);
        ASSERT_NE(found, nullptr) << name.toStdString();
        EXPECT_FALSE(found->isEnabled()) << name.toStdString();
    }
    EXPECT_FALSE(section->formatBox()->isEnabled());
    // Opening the folder still works: the previous data is in it.
    ASSERT_NE(buttonNamed(*section, QStringLiteral("Open data folder")), nullptr);
    EXPECT_TRUE(buttonNamed(*section, QStringLiteral("Open data folder"))->isEnabled());

    // Refusals repeat the restore's message, which says where the previous data is.
    const QString secondExport = m_dir.filePath(QStringLiteral("export-2"));
    EXPECT_FALSE(section->exportTo(secondExport, data::ExportFormat::Csv));
    EXPECT_FALSE(QFileInfo::exists(secondExport));
    EXPECT_EQ(section->messageText().toStdString(), restoredMessage.toStdString());
    EXPECT_FALSE(section->importFrom(exportFolder));
    EXPECT_EQ(section->messageText().toStdString(), restoredMessage.toStdString());
    EXPECT_FALSE(section->backupTo(m_dir.filePath(QStringLiteral("again.tar.gz"))));
    EXPECT_FALSE(QFileInfo::exists(m_dir.filePath(QStringLiteral("again.tar.gz"))));
    m_clock.advance(60); // a second restore would otherwise collide with the first's folder name
    EXPECT_FALSE(section->restoreFrom(archive));
    EXPECT_EQ(safetyFolders().size(), 1);
    EXPECT_EQ(section->messageText().toStdString(), restoredMessage.toStdString());

    // Nothing was imported into either copy: A is still A, the safety copy still B.
    const QString root = m_store->paths.root;
    const QString safetyPath = root + QLatin1Char('/') + safetyFolders().value(0);
    section.reset();
    m_store.reset();
    EXPECT_EQ(contentsOf(root).pitches, QStringList { QStringLiteral("Before the backup") });
    EXPECT_EQ(contentsOf(safetyPath).takes, 2);
}

// The Restore button's decisions, with the dialogs answered by the test.
class RestoreFlowTest : public DataSectionTest
{
protected:
    DataSection::RestorePrompts answering(bool yes)
    {
        return { [this, yes](const QString& question) {
                    m_asked << question;
                    return yes;
                },
            [this](const QString& message) {
                m_told << message;
                // Told while the window is still open: restartNeeded closes it.
                m_restartsWhenTold << (m_restarts ? m_restarts->count() : -1);
            } };
    }

    std::unique_ptr<DataSection> makeWatchedSection()
    {
        auto section = makeSection();
        m_restarts = std::make_unique<QSignalSpy>(section.get(), &DataSection::restartNeeded);
        return section;
    }

    QStringList m_asked;
    QStringList m_told;
    QList<qsizetype> m_restartsWhenTold;
    std::unique_ptr<QSignalSpy> m_restarts;
};

TEST_F(RestoreFlowTest, ADamagedArchiveIsRefusedBeforeAnyQuestion)
{
    auto section = makeWatchedSection();
    const QString broken = m_dir.filePath(QStringLiteral("broken.tar.gz"));
    test::writeFile(broken, "not an archive");
    EXPECT_FALSE(section->restoreAfterAsking(broken, answering(true)));
    EXPECT_TRUE(m_asked.isEmpty());
    EXPECT_TRUE(section->messageText().contains(QDir::toNativeSeparators(broken)))
        << section->messageText().toStdString();
    EXPECT_TRUE(safetyFolders().isEmpty());
    EXPECT_EQ(m_restarts->count(), 0);
}

TEST_F(RestoreFlowTest, DecliningTheQuestionChangesNothing)
{
    auto section = makeWatchedSection();
    const QString archive = backUpAThenChangeToB(*section);
    EXPECT_FALSE(section->restoreAfterAsking(archive, answering(false)));
    ASSERT_EQ(m_asked.size(), 1);
    EXPECT_TRUE(m_asked[0].startsWith(QStringLiteral("Replace all your data with the backup of ")))
        << m_asked[0].toStdString();
    EXPECT_TRUE(m_asked[0].contains(QStringLiteral("(1 recording)?"))) << m_asked[0].toStdString();
    EXPECT_TRUE(m_told.isEmpty());
    EXPECT_TRUE(safetyFolders().isEmpty());
    EXPECT_EQ(m_restarts->count(), 0);
    // Still usable: nothing was replaced.
    EXPECT_TRUE(section->backupTo(m_dir.filePath(QStringLiteral("b.tar.gz"))))
        << section->messageText().toStdString();
}

TEST_F(RestoreFlowTest, ARestoreThatFailsAfterTheQuestionNeedsNoRestart)
{
    auto section = makeWatchedSection();
    const QString archive = backUpAThenChangeToB(*section);
    DataSection::RestorePrompts vanishing = answering(true);
    vanishing.confirm = [&](const QString&) { return QFile::remove(archive); };
    EXPECT_FALSE(section->restoreAfterAsking(archive, vanishing));
    EXPECT_TRUE(section->messageText().contains(QStringLiteral("There is no backup file")))
        << section->messageText().toStdString();
    EXPECT_TRUE(m_told.isEmpty());
    EXPECT_TRUE(safetyFolders().isEmpty());
    EXPECT_EQ(m_restarts->count(), 0);
}

TEST_F(RestoreFlowTest, ARestoreThatWorkedIsToldAndThenNeedsARestart)
{
    auto section = makeWatchedSection();
    const QString archive = backUpAThenChangeToB(*section);
    EXPECT_TRUE(section->restoreAfterAsking(archive, answering(true)))
        << section->messageText().toStdString();
    EXPECT_EQ(m_asked.size(), 1);
    ASSERT_EQ(m_told.size(), 1);
    EXPECT_EQ(m_told[0].toStdString(), section->messageText().toStdString());
    EXPECT_TRUE(m_told[0].contains(QStringLiteral("Your previous data is in ")));
    EXPECT_EQ(m_restartsWhenTold, QList<qsizetype> { 0 });
    EXPECT_EQ(m_restarts->count(), 1);
    EXPECT_EQ(safetyFolders().size(), 1);

    // A second try before the restart asks nothing and restores nothing.
    m_clock.advance(60);
    EXPECT_FALSE(section->restoreAfterAsking(archive, answering(true)));
    EXPECT_EQ(m_asked.size(), 1);
    EXPECT_EQ(m_restarts->count(), 1);
    EXPECT_EQ(safetyFolders().size(), 1);
}

TEST_F(RestoreFlowTest, ABlockerStopsTheRestoreBeforeTheQuestionAndSaysWhy)
{
    auto section = makeWatchedSection();
    const QString archive = backUpAThenChangeToB(*section);
    QString blocker = QStringLiteral("A take is being recorded. Stop it, then restore.");
    section->setRestoreBlocker([&blocker] { return blocker; });
    EXPECT_FALSE(section->restoreAfterAsking(archive, answering(true)));
    EXPECT_TRUE(m_asked.isEmpty());
    EXPECT_EQ(section->messageText(), blocker);
    EXPECT_FALSE(section->restoreFrom(archive));
    EXPECT_TRUE(safetyFolders().isEmpty());
    EXPECT_EQ(m_restarts->count(), 0);

    // Asked again just before restoring: a take started while the question was open stops it.
    DataSection::RestorePrompts startsATake = answering(true);
    blocker.clear();
    startsATake.confirm = [&blocker](const QString&) {
        blocker = QStringLiteral("A take is being recorded. Stop it, then restore.");
        return true;
    };
    EXPECT_FALSE(section->restoreAfterAsking(archive, startsATake));
    EXPECT_EQ(section->messageText(), blocker);
    EXPECT_TRUE(safetyFolders().isEmpty());
    EXPECT_EQ(m_restarts->count(), 0);

    blocker.clear();
    EXPECT_TRUE(section->restoreAfterAsking(archive, answering(true)))
        << section->messageText().toStdString();
    EXPECT_EQ(m_restarts->count(), 1);
}

TEST_F(DataSectionTest, ABadRestoreChangesNothing)
{
    const qint64 pitch = addPitch(QStringLiteral("Intro"));
    addTake(pitch, QDateTime(QDate(2026, 11, 18), QTime(12, 0), Qt::UTC));
    auto section = makeSection();

    QFile broken(m_dir.filePath(QStringLiteral("broken.tar.gz")));
    ASSERT_TRUE(broken.open(QIODevice::WriteOnly));
    broken.write("not an archive");
    broken.close();
    EXPECT_FALSE(section->restoreFrom(broken.fileName()));
    EXPECT_TRUE(section->messageText().contains(QDir::toNativeSeparators(broken.fileName())))
        << section->messageText().toStdString();
    EXPECT_TRUE(safetyFolders().isEmpty());
    ProgressPage progress(*m_store, &m_clock, m_berlin);
    progress.refresh();
    EXPECT_EQ(progress.shownWeeks()[10].takes, 1);
    // Nothing was replaced, so the section still works and Progress still writes.
    for (QPushButton* b : section->findChildren<QPushButton*>())
        EXPECT_TRUE(b->isEnabled()) << b->accessibleName().toStdString();
    EXPECT_TRUE(section->backupTo(m_dir.filePath(QStringLiteral("after.tar.gz"))))
        << section->messageText().toStdString();
    EXPECT_TRUE(progress.saveGoal()) << progress.messageText().toStdString();
}

// Where people look for their data: Settings shows the section, each action a button with a
// name a screen reader says and the text on it.
TEST_F(DataSectionTest, TheSettingsPageShowsYourDataWithItsActions)
{
    ThemeManager theme(*qApp);
    QSettings settings(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    SettingsPage page(*m_store, theme, settings, &m_clock);
    page.resize(900, 700);
    page.show();
    DataSection* section = page.dataSection();
    ASSERT_NE(section, nullptr);
    EXPECT_TRUE(page.isAncestorOf(section));
    EXPECT_EQ(section->title(), QStringLiteral("Your data"));
    EXPECT_TRUE(section->isVisible());

    for (const auto& [text, name] :
        { std::pair(QStringLiteral("Export…"), QStringLiteral("Export all your data")),
            std::pair(QStringLiteral("Import…"), QStringLiteral("Add what an export holds")),
            std::pair(QStringLiteral("Back up…"), QStringLiteral("Back up all your data")),
            std::pair(QStringLiteral("Restore…"), QStringLiteral("Restore a backup")),
            std::pair(QStringLiteral("Open data folder"), QStringLiteral("Open data folder")) }) {
        QPushButton* byName = buttonNamed(page, name);
        ASSERT_NE(byName, nullptr) << name.toStdString();
        EXPECT_EQ(QString(byName->text()).remove(u'&'), text) << name.toStdString();
        EXPECT_TRUE(section->isAncestorOf(byName)) << name.toStdString();
        EXPECT_TRUE(byName->isVisible()) << name.toStdString();
        EXPECT_TRUE(byName->isEnabled()) << name.toStdString();
    }
    QComboBox* format = section->formatBox();
    EXPECT_EQ(format->accessibleName(), QStringLiteral("Export and import format"));
    EXPECT_EQ(format->count(), 2);
    EXPECT_EQ(format->itemText(0), QStringLiteral("CSV"));
    EXPECT_EQ(format->itemText(1), QStringLiteral("JSON"));

    bool folderShown = false;
    for (const QLabel* label : section->findChildren<QLabel*>())
        folderShown = folderShown || label->text() == QDir::toNativeSeparators(m_store->paths.root);
    EXPECT_TRUE(folderShown);
}

} // namespace
} // namespace rapport::gui
