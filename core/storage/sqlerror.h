#pragma once

#include "core/common/error.h"

#include <QSqlError>

namespace rapport::storage {

/// Turns an SQLite error into an Error a person can act on. `what` says what was being done;
/// the kind and the fix come from SQLite's result code (busy, corrupt, read-only, full disk...).
Error sqlFailure(const QSqlError& sqlError, const QString& databasePath, const QString& what);

} // namespace rapport::storage
