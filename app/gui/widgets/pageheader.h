#pragma once

#include <QWidget>

class QLabel;

namespace rapport::gui {

/// The title and one-line explanation at the top of every section.
class PageHeader : public QWidget
{
    Q_OBJECT
public:
    PageHeader(const QString& title, const QString& subtitle, QWidget* parent = nullptr);

private:
    QLabel* m_title;
    QLabel* m_subtitle;
};

} // namespace rapport::gui
