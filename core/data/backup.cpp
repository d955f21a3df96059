#include "core/data/backup.h"

#include "core/common/killpoint.h"
#include "core/storage/database.h"
#include "core/storage/dataswap.h"
#include "core/version.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <archive.h>
#include <archive_entry.h>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <functional>
#include <memory>
#include <sqlite3.h>
#include <unistd.h>

namespace rapport::data {

namespace {

const QString kManifestName = QStringLiteral("manifest.json");
const QString kDatabaseName = QStringLiteral("rapport.sqlite");
const QString kRecordingsPrefix = QStringLiteral("recordings/");
const QString kFormatName = QStringLiteral("rapport-backup");
constexpr int kFormatVersion = 1;
constexpr qint64 kMaxManifestBytes = 16 * 1024 * 1024;
constexpr qsizetype kChunk = 1 << 16;

struct ArchiveWriteDeleter
{
    void operator()(archive* a) const { archive_write_free(a); }
};
struct ArchiveReadDeleter
{
    void operator()(archive* a) const { archive_read_free(a); }
};
using ArchiveWriter = std::unique_ptr<archive, ArchiveWriteDeleter>;
using ArchiveReader = std::unique_ptr<archive, ArchiveReadDeleter>;

struct FileRecord
{
    QString path; ///< name inside the archive
    QString source; ///< file on disk (when writing)
    qint64 size = 0;
    QByteArray sha256; ///< hex
};

QString native(const QString& path)
{
    return QDir::toNativeSeparators(path);
}

Error ioError(const QString& what, const QString& fix, const QString& detail = {})
{
    return { ErrorKind::Io, what, fix, detail };
}

Error damaged(const QString& archivePath, QString why)
{
    // libarchive says nothing at all about some archives cut short.
    if (why.trimmed().isEmpty())
        why = QStringLiteral("it ends too early or is damaged (a copy cut short?)");
    why[0] = why[0].toLower(); // libarchive's messages start with a capital
    return { ErrorKind::Format,
        QStringLiteral("%1 is not a usable Rapport backup: %2.").arg(native(archivePath), why),
        QStringLiteral("Nothing was changed. Choose another backup file, or make a new backup."),
        {} };
}

Result<FileRecord> hashFile(const QString& source, const QString& name)
{
    QFile file(source);
    if (!file.open(QIODevice::ReadOnly))
        return ioError(QStringLiteral("Could not read %1 for the backup.").arg(native(source)),
            QStringLiteral("Check that the file is readable."), file.errorString());
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return ioError(QStringLiteral("Could not read %1 for the backup.").arg(native(source)),
            QStringLiteral("Check the disk."), file.errorString());
    return FileRecord { name, source, file.size(), hash.result().toHex() };
}

// SQLite's online backup: a consistent snapshot even while another connection writes. Returns
// the snapshot's schema version.
Result<int> snapshotDatabase(const QString& from, const QString& to)
{
    int schemaVersion = 0;
    sqlite3* source = nullptr;
    sqlite3* target = nullptr;
    auto closeBoth = [&] {
        sqlite3_close(source);
        sqlite3_close(target);
    };
    // In a folder the user cannot write to, the database is read without a byte written there.
    const bool readOnlyFolder = !QFileInfo(QFileInfo(from).absolutePath()).isWritable();
    int rc = readOnlyFolder
        ? sqlite3_open_v2(storage::readOnlyUri(from).toUtf8().constData(), &source,
            SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr)
        : sqlite3_open_v2(from.toUtf8().constData(), &source, SQLITE_OPEN_READWRITE, nullptr);
    if (rc == SQLITE_OK)
        rc = sqlite3_open_v2(
            to.toUtf8().constData(), &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc == SQLITE_OK) {
        sqlite3_busy_timeout(source, 5000);
        sqlite3_backup* backup = sqlite3_backup_init(target, "main", source, "main");
        if (!backup) {
            rc = sqlite3_errcode(target);
        } else {
            do {
                rc = sqlite3_backup_step(backup, -1);
            } while (rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
            sqlite3_backup_finish(backup);
            if (rc == SQLITE_DONE)
                rc = sqlite3_exec(
                    target, "PRAGMA journal_mode = DELETE", nullptr, nullptr, nullptr);
            if (rc == SQLITE_OK) {
                rc = sqlite3_exec(
                    target, "PRAGMA user_version",
                    [](void* version, int, char** values, char**) {
                        *static_cast<int*>(version) = values[0] ? std::atoi(values[0]) : 0;
                        return 0;
                    },
                    &schemaVersion, nullptr);
            }
        }
    }
    const QString detail = QString::fromUtf8(sqlite3_errstr(rc));
    closeBoth();
    if (rc != SQLITE_OK)
        return ioError(
            QStringLiteral("Could not copy the database %1 for the backup.").arg(native(from)),
            QStringLiteral("Run 'rapport-cli info --check'; if the database is fine, try again."),
            detail);
    return schemaVersion;
}

Status writeEntry(archive* out, const QString& name, qint64 size, const QDateTime& mtime,
    const std::function<qint64(char*, qint64)>& read, const QString& archivePath)
{
    std::unique_ptr<archive_entry, void (*)(archive_entry*)> entry(
        archive_entry_new(), archive_entry_free);
    archive_entry_set_pathname_utf8(
        entry.get(), QStringLiteral("rapport-backup/%1").arg(name).toUtf8().constData());
    archive_entry_set_size(entry.get(), size);
    archive_entry_set_filetype(entry.get(), AE_IFREG);
    archive_entry_set_perm(entry.get(), 0600);
    archive_entry_set_mtime(entry.get(), mtime.toSecsSinceEpoch(), 0);
    auto failed = [&] {
        const int error = archive_errno(out);
        if (error == ENOSPC || error == EDQUOT)
            return ioError(QStringLiteral("The disk is full: could not write the backup %1.")
                               .arg(native(archivePath)),
                QStringLiteral("Free some space on that disk, or back up to another one; nothing "
                               "was left there."),
                QString::fromLocal8Bit(std::strerror(error)));
        return ioError(QStringLiteral("Could not write the backup %1.").arg(native(archivePath)),
            QStringLiteral("Check that the disk has room and the folder is writable."),
            QString::fromUtf8(archive_error_string(out)));
    };
    if (archive_write_header(out, entry.get()) != ARCHIVE_OK)
        return failed();
    QByteArray buffer(kChunk, Qt::Uninitialized);
    qint64 left = size;
    while (left > 0) {
        const qint64 got = read(buffer.data(), std::min<qint64>(kChunk, left));
        if (got <= 0)
            return ioError(QStringLiteral("A file changed while it was being backed up."),
                QStringLiteral("Try the backup again."));
        if (archive_write_data(out, buffer.constData(), static_cast<size_t>(got)) != got)
            return failed();
        left -= got;
    }
    return {};
}

// Reads a whole archive: the manifest first, then every listed file into `staging`, checking
// names, sizes and checksums as it goes.
Result<BackupSummary> extractArchive(const QString& archivePath, const QString& staging)
{
    if (!QFileInfo(archivePath).isFile())
        return Error { ErrorKind::NotFound,
            QStringLiteral("There is no backup file %1.").arg(native(archivePath)),
            QStringLiteral("Check the path."), {} };
    ArchiveReader in(archive_read_new());
    archive_read_support_filter_all(in.get());
    archive_read_support_format_tar(in.get());
    if (archive_read_open_filename(in.get(), QFile::encodeName(archivePath).constData(), kChunk)
        != ARCHIVE_OK)
        return damaged(archivePath, QString::fromUtf8(archive_error_string(in.get())));

    BackupSummary summary;
    summary.archivePath = archivePath;
    summary.bytes = QFileInfo(archivePath).size();
    QHash<QString, FileRecord> expected;
    QSet<QString> seen;
    archive_entry* entry = nullptr;
    bool first = true;
    QDir().mkpath(staging + QStringLiteral("/recordings"));
    while (true) {
        const int rc = archive_read_next_header(in.get(), &entry);
        if (rc == ARCHIVE_EOF)
            break;
        if (rc != ARCHIVE_OK)
            return damaged(archivePath, QString::fromUtf8(archive_error_string(in.get())));
        QString name = QString::fromUtf8(archive_entry_pathname_utf8(entry)
                ? archive_entry_pathname_utf8(entry)
                : archive_entry_pathname(entry));
        if (!name.startsWith(QLatin1String("rapport-backup/"))
            || archive_entry_filetype(entry) != AE_IFREG)
            return damaged(archivePath,
                QStringLiteral("it holds \"%1\", which Rapport never writes").arg(name));
        name = name.mid(15);
        const qint64 size = archive_entry_size(entry);
        if (first) {
            if (name != kManifestName || size <= 0 || size > kMaxManifestBytes)
                return damaged(archivePath, QStringLiteral("its manifest is missing"));
            QByteArray bytes(size, Qt::Uninitialized);
            if (archive_read_data(in.get(), bytes.data(), static_cast<size_t>(size)) != size)
                return damaged(archivePath, QStringLiteral("its manifest cannot be read"));
            const QJsonObject manifest = QJsonDocument::fromJson(bytes).object();
            if (manifest.value(QStringLiteral("format")).toString() != kFormatName
                || manifest.value(QStringLiteral("version")).toInt() != kFormatVersion)
                return damaged(
                    archivePath, QStringLiteral("its manifest is not a Rapport backup manifest"));
            summary.schemaVersion = manifest.value(QStringLiteral("schema_version")).toInt();
            summary.createdAt = QDateTime::fromString(
                manifest.value(QStringLiteral("created_at")).toString(), Qt::ISODate);
            for (const QJsonValue& f : manifest.value(QStringLiteral("files")).toArray()) {
                const QJsonObject o = f.toObject();
                FileRecord record { o.value(QStringLiteral("path")).toString(), {},
                    o.value(QStringLiteral("size")).toInteger(-1),
                    o.value(QStringLiteral("sha256")).toString().toLatin1() };
                const QString base = record.path.mid(kRecordingsPrefix.size());
                const bool allowed = record.path == kDatabaseName
                    || (record.path.startsWith(kRecordingsPrefix) && !base.isEmpty()
                        && !base.contains(QLatin1Char('/')) && !base.startsWith(QLatin1Char('.')));
                if (!allowed || record.size < 0 || expected.contains(record.path))
                    return damaged(
                        archivePath, QStringLiteral("its manifest lists \"%1\"").arg(record.path));
                expected.insert(record.path, record);
            }
            if (!expected.contains(kDatabaseName))
                return damaged(archivePath, QStringLiteral("it holds no database"));
            first = false;
            continue;
        }
        const auto it = expected.constFind(name);
        if (it == expected.constEnd() || seen.contains(name) || it->size != size)
            return damaged(
                archivePath, QStringLiteral("\"%1\" is not what its manifest says").arg(name));
        seen.insert(name);
        QFile out(staging + QLatin1Char('/') + name);
        if (!out.open(QIODevice::WriteOnly))
            return ioError(
                QStringLiteral("Could not unpack the backup into %1.").arg(native(staging)),
                QStringLiteral("Check that the disk has room."), out.errorString());
        out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        QByteArray buffer(kChunk, Qt::Uninitialized);
        qint64 total = 0;
        while (true) {
            const la_ssize_t got = archive_read_data(in.get(), buffer.data(), buffer.size());
            if (got < 0)
                return damaged(archivePath, QString::fromUtf8(archive_error_string(in.get())));
            if (got == 0)
                break;
            hash.addData(QByteArrayView(buffer.constData(), got));
            if (out.write(buffer.constData(), got) != got)
                return ioError(
                    QStringLiteral("Could not unpack the backup into %1.").arg(native(staging)),
                    QStringLiteral("Check that the disk has room."), out.errorString());
            total += got;
        }
        if (total != it->size || hash.result().toHex() != it->sha256)
            return damaged(archivePath,
                QStringLiteral("\"%1\" is damaged (its checksum does not match)").arg(name));
        if (name.startsWith(kRecordingsPrefix))
            ++summary.recordings;
    }
    if (first)
        return damaged(archivePath, QStringLiteral("it is empty"));
    if (seen.size() != expected.size())
        return damaged(archivePath, QStringLiteral("files its manifest lists are missing"));

    // The database must open as Rapport's (not newer, not damaged) and pass the integrity check.
    Result<std::unique_ptr<storage::Database>> db
        = storage::Database::open(staging + QLatin1Char('/') + kDatabaseName);
    if (!db) {
        if (db.error().kind == ErrorKind::NewerSchema)
            return db.error();
        return damaged(
            archivePath, QStringLiteral("its database cannot be opened (%1)").arg(db.error().what));
    }
    Result<QStringList> findings = (*db)->integrityCheck();
    if (!findings || *findings != QStringList { QStringLiteral("ok") })
        return damaged(archivePath, QStringLiteral("its database fails SQLite's integrity check"));
    return summary;
}

} // namespace

namespace {

// Closes a file descriptor when it goes out of scope.
struct FileDescriptor
{
    int fd = -1;
    ~FileDescriptor()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

// Creates `part` (0600) for writing, only as a new file: never through a link planted there (which
// could send the backup anywhere). A plain file left by a backup that was killed is replaced.
Result<int> createPartFile(const QString& part, const QString& archivePath)
{
    const QByteArray name = QFile::encodeName(part);
    for (int attempt = 0; attempt < 2; ++attempt) {
        const int fd
            = ::open(name.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (fd >= 0)
            return fd;
        const int error = errno;
        const QFileInfo stale(part);
        if (error == EEXIST && attempt == 0 && stale.isFile() && !stale.isSymLink()
            && QFile::remove(part))
            continue;
        return Error { ErrorKind::Io,
            QStringLiteral("Could not create %1 to write the backup %2.")
                .arg(native(part), native(archivePath)),
            error == EEXIST ? QStringLiteral("Something other than a file is in the way there: "
                                             "remove it, or choose another name.")
                            : QStringLiteral("Check that the folder is writable."),
            QString::fromLocal8Bit(std::strerror(error)) };
    }
    return Error { ErrorKind::Io, QStringLiteral("Could not create %1.").arg(native(part)), {},
        {} };
}

} // namespace

Result<BackupSummary> createBackup(
    const storage::DataPaths& data, const QString& archivePath, const QDateTime& nowUtc)
{
    if (!QFileInfo::exists(data.database()))
        return Error { ErrorKind::NotFound,
            QStringLiteral("There is no database in %1 to back up.").arg(native(data.root)),
            QStringLiteral("Check the data folder (--data-dir or RAPPORT_DATA_DIR)."), {} };
    if (QFileInfo::exists(archivePath))
        return Error { ErrorKind::InvalidArgument,
            QStringLiteral("%1 already exists.").arg(native(archivePath)),
            QStringLiteral("Choose a new file name; Rapport does not overwrite files."), {} };
    if (!QFileInfo(archivePath).absoluteDir().exists())
        return Error { ErrorKind::NotFound,
            QStringLiteral("The folder of %1 does not exist.").arg(native(archivePath)),
            QStringLiteral("Create it first, or choose another place."), {} };
    QTemporaryDir work;
    if (!work.isValid())
        return ioError(QStringLiteral("Could not make a temporary folder for the backup."),
            QStringLiteral("Check that the disk has room."));
    const QString snapshot = work.filePath(kDatabaseName);
    Result<int> schemaVersion = snapshotDatabase(data.database(), snapshot);
    killPoint("backup-snapshot");
    if (!schemaVersion)
        return schemaVersion.error();

    QList<FileRecord> files;
    Result<FileRecord> db = hashFile(snapshot, kDatabaseName);
    if (!db)
        return db.error();
    files << *db;
    const QDir recordings(data.recordings());
    for (const QFileInfo& info :
        recordings.entryInfoList(QDir::Files | QDir::NoDotAndDotDot, QDir::Name)) {
        // Hidden files are recording locks; a link may lead anywhere (~/.ssh/id_rsa), and only
        // Rapport's own recordings go into a backup.
        if (info.fileName().startsWith(QLatin1Char('.')) || info.isSymLink())
            continue;
        Result<FileRecord> record
            = hashFile(info.absoluteFilePath(), kRecordingsPrefix + info.fileName());
        if (!record)
            return record.error();
        files << *record;
    }

    BackupSummary summary;
    summary.archivePath = archivePath;
    summary.createdAt = nowUtc;
    summary.recordings = static_cast<int>(files.size() - 1);
    summary.schemaVersion = *schemaVersion;
    QJsonArray list;
    for (const FileRecord& f : files)
        list << QJsonObject { { QStringLiteral("path"), f.path },
            { QStringLiteral("size"), f.size },
            { QStringLiteral("sha256"), QString::fromLatin1(f.sha256) } };
    const QByteArray manifest = QJsonDocument(
        QJsonObject { { QStringLiteral("format"), kFormatName },
            { QStringLiteral("version"), kFormatVersion },
            { QStringLiteral("app_version"), QString::fromLatin1(kVersion) },
            { QStringLiteral("schema_version"), summary.schemaVersion },
            { QStringLiteral("created_at"), nowUtc.toString(Qt::ISODate) },
            { QStringLiteral("files"),
                list } }).toJson();

    const QString part = archivePath + QStringLiteral(".part");
    Result<int> partFd = createPartFile(part, archivePath);
    if (!partFd)
        return partFd.error();
    const FileDescriptor partFile { *partFd };
    {
        ArchiveWriter out(archive_write_new());
        archive_write_add_filter_gzip(out.get());
        archive_write_set_format_pax_restricted(out.get());
        if (archive_write_open_fd(out.get(), partFile.fd) != ARCHIVE_OK) {
            QFile::remove(part);
            return ioError(
                QStringLiteral("Could not create the backup %1.").arg(native(archivePath)),
                QStringLiteral("Check that the folder is writable."),
                QString::fromUtf8(archive_error_string(out.get())));
        }
        qint64 offset = 0;
        Status s = writeEntry(
            out.get(), kManifestName, manifest.size(), nowUtc,
            [&](char* buffer, qint64 max) {
                const qint64 n = std::min<qint64>(max, manifest.size() - offset);
                std::memcpy(buffer, manifest.constData() + offset, static_cast<size_t>(n));
                offset += n;
                return n;
            },
            archivePath);
        for (qsizetype i = 0; s && i < files.size(); ++i) {
            QFile in(files[i].source);
            if (!in.open(QIODevice::ReadOnly)) {
                s = ioError(QStringLiteral("Could not read %1 for the backup.")
                                .arg(native(files[i].source)),
                    QStringLiteral("Check that the file is readable."), in.errorString());
                break;
            }
            s = writeEntry(
                out.get(), files[i].path, files[i].size, nowUtc,
                [&](char* buffer, qint64 max) { return in.read(buffer, max); }, archivePath);
        }
        if (s && archive_write_close(out.get()) != ARCHIVE_OK)
            s = ioError(QStringLiteral("Could not finish the backup %1.").arg(native(archivePath)),
                QStringLiteral("Check that the disk has room."),
                QString::fromUtf8(archive_error_string(out.get())));
        if (!s) {
            QFile::remove(part);
            return s.error();
        }
    }
    // On the disk before it has its name: after a power cut the archive is whole or not there.
    if (::fsync(partFile.fd) != 0) {
        QFile::remove(part);
        return ioError(QStringLiteral("Could not finish the backup %1.").arg(native(archivePath)),
            QStringLiteral("Check that the disk has room."));
    }
    killPoint("backup-written");
    if (!QFile::rename(part, archivePath)) {
        QFile::remove(part);
        return ioError(QStringLiteral("Could not name the backup %1.").arg(native(archivePath)),
            QStringLiteral("Check that the folder is writable."));
    }
    summary.bytes = QFileInfo(archivePath).size();
    return summary;
}

Result<BackupSummary> verifyBackup(const QString& archivePath)
{
    QTemporaryDir staging;
    if (!staging.isValid())
        return ioError(QStringLiteral("Could not make a temporary folder to check the backup."),
            QStringLiteral("Check that the disk has room."));
    return extractArchive(archivePath, staging.path());
}

namespace {

// Folds the write-ahead log into the database file, so the copy moved aside is whole on its own
// (its -wal and -shm are moved with it too). Best effort: a reader elsewhere can hold back part
// of the log, which then still travels in the -wal; nothing fails because of it.
void foldWriteAheadLog(const QString& database)
{
    if (!QFileInfo(database).isFile())
        return;
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(database.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr)
        == SQLITE_OK) {
        sqlite3_busy_timeout(db, 1000);
        // A fresh connection only finds the log once it reads something.
        if (sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr)
            == SQLITE_OK)
            sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
    }
    sqlite3_close(db);
}

} // namespace

Result<RestoreSummary> restoreBackup(const QString& archivePath, const storage::DataPaths& data,
    storage::DataLock& lock, const QDateTime& nowUtc)
{
    // Alone with the data from here to the end: no other window or command has the database
    // open, and none opens it until the swap is done.
    if (Status alone = lock.makeExclusive(); !alone)
        return alone.error();
    struct Shared
    {
        storage::DataLock& lock;
        ~Shared() { lock.makeShared(); }
    } sharedAgain { lock };

    // Unpack next to the data (same file system), so the swap is a few renames.
    QTemporaryDir staging(storage::swapStagingTemplate(data));
    if (!staging.isValid())
        return ioError(QStringLiteral("Could not make a folder in %1 to unpack the backup.")
                           .arg(native(data.root)),
            QStringLiteral("Check that the data folder is writable and the disk has room."));
    Result<BackupSummary> backup = extractArchive(archivePath, staging.path());
    if (!backup)
        return backup.error();
    killPoint("restore-unpacked");

    RestoreSummary summary { *backup, {} };
    const QString safety = data.root + QStringLiteral("/before-restore-")
        + nowUtc.toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    if (!QDir().mkdir(safety))
        return ioError(QStringLiteral("Could not make the safety folder %1.").arg(native(safety)),
            QStringLiteral("Check that the data folder is writable; nothing was changed."));
    QFile::setPermissions(
        safety, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    foldWriteAheadLog(data.database());
    QStringList moved;
    if (Status swapped = storage::swapInData(data, staging.path(), safety, &moved); !swapped) {
        QDir().rmdir(safety);
        return swapped.error();
    }
    QFile::setPermissions(data.recordings(),
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    if (!moved.isEmpty())
        summary.safetyCopy = safety;
    else
        QDir().rmdir(safety);
    return summary;
}

} // namespace rapport::data
