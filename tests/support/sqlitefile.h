#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace rapport::test {

/// The bytes of a file (empty when it does not exist).
QByteArray fileBytes(const QString& path);

/// Writes `bytes` to `path`, replacing it.
void writeFile(const QString& path, const QByteArray& bytes);

/// Unix permission bits of a path (e.g. 0700), read with stat(2).
unsigned permissionBits(const QString& path);

/// A raw Qt SQL connection to an SQLite file, independent of rapport::storage, for arranging
/// and inspecting databases in tests. Closed and removed on destruction.
class RawSqlite
{
public:
    explicit RawSqlite(const QString& path);
    ~RawSqlite();
    RawSqlite(const RawSqlite&) = delete;
    RawSqlite& operator=(const RawSqlite&) = delete;

    /// Runs one statement; fails the current test (ADD_FAILURE) on error. Returns false then.
    bool exec(const QString& sql);
    /// Runs one statement and returns the first column of the first row (invalid on failure).
    QVariant scalar(const QString& sql);
    /// Every schema object and every row of every table, as text: a logical dump to compare.
    QStringList dump();

private:
    QString m_name;
};

} // namespace rapport::test
