#pragma once

#include <QWidget>

class QVBoxLayout;

namespace rapport::gui {

/// A section whose feature is not built yet: says what it will do, and nothing more.
class ComingPage : public QWidget
{
    Q_OBJECT
public:
    ComingPage(const QString& title, const QString& purpose, const QStringList& plans,
        QWidget* parent = nullptr);
    /// Adds a line of real status under the plans (e.g. which microphone was found).
    void addStatusLine(const QString& text);

private:
    QVBoxLayout* m_statusLayout;
};

} // namespace rapport::gui
