// rapport-cli-analyse (analyze; takes orphans, recover and discard; backup and restore) and
// rapport-cli-audio (those, record, rehearse and answer): the parts of rapport-cli that read,
// analyse or record audio or read archives. rapport-cli runs one in its own place for those
// commands, so that the others start without aubio, libsndfile's codecs and libarchive, and
// analysing starts without Qt Multimedia. Each takes the same command line and answers every
// command (RAPPORT_CLI_RECORDS says which this is).
#include "app/cli/audiocommands.h"
#include "app/cli/cli.h"
#include "core/common/application.h"

#include <QCoreApplication>
#include <QTextStream>
#include <cstdio>
#include <cstdlib>

namespace {

using namespace rapport::cli;
#if RAPPORT_CLI_RECORDS
const AudioCommands kCommands { &recordCommand, &rehearseCommand, &analyseCommand,
    &takesCommandWithOrphans, &backupCommand, &restoreCommand, &answerCommand,
    &answersCommandWithWords };
#else
const AudioCommands kCommands { nullptr, nullptr, &analyseCommand, &takesCommandWithOrphans,
    &backupCommand, &restoreCommand, nullptr, &answersCommandWithWords };
#endif

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    rapport::setApplicationIdentity();
    QTextStream out(stdout);
    QTextStream err(stderr);
    const int code = run(QCoreApplication::arguments().mid(1), out, err, kCommands);
#if RAPPORT_CLI_RECORDS
    // Everything the command made is closed by now (the WAV, the database, the recording lock:
    // they were the command's own). Skip tearing down Qt Multimedia: after a microphone is
    // removed mid-take, its PulseAudio backend can abort in its own teardown (libpulse's
    // "pa_atomic_load(&(pd)->_ref) >= 1" in pa_pdispatch_run), turning a clean exit 1 into a
    // crash.
    out.flush();
    err.flush();
    std::fflush(nullptr);
    std::_Exit(code);
#else
    return code;
#endif
}
