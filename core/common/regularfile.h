#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QString>

namespace rapport {

// Reading files a person named (a script, a deck, an export, a recording) so that no name can
// hang the program or fill its memory: only regular files, never a pipe, a device or a folder
// (reading /dev/zero never ends, opening a FIFO waits for a writer), and never more than a limit.

/// Ok when `path` names a regular file (after links). NotFound, Permission, or Format ("... is
/// not a file Rapport can read: it is a pipe"). `what` names it for the message ("the script").
Status checkRegularFile(const QString& path, const QString& what);

/// The whole of a regular file of at most `maxBytes`: errors as checkRegularFile(), and Format
/// when it is larger ("... is 3.2 GB; the limit is 1 MB").
Result<QByteArray> readRegularFile(const QString& path, qint64 maxBytes, const QString& what);

/// readRegularFile() as UTF-8 text (a leading byte-order mark dropped): Format, with the byte
/// offset, when it is not UTF-8.
Result<QString> readTextFile(const QString& path, qint64 maxBytes, const QString& what);

/// Standard input as UTF-8 text, at most `maxBytes`; Format when there is more or it is not UTF-8.
Result<QString> readTextFromStdin(qint64 maxBytes, const QString& what);

} // namespace rapport
