#pragma once

#include "core/common/result.h"
#include "core/storage/database.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <utility>

namespace rapport::storage {

/// The database's small key-value table (app_meta): settings that travel with the data (the
/// weekly goal, for one), beside the schema's own bookkeeping.

/// The values stored under `keys` (absent keys are left out). `what` says what was being read,
/// for the error ("Could not read your weekly goal.").
Result<QHash<QString, QString>> readMeta(
    const Database& database, const QStringList& keys, const QString& what);

/// Stores every pair in one transaction (all or none), replacing earlier values.
Status writeMeta(const Database& database, const QList<std::pair<QString, QString>>& values,
    const QString& what);

} // namespace rapport::storage
