#include "app/gui/shell/aboutdialog.h"

#include "core/version.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

namespace rapport::gui {

AboutDialog::AboutDialog(const QString& dataDir, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About Rapport"));
    setAccessibleName(tr("About Rapport"));
    auto* icon = new QLabel(this);
    icon->setPixmap(windowIcon().pixmap(96, 96));
    icon->setAlignment(Qt::AlignTop);

    auto* title = new QLabel(tr("Rapport %1").arg(QString::fromLatin1(kVersion)), this);
    title->setObjectName(QStringLiteral("aboutVersion"));
    QFont font = title->font();
    font.setPointSizeF(font.pointSizeF() * 1.5);
    font.setWeight(QFont::DemiBold);
    title->setFont(font);

    auto* text = new QLabel(
        tr("<p>An offline coach for the small moments that build connections: rehearse your "
           "elevator pitch against the clock, and draw conversation starters that go from "
           "small talk to the deep zone.</p>"
           "<p>Everything stays on this computer — no account, no network.</p>"
           "<p>Data folder: <tt>%1</tt><br>Built with Qt %2 (running on Qt %3).</p>"
           "<p>MIT licence.</p>")
            .arg(QDir::toNativeSeparators(dataDir).toHtmlEscaped(),
                QString::fromLatin1(QT_VERSION_STR), QString::fromLatin1(qVersion())),
        this);
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    text->setMinimumWidth(380);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* body = new QVBoxLayout;
    body->addWidget(title);
    body->addWidget(text);
    auto* row = new QHBoxLayout;
    row->setSpacing(20);
    row->addWidget(icon);
    row->addLayout(body, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 16);
    layout->addLayout(row);
    layout->addWidget(buttons);
}

} // namespace rapport::gui
