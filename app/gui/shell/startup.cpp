#include "app/gui/shell/startup.h"

#include "core/storage/datadir.h"
#include "core/version.h"

#include <QMessageBox>
#include <cstdio>
#include <cstring>

namespace rapport::gui {

namespace {

constexpr const char* kUsage
    = "Usage: rapport [--data-dir DIR] [Qt options]\n\n"
      "Rapport: rehearse your elevator pitch and practise conversation.\n\n"
      "Options:\n"
      "  --data-dir DIR  Use DIR for the database and recordings\n"
      "                  (default: $RAPPORT_DATA_DIR, else "
      "~/.local/share/rapport)\n"
      "  -h, --help      Show this help\n"
      "  -v, --version   Show the version\n\n"
      "For scripting, see rapport-cli --help.\n";

} // namespace

std::optional<int> handleEarlyArguments(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--version") == 0 || std::strcmp(argv[i], "-v") == 0) {
            std::printf("rapport %s\n", kVersion);
            return 0;
        }
        if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
            std::fputs(kUsage, stdout);
            return 0;
        }
    }
    return std::nullopt;
}

Result<GuiOptions> parseGuiArguments(const QStringList& args)
{
    GuiOptions options { storage::defaultDataDirectory(),
        !qEnvironmentVariableIsEmpty(storage::kDataDirEnv) };
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& arg = args[i];
        if (arg == QLatin1String("--data-dir") || arg.startsWith(QLatin1String("--data-dir="))) {
            const QString value = arg.contains(QLatin1Char('='))
                ? arg.section(QLatin1Char('='), 1)
                : (i + 1 < args.size() ? args[++i] : QString());
            if (value.trimmed().isEmpty()) {
                return Error { ErrorKind::InvalidArgument,
                    QStringLiteral("--data-dir needs a folder."),
                    QStringLiteral("Run 'rapport --help' for usage."), {} };
            }
            options.dataDir = value;
            options.dataDirChosen = true;
            continue;
        }
        return Error { ErrorKind::InvalidArgument,
            QStringLiteral("Unknown argument '%1'.").arg(arg),
            QStringLiteral("Run 'rapport --help' for usage."), {} };
    }
    return options;
}

std::unique_ptr<QSettings> openSettings(const GuiOptions& options)
{
    if (options.dataDirChosen) {
        return std::make_unique<QSettings>(
            options.dataDir + QStringLiteral("/settings.ini"), QSettings::IniFormat);
    }
    return std::make_unique<QSettings>();
}

void showStartupError(const Error& error)
{
    QMessageBox box(
        QMessageBox::Critical, QObject::tr("Rapport cannot start"), error.what, QMessageBox::Close);
    box.setObjectName(QStringLiteral("startupError"));
    box.setInformativeText(error.fix);
    if (!error.detail.isEmpty())
        box.setDetailedText(error.detail);
    box.exec();
}

} // namespace rapport::gui
