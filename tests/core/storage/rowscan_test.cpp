#include "core/storage/rowscan.h"
#include "core/storage/sql.h"
#include "core/storage/store.h"

#include <QFile>
#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace rapport::storage {
namespace {

class RowScanTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        auto store = openStore(m_dir.path());
        ASSERT_TRUE(store.ok());
        m_store = std::make_unique<Store>(std::move(*store));
        exec("CREATE TABLE sample (t TEXT, r REAL, i INTEGER)");
        exec("INSERT INTO sample VALUES ('héllo', 1.5, 7), (NULL, NULL, NULL), ('b', -2, 9)");
    }

    void exec(const char* statement)
    {
        Sql sql(m_store->database->connection(), QString::fromUtf8(statement));
        ASSERT_TRUE(sql.exec({}, {}).ok()) << statement;
    }

    ScanSource own() const { return ScanSource::of(m_store->database->connection()); }

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
};

TEST_F(RowScanTest, ReadsTextNumbersAndNullsWithBoundRange)
{
    RowScan rows(own(), "SELECT t, r, i FROM sample WHERE rowid >= ? AND rowid < ? ORDER BY rowid");
    ASSERT_TRUE(rows.start({ "1", "3" }, QStringLiteral("Reading.")).ok());
    ASSERT_TRUE(rows.next());
    EXPECT_EQ(rows.text(0), std::string_view("h\xc3\xa9llo"));
    EXPECT_DOUBLE_EQ(rows.real(1), 1.5);
    EXPECT_EQ(rows.integer(2), 7);
    EXPECT_FALSE(rows.isNull(0));
    ASSERT_TRUE(rows.next());
    EXPECT_TRUE(rows.isNull(0) && rows.isNull(1) && rows.isNull(2));
    EXPECT_TRUE(rows.text(0).empty());
    EXPECT_FALSE(rows.next()); // rowid 3 is outside [1, 3)
    EXPECT_TRUE(rows.status().ok());

    // The statement can be started again with other values.
    ASSERT_TRUE(rows.start({ "3", "4" }, QStringLiteral("Reading.")).ok());
    ASSERT_TRUE(rows.next());
    EXPECT_EQ(rows.text(0), std::string_view("b"));
    EXPECT_FALSE(rows.next());
}

TEST_F(RowScanTest, ABadStatementFailsWithWhatWasBeingDone)
{
    RowScan rows(own(), "SELECT x FROM no_such_table");
    const Status started = rows.start({}, QStringLiteral("Could not add up your takes."));
    ASSERT_FALSE(started.ok());
    EXPECT_TRUE(started.error().what.startsWith(QStringLiteral("Could not add up your takes.")));
    EXPECT_TRUE(started.error().detail.contains(QStringLiteral("no_such_table")))
        << started.error().toString().toStdString();
    EXPECT_FALSE(rows.next());
}

TEST_F(RowScanTest, AClosedConnectionIsAnErrorNotACrash)
{
    RowScan rows(ScanSource {}, "SELECT 1");
    EXPECT_FALSE(rows.start({}, QStringLiteral("Reading.")).ok());
    EXPECT_FALSE(rows.next());
}

TEST_F(RowScanTest, ASecondConnectionReadsCommittedDataAndCannotWrite)
{
    auto second = ReadConnection::open(m_store->database->connection().databaseName(), 1000);
    ASSERT_TRUE(second.ok());
    {
        RowScan rows((*second)->source(), "SELECT COUNT(*) FROM sample");
        ASSERT_TRUE(rows.start({}, QStringLiteral("Counting.")).ok());
        ASSERT_TRUE(rows.next());
        EXPECT_EQ(rows.integer(0), 3);
    }
    exec("INSERT INTO sample VALUES ('c', 3, 3)");
    {
        RowScan rows((*second)->source(), "SELECT COUNT(*) FROM sample");
        ASSERT_TRUE(rows.start({}, QStringLiteral("Counting.")).ok());
        ASSERT_TRUE(rows.next());
        EXPECT_EQ(rows.integer(0), 4);
    }
    RowScan write((*second)->source(), "DELETE FROM sample");
    ASSERT_TRUE(write.start({}, QStringLiteral("Deleting.")).ok());
    EXPECT_FALSE(write.next());
    ASSERT_FALSE(write.status().ok());
    EXPECT_EQ(write.status().error().kind, ErrorKind::Permission);
    exec("SELECT 1"); // the application's connection is unaffected
}

TEST_F(RowScanTest, ASecondConnectionToAFileThatIsNotADatabaseFailsOnFirstRead)
{
    const QString path = m_dir.filePath(QStringLiteral("not-a-database"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    auto second = ReadConnection::open(path, 1000);
    ASSERT_TRUE(second.ok()); // SQLite reads the header lazily
    RowScan rows((*second)->source(), "SELECT COUNT(*) FROM sqlite_master");
    const Status started = rows.start({}, QStringLiteral("Counting."));
    ASSERT_FALSE(started.ok());
    EXPECT_EQ(started.error().kind, ErrorKind::NotADatabase);
}

} // namespace
} // namespace rapport::storage
