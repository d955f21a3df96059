#pragma once

#include "app/cli/commandcontext.h"

#include <QStringList>

namespace rapport::cli {

/// Replaces this process with rapport-cli-audio, which runs `record` and `rehearse` (the commands
/// that need Qt Multimedia), with `arguments` as given to rapport-cli (program name first):
/// output, signals and the exit code are the helper's own. It is looked for beside rapport-cli
/// (a build tree) and in the libexec folder of an installation. Returns only when it cannot be
/// run, with the exit code after saying so on `ctx.err`.
int execAudioHelper(CommandContext& ctx, const QStringList& arguments);

} // namespace rapport::cli
