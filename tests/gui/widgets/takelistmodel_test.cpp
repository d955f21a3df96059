#include "app/gui/widgets/takelistmodel.h"
#include "app/gui/widgets/wording.h"
#include "core/rehearsal/pitch.h"
#include "tests/support/testtake.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace rapport::gui {
namespace {

using Column = TakeListModel::Column;

// Every message the model tester writes while a test runs (it warns on each broken rule).
QStringList g_testerMessages;

void collectMessage(QtMsgType, const QMessageLogContext&, const QString& message)
{
    g_testerMessages << message;
}

class TakeListModelTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        ASSERT_TRUE(m_dir.isValid());
        m_recording = m_dir.filePath(QStringLiteral("take.wav"));
        ASSERT_EQ(test::writeToneTake(m_recording, 1600, 16000, 1600), QString());
    }

    void TearDown() override { QLocale::setDefault(m_locale); }

    // A take timed against green 0:50 / red 1:00 with `speakingS` of speech, its recording on
    // disk, 2 pauses, `wpm` and `rating`.
    rehearsal::Take take(qint64 id, std::optional<double> speakingS,
        std::optional<double> wpm = 150, std::optional<int> rating = 4)
    {
        rehearsal::Take t;
        t.id = id;
        t.pitchId = 1;
        t.startedAt = QDateTime(QDate(2026, 10, 1), QTime(8, 0), Qt::UTC).addSecs(id * 3600);
        t.lights = rehearsal::defaultLightsFor(60'000);
        t.audioPath = m_recording;
        t.report.durationS = speakingS.value_or(0) + 2;
        t.report.speakingTimeS = speakingS;
        t.report.pauseCount = 2;
        t.report.wordsPerMinute = wpm;
        t.rating.overall = rating;
        return t;
    }

    static QVariant at(const TakeListModel& model, int row, Column column, int role)
    {
        return model.data(model.index(row, column), role);
    }

    static QString shown(const TakeListModel& model, int row, Column column)
    {
        return at(model, row, column, Qt::DisplayRole).toString();
    }

    QTemporaryDir m_dir;
    QString m_recording;
    const QTimeZone m_berlin { "Europe/Berlin" };
    QLocale m_locale;
};

// One way to write a moment and a day on every page (issue 15, item 15).
TEST(WordingTest, MomentsAndDaysAreWrittenOneWay)
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    const QDateTime when(QDate(2026, 12, 2), QTime(15, 7), QTimeZone::utc());
    EXPECT_EQ(momentText(when), QStringLiteral("Wed 2 Dec 2026, 15:07"));
    EXPECT_EQ(dayText(when.date()), QStringLiteral("Wed 2 Dec 2026"));
    rehearsal::Take take;
    take.startedAt = when;
    EXPECT_EQ(
        TakeListModel::text(take, TakeListModel::When, QTimeZone::utc(), true), momentText(when));
    QLocale::setDefault(QLocale::system());
}

TEST_F(TakeListModelTest, KeepsTheModelRulesThroughResets)
{
    TakeListModel model(m_berlin);
    g_testerMessages.clear();
    const QtMessageHandler previous = qInstallMessageHandler(collectMessage);
    {
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::Warning);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
        model.setTakes({ take(1, 40), take(2, 55), take(3, 65) });
        EXPECT_EQ(model.rowCount(), 3);
        model.setTakes({ take(4, std::nullopt, std::nullopt, std::nullopt) });
        EXPECT_EQ(model.rowCount(), 1);
        model.setTakes({});
        EXPECT_EQ(model.rowCount(), 0);
        model.setTakes({ take(5, 55), take(6, 80, std::nullopt, 1) });
        EXPECT_EQ(model.rowCount(), 2);
        EXPECT_EQ(resets.count(), 4);
        EXPECT_EQ(inserts.count(), 0); // a new list resets the model, it inserts no rows
        EXPECT_EQ(model.columnCount(), TakeListModel::ColumnCount);
        EXPECT_EQ(model.rowCount(model.index(0, 0)), 0); // a table: no children
    }
    qInstallMessageHandler(previous);
    EXPECT_TRUE(g_testerMessages.isEmpty()) << g_testerMessages.join(u'\n').toStdString();
}

TEST_F(TakeListModelTest, SaysTheTimingVerdictUnderWithinAndOver)
{
    TakeListModel model(m_berlin);
    model.setTakes({ take(1, 40), take(2, 55), take(3, 65), take(4, std::nullopt) });
    EXPECT_EQ(shown(model, 0, Column::Timing), QStringLiteral("10.0 s short of the green light"));
    EXPECT_EQ(shown(model, 1, Column::Timing), QStringLiteral("within the window"));
    EXPECT_EQ(shown(model, 2, Column::Timing), QStringLiteral("5.0 s over the red light"));
    EXPECT_EQ(shown(model, 3, Column::Timing), QStringLiteral("no speech"));
    EXPECT_EQ(at(model, 1, Column::Timing, Qt::ToolTipRole).toString(),
        QStringLiteral("The window runs from the green light at 0:50 to the red light at 1:00."));

    EXPECT_EQ(shown(model, 0, Column::SpeakingTime), QStringLiteral("0:40"));
    EXPECT_EQ(shown(model, 2, Column::SpeakingTime), QStringLiteral("1:05"));
    EXPECT_EQ(shown(model, 3, Column::SpeakingTime), QStringLiteral("—"));
    EXPECT_EQ(at(model, 3, Column::SpeakingTime, Qt::AccessibleTextRole).toString(),
        QStringLiteral("no speech"));

    // Sorting by timing goes from furthest under to furthest over; no speech has no value.
    EXPECT_EQ(at(model, 0, Column::Timing, TakeListModel::SortRole).toLongLong(), -10'000);
    EXPECT_EQ(at(model, 1, Column::Timing, TakeListModel::SortRole).toLongLong(), 0);
    EXPECT_EQ(at(model, 2, Column::Timing, TakeListModel::SortRole).toLongLong(), 5'000);
    EXPECT_FALSE(at(model, 3, Column::Timing, TakeListModel::SortRole).isValid());
}

TEST_F(TakeListModelTest, ShowsTheSelfRatingAsFiveStarsAndTheBestTake)
{
    rehearsal::Take best = take(3, 55, 150, 5);
    best.starred = true;
    TakeListModel model(m_berlin);
    model.setTakes({ take(1, 55, 150, 1), take(2, 55, 150, std::nullopt), best });
    EXPECT_EQ(shown(model, 0, Column::Rating), QStringLiteral("★☆☆☆☆"));
    EXPECT_EQ(
        at(model, 0, Column::Rating, Qt::AccessibleTextRole).toString(), QStringLiteral("1 of 5"));
    EXPECT_EQ(shown(model, 1, Column::Rating), QStringLiteral("not rated"));
    EXPECT_EQ(shown(model, 2, Column::Rating), QStringLiteral("★★★★★"));
    EXPECT_EQ(at(model, 2, Column::Rating, Qt::ToolTipRole).toString(),
        QStringLiteral("You rated this take 5 of 5."));

    EXPECT_EQ(shown(model, 0, Column::Best), QString());
    EXPECT_EQ(shown(model, 2, Column::Best), QStringLiteral("★"));
    EXPECT_EQ(
        at(model, 2, Column::Best, Qt::AccessibleTextRole).toString(), QStringLiteral("best take"));
    EXPECT_TRUE(at(model, 2, Column::Best, TakeListModel::SortRole).toBool());
}

TEST_F(TakeListModelTest, SaysWhenATakeHasNoRecording)
{
    rehearsal::Take imported = take(2, 55);
    imported.audioPath.clear(); // an export holds no audio
    rehearsal::Take deleted = take(3, 55);
    deleted.audioPath = m_dir.filePath(QStringLiteral("gone.wav"));
    TakeListModel model(m_berlin);
    model.setTakes({ take(1, 55), imported, deleted });

    EXPECT_EQ(shown(model, 0, Column::When), QStringLiteral("Thu 1 Oct 2026, 11:00")); // Berlin
    EXPECT_FALSE(at(model, 0, Column::When, Qt::ToolTipRole).isValid());
    EXPECT_FALSE(at(model, 0, Column::When, Qt::ForegroundRole).isValid());
    for (int row : { 1, 2 }) {
        EXPECT_TRUE(shown(model, row, Column::When).endsWith(QStringLiteral(" (no recording)")))
            << shown(model, row, Column::When).toStdString();
        EXPECT_TRUE(at(model, row, Column::When, Qt::ToolTipRole)
                        .toString()
                        .contains(QStringLiteral("cannot be played")));
        EXPECT_TRUE(at(model, row, Column::When, Qt::ForegroundRole).isValid());
    }
    EXPECT_EQ(
        shown(model, 1, Column::When), QStringLiteral("Thu 1 Oct 2026, 12:00 (no recording)"));

    // Whether the file is there is read again with the next list.
    ASSERT_TRUE(QFile::remove(m_recording));
    EXPECT_FALSE(shown(model, 0, Column::When).contains(QStringLiteral("no recording")));
    model.setTakes(model.takes());
    EXPECT_TRUE(shown(model, 0, Column::When).endsWith(QStringLiteral("(no recording)")));
}

TEST_F(TakeListModelTest, GivesThePaceOrSaysWhyNot)
{
    rehearsal::Take tooShort = take(4, 2.0, std::nullopt);
    tooShort.report.caveats = { analysis::Caveat::TooShortForPace };
    TakeListModel model(m_berlin);
    model.setTakes(
        { take(1, 55, 150.4), take(2, 55, 90), take(3, 55, 170), tooShort, take(5, 55, {}) });
    EXPECT_EQ(shown(model, 0, Column::Pace), QStringLiteral("150 wpm"));
    EXPECT_EQ(at(model, 0, Column::Pace, Qt::AccessibleTextRole).toString(),
        QStringLiteral("150 words a minute"));
    EXPECT_EQ(at(model, 0, Column::Pace, Qt::ToolTipRole).toString(),
        QStringLiteral("About 150 words a minute: in the comfortable band (100–165)."));
    EXPECT_DOUBLE_EQ(at(model, 0, Column::Pace, TakeListModel::SortRole).toDouble(), 150.4);
    EXPECT_EQ(shown(model, 1, Column::Pace), QStringLiteral("90 wpm"));
    EXPECT_TRUE(at(model, 1, Column::Pace, Qt::ToolTipRole).toString().contains(u"relaxed"));
    EXPECT_EQ(shown(model, 2, Column::Pace), QStringLiteral("170 wpm"));
    EXPECT_TRUE(at(model, 2, Column::Pace, Qt::ToolTipRole).toString().contains(u"fast"));
    EXPECT_EQ(shown(model, 3, Column::Pace), QStringLiteral("—"));
    EXPECT_EQ(at(model, 3, Column::Pace, Qt::ToolTipRole).toString(),
        QStringLiteral("Too little speech (under 3 s) to estimate the pace."));
    EXPECT_EQ(shown(model, 4, Column::Pace), QStringLiteral("—"));
    EXPECT_FALSE(at(model, 4, Column::Pace, Qt::ToolTipRole).isValid());
    EXPECT_EQ(at(model, 4, Column::Pace, Qt::AccessibleTextRole).toString(),
        QStringLiteral("not measured"));
    EXPECT_EQ(shown(model, 0, Column::Pauses), QStringLiteral("2"));
    EXPECT_EQ(at(model, 0, Column::Pauses, Qt::AccessibleTextRole).toString(),
        QStringLiteral("2 pauses"));
}

TEST_F(TakeListModelTest, GivesFillersAndScriptSaidWhereTheWordsWereHeard)
{
    // 3 fillers (um twice, uh) in 60 s of speaking, half of a two-sentence script said.
    const speech::Transcript said = test::evenlySaid(QStringLiteral("um we um build uh tools"));
    rehearsal::Take heard = take(1, 60);
    heard.words = speech::makeWordReport(said, 60.0, QStringLiteral("We build tools. We sell."));
    rehearsal::Take unscripted = take(2, 60);
    unscripted.words = speech::makeWordReport(said, 60.0, QString());
    TakeListModel model(m_berlin);
    model.setTakes({ heard, unscripted, take(3, 60) });
    EXPECT_EQ(shown(model, 0, Column::Fillers), QStringLiteral("3.0/min"));
    EXPECT_EQ(at(model, 0, Column::Fillers, Qt::ToolTipRole).toString(),
        QStringLiteral("3 fillers: “uh”, “um” ×2."));
    EXPECT_EQ(at(model, 0, Column::Fillers, Qt::AccessibleTextRole).toString(),
        QStringLiteral("3.0 fillers a minute"));
    EXPECT_DOUBLE_EQ(at(model, 0, Column::Fillers, TakeListModel::SortRole).toDouble(), 3.0);
    EXPECT_EQ(shown(model, 0, Column::Script), QStringLiteral("60 %"));
    EXPECT_TRUE(at(model, 0, Column::Script, Qt::ToolTipRole).toString().contains(u"skipped"));
    EXPECT_EQ(shown(model, 1, Column::Script), QStringLiteral("—"));
    EXPECT_EQ(at(model, 1, Column::Script, Qt::AccessibleTextRole).toString(),
        QStringLiteral("no script"));
    for (Column column : { Column::Fillers, Column::Script }) {
        EXPECT_EQ(shown(model, 2, column), QStringLiteral("—"));
        EXPECT_EQ(at(model, 2, column, Qt::AccessibleTextRole).toString(),
            QStringLiteral("words not heard"));
        EXPECT_FALSE(at(model, 2, column, TakeListModel::SortRole).isValid());
    }
    EXPECT_EQ(
        model.headerData(Column::Fillers, Qt::Horizontal).toString(), QStringLiteral("Fillers"));
    EXPECT_EQ(
        model.headerData(Column::Script, Qt::Horizontal).toString(), QStringLiteral("Script"));
}

TEST_F(TakeListModelTest, FindsTakesByIdAndSortsByRawValues)
{
    TakeListModel model(m_berlin);
    model.setTakes({ take(7, 65, 170), take(8, 40, 90), take(9, 55, 150) });
    EXPECT_EQ(model.rowOf(8), 1);
    EXPECT_EQ(model.rowOf(42), -1);
    for (int column = 0; column < TakeListModel::ColumnCount; ++column)
        EXPECT_EQ(at(model, 2, static_cast<Column>(column), TakeListModel::IdRole).toLongLong(), 9);
    EXPECT_EQ(TakeListModel::idAt(model.index(0, Column::Pace)), 7);

    QSortFilterProxyModel sorted;
    sorted.setSourceModel(&model);
    sorted.setSortRole(TakeListModel::SortRole);
    sorted.sort(Column::Timing);
    QList<qint64> ids;
    for (int row = 0; row < sorted.rowCount(); ++row)
        ids << TakeListModel::idAt(sorted.index(row, 0));
    EXPECT_EQ(ids, (QList<qint64> { 8, 9, 7 })); // under, within, over
    sorted.sort(Column::When, Qt::DescendingOrder);
    EXPECT_EQ(TakeListModel::idAt(sorted.index(0, 0)), 9);
}

TEST_F(TakeListModelTest, NamesOneTakeTheWayTheListDoes)
{
    const rehearsal::Take t = take(1, 65, 170, 3);
    TakeListModel model(m_berlin);
    model.setTakes({ t });
    for (int column = 0; column < TakeListModel::ColumnCount; ++column) {
        const auto c = static_cast<Column>(column);
        EXPECT_EQ(TakeListModel::text(t, c, m_berlin), shown(model, 0, c)) << column;
    }
    EXPECT_EQ(model.headerData(Column::When, Qt::Horizontal).toString(), QStringLiteral("When"));
    EXPECT_EQ(
        model.headerData(Column::Rating, Qt::Horizontal).toString(), QStringLiteral("Rating"));
}

} // namespace
} // namespace rapport::gui
