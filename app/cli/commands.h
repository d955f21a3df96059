#pragma once

#include "app/cli/commandcontext.h"

namespace rapport::cli {

/// Each command parses its own arguments (the words after its name) and returns an exit code.
int infoCommand(CommandContext& ctx, const QStringList& args);
int drawCommand(CommandContext& ctx, const QStringList& args);
int decksCommand(CommandContext& ctx, const QStringList& args);
int conversationsCommand(CommandContext& ctx, const QStringList& args);
int pitchesCommand(CommandContext& ctx, const QStringList& args);
int progressCommand(CommandContext& ctx, const QStringList& args);
int exportCommand(CommandContext& ctx, const QStringList& args);
int importCommand(CommandContext& ctx, const QStringList& args);
int takesCommand(CommandContext& ctx, const QStringList& args);
int answersCommand(CommandContext& ctx, const QStringList& args);

} // namespace rapport::cli
