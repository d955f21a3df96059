#pragma once

#include "app/cli/commandcontext.h"

#include <QStringList>

namespace rapport::cli {

/// The programs rapport-cli runs in its own place for the commands that need more than it links.
enum class Helper {
    /// rapport-cli-analyse: analyze, takes orphans/recover/discard/words, answers words, backup,
    /// restore (aubio, libsndfile and its codecs, the speech model, libarchive)
    Analysis,
    Recording, ///< rapport-cli-audio: record, rehearse, answer (Qt Multimedia as well)
};

/// Replaces this process with `helper`, with `arguments` as given to rapport-cli (program name
/// first): output, signals and the exit code are the helper's own. It is looked for beside this
/// program (a build tree) and in the libexec folder of an installation. Returns only when it
/// cannot be run, with the exit code after saying so on `ctx.err`.
int execHelper(CommandContext& ctx, Helper helper, const QStringList& arguments);

} // namespace rapport::cli
