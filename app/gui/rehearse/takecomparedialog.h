#pragma once

#include "core/rehearsal/takerepository.h"

#include <QDialog>
#include <array>
#include <memory>

class QPushButton;
class QTableWidget;

namespace rapport::audio {
class WavPlayer;
}

namespace rapport::gui {

/// Two takes of a pitch side by side: times, timing against the window, pace, pauses, pitch
/// variation, loudness and ratings; the better figure of each row is marked, and figures that
/// read the same are a tie. Each take can be played from its column.
class TakeCompareDialog : public QDialog
{
    Q_OBJECT
public:
    TakeCompareDialog(
        const rehearsal::Take& a, const rehearsal::Take& b, QWidget* parent = nullptr);
    ~TakeCompareDialog() override;

    QTableWidget* table() const { return m_table; }
    /// The Play button of column `column` (0 or 1); disabled, with a tooltip saying why, when
    /// that take has no recording.
    QPushButton* playButton(int column) const { return m_play[std::size_t(column)]; }

    /// "within the window", "over by 0:12", "under by 0:08": the distance outside the window in
    /// whole seconds, from the speaking time as the table shows it ("1:12" is over a minute's
    /// red light by 0:12); "over by less than a second" rather than "0:00".
    static QString timingText(const rehearsal::Take& take);

private:
    void togglePlay(int column);
    void updatePlayButtons();

    QTableWidget* m_table;
    std::array<QString, 2> m_audio; ///< each column's recording
    std::array<QPushButton*, 2> m_play {};
    std::unique_ptr<audio::WavPlayer> m_player;
};

} // namespace rapport::gui
