#pragma once

#include <QString>

namespace rapport {

/// What kind of failure an Error reports; front ends map these to exit codes and dialogs.
enum class ErrorKind {
    InvalidArgument, ///< the caller passed something that cannot be right
    NotFound, ///< a file, folder or device that was asked for does not exist
    NoSuchRecord, ///< a pitch, take, deck or card asked for by id or name is not in the data
    Io, ///< reading or writing a file failed
    Permission, ///< the operating system refused access
    NotADatabase, ///< a file that should be Rapport's database is something else
    NewerSchema, ///< the database was written by a newer Rapport
    Busy, ///< another program holds a lock
    Database, ///< SQLite reported a failure
    Format, ///< a file's content is malformed
    Unsupported, ///< a valid request this build cannot serve
};

/// A failure described for a person: what went wrong, and what they can do about it.
struct Error
{
    ErrorKind kind = ErrorKind::Io;
    QString what; ///< one sentence: what went wrong, naming the file or record
    QString fix; ///< one sentence: what the user can do; may be empty
    QString detail; ///< technical detail (driver or OS message); may be empty

    /// "what fix (detail)" on one or more lines, for logs and terminals.
    QString toString() const;
};

} // namespace rapport
