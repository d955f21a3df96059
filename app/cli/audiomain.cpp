// rapport-cli-audio: the part of rapport-cli that records or analyses audio (record, rehearse,
// analyze, takes recover). rapport-cli runs it in its own place for those, so that the other
// commands start without Qt Multimedia, aubio and FFmpeg's codecs. It takes the same command line
// and answers every command.
#include "app/cli/audiocommands.h"
#include "app/cli/cli.h"
#include "core/common/application.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    rapport::setApplicationIdentity();
    QTextStream out(stdout);
    QTextStream err(stderr);
    return rapport::cli::run(QCoreApplication::arguments().mid(1), out, err,
        { &rapport::cli::recordCommand, &rapport::cli::rehearseCommand,
            &rapport::cli::analyseCommand, &rapport::cli::takesCommandWithRecovery });
}
