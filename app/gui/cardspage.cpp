#include "app/gui/cardspage.h"

#include "app/gui/pageheader.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace rapport::gui {

using namespace rapport::decks;

namespace {

// Distinct in hue and lightness, and always shown with the zone's name.
QColor zoneColour(Zone zone)
{
    switch (zone) {
    case Zone::SmallTalk:
        return QColor(0x1f, 0x8a, 0x7d);
    case Zone::Fun:
        return QColor(0xc7, 0x6b, 0x0a);
    case Zone::Deep:
        return QColor(0x5b, 0x4f, 0xc7);
    case Zone::Interview:
        return QColor(0x4b, 0x5b, 0x70);
    }
    return {};
}

QPushButton* button(const QString& text, const QString& accessible, QWidget* parent)
{
    auto* b = new QPushButton(text, parent);
    b->setAccessibleName(accessible);
    return b;
}

} // namespace

CardsPage::CardsPage(storage::Store& store, QWidget* parent)
    : QWidget(parent)
    , m_repository(std::make_unique<storage::DeckRepository>(*store.database))
    , m_zone(new QLabel(this))
    , m_question(new QLabel(this))
    , m_followUp(new QLabel(this))
    , m_zoneFilter(new QComboBox(this))
    , m_context(new QComboBox(this))
    , m_ladderMode(new QCheckBox(tr("&Ladder: small talk → fun → deep"), this))
    , m_next(button(tr("&Next card  (N)"), tr("Next card"), this))
    , m_back(button(tr("Back"), tr("Previous card"), this))
    , m_favourite(button(tr("Favourite  (F)"), tr("Favourite"), this))
    , m_hide(button(tr("Hide  (H)"), tr("Hide this card"), this))
    , m_history(new QListWidget(this))
{
    setAccessibleName(tr("Conversation cards"));
    Result<DeckLibrary> library = DeckLibrary::load(*m_repository);
    if (library)
        m_library = std::move(*library);
    m_drawer = std::make_unique<Drawer>(m_library, *m_repository, m_clock);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 28, 32, 28);
    layout->setSpacing(14);
    layout->addWidget(new PageHeader(tr("Conversation cards"),
        tr("Start light, go deeper as it warms up. Cards do not repeat until you have seen the "
           "rest."),
        this));
    layout->addWidget(buildControls());

    auto* card = new QFrame(this);
    card->setFrameShape(QFrame::StyledPanel);
    card->setMinimumHeight(220);
    auto* cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(28, 20, 28, 24);
    QFont zoneFont = m_zone->font();
    zoneFont.setWeight(QFont::Bold);
    zoneFont.setCapitalization(QFont::AllUppercase);
    m_zone->setFont(zoneFont);
    QFont questionFont = m_question->font();
    questionFont.setPointSizeF(questionFont.pointSizeF() * 2.0);
    m_question->setFont(questionFont);
    m_question->setWordWrap(true);
    m_question->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_question->setAccessibleName(tr("Question"));
    m_followUp->setWordWrap(true);
    m_followUp->setForegroundRole(QPalette::PlaceholderText);
    cardLayout->addWidget(m_zone);
    cardLayout->addWidget(m_question, 1);
    cardLayout->addWidget(m_followUp);
    layout->addWidget(card, 2);

    auto* buttons = new QHBoxLayout;
    for (QPushButton* b : { m_back, m_favourite, m_hide })
        buttons->addWidget(b);
    buttons->addStretch(1);
    m_next->setDefault(true);
    buttons->addWidget(m_next);
    layout->addLayout(buttons);

    auto* historyLabel = new QLabel(tr("Drawn lately"), this);
    layout->addWidget(historyLabel);
    m_history->setAccessibleName(tr("Cards drawn lately"));
    layout->addWidget(m_history, 1);

    connect(m_next, &QPushButton::clicked, this, &CardsPage::drawNext);
    connect(m_back, &QPushButton::clicked, this, &CardsPage::goBack);
    connect(m_favourite, &QPushButton::clicked, this, &CardsPage::toggleFavourite);
    connect(m_hide, &QPushButton::clicked, this, &CardsPage::hideCurrent);
    connect(m_ladderMode, &QCheckBox::toggled, this, [this](bool on) {
        m_zoneFilter->setEnabled(!on);
        m_ladder.reset();
    });
    const std::pair<Qt::Key, void (CardsPage::*)()> keys[]
        = { { Qt::Key_N, &CardsPage::drawNext }, { Qt::Key_F, &CardsPage::toggleFavourite },
              { Qt::Key_H, &CardsPage::hideCurrent }, { Qt::Key_Backspace, &CardsPage::goBack } };
    for (const auto& [key, slot] : keys) {
        auto* shortcut = new QShortcut(QKeySequence(key), this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, slot);
    }

    if (!library)
        showMessage(library.error().toString());
    else
        showMessage(tr("Press N to draw your first card."));
    loadHistory();
}

CardsPage::~CardsPage() = default;

QWidget* CardsPage::buildControls()
{
    auto* row = new QWidget(this);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    m_zoneFilter->addItem(tr("All zones"), QString());
    for (Zone zone : kAllZones)
        m_zoneFilter->addItem(zoneDisplayName(zone), zoneKey(zone));
    m_zoneFilter->setCurrentIndex(1);
    m_zoneFilter->setAccessibleName(tr("Zone"));
    m_context->addItem(tr("Any context"), QString());
    for (const QString& tag : knownContextTags())
        m_context->addItem(tag.left(1).toUpper() + tag.mid(1), tag);
    m_context->setAccessibleName(tr("Context"));
    auto* zoneLabel = new QLabel(tr("&Zone:"), row);
    zoneLabel->setBuddy(m_zoneFilter);
    auto* contextLabel = new QLabel(tr("&Context:"), row);
    contextLabel->setBuddy(m_context);
    layout->addWidget(zoneLabel);
    layout->addWidget(m_zoneFilter);
    layout->addSpacing(12);
    layout->addWidget(contextLabel);
    layout->addWidget(m_context);
    layout->addSpacing(12);
    layout->addWidget(m_ladderMode);
    layout->addStretch(1);
    return row;
}

DrawFilter CardsPage::currentFilter() const
{
    DrawFilter filter;
    if (const std::optional<Zone> zone = zoneFromKey(m_zoneFilter->currentData().toString()))
        filter.zones = { *zone };
    filter.context = m_context->currentData().toString();
    return filter;
}

void CardsPage::drawNext()
{
    Result<std::optional<DrawnCard>> card = m_ladderMode->isChecked()
        ? m_drawer->drawLadderStep(m_ladder, currentFilter())
        : m_drawer->draw(currentFilter());
    if (!card) {
        showMessage(card.error().toString());
        return;
    }
    if (!card->has_value()) {
        showMessage(tr("No card matches these filters. Choose another zone or context."));
        return;
    }
    m_session << ShownCard { **card, (*card)->favourite };
    showCard(m_session.size() - 1);
    loadHistory();
}

void CardsPage::goBack()
{
    if (m_index > 0)
        showCard(m_index - 1);
}

void CardsPage::toggleFavourite()
{
    if (m_index < 0)
        return;
    ShownCard& shown = m_session[m_index];
    if (m_repository->setFavourite(shown.card.key, !shown.favourite))
        shown.favourite = !shown.favourite;
    showCard(m_index);
}

void CardsPage::hideCurrent()
{
    if (m_index < 0)
        return;
    if (Status s = m_repository->setHidden(m_session[m_index].card.key, true); !s) {
        showMessage(s.error().toString());
        return;
    }
    m_session.removeAt(m_index);
    drawNext();
}

QString CardsPage::currentQuestion() const
{
    return m_index >= 0 ? m_session[m_index].card.question.text : QString();
}

bool CardsPage::currentIsFavourite() const
{
    return m_index >= 0 && m_session[m_index].favourite;
}

void CardsPage::showCard(qsizetype index)
{
    m_index = index;
    const ShownCard& shown = m_session[index];
    const Question& q = shown.card.question;
    m_zone->setText(zoneDisplayName(q.zone) + QStringLiteral("  ·  ") + shown.card.deckTitle);
    QPalette palette = m_zone->palette();
    palette.setColor(QPalette::WindowText, zoneColour(q.zone));
    m_zone->setPalette(palette);
    m_question->setText(q.text);
    m_followUp->setText(q.followUp.isEmpty() ? QString() : tr("Then: %1").arg(q.followUp));
    m_favourite->setText(shown.favourite ? tr("★ Favourite  (F)") : tr("☆ Favourite  (F)"));
    m_back->setEnabled(index > 0);
    m_favourite->setEnabled(true);
    m_hide->setEnabled(true);
}

void CardsPage::showMessage(const QString& message)
{
    m_zone->clear();
    m_question->setText(message);
    m_followUp->clear();
    m_favourite->setEnabled(m_index >= 0);
    m_hide->setEnabled(m_index >= 0);
    m_back->setEnabled(m_index > 0);
}

void CardsPage::loadHistory()
{
    m_history->clear();
    Result<QList<storage::DrawRecord>> draws = m_repository->recentDraws(50);
    if (!draws)
        return;
    for (const storage::DrawRecord& draw : *draws) {
        m_history->addItem(draw.drawnAt.toLocalTime().toString(QStringLiteral("ddd HH:mm"))
            + QStringLiteral("   ") + zoneDisplayName(draw.zone) + QStringLiteral(" — ")
            + draw.text);
    }
}

} // namespace rapport::gui
