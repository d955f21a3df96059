#include "core/storage/datadir.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace rapport::storage {

namespace {

constexpr QFileDevice::Permissions kOwnerDir
    = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;
constexpr QFileDevice::Permissions kOwnerFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

QString fixForFolder()
{
    return QStringLiteral("Check the folder's permissions and free space, or point Rapport at "
                          "another folder with --data-dir or the RAPPORT_DATA_DIR variable.");
}

// Ensures `path` is a writable directory; creates it (0700) when missing.
Status ensureDirectory(const QString& path, bool alwaysOwnerOnly)
{
    const QFileInfo info(path);
    if (info.exists() && !info.isDir()) {
        return Error { ErrorKind::InvalidArgument,
            QStringLiteral("The data folder %1 is a file, not a folder.")
                .arg(QDir::toNativeSeparators(path)),
            QStringLiteral("Move that file away, or point Rapport at another folder with "
                           "--data-dir or the RAPPORT_DATA_DIR variable."),
            {} };
    }
    bool created = false;
    if (!info.exists()) {
        if (!QDir().mkpath(path)) {
            return Error { ErrorKind::Permission,
                QStringLiteral("Could not create the data folder %1.")
                    .arg(QDir::toNativeSeparators(path)),
                fixForFolder(), {} };
        }
        created = true;
    }
    if ((created || alwaysOwnerOnly) && !QFile::setPermissions(path, kOwnerDir)) {
        return Error { ErrorKind::Permission,
            QStringLiteral("Could not make the folder %1 private to you.")
                .arg(QDir::toNativeSeparators(path)),
            fixForFolder(), {} };
    }
    const QFileInfo after(path);
    if (!after.isWritable() || !after.isExecutable()) {
        return Error { ErrorKind::Permission,
            QStringLiteral("The data folder %1 is not writable.")
                .arg(QDir::toNativeSeparators(path)),
            fixForFolder(), {} };
    }
    return {};
}

} // namespace

QString DataPaths::database() const
{
    return root + QStringLiteral("/rapport.sqlite");
}

QString DataPaths::recordings() const
{
    return root + QStringLiteral("/recordings");
}

QString defaultDataDirectory()
{
    const QString fromEnv = qEnvironmentVariable(kDataDirEnv);
    if (!fromEnv.isEmpty())
        return QDir::cleanPath(QDir(fromEnv).absolutePath());
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

Result<DataPaths> prepareDataDirectory(const QString& root)
{
    if (root.trimmed().isEmpty()) {
        return Error { ErrorKind::InvalidArgument, QStringLiteral("No data folder was given."),
            QStringLiteral("Pass a folder with --data-dir or set RAPPORT_DATA_DIR."), {} };
    }
    DataPaths paths { QDir::cleanPath(QDir(root).absolutePath()) };
    if (Status s = ensureDirectory(paths.root, false); !s)
        return s.error();
    if (Status s = ensureDirectory(paths.recordings(), true); !s)
        return s.error();
    return paths;
}

bool makeOwnerOnly(const QString& filePath)
{
    return QFile::setPermissions(filePath, kOwnerFile);
}

} // namespace rapport::storage
