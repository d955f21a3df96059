#pragma once

#include "core/common/clock.h"
#include "core/data/exporter.h"
#include "core/storage/store.h"

#include <QGroupBox>
#include <QList>
#include <functional>

class QComboBox;
class QLabel;

namespace rapport::gui {

/// Settings → Your data: where the data folder is, and what can be done with all of it at once:
/// export it as CSV or JSON files, import such an export, back it up into one archive, restore
/// such an archive. Says on itself what each action did or why it failed. A restore replaces the
/// data folder under the open database, so afterwards the section does nothing more and emits
/// restartNeeded; the main window closes Rapport.
class DataSection : public QGroupBox
{
    Q_OBJECT
public:
    /// What the restore asks and tells the person: dialogs from the Restore button, answers in
    /// tests.
    struct RestorePrompts
    {
        std::function<bool(const QString& question)> confirm; ///< true: go ahead
        std::function<void(const QString& message)> restored; ///< told before Rapport closes
    };

    /// `clock` (may be null: the system clock) dates backups and the restore's safety folder.
    explicit DataSection(
        storage::Store& store, const Clock* clock = nullptr, QWidget* parent = nullptr);

    /// What the last action said (empty when nothing was said yet), for tests.
    QString messageText() const;
    /// The first and last controls in Tab order, to place the section in its page's order.
    QWidget* firstControl() const { return m_firstControl; }
    QWidget* lastControl() const { return m_lastControl; }
    QComboBox* formatBox() const { return m_format; }

    /// What stops a restore right now (e.g. a take being recorded), as a sentence saying what
    /// to do; empty when nothing does. Asked before the question and again before restoring.
    void setRestoreBlocker(std::function<QString()> blocker)
    {
        m_restoreBlocker = std::move(blocker);
    }

public slots:
    /// Writes everything into `folder`; false with the error shown in the section.
    bool exportTo(const QString& folder, data::ExportFormat format);
    /// Adds what an export in `folder` holds (records already here are skipped); false with the
    /// error shown in the section. When the folder has both formats, the one chosen in the
    /// format box is read. Emits dataImported when records were added.
    bool importFrom(const QString& folder);
    bool backupTo(const QString& archivePath);
    /// Replaces the data with the archive's (no question asked: the caller asked already).
    /// Afterwards the section's buttons are disabled and it changes nothing until Rapport
    /// restarts.
    bool restoreFrom(const QString& archivePath);
    /// The Restore button after the file is chosen: checks the archive, asks, restores, tells,
    /// then emits restartNeeded. False when the archive is refused, the person declines or the
    /// restore fails (the reason, if any, in the section); restartNeeded is not emitted then.
    bool restoreAfterAsking(const QString& archivePath, const RestorePrompts& prompts);

signals:
    /// An import added records: pages showing pitches, takes, draws or conversations re-read.
    void dataImported();
    /// A restore replaced the data folder under the open database: Rapport must restart.
    void restartNeeded();

private:
    void chooseExport();
    void chooseImport();
    void chooseBackup();
    void chooseRestore();
    void showMessage(const QString& text, bool problem);
    bool waitingForRestart();
    /// Whether the restore blocker objects now; its reason is then shown in the section.
    bool restoreBlocked();

    storage::Store& m_store;
    SystemClock m_systemClock;
    const Clock& m_clock;
    QComboBox* m_format;
    QLabel* m_message;
    QList<QWidget*> m_actions; ///< the format box and the four buttons, disabled by a restore
    QString m_restoredMessage; ///< set by a restore: the data is replaced under the connection
    std::function<QString()> m_restoreBlocker;
    QWidget* m_firstControl = nullptr;
    QWidget* m_lastControl = nullptr;
};

} // namespace rapport::gui
