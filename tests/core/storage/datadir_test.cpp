#include "core/common/application.h"
#include "core/storage/datadir.h"
#include "core/storage/store.h"
#include "tests/support/sqlitefile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace rapport::storage {
namespace {

TEST(DataDirTest, EnvironmentVariableOverridesTheDefault)
{
    QTemporaryDir dir;
    qputenv(kDataDirEnv, dir.path().toUtf8());
    EXPECT_EQ(defaultDataDirectory(), QDir::cleanPath(dir.path()));
    qunsetenv(kDataDirEnv);
    setApplicationIdentity();
    EXPECT_TRUE(defaultDataDirectory().endsWith(QStringLiteral("/rapport")))
        << defaultDataDirectory().toStdString();
}

TEST(DataDirTest, CreatesPrivateFoldersWhenMissing)
{
    QTemporaryDir parent;
    const QString root = parent.filePath(QStringLiteral("nested/data"));
    auto paths = prepareDataDirectory(root);
    ASSERT_TRUE(paths.ok()) << paths.error().toString().toStdString();
    EXPECT_EQ(paths->root, root);
    EXPECT_EQ(test::permissionBits(root), 0700u);
    EXPECT_EQ(test::permissionBits(paths->recordings()), 0700u);
    EXPECT_EQ(paths->database(), root + QStringLiteral("/rapport.sqlite"));
}

TEST(DataDirTest, ExistingFolderChosenByTheUserKeepsItsMode)
{
    QTemporaryDir dir;
    ASSERT_TRUE(QFile::setPermissions(dir.path(),
        QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther
            | QFile::ExeOther));
    auto paths = prepareDataDirectory(dir.path());
    ASSERT_TRUE(paths.ok());
    EXPECT_EQ(test::permissionBits(dir.path()), 0705u);
    EXPECT_EQ(test::permissionBits(paths->recordings()), 0700u);
}

TEST(DataDirTest, AFileInPlaceOfTheFolderIsReportedAndKept)
{
    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("data"));
    test::writeFile(root, "mine");
    auto paths = prepareDataDirectory(root);
    ASSERT_FALSE(paths.ok());
    EXPECT_EQ(paths.error().kind, ErrorKind::InvalidArgument);
    EXPECT_TRUE(paths.error().what.contains(QStringLiteral("is a file")));
    EXPECT_TRUE(paths.error().fix.contains(QStringLiteral("RAPPORT_DATA_DIR")));
    EXPECT_EQ(test::fileBytes(root), QByteArray("mine"));
}

TEST(DataDirTest, FolderThatCannotBeCreatedIsReported)
{
    // A path below a regular file cannot be created, even by root (CI runs as root).
    QTemporaryDir dir;
    const QString blocker = dir.filePath(QStringLiteral("blocker"));
    test::writeFile(blocker, "x");
    auto paths = prepareDataDirectory(blocker + QStringLiteral("/data"));
    ASSERT_FALSE(paths.ok());
    EXPECT_EQ(paths.error().kind, ErrorKind::Permission);
    EXPECT_TRUE(paths.error().what.contains(QStringLiteral("Could not create")));
    EXPECT_FALSE(paths.error().fix.isEmpty());
}

TEST(DataDirTest, EmptyPathIsRejected)
{
    auto paths = prepareDataDirectory(QStringLiteral("  "));
    ASSERT_FALSE(paths.ok());
    EXPECT_EQ(paths.error().kind, ErrorKind::InvalidArgument);
}

TEST(DataDirTest, OpenStoreCreatesDatabaseAndRecordingsFolder)
{
    QTemporaryDir dir;
    auto store = openStore(dir.filePath(QStringLiteral("fresh")));
    ASSERT_TRUE(store.ok()) << store.error().toString().toStdString();
    EXPECT_TRUE(QFile::exists(store->paths.database()));
    EXPECT_TRUE(QFileInfo(store->paths.recordings()).isDir());
    EXPECT_EQ(store->database->schemaVersion(), latestVersion(schemaMigrations()));
}

} // namespace
} // namespace rapport::storage
