#pragma once

#include "core/analysis/takereport.h"
#include "core/rehearsal/take.h"

#include <QAbstractTableModel>
#include <QList>
#include <QTimeZone>

namespace rapport::gui {

/// Why the report gives no pace, in words (from its caveats: too noisy, too little speech);
/// empty when it gives one or does not say why.
QString withheldPaceReason(const analysis::TakeReport& report);

/// The fillers said, each once with how often when more than once: "“uh”, “um” ×2".
QString fillerKindsText(const std::vector<speech::Filler>& fillers);

/// The takes of a pitch as a table, one row a take, formatted one way wherever takes are listed
/// (the Rehearse page's takes, the Progress page's history, the names in the compare dialog).
///
/// Columns (Column), titled: When, Speaking time, Timing, Pace, Pauses, Rating, Best.
///   When           "Thu 1 Oct 2026, 10:00" in the model's time zone and the default locale;
///                  "… (no recording)" when the take's audio file is not on this computer.
///   Speaking time  "0:55"; "—" when no speech was found.
///   Timing         rehearsal::describeTiming() of rehearsal::takeTiming(): "within the window",
///                  "10.0 s short of the green light", "5.0 s over the red light"; "no speech".
///   Pace           "150 wpm"; "—" when the report gives none (the tool tip says why).
///   Pauses         "2"; "—" when not measured.
///   Rating         the self-rating as five stars, "★★★★☆"; "not rated".
///   Best           "★" for the pitch's best (starred) take, else empty.
///
/// Roles, every column:
///   Qt::DisplayRole        the text above.
///   Qt::ToolTipRole        a sentence saying more (the window, why there is no pace, what a
///                          missing recording means); none where the text says it all.
///   Qt::AccessibleTextRole what a screen reader says instead of symbols ("4 of 5", "best
///                          take", "150 words a minute").
///   Qt::TextAlignmentRole  figures (speaking time, pace, pauses) right-aligned, and their
///                          column titles (headerData) too.
///   Qt::ForegroundRole     the When column of a take without its recording in the palette's
///                          placeholder colour.
///   IdRole                 the take's id (qint64).
///   SortRole               the raw value to sort by: start time (QDateTime), speaking ms,
///                          signed ms from the window (under negative, over positive), wpm,
///                          pauses, overall rating, starred; missing values are an invalid
///                          QVariant. For QSortFilterProxyModel::setSortRole().
///
/// Views size every column but When to its contents (a timing verdict is never cut short) and
/// let When take what is left: in a narrow view the end of "(no recording)" goes first.
///
/// The takes are shown in the order given to setTakes(); each setTakes() resets the model
/// (beginResetModel/endResetModel), so views lose their selection: a page that wants to keep it
/// reselects by id (rowOf()). Whether a recording exists is looked up once, in setTakes().
class TakeListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        When,
        SpeakingTime,
        Timing,
        Pace,
        Pauses,
        Fillers,
        Script,
        Rating,
        Best,
        ColumnCount
    };
    enum Role { IdRole = Qt::UserRole, SortRole };

    /// Dates are shown in `zone`.
    explicit TakeListModel(QTimeZone zone = QTimeZone::systemTimeZone(), QObject* parent = nullptr);

    void setTakes(QList<rehearsal::Take> takes);
    const QList<rehearsal::Take>& takes() const { return m_takes; }
    /// The take of `row`, which must be in range.
    const rehearsal::Take& take(int row) const { return m_takes.at(row); }
    /// The row showing take `id`, or -1.
    int rowOf(qint64 id) const;
    /// The take's id at `index`'s row, or 0 for an invalid index.
    static qint64 idAt(const QModelIndex& index) { return index.data(IdRole).toLongLong(); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// The text of `column` for `take`, as the model shows it; `hasRecording` only matters to
    /// When. For places that name or describe one take without a list (the compare dialog, the
    /// warm-up summary).
    static QString text(const rehearsal::Take& take, Column column,
        const QTimeZone& zone = QTimeZone::systemTimeZone(), bool hasRecording = true);
    /// True when the take's audio file is on this computer.
    static bool hasRecording(const rehearsal::Take& take);

private:
    QVariant toolTip(int row, Column column) const;
    QVariant accessibleText(int row, Column column) const;
    QVariant sortValue(int row, Column column) const;

    QTimeZone m_zone;
    QList<rehearsal::Take> m_takes;
    QList<bool> m_hasRecording; ///< per row, looked up in setTakes()
};

} // namespace rapport::gui
