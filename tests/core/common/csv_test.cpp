#include "core/common/csv.h"

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace rapport {
namespace {

const QString kSource = u"test.csv"_s;

QList<QStringList> values(const QList<CsvRow>& rows)
{
    QList<QStringList> result;
    for (const CsvRow& row : rows) {
        QStringList fields;
        for (const CsvField& field : row.fields)
            fields << field.value;
        result << fields;
    }
    return result;
}

QList<QStringList> parsed(const QString& text)
{
    Result<QList<CsvRow>> rows = parseCsv(text, kSource);
    EXPECT_TRUE(rows.ok()) << rows.error().toString().toStdString();
    return rows ? values(*rows) : QList<QStringList>();
}

TEST(CsvTest, QuotedFieldsKeepCommasDoubledQuotesAndLineBreaksAsWritten)
{
    EXPECT_EQ(parsed(u"a,\"b, c\",\"say \"\"hi\"\"\",\"one\r\ntwo\nthree\"\r\n"_s),
        (QList<QStringList> { { u"a"_s, u"b, c"_s, u"say \"hi\""_s, u"one\r\ntwo\nthree"_s } }));
    EXPECT_EQ(parsed(u"\"\",x\r\n"_s), (QList<QStringList> { { QString(), u"x"_s } }));
}

TEST(CsvTest, RecordsEndInCrlfLfOrALoneCrAndTheLastNeedsNoLineEnding)
{
    EXPECT_EQ(parsed(u"a,b\r\nc,d\ne,f\rg,h"_s),
        (QList<QStringList> {
            { u"a"_s, u"b"_s }, { u"c"_s, u"d"_s }, { u"e"_s, u"f"_s }, { u"g"_s, u"h"_s } }));
    EXPECT_EQ(parsed(u"a,\r\n"_s), (QList<QStringList> { { u"a"_s, QString() } }));
    EXPECT_TRUE(parsed(QString()).isEmpty());
}

TEST(CsvTest, EachRecordKnowsThePhysicalLineItStartsOn)
{
    Result<QList<CsvRow>> rows
        = parseCsv(u"h1,h2\r\n1,\"two\r\nlines\"\r\n\r\n3,\"x\ny\nz\"\n4,four\n"_s, kSource);
    ASSERT_TRUE(rows.ok());
    ASSERT_EQ(rows->size(), 5);
    EXPECT_EQ((*rows)[0].line(), 1);
    EXPECT_EQ((*rows)[1].line(), 2);
    EXPECT_EQ((*rows)[2].line(), 4); // an empty line: one empty field, blank
    EXPECT_TRUE((*rows)[2].isBlank());
    EXPECT_EQ((*rows)[3].line(), 5);
    EXPECT_EQ((*rows)[4].line(), 8);
    EXPECT_FALSE((*rows)[4].isBlank());
}

TEST(CsvTest, AQuoteInsideAnUnquotedFieldIsKeptAsWritten)
{
    EXPECT_EQ(parsed(u"What's your \"guilty pleasure\" song?,x\n"_s),
        (QList<QStringList> { { u"What's your \"guilty pleasure\" song?"_s, u"x"_s } }));
}

TEST(CsvTest, TextAfterAClosingQuoteIsAnErrorNamingTheLine)
{
    Result<QList<CsvRow>> rows = parseCsv(u"a,b\n\"fine\" really,c\n"_s, kSource);
    ASSERT_FALSE(rows.ok());
    EXPECT_EQ(rows.error().kind, ErrorKind::Format);
    EXPECT_TRUE(rows.error().what.startsWith(u"test.csv, line 2: "_s))
        << rows.error().what.toStdString();
    EXPECT_FALSE(rows.error().fix.isEmpty());
}

TEST(CsvTest, AQuoteNeverClosedIsAnErrorNamingTheLineWhereTheFieldBegan)
{
    Result<QList<CsvRow>> rows = parseCsv(u"a,b\r\nc,\"open\r\nand on\r\nand on\r\n"_s, kSource);
    ASSERT_FALSE(rows.ok());
    EXPECT_TRUE(rows.error().what.startsWith(u"test.csv, line 2: "_s))
        << rows.error().what.toStdString();
    EXPECT_TRUE(rows.error().what.contains(u"no closing quote"_s));
}

TEST(CsvTest, DecodingDropsAByteOrderMarkAndRejectsTextThatIsNotUtf8)
{
    Result<QString> text = decodeCsv("\xEF\xBB\xBF"
                                     "caf\xC3\xA9,x\r\n",
        kSource);
    ASSERT_TRUE(text.ok());
    EXPECT_EQ(*text, u"café,x\r\n"_s);

    Result<QString> latin1 = decodeCsv("a,b\r\ncaf\xE9,x\r\n", kSource);
    ASSERT_FALSE(latin1.ok());
    EXPECT_EQ(latin1.error().kind, ErrorKind::Format);
    EXPECT_TRUE(latin1.error().what.startsWith(u"test.csv, line 2: "_s))
        << latin1.error().what.toStdString();
    EXPECT_TRUE(latin1.error().fix.contains(u"UTF-8"_s));
}

TEST(CsvTest, WhatCsvLineWritesParsesBackUnchanged)
{
    const QStringList awkward { u"plain"_s, QString(), u" padded "_s, u"a,b"_s, u"Said \"hi\""_s,
        u"two\r\nlines"_s, u"lf\nonly"_s, u"café ☕"_s, u"\""_s };
    const QString text = csvLine(awkward) + csvLine({ u"second"_s, u"row"_s });
    EXPECT_EQ(parsed(text), (QList<QStringList> { awkward, { u"second"_s, u"row"_s } }));
}

} // namespace
} // namespace rapport
