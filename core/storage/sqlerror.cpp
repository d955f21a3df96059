#include "core/storage/sqlerror.h"

#include <QDir>

namespace rapport::storage {

namespace {

// SQLite primary result codes (sqlite3.h); extended codes keep these in their low byte.
enum SqliteCode {
    kPerm = 3,
    kBusy = 5,
    kLocked = 6,
    kReadOnly = 8,
    kIoErr = 10,
    kCorrupt = 11,
    kFull = 13,
    kCantOpen = 14,
    kNotADb = 26,
};

} // namespace

Error sqlFailure(const QSqlError& sqlError, const QString& databasePath, const QString& what)
{
    bool isNumber = false;
    const int code = sqlError.nativeErrorCode().toInt(&isNumber) & 0xff;
    const QString path = QDir::toNativeSeparators(databasePath);
    Error error { ErrorKind::Database, what, {}, sqlError.text().trimmed() };
    if (!isNumber) {
        error.fix
            = QStringLiteral("Try again; if it keeps failing, run `rapport-cli info --check`.");
        return error;
    }
    switch (code) {
    case kBusy:
    case kLocked:
        error.kind = ErrorKind::Busy;
        error.what += QStringLiteral(" The database %1 is locked by another program.").arg(path);
        error.fix
            = QStringLiteral("Close other Rapport windows or commands using this data folder, "
                             "then try again.");
        break;
    case kCorrupt:
    case kNotADb:
        error.kind = ErrorKind::NotADatabase;
        error.what
            += QStringLiteral(" The file %1 is damaged or is not a Rapport database.").arg(path);
        error.fix = QStringLiteral("Rapport did not change it. Move it aside (or restore a backup) "
                                   "and start again, or use another data folder with --data-dir.");
        break;
    case kFull:
        error.kind = ErrorKind::Io;
        error.what += QStringLiteral(" The disk holding %1 is full.").arg(path);
        error.fix = QStringLiteral("Free some disk space and try again; nothing was lost.");
        break;
    case kPerm:
    case kReadOnly:
    case kCantOpen:
        error.kind = ErrorKind::Permission;
        error.what += QStringLiteral(" The database %1 cannot be written.").arg(path);
        error.fix = QStringLiteral("Check the permissions of the file and its folder, or use "
                                   "another data folder with --data-dir.");
        break;
    case kIoErr:
        error.kind = ErrorKind::Io;
        error.what += QStringLiteral(" Reading or writing %1 failed.").arg(path);
        error.fix = QStringLiteral("Check the disk and free space, then try again.");
        break;
    default:
        error.fix
            = QStringLiteral("Try again; if it keeps failing, run `rapport-cli info --check`.");
        break;
    }
    return error;
}

} // namespace rapport::storage
