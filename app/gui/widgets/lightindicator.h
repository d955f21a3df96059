#pragma once

#include "core/rehearsal/timinglights.h"

#include <QWidget>

class QLabel;

namespace rapport::gui {

/// A timekeeper's light: a coloured disc with the light's name and advice beside it, so the
/// signal never depends on colour alone.
class LightIndicator : public QWidget
{
    Q_OBJECT
public:
    explicit LightIndicator(QWidget* parent = nullptr);

    void setLight(rehearsal::Light light);
    /// No timing yet (before a take): the outline only, no words beside it ("No light — keep
    /// going" would be advice for a take that has not started); screen readers hear that no
    /// take is running.
    void setIdle();
    bool isIdle() const { return m_idle; }
    rehearsal::Light light() const { return m_light; }
    QString text() const; ///< what the label says, e.g. "Green — You can finish"; empty when idle
    /// Makes the disc `pixels` wide (default 44) and the label's text `scale` times larger.
    void setProminence(int pixels, qreal scale);

    /// The fill colour of a light (None has none: the disc is an outline).
    static QColor colour(rehearsal::Light light);

private:
    class Disc;
    rehearsal::Light m_light = rehearsal::Light::None;
    bool m_idle = false;
    Disc* m_disc;
    QLabel* m_label;
};

} // namespace rapport::gui
