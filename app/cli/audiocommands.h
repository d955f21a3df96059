#pragma once

#include "app/cli/commandcontext.h"

#include <QStringList>

namespace rapport::cli {

/// The commands that record or analyse audio (Qt Multimedia, aubio and FFmpeg's codecs); linked
/// only into rapport-cli-audio.
int recordCommand(CommandContext& ctx, const QStringList& args);
int rehearseCommand(CommandContext& ctx, const QStringList& args);
int analyseCommand(CommandContext& ctx, const QStringList& args);
/// `takes` with its recover action.
int takesCommandWithRecovery(CommandContext& ctx, const QStringList& args);

} // namespace rapport::cli
