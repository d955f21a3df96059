#include "app/cli/audiohelper.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <cerrno>
#include <cstring>
#include <unistd.h>
#include <vector>

namespace rapport::cli {

namespace {

QString findHelper(const QString& name)
{
    const QDir here(QCoreApplication::applicationDirPath());
    for (const QString& candidate : { here.filePath(name),
             QDir::cleanPath(here.filePath(QStringLiteral(RAPPORT_CLI_HELPER_DIR "/") + name)) }) {
        const QFileInfo info(candidate);
        if (info.isFile() && info.isExecutable())
            return info.absoluteFilePath();
    }
    return {};
}

} // namespace

int execHelper(CommandContext& ctx, Helper which, const QStringList& arguments)
{
    const QString name = which == Helper::Analysis ? QStringLiteral("rapport-cli-analyse")
                                                   : QStringLiteral("rapport-cli-audio");
    const QString helper = findHelper(name);
    if (helper.isEmpty()) {
        return ctx.fail(Error { ErrorKind::NotFound,
                            QStringLiteral("A part of Rapport (%1) is missing.").arg(name),
                            QStringLiteral("Reinstall Rapport, or build it again: it belongs "
                                           "beside rapport-cli or in libexec/rapport."),
                            {} },
            kExitInput);
    }
    ctx.out.flush();
    ctx.err.flush();
    std::vector<QByteArray> encoded;
    encoded.push_back(QFile::encodeName(helper));
    for (qsizetype i = 1; i < arguments.size(); ++i)
        encoded.push_back(arguments[i].toLocal8Bit());
    std::vector<char*> argv;
    for (QByteArray& argument : encoded)
        argv.push_back(argument.data());
    argv.push_back(nullptr);
    ::execv(argv.front(), argv.data());
    const int error = errno;
    return ctx.fail(Error { ErrorKind::Io,
                        QStringLiteral("Could not start %1.").arg(QDir::toNativeSeparators(helper)),
                        QStringLiteral("Check that the file is executable, or reinstall Rapport."),
                        QString::fromLocal8Bit(std::strerror(error)) },
        kExitFailure);
}

} // namespace rapport::cli
