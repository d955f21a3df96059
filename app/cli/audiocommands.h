#pragma once

#include "app/cli/commandcontext.h"

#include <QStringList>

namespace rapport::cli {

/// The commands that record (Qt Multimedia; linked into rapport-cli-audio only) or analyse audio
/// (aubio and FFmpeg's codecs; rapport-cli-analyse and rapport-cli-audio).
int recordCommand(CommandContext& ctx, const QStringList& args);
int rehearseCommand(CommandContext& ctx, const QStringList& args);
int answerCommand(CommandContext& ctx, const QStringList& args);
int analyseCommand(CommandContext& ctx, const QStringList& args);
/// `takes` with its actions on recordings no take uses (orphans, recover, discard: libsndfile).
int takesCommandWithOrphans(CommandContext& ctx, const QStringList& args);
/// `answers` with its words action (hears a recording: the speech model and libsndfile).
int answersCommandWithWords(CommandContext& ctx, const QStringList& args);
/// backup and restore (libarchive).
int backupCommand(CommandContext& ctx, const QStringList& args);
int restoreCommand(CommandContext& ctx, const QStringList& args);

} // namespace rapport::cli
