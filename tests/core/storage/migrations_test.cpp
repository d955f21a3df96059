#include "core/storage/migrations.h"

#include <QString>
#include <gtest/gtest.h>

namespace rapport::storage {
namespace {

TEST(MigrationsTest, VersionsStartAtOneAndHaveNoGaps)
{
    const std::span<const Migration> history = schemaMigrations();
    ASSERT_FALSE(history.empty());
    for (std::size_t i = 0; i < history.size(); ++i) {
        EXPECT_EQ(history[i].version, static_cast<int>(i) + 1);
        EXPECT_FALSE(QString::fromUtf8(history[i].description).trimmed().isEmpty());
        EXPECT_FALSE(history[i].statements.empty());
    }
    EXPECT_EQ(latestVersion(history), static_cast<int>(history.size()));
}

TEST(MigrationsTest, StatementsAreSingleStatements)
{
    // Qt's SQLite driver runs only the first statement of a string: a ';' would silently drop SQL.
    for (const Migration& step : schemaMigrations()) {
        for (const char* statement : step.statements) {
            const QString sql = QString::fromUtf8(statement).trimmed();
            if (sql.startsWith(QLatin1String("CREATE TRIGGER"))) {
                // A trigger is one statement; its body here is exactly one statement too.
                EXPECT_TRUE(sql.endsWith(QLatin1String("; END")))
                    << "schema " << step.version << ": " << statement;
                EXPECT_EQ(sql.count(QLatin1Char(';')), 1)
                    << "schema " << step.version << ": " << statement;
                continue;
            }
            EXPECT_FALSE(sql.contains(QLatin1Char(';')))
                << "schema " << step.version << ": " << statement;
        }
    }
}

TEST(MigrationsTest, EmptyHistoryHasVersionZero)
{
    EXPECT_EQ(latestVersion({}), 0);
}

} // namespace
} // namespace rapport::storage
