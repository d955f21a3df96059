#include "app/gui/settings/datasection.h"

#include "app/gui/widgets/theme.h"
#include "app/gui/widgets/wording.h"
#include "core/data/backup.h"
#include "core/data/importer.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace rapport::gui {

namespace {

// The busy cursor while a job that can take seconds runs (export, import, backup, restore).
class BusyCursor
{
public:
    BusyCursor() { QGuiApplication::setOverrideCursor(Qt::WaitCursor); }
    ~BusyCursor() { QGuiApplication::restoreOverrideCursor(); }
    BusyCursor(const BusyCursor&) = delete;
    BusyCursor& operator=(const BusyCursor&) = delete;
};

QLabel* selectableLabel(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setWordWrap(true);
    return label;
}

// A line under a row of buttons saying what they are for, quieter than the labels.
QLabel* hint(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    return label;
}

// A row of buttons with its hint right under it, as one field of the form.
QLayout* withHint(QLayout* buttons, QLabel* hint)
{
    auto* column = new QVBoxLayout;
    column->setSpacing(4);
    column->addLayout(buttons);
    column->addWidget(hint);
    return column;
}

QPushButton* button(const QString& text, const QString& accessible, QWidget* parent)
{
    auto* b = new QPushButton(text, parent);
    b->setAccessibleName(accessible);
    return b;
}

} // namespace

DataSection::DataSection(storage::Store& store, const Clock* clock, QWidget* parent)
    : QGroupBox(tr("Your data"), parent)
    , m_store(store)
    , m_clock(clock ? *clock : m_systemClock)
    , m_format(new QComboBox(this))
    , m_message(new QLabel(this))
{
    auto* form = new QFormLayout(this);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setVerticalSpacing(8);

    // The folder with its button beside it, and what stays private under the database: no
    // row of its own, so a wrapped note leaves no gap above the button.
    auto* open = button(tr("&Open data folder"), tr("Open data folder"), this);
    const QString root = store.paths.root;
    connect(open, &QPushButton::clicked, this,
        [root] { QDesktopServices::openUrl(QUrl::fromLocalFile(root)); });
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(selectableLabel(QDir::toNativeSeparators(store.paths.root), this), 1);
    folderRow->addWidget(open, 0, Qt::AlignTop);
    form->addRow(tr("Folder:"), folderRow);
    QLabel* privacy = hint(tr("Everything stays on this computer: no account, no network. The "
                              "folder is readable by you only."),
        this);
    auto* databaseColumn = new QVBoxLayout;
    databaseColumn->setSpacing(4);
    databaseColumn->addWidget(
        selectableLabel(tr("%1 (schema %2)")
                            .arg(QDir::toNativeSeparators(store.paths.database()))
                            .arg(store.database->schemaVersion()),
            this));
    databaseColumn->addWidget(privacy);
    form->addRow(tr("Database:"), databaseColumn);

    // Export and import: readable files, one per table.
    m_format->addItem(tr("CSV"), static_cast<int>(data::ExportFormat::Csv));
    m_format->addItem(tr("JSON"), static_cast<int>(data::ExportFormat::Json));
    m_format->setAccessibleName(tr("Export and import format"));
    auto* formatLabel = new QLabel(tr("&Format:"), this);
    formatLabel->setBuddy(m_format);
    auto* exportButton = button(tr("&Export…"), tr("Export all your data"), this);
    auto* importButton = button(tr("&Import…"), tr("Add what an export holds"), this);
    connect(exportButton, &QPushButton::clicked, this, &DataSection::chooseExport);
    connect(importButton, &QPushButton::clicked, this, &DataSection::chooseImport);
    auto* filesRow = new QHBoxLayout;
    filesRow->addWidget(formatLabel);
    filesRow->addWidget(m_format);
    filesRow->addSpacing(8);
    filesRow->addWidget(exportButton);
    filesRow->addWidget(importButton);
    filesRow->addStretch(1);
    QLabel* filesHint
        = hint(tr("Export writes your pitches, takes, card draws, answers and conversations into a "
                  "folder as CSV or JSON files, without the recordings. Import adds what such a "
                  "folder holds; records already here are skipped."),
            this);
    form->addRow(tr("Export and import:"), withHint(filesRow, filesHint));

    // Backup and restore: one archive of everything, recordings included.
    auto* backupButton = button(tr("&Back up…"), tr("Back up all your data"), this);
    auto* restoreButton = button(tr("Res&tore…"), tr("Restore a backup"), this);
    connect(backupButton, &QPushButton::clicked, this, &DataSection::chooseBackup);
    connect(restoreButton, &QPushButton::clicked, this, &DataSection::chooseRestore);
    auto* backupRow = new QHBoxLayout;
    backupRow->addWidget(backupButton);
    backupRow->addWidget(restoreButton);
    backupRow->addStretch(1);
    QLabel* backupHint
        = hint(tr("A backup is one file holding everything, recordings included. Restoring one "
                  "replaces all your data; what it replaces is kept in the data folder, and "
                  "Rapport closes so that you start it again."),
            this);
    form->addRow(tr("Backup:"), withHint(backupRow, backupHint));

    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_message->setAccessibleName(tr("What the last data action did"));
    m_message->hide();
    form->addRow(m_message);

    m_actions = { formatLabel, m_format, exportButton, importButton, backupButton, restoreButton };
    setReadingOrder({ open, m_format, exportButton, importButton, backupButton, restoreButton });
    m_firstControl = open;
    m_lastControl = restoreButton;
}

QString DataSection::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

bool DataSection::exportTo(const QString& folder, data::ExportFormat format)
{
    if (waitingForRestart())
        return false;
    const BusyCursor busy;
    Result<data::ExportSummary> summary = data::exportData(*m_store.database, folder, format);
    if (!summary) {
        showMessage(summary.error().toString(), true);
        return false;
    }
    showMessage(
        tr("Exported %1, %2, %3, %4 and %5 to %6.")
            .arg(counted(summary->pitches, tr("%1 pitch"), tr("%1 pitches")),
                counted(summary->takes, tr("%1 take"), tr("%1 takes")),
                counted(summary->draws, tr("%1 card draw"), tr("%1 card draws")),
                counted(summary->answers, tr("%1 answer"), tr("%1 answers")),
                counted(summary->conversations, tr("%1 conversation"), tr("%1 conversations")),
                QDir::toNativeSeparators(folder)),
        false);
    return true;
}

bool DataSection::importFrom(const QString& folder)
{
    if (waitingForRestart())
        return false;
    // The format the files show; when a folder has both, the one in the format box. Any other
    // problem with the folder is left to importData() to report.
    std::optional<data::ExportFormat> format;
    if (Result<data::ExportFormat> found = data::detectExportFormat(folder))
        format = *found;
    else if (found.error().kind == ErrorKind::InvalidArgument)
        format = static_cast<data::ExportFormat>(m_format->currentData().toInt());
    const BusyCursor busy;
    Result<data::ImportSummary> summary = data::importData(*m_store.database, folder, format);
    if (!summary) {
        showMessage(summary.error().toString(), true);
        return false;
    }
    const data::ImportSummary& s = *summary;
    const int present = s.pitches.present + s.takes.present + s.draws.present + s.answers.present
        + s.conversations.present;
    QString text
        = tr("Imported %1, %2, %3, %4 and %5 from %6.")
              .arg(counted(s.pitches.added, tr("%1 pitch"), tr("%1 pitches")),
                  counted(s.takes.added, tr("%1 take"), tr("%1 takes")),
                  counted(s.draws.added, tr("%1 card draw"), tr("%1 card draws")),
                  counted(s.answers.added, tr("%1 answer"), tr("%1 answers")),
                  counted(s.conversations.added, tr("%1 conversation"), tr("%1 conversations")),
                  QDir::toNativeSeparators(folder));
    if (present > 0)
        text += QLatin1Char(' ')
            + counted(present, tr("%1 record was already here and was skipped."),
                tr("%1 records were already here and were skipped."));
    if (s.takesWithoutAudio > 0)
        text += QLatin1Char(' ')
            + counted(s.takesWithoutAudio,
                tr("%1 take has no recording on this computer (an export holds none): its report "
                   "and ratings are kept."),
                tr("%1 takes have no recording on this computer (an export holds none): their "
                   "reports and ratings are kept."));
    if (s.answersWithoutAudio > 0)
        text += QLatin1Char(' ')
            + counted(s.answersWithoutAudio,
                tr("%1 answer has no recording on this computer (an export holds none): its "
                   "report and ratings are kept."),
                tr("%1 answers have no recording on this computer (an export holds none): their "
                   "reports and ratings are kept."));
    if (s.starsNotImported > 0)
        text += QLatin1Char(' ')
            + counted(s.starsNotImported,
                tr("%1 starred take came in unstarred: its pitch already has a best take."),
                tr("%1 starred takes came in unstarred: their pitches already have a best take."));
    if (s.recordingsAlreadyUsed > 0)
        text += QLatin1Char(' ')
            + counted(s.recordingsAlreadyUsed,
                tr("%1 take or answer named a recording another take or answer uses and came in "
                   "without it."),
                tr("%1 takes or answers named recordings other takes or answers use and came in "
                   "without them."));
    showMessage(text, false);
    if (s.pitches.added + s.takes.added + s.draws.added + s.answers.added + s.conversations.added
        > 0)
        emit dataImported();
    return true;
}

bool DataSection::backupTo(const QString& archivePath)
{
    if (waitingForRestart())
        return false;
    const BusyCursor busy;
    Result<data::BackupSummary> backup
        = data::createBackup(m_store.paths, archivePath, m_clock.nowUtc());
    if (!backup) {
        showMessage(backup.error().toString(), true);
        return false;
    }
    showMessage(tr("Backed up your data and %1 to %2 (%3).")
                    .arg(counted(backup->recordings, tr("%1 recording"), tr("%1 recordings")),
                        QDir::toNativeSeparators(backup->archivePath),
                        QLocale().formattedDataSize(backup->bytes)),
        false);
    return true;
}

bool DataSection::restoreBlocked()
{
    const QString blocker = m_restoreBlocker ? m_restoreBlocker() : QString();
    if (!blocker.isEmpty())
        showMessage(blocker, true);
    return !blocker.isEmpty();
}

bool DataSection::restoreFrom(const QString& archivePath)
{
    if (restoreBlocked())
        return false;
    if (waitingForRestart())
        return false;
    Result<data::RestoreSummary> restored = [&] {
        const BusyCursor busy;
        return data::restoreBackup(archivePath, m_store.paths, m_store.lock, m_clock.nowUtc());
    }();
    if (!restored) {
        showMessage(restored.error().toString(), true);
        return false;
    }
    QString text = tr("Restored the backup of %1. Restart Rapport to see it.")
                       .arg(momentText(restored->backup.createdAt.toLocalTime()));
    if (!restored->safetyCopy.isEmpty())
        text += QLatin1Char(' ')
            + tr("Your previous data is in %1.")
                  .arg(QDir::toNativeSeparators(restored->safetyCopy));
    showMessage(text, false);
    m_restoredMessage = text;
    for (QWidget* action : m_actions)
        action->setEnabled(false);
    return true;
}

// The connection still points at the replaced database, which the restore moved into the safety
// folder (an open file follows a rename): an export or a backup now would hold the replaced
// data. So until the restart the section only repeats what the restore said.
bool DataSection::waitingForRestart()
{
    if (m_restoredMessage.isEmpty())
        return false;
    showMessage(m_restoredMessage, false);
    return true;
}

void DataSection::chooseExport()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Export to folder"));
    if (folder.isEmpty())
        return;
    exportTo(folder, static_cast<data::ExportFormat>(m_format->currentData().toInt()));
}

void DataSection::chooseImport()
{
    const QString folder
        = QFileDialog::getExistingDirectory(this, tr("Import from an export folder"));
    if (!folder.isEmpty())
        importFrom(folder);
}

void DataSection::chooseBackup()
{
    const QString suggested = QDir::home().filePath(QStringLiteral("rapport-backup-")
        + m_clock.nowUtc().toLocalTime().toString(QStringLiteral("yyyy-MM-dd"))
        + QStringLiteral(".tar.gz"));
    QString path = QFileDialog::getSaveFileName(
        this, tr("Back up to"), suggested, tr("Rapport backups (*.tar.gz)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".tar.gz")))
        path += QStringLiteral(".tar.gz");
    backupTo(path);
}

void DataSection::chooseRestore()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Restore a backup"), QDir::homePath(), tr("Rapport backups (*.tar.gz)"));
    if (path.isEmpty())
        return;
    restoreAfterAsking(path,
        { [this](const QString& question) {
             return QMessageBox::question(this, tr("Restore backup"), question,
                        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
                 == QMessageBox::Yes;
         },
            [this](const QString& message) {
                QMessageBox::information(this, tr("Backup restored"), message);
            } });
}

bool DataSection::restoreAfterAsking(const QString& archivePath, const RestorePrompts& prompts)
{
    if (waitingForRestart())
        return false;
    if (restoreBlocked())
        return false;
    Result<data::BackupSummary> backup = data::verifyBackup(archivePath);
    if (!backup) {
        showMessage(backup.error().toString(), true);
        return false;
    }
    const QString question
        = tr("Replace all your data with the backup of %1 (%2)?\n\nYour current data is moved to "
             "a safety folder, not deleted. Rapport closes afterwards; start it again to see the "
             "restored data.")
              .arg(momentText(backup->createdAt.toLocalTime()),
                  counted(backup->recordings, tr("%1 recording"), tr("%1 recordings")));
    if (!prompts.confirm(question) || !restoreFrom(archivePath))
        return false;
    prompts.restored(messageText());
    emit restartNeeded();
    return true;
}

void DataSection::showMessage(const QString& text, bool problem)
{
    showStatus(m_message, text, problem);
}

} // namespace rapport::gui
