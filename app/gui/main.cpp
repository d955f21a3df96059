#include "app/gui/shell/mainwindow.h"
#include "app/gui/shell/startup.h"
#include "core/common/application.h"
#include "core/storage/datadir.h"
#include "core/version.h"

#include <QApplication>
#include <QIcon>
#include <QMessageBox>
#include <cstdio>

int main(int argc, char** argv)
{
    using namespace rapport;
    if (std::optional<int> code = gui::handleEarlyArguments(argc, argv))
        return *code;

    QApplication app(argc, argv);
    setApplicationIdentity();
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Rapport"));
    QGuiApplication::setDesktopFileName(QString::fromLatin1(kAppId));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/rapport.svg")));

    Result<gui::GuiOptions> options = gui::parseGuiArguments(QApplication::arguments().mid(1));
    if (!options) {
        std::fprintf(stderr, "rapport: %s\n%s\n", qPrintable(options.error().what),
            qPrintable(options.error().fix));
        return 2;
    }
    Result<storage::Store> store = storage::openStore(options->dataDir);
    if (!store) {
        std::fprintf(stderr, "rapport: %s\n", qPrintable(store.error().toString()));
        gui::showStartupError(store.error());
        return 4;
    }
    std::unique_ptr<QSettings> settings = gui::openSettings(*options);
    gui::ThemeManager theme(app);
    theme.apply(gui::appearanceFromKey(settings->value(QStringLiteral("appearance")).toString()));

    gui::MainWindow window(*store, theme, *settings);
    window.show();
    if (!store->notice.isEmpty()) {
        std::fprintf(stderr, "rapport: %s\n", qPrintable(store->notice));
        QMessageBox::information(&window, QObject::tr("Rapport"), store->notice);
    }
    const int code = QApplication::exec();
    if (options->dataDirChosen)
        storage::makeOwnerOnly(settings->fileName());
    return code;
}
