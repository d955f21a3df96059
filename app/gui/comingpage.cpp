#include "app/gui/comingpage.h"

#include "app/gui/pageheader.h"

#include <QFrame>
#include <QLabel>
#include <QVBoxLayout>

namespace rapport::gui {

ComingPage::ComingPage(
    const QString& title, const QString& purpose, const QStringList& plans, QWidget* parent)
    : QWidget(parent)
    , m_statusLayout(new QVBoxLayout)
{
    setAccessibleName(title);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 28, 32, 28);
    layout->setSpacing(12);
    layout->addWidget(new PageHeader(title, purpose, this));

    auto* card = new QFrame(this);
    card->setFrameShape(QFrame::StyledPanel);
    auto* cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(20, 16, 20, 16);
    auto* heading = new QLabel(tr("Coming in a later update"), card);
    QFont bold = heading->font();
    bold.setWeight(QFont::DemiBold);
    heading->setFont(bold);
    cardLayout->addWidget(heading);
    QString list;
    for (const QString& plan : plans)
        list += QStringLiteral("<li>") + plan.toHtmlEscaped() + QStringLiteral("</li>");
    auto* planLabel = new QLabel(
        QStringLiteral("<ul style=\"margin-left:-20px\">") + list + QStringLiteral("</ul>"), card);
    planLabel->setTextFormat(Qt::RichText);
    planLabel->setWordWrap(true);
    cardLayout->addWidget(planLabel);
    layout->addWidget(card);
    layout->addLayout(m_statusLayout);
    layout->addStretch(1);
}

void ComingPage::addStatusLine(const QString& text)
{
    auto* label = new QLabel(text, this);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_statusLayout->addWidget(label);
}

} // namespace rapport::gui
