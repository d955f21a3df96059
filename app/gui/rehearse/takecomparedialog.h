#pragma once

#include "core/rehearsal/takerepository.h"

#include <QDialog>

class QTableWidget;

namespace rapport::gui {

/// Two takes of a pitch side by side: times, timing against the window, pace, pauses, pitch
/// variation, loudness and ratings; the better figure of each row is marked.
class TakeCompareDialog : public QDialog
{
    Q_OBJECT
public:
    TakeCompareDialog(
        const rehearsal::Take& a, const rehearsal::Take& b, QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }

private:
    QTableWidget* m_table;
};

} // namespace rapport::gui
