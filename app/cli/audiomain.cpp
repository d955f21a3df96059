// rapport-cli-analyse (analyze, takes recover) and rapport-cli-audio (those, record and
// rehearse): the parts of rapport-cli that analyse or record audio. rapport-cli runs one in its
// own place for those commands, so that the others start without aubio and FFmpeg's codecs, and
// analysing starts without Qt Multimedia. Each takes the same command line and answers every
// command (RAPPORT_CLI_RECORDS says which this is).
#include "app/cli/audiocommands.h"
#include "app/cli/cli.h"
#include "core/common/application.h"

#include <QCoreApplication>
#include <QTextStream>

namespace {

using namespace rapport::cli;
#if RAPPORT_CLI_RECORDS
const AudioCommands kCommands { &recordCommand, &rehearseCommand, &analyseCommand,
    &takesCommandWithRecovery };
#else
const AudioCommands kCommands { nullptr, nullptr, &analyseCommand, &takesCommandWithRecovery };
#endif

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    rapport::setApplicationIdentity();
    QTextStream out(stdout);
    QTextStream err(stderr);
    return run(QCoreApplication::arguments().mid(1), out, err, kCommands);
}
