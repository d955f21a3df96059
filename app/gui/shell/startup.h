#pragma once

#include "core/common/result.h"

#include <QSettings>
#include <QStringList>
#include <memory>
#include <optional>

namespace rapport::gui {

/// What the `rapport` command line asked for.
struct GuiOptions
{
    QString dataDir; ///< resolved data folder
    bool dataDirChosen = false; ///< true when --data-dir or RAPPORT_DATA_DIR chose it
};

/// Answers --help and --version before any window system is needed (they must work without a
/// display). Returns the exit code when the program should stop, nullopt to go on.
std::optional<int> handleEarlyArguments(int argc, char** argv);

/// Parses the arguments left after QApplication took its own (-platform, -style, ...).
Result<GuiOptions> parseGuiArguments(const QStringList& args);

/// The settings store: settings.ini inside a chosen data folder (portable, test-friendly),
/// otherwise the desktop's usual place (~/.config/rapport/rapport.conf).
std::unique_ptr<QSettings> openSettings(const GuiOptions& options);

/// Tells the user, in a dialog, why Rapport cannot start and what to do.
void showStartupError(const Error& error);

} // namespace rapport::gui
