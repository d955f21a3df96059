#include "core/storage/database.h"
#include "core/storage/datadir.h"
#include "tests/support/sqlitefile.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace rapport::storage {
namespace {

using test::fileBytes;
using test::RawSqlite;

// A schema history for exercising the migration mechanism, independent of Rapport's own.
const std::vector<Migration> kTestHistory = {
    { 1, "people",
        { "CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL)",
            "INSERT INTO people (name) VALUES ('seed')" } },
    { 2, "notes",
        { "CREATE TABLE notes (id INTEGER PRIMARY KEY, person INTEGER REFERENCES people(id), "
          "body TEXT)" } },
    { 3, "people get an email",
        { "ALTER TABLE people ADD COLUMN email TEXT", "UPDATE people SET email = name || '@x'" } },
};

// Step 2 creates a table and writes to it, then fails: everything must roll back.
const std::vector<Migration> kFailingHistory = {
    kTestHistory[0],
    { 2, "broken step",
        { "CREATE TABLE half (id INTEGER PRIMARY KEY)", "INSERT INTO half (id) VALUES (1)",
            "UPDATE people SET name = 'changed'", "THIS IS NOT SQL" } },
};

std::span<const Migration> upTo(std::span<const Migration> history, int version)
{
    return history.first(static_cast<std::size_t>(version));
}

class DatabaseTest : public ::testing::Test
{
protected:
    QString path() const { return m_dir.filePath(QStringLiteral("rapport.sqlite")); }

    Result<std::unique_ptr<Database>> open(std::span<const Migration> history, int busyMs = 5000)
    {
        OpenOptions options;
        options.migrations = history;
        options.busyTimeoutMs = busyMs;
        return Database::open(path(), options);
    }

    QTemporaryDir m_dir;
};

TEST_F(DatabaseTest, FreshDatabaseIsCreatedAtTheLatestSchema)
{
    auto db = Database::open(path());
    ASSERT_TRUE(db.ok()) << db.error().toString().toStdString();
    EXPECT_EQ((*db)->openedAtVersion(), 0);
    EXPECT_EQ((*db)->schemaVersion(), latestVersion(schemaMigrations()));

    QSqlQuery query((*db)->connection());
    ASSERT_TRUE(query.exec(QStringLiteral("PRAGMA journal_mode")) && query.next());
    EXPECT_EQ(query.value(0).toString(), QStringLiteral("wal"));
    ASSERT_TRUE(query.exec(QStringLiteral("PRAGMA foreign_keys")) && query.next());
    EXPECT_EQ(query.value(0).toInt(), 1);
    ASSERT_TRUE(query.exec(QStringLiteral("SELECT value FROM app_meta WHERE key = 'created_at'"))
        && query.next());
    EXPECT_FALSE(query.value(0).toString().isEmpty());
}

TEST_F(DatabaseTest, DatabaseFilesArePrivateToTheOwner)
{
    auto db = Database::open(path());
    ASSERT_TRUE(db.ok());
    QSqlQuery((*db)->connection()).exec(QStringLiteral("INSERT INTO app_meta VALUES ('k', 'v')"));
    EXPECT_EQ(test::permissionBits(path()), 0600u);
    ASSERT_TRUE(QFile::exists(path() + QStringLiteral("-wal")));
    EXPECT_EQ(test::permissionBits(path() + QStringLiteral("-wal")), 0600u);
    EXPECT_EQ(test::permissionBits(path() + QStringLiteral("-shm")), 0600u);
}

TEST_F(DatabaseTest, ExistingFileWithWideModeIsTightened)
{
    {
        auto db = Database::open(path());
        ASSERT_TRUE(db.ok());
    }
    ASSERT_TRUE(
        QFile::setPermissions(path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther));
    auto db = Database::open(path());
    ASSERT_TRUE(db.ok());
    EXPECT_EQ(test::permissionBits(path()), 0600u);
}

TEST_F(DatabaseTest, ReopeningACurrentDatabaseChangesNothing)
{
    {
        auto db = open(kTestHistory);
        ASSERT_TRUE(db.ok());
    }
    QStringList before = RawSqlite(path()).dump();
    const QByteArray bytes = fileBytes(path());

    auto db = open(kTestHistory);
    ASSERT_TRUE(db.ok()) << db.error().toString().toStdString();
    EXPECT_EQ((*db)->openedAtVersion(), 3);
    EXPECT_EQ((*db)->schemaVersion(), 3);
    db.value().reset();
    EXPECT_EQ(RawSqlite(path()).dump(), before);
    EXPECT_EQ(fileBytes(path()), bytes);
}

TEST_F(DatabaseTest, UpgradesFromEachOlderVersionKeepingData)
{
    for (int from = 1; from < 3; ++from) {
        SCOPED_TRACE(from);
        QFile::remove(path());
        {
            auto db = open(upTo(kTestHistory, from));
            ASSERT_TRUE(db.ok());
            QSqlQuery((*db)->connection())
                .exec(
                    QStringLiteral("INSERT INTO people (name) VALUES ('added at v%1')").arg(from));
        }
        auto db = open(kTestHistory);
        ASSERT_TRUE(db.ok()) << db.error().toString().toStdString();
        EXPECT_EQ((*db)->openedAtVersion(), from);
        EXPECT_EQ((*db)->schemaVersion(), 3);
        QSqlQuery query((*db)->connection());
        ASSERT_TRUE(query.exec(QStringLiteral("SELECT name, email FROM people ORDER BY id")));
        ASSERT_TRUE(query.next());
        EXPECT_EQ(query.value(0).toString(), QStringLiteral("seed"));
        ASSERT_TRUE(query.next());
        EXPECT_EQ(query.value(0).toString(), QStringLiteral("added at v%1").arg(from));
        EXPECT_EQ(query.value(1).toString(), QStringLiteral("added at v%1@x").arg(from));
    }
}

TEST_F(DatabaseTest, RapportSchemaUpgradesFromEveryShippedVersion)
{
    const std::span<const Migration> history = schemaMigrations();
    for (int from = 1; from < latestVersion(history); ++from) {
        SCOPED_TRACE(from);
        QFile::remove(path());
        {
            auto db = open(upTo(history, from));
            ASSERT_TRUE(db.ok());
        }
        const QString createdAt
            = RawSqlite(path())
                  .scalar(QStringLiteral("SELECT value FROM app_meta WHERE key = 'created_at'"))
                  .toString();
        auto db = open(history);
        ASSERT_TRUE(db.ok()) << db.error().toString().toStdString();
        EXPECT_EQ((*db)->schemaVersion(), latestVersion(history));
        QSqlQuery query((*db)->connection());
        ASSERT_TRUE(
            query.exec(QStringLiteral("SELECT value FROM app_meta WHERE key = 'created_at'"))
            && query.next());
        EXPECT_EQ(query.value(0).toString(), createdAt);
    }
}

TEST_F(DatabaseTest, FailingMigrationRollsBackAndLeavesTheFileAsItWas)
{
    {
        auto db = open(upTo(kTestHistory, 1));
        ASSERT_TRUE(db.ok());
    }
    const QStringList before = RawSqlite(path()).dump();
    const QByteArray bytes = fileBytes(path());

    auto db = open(kFailingHistory);
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().kind, ErrorKind::Database);
    EXPECT_TRUE(db.error().what.contains(QStringLiteral("schema 2")))
        << db.error().what.toStdString();
    EXPECT_TRUE(db.error().what.contains(QStringLiteral("unchanged")));
    EXPECT_FALSE(db.error().detail.isEmpty());

    EXPECT_EQ(RawSqlite(path()).dump(), before);
    EXPECT_EQ(fileBytes(path()), bytes);
    // The good history still applies afterwards.
    auto retry = open(kTestHistory);
    ASSERT_TRUE(retry.ok());
    EXPECT_EQ((*retry)->schemaVersion(), 3);
}

TEST_F(DatabaseTest, NewerDatabaseIsRefusedAndNotModified)
{
    {
        auto db = open(kTestHistory);
        ASSERT_TRUE(db.ok());
    }
    {
        RawSqlite(path()).exec(QStringLiteral("PRAGMA user_version = 42"));
    }
    const QByteArray bytes = fileBytes(path());

    auto db = open(kTestHistory);
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().kind, ErrorKind::NewerSchema);
    EXPECT_TRUE(db.error().what.contains(QStringLiteral("newer version of Rapport")));
    EXPECT_TRUE(db.error().what.contains(QStringLiteral("schema 42")));
    EXPECT_TRUE(db.error().what.contains(QStringLiteral("schema 3")));
    EXPECT_FALSE(db.error().fix.isEmpty());
    EXPECT_EQ(fileBytes(path()), bytes);
    EXPECT_EQ(RawSqlite(path()).scalar(QStringLiteral("PRAGMA user_version")).toInt(), 42);
}

TEST_F(DatabaseTest, FileThatIsNotADatabaseIsRefusedAndNotOverwritten)
{
    const QByteArray novel = "Chapter one. It was a dark and stormy night, and the pitch was not "
                             "ready. This file is the user's, not Rapport's.\n";
    test::writeFile(path(), novel);
    auto db = Database::open(path());
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().kind, ErrorKind::NotADatabase);
    EXPECT_TRUE(db.error().what.contains(QStringLiteral("not a Rapport database")));
    EXPECT_TRUE(db.error().what.contains(path()));
    EXPECT_TRUE(db.error().fix.contains(QStringLiteral("Move the file aside")));
    EXPECT_EQ(fileBytes(path()), novel);
    EXPECT_FALSE(QFile::exists(path() + QStringLiteral("-wal")));
}

TEST_F(DatabaseTest, DamagedDatabaseIsRefusedAndNotOverwritten)
{
    {
        auto db = open(kTestHistory);
        ASSERT_TRUE(db.ok());
    }
    QByteArray bytes = fileBytes(path());
    ASSERT_GT(bytes.size(), 200);
    // Keep the magic header, wreck the rest of page 1 (the schema).
    for (qsizetype i = 100; i < bytes.size(); ++i)
        bytes[i] = static_cast<char>(0xA5);
    test::writeFile(path(), bytes);

    auto db = open(kTestHistory);
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().kind, ErrorKind::NotADatabase) << db.error().toString().toStdString();
    EXPECT_TRUE(db.error().what.contains(QStringLiteral("damaged")));
    EXPECT_EQ(fileBytes(path()), bytes);
}

TEST_F(DatabaseTest, AnotherProgramsSqliteFileIsRefused)
{
    {
        RawSqlite(path()).exec(QStringLiteral("CREATE TABLE moz_places (id INTEGER)"));
    }
    const QByteArray bytes = fileBytes(path());
    auto db = Database::open(path());
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().kind, ErrorKind::NotADatabase);
    EXPECT_TRUE(db.error().what.contains(QStringLiteral("another program")));
    EXPECT_EQ(fileBytes(path()), bytes);
}

TEST_F(DatabaseTest, EmptyFileBecomesADatabase)
{
    test::writeFile(path(), {});
    auto db = Database::open(path());
    ASSERT_TRUE(db.ok()) << db.error().toString().toStdString();
    EXPECT_EQ((*db)->schemaVersion(), latestVersion(schemaMigrations()));
}

TEST_F(DatabaseTest, LockedDatabaseReportsBusyAndChangesNothing)
{
    {
        auto db = open(upTo(kTestHistory, 1));
        ASSERT_TRUE(db.ok());
    }
    RawSqlite holder(path());
    ASSERT_TRUE(holder.exec(QStringLiteral("BEGIN EXCLUSIVE")));

    auto db = open(kTestHistory, 100);
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().kind, ErrorKind::Busy) << db.error().toString().toStdString();
    EXPECT_TRUE(db.error().what.contains(QStringLiteral("locked by another program")));
    EXPECT_TRUE(db.error().fix.contains(QStringLiteral("try again")));
    holder.exec(QStringLiteral("ROLLBACK"));
    EXPECT_EQ(holder.scalar(QStringLiteral("PRAGMA user_version")).toInt(), 1);
}

TEST_F(DatabaseTest, DirectoryInPlaceOfTheFileIsRefused)
{
    ASSERT_TRUE(QDir().mkpath(path()));
    auto db = Database::open(path());
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().kind, ErrorKind::NotADatabase);
    EXPECT_TRUE(QFileInfo(path()).isDir());
}

TEST_F(DatabaseTest, IntegrityCheckReportsOkOnAHealthyDatabase)
{
    auto db = Database::open(path());
    ASSERT_TRUE(db.ok());
    auto findings = (*db)->integrityCheck();
    ASSERT_TRUE(findings.ok());
    EXPECT_EQ(*findings, QStringList { QStringLiteral("ok") });
}

TEST_F(DatabaseTest, TwoConnectionsCanBeOpenAtOnce)
{
    auto first = Database::open(path());
    auto second = Database::open(path());
    ASSERT_TRUE(first.ok());
    ASSERT_TRUE(second.ok()) << second.error().toString().toStdString();
    QSqlQuery((*first)->connection())
        .exec(QStringLiteral("INSERT INTO app_meta VALUES ('a', 'b')"));
    QSqlQuery query((*second)->connection());
    ASSERT_TRUE(
        query.exec(QStringLiteral("SELECT value FROM app_meta WHERE key = 'a'")) && query.next());
    EXPECT_EQ(query.value(0).toString(), QStringLiteral("b"));
}

} // namespace
} // namespace rapport::storage
