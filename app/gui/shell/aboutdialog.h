#pragma once

#include <QDialog>

namespace rapport::gui {

/// Version, what Rapport is, where the data lives, and the privacy promise.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    AboutDialog(const QString& dataDir, QWidget* parent = nullptr);
};

} // namespace rapport::gui
