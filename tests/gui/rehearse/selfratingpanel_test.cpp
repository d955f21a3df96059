#include "app/gui/rehearse/selfratingpanel.h"
#include "tests/support/fixedclock.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <gtest/gtest.h>

namespace rapport::gui {
namespace {

using rehearsal::RubricItem;
using rehearsal::SelfRating;

// The row of buttons for one rubric item, which takes the keys for that item.
QWidget* rubricRow(const SelfRatingPanel& panel, RubricItem item)
{
    return panel.itemButton(item, 0)->parentWidget();
}

TEST(SelfRatingPanelTest, RefusesToSubmitUntilOverallIsChosen)
{
    test::FixedClock clock;
    SelfRatingPanel panel(&clock);
    QSignalSpy submitted(&panel, &SelfRatingPanel::submitted);
    EXPECT_FALSE(panel.submitButton()->isEnabled());
    EXPECT_TRUE(panel.hintText().contains(QStringLiteral("overall")));
    EXPECT_FALSE(panel.submit());
    QTest::mouseClick(panel.submitButton(), Qt::LeftButton);
    EXPECT_EQ(submitted.count(), 0);

    // Rubric items and a note alone are not enough.
    panel.itemButton(RubricItem::Passion, 4)->click();
    panel.noteEdit()->setPlainText(QStringLiteral("Good energy"));
    EXPECT_FALSE(panel.submitButton()->isEnabled());
    EXPECT_FALSE(panel.submit());
    EXPECT_EQ(submitted.count(), 0);

    panel.overallButton(4)->click();
    ASSERT_TRUE(panel.submitButton()->isEnabled());
    QTest::mouseClick(panel.submitButton(), Qt::LeftButton);
    ASSERT_EQ(submitted.count(), 1);
    const auto rating = submitted.at(0).at(0).value<SelfRating>();
    EXPECT_EQ(rating.overall, 4);
    EXPECT_EQ(rating.item(RubricItem::Passion), 4);
    EXPECT_FALSE(rating.item(RubricItem::Connection).has_value());
    EXPECT_EQ(rating.note, QStringLiteral("Good energy"));
    EXPECT_EQ(rating.ratedAt, clock.nowUtc());
    EXPECT_TRUE(rating.problem().isEmpty());
}

TEST(SelfRatingPanelTest, KeysOneToFiveChooseTheOverallRating)
{
    SelfRatingPanel panel;
    QTest::keyClick(&panel, Qt::Key_3);
    EXPECT_EQ(panel.rating().overall, 3);
    EXPECT_TRUE(panel.overallButton(3)->isChecked());
    EXPECT_TRUE(panel.submitButton()->isEnabled());
    // From a control that has no use for digits, the key reaches the panel.
    QTest::keyClick(panel.submitButton(), Qt::Key_5);
    EXPECT_EQ(panel.rating().overall, 5);
    EXPECT_FALSE(panel.overallButton(3)->isChecked());
    // Keys outside 1-5 change nothing.
    QTest::keyClick(&panel, Qt::Key_7);
    QTest::keyClick(&panel, Qt::Key_0);
    EXPECT_EQ(panel.rating().overall, 5);
    // Arrows step the focused scale.
    QTest::keyClick(panel.overallButton(1)->parentWidget(), Qt::Key_Left);
    EXPECT_EQ(panel.rating().overall, 4);
}

TEST(SelfRatingPanelTest, DigitsTypedInTheNoteOrOnARubricRowStayThere)
{
    SelfRatingPanel panel;
    QTest::keyClicks(panel.noteEdit(), QStringLiteral("Cut to 45 s"));
    EXPECT_EQ(panel.rating().note, QStringLiteral("Cut to 45 s"));
    EXPECT_FALSE(panel.rating().overall.has_value());

    QTest::keyClick(rubricRow(panel, RubricItem::Language), Qt::Key_2);
    EXPECT_EQ(panel.rating().item(RubricItem::Language), 2);
    EXPECT_FALSE(panel.rating().overall.has_value());
    QTest::keyClick(rubricRow(panel, RubricItem::Language), Qt::Key_Right);
    EXPECT_EQ(panel.rating().item(RubricItem::Language), 3);
    QTest::keyClick(rubricRow(panel, RubricItem::Language), Qt::Key_Minus);
    EXPECT_FALSE(panel.rating().item(RubricItem::Language).has_value());
    EXPECT_TRUE(panel.itemButton(RubricItem::Language, 0)->isChecked());
}

TEST(SelfRatingPanelTest, RubricValuesAndNoteRoundTripThroughSetRating)
{
    SelfRating given;
    given.overall = 2;
    given.item(RubricItem::Connection) = 5;
    given.item(RubricItem::Language) = 1;
    given.item(RubricItem::Genuine) = 3;
    given.note = QStringLiteral("Rushed the ending.\nStart with the story.");
    given.ratedAt = QDateTime(QDate(2026, 11, 20), QTime(8, 30), Qt::UTC);

    SelfRatingPanel panel;
    QSignalSpy changed(&panel, &SelfRatingPanel::ratingChanged);
    panel.setRating(given);
    EXPECT_EQ(panel.rating(), given);
    EXPECT_GT(changed.count(), 0);
    EXPECT_TRUE(panel.itemButton(RubricItem::Connection, 5)->isChecked());
    EXPECT_TRUE(panel.itemButton(RubricItem::Passion, 0)->isChecked());
    EXPECT_TRUE(panel.submitButton()->isEnabled());

    // Edited by clicking, then read back.
    panel.itemButton(RubricItem::Connection, 0)->click();
    panel.itemButton(RubricItem::Passion, 4)->click();
    SelfRating edited = given;
    edited.item(RubricItem::Connection).reset();
    edited.item(RubricItem::Passion) = 4;
    EXPECT_EQ(panel.rating(), edited);

    // An empty rating empties the form, overall included.
    panel.clear();
    EXPECT_EQ(panel.rating(), SelfRating {});
    EXPECT_FALSE(panel.submitButton()->isEnabled());
    for (int value = 1; value <= 5; ++value)
        EXPECT_FALSE(panel.overallButton(value)->isChecked()) << value;
}

TEST(SelfRatingPanelTest, OutOfRangeValuesAreShownAsNotGiven)
{
    SelfRating odd;
    odd.overall = 9;
    odd.item(RubricItem::Listener) = 0;
    SelfRatingPanel panel;
    panel.setRating(odd);
    EXPECT_FALSE(panel.rating().overall.has_value());
    EXPECT_FALSE(panel.rating().item(RubricItem::Listener).has_value());
    EXPECT_FALSE(panel.submitButton()->isEnabled());
}

TEST(SelfRatingPanelTest, EveryScaleHasAnAccessibleName)
{
    SelfRatingPanel panel;
    EXPECT_FALSE(panel.overallButton(1)->parentWidget()->accessibleName().isEmpty());
    for (RubricItem item : rehearsal::kRubricItems) {
        EXPECT_EQ(rubricRow(panel, item)->accessibleName(), rehearsal::rubricText(item));
        EXPECT_TRUE(panel.itemButton(item, 3)->accessibleName().contains(QStringLiteral("3 of 5")));
    }
}

TEST(SelfRatingPanelTest, TabGoesFromOverallThroughTheRubricToTheNoteAndTheButton)
{
    SelfRatingPanel panel;
    QList<QWidget*> expected { panel.overallButton(1)->parentWidget() };
    for (RubricItem item : rehearsal::kRubricItems)
        expected << rubricRow(panel, item);
    expected << panel.feltTimingBox() << panel.feltPaceBox() << panel.noteEdit()
             << panel.submitButton();
    QList<QWidget*> order;
    QWidget* w = expected.front();
    while (order.size() < expected.size()) {
        if (w->focusPolicy() & Qt::TabFocus)
            order << w;
        w = w->nextInFocusChain();
        if (w == expected.front())
            break;
    }
    EXPECT_EQ(order, expected);
}

TEST(SelfRatingPanelTest, HowTheTakeFeltRoundTrips)
{
    SelfRatingPanel panel;
    EXPECT_FALSE(panel.rating().feltTiming.has_value());
    EXPECT_FALSE(panel.rating().feltPace.has_value());
    rehearsal::SelfRating rating;
    rating.overall = 3;
    rating.feltTiming = rehearsal::FeltTiming::Long;
    rating.feltPace = rehearsal::FeltPace::Slow;
    panel.setRating(rating);
    EXPECT_EQ(panel.rating().feltTiming, rehearsal::FeltTiming::Long);
    EXPECT_EQ(panel.rating().feltPace, rehearsal::FeltPace::Slow);
    panel.feltTimingBox()->setCurrentIndex(0);
    EXPECT_FALSE(panel.rating().feltTiming.has_value());
    panel.clear();
    EXPECT_FALSE(panel.rating().feltPace.has_value());
}

} // namespace
} // namespace rapport::gui
