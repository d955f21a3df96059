#include "app/gui/cards/cardspage.h"

#include "app/gui/cards/answertimer.h"
#include "app/gui/cards/conversationdialog.h"
#include "app/gui/cards/decksdialog.h"
#include "app/gui/widgets/pageheader.h"
#include "app/gui/widgets/theme.h"
#include "app/gui/widgets/wording.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QSignalBlocker>
#include <QTabWidget>
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

const QString kTimerKey = QStringLiteral("cards/answerTimer");
constexpr int kCardMinimumHeight = 220;

QPushButton* button(const QString& text, const QString& accessible, QWidget* parent)
{
    auto* b = new QPushButton(text, parent);
    b->setAccessibleName(accessible);
    return b;
}

} // namespace

CardsPage::CardsPage(storage::Store& store, QSettings* settings, QWidget* parent,
    AnswerPanel::SourceFactory answerSources)
    : QWidget(parent)
    , m_store(store)
    , m_settings(settings)
    , m_repository(std::make_unique<decks::DeckRepository>(*store.database))
    , m_conversationRepository(
          std::make_unique<conversations::ConversationRepository>(*store.database))
    , m_zone(new QLabel(this))
    , m_question(new QLabel(this))
    , m_followUp(new QLabel(this))
    , m_zoneFilter(new QComboBox(this))
    , m_context(new QComboBox(this))
    , m_level(new QComboBox(this))
    , m_ladderMode(new QCheckBox(tr("&Ladder"), this))
    , m_timerOn(new QCheckBox(tr("Answer &timer  (T)"), this))
    , m_timer(new AnswerTimer(settings, this))
    , m_next(button(tr("&Next card  (N)"), tr("Next card"), this))
    , m_back(button(tr("Back"), tr("Previous card"), this))
    , m_favourite(button(tr("Favourite  (F)"), tr("Favourite"), this))
    , m_hide(button(tr("Hide  (H)"), tr("Hide this card"), this))
    , m_history(new QListWidget(this))
    , m_conversations(new QListWidget(this))
    , m_answers(new QListWidget(this))
    , m_answerPanel(new AnswerPanel(store, std::move(answerSources), nullptr, this))
    , m_deleteConversation(new QPushButton(tr("Delete"), this))
{
    setAccessibleName(tr("Conversation cards"));
    Result<DeckLibrary> library = DeckLibrary::load(*m_repository);
    if (library)
        m_library = std::move(*library);
    m_drawer = std::make_unique<Drawer>(m_library, *m_repository, m_clock);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 28, 32, 28);
    layout->setSpacing(14);
    m_header = new PageHeader(tr("Conversation cards"),
        tr("Start light, go deeper as it warms up. Cards do not repeat until you have seen the "
           "rest."),
        this);
    layout->addWidget(m_header);
    m_controls = buildControls();
    layout->addWidget(m_controls);
    m_card = buildCard();
    layout->addWidget(m_card, 2);
    layout->addWidget(m_timer);
    layout->addWidget(m_answerPanel);

    auto* logConversation
        = button(tr("&Log conversation…  (L)"), tr("Log a real conversation"), this);
    m_cardButtons = new QWidget(this);
    auto* buttons = new QHBoxLayout(m_cardButtons);
    buttons->setContentsMargins(0, 0, 0, 0);
    for (QPushButton* b : { m_back, m_favourite, m_hide })
        buttons->addWidget(b);
    buttons->addStretch(1);
    buttons->addWidget(m_timerOn);
    buttons->addSpacing(8);
    buttons->addWidget(logConversation);
    m_next->setDefault(true);
    buttons->addWidget(m_next);
    layout->addWidget(m_cardButtons);
    layout->addWidget(buildTabs(), 1);
    // Reading order: the draw's settings, the card's buttons (the timer's between them when
    // shown), then the history.
    setReadingOrder({ m_zoneFilter, m_context, m_level, m_ladderMode, m_practise, m_decks, m_timer,
        m_answerPanel->answerButton(), m_answerPanel->eventButton(), m_back, m_favourite, m_hide,
        m_timerOn, logConversation, m_next, m_tabs, m_history, m_conversations,
        m_deleteConversation, m_answers });

    connect(m_next, &QPushButton::clicked, this, &CardsPage::drawNext);
    connect(m_back, &QPushButton::clicked, this, &CardsPage::goBack);
    connect(m_favourite, &QPushButton::clicked, this, &CardsPage::toggleFavourite);
    connect(m_hide, &QPushButton::clicked, this, &CardsPage::hideCurrent);
    connect(logConversation, &QPushButton::clicked, this, &CardsPage::openConversationLog);
    connect(m_ladderMode, &QCheckBox::toggled, this, [this](bool on) {
        m_zoneFilter->setEnabled(!on);
        m_ladder.reset();
    });
    const bool timerOn = settings && settings->value(kTimerKey, false).toBool();
    m_timerOn->setChecked(timerOn);
    m_timer->setVisible(timerOn);
    connect(m_timerOn, &QCheckBox::toggled, this, [this](bool on) {
        m_timer->setVisible(on);
        if (!on)
            m_timer->reset();
        if (m_settings)
            m_settings->setValue(kTimerKey, on);
    });
    const std::pair<Qt::Key, void (CardsPage::*)()> keys[] = { { Qt::Key_N, &CardsPage::drawNext },
        { Qt::Key_F, &CardsPage::toggleFavourite }, { Qt::Key_H, &CardsPage::hideCurrent },
        { Qt::Key_Backspace, &CardsPage::goBack }, { Qt::Key_L, &CardsPage::openConversationLog } };
    for (const auto& [key, slot] : keys) {
        auto* shortcut = new QShortcut(QKeySequence(key), this);
        shortcut->setContext(Qt::WindowShortcut);
        connect(shortcut, &QShortcut::activated, this, slot);
    }
    // A answers the card out loud, and stops the answer; Space stops it too (only then, so
    // that Space still presses the focused button).
    auto* answerKey = new QShortcut(QKeySequence(Qt::Key_A), this);
    answerKey->setContext(Qt::WindowShortcut);
    connect(answerKey, &QShortcut::activated, m_answerPanel, &AnswerPanel::startOrStop);
    m_spaceStops = new QShortcut(QKeySequence(Qt::Key_Space), this);
    m_spaceStops->setContext(Qt::WindowShortcut);
    m_spaceStops->setEnabled(false);
    connect(m_spaceStops, &QShortcut::activated, m_answerPanel, &AnswerPanel::startOrStop);
    m_timer->keepTimesIn(m_store.database.get());
    m_answerPanel->setLightsProvider([this] { return m_timer->times(); });
    connect(m_answerPanel, &AnswerPanel::stageChanged, this, &CardsPage::onAnswerStage);
    connect(m_answerPanel, &AnswerPanel::answersChanged, this, &CardsPage::reloadAnswers);
    connect(m_answerPanel, &AnswerPanel::answerRated, this, &CardsPage::onAnswerRated);
    connect(m_answerPanel, &AnswerPanel::beforeTheEventRequested, this,
        &CardsPage::startBeforeTheEvent);
    connect(m_answers, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        m_answerPanel->showAnswer(item->data(Qt::UserRole).toLongLong());
    });
    connect(m_answers, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        if (item)
            m_answerPanel->showAnswer(item->data(Qt::UserRole).toLongLong());
    });

    auto* timerKey = new QShortcut(QKeySequence(Qt::Key_T), this);
    timerKey->setContext(Qt::WindowShortcut);
    connect(timerKey, &QShortcut::activated, this, [this] {
        m_timerOn->setChecked(true);
        m_timer->toggle();
    });

    if (!library)
        showMessage(library.error().toString());
    else
        showMessage(tr("Press N to draw your first card."));
    loadHistory();
    loadConversations();
    reloadAnswers();
}

CardsPage::~CardsPage() = default;

void CardsPage::onAnswerStage()
{
    const AnswerPanel::Stage stage = m_answerPanel->stage();
    const bool busy = m_answerPanel->isBusy();
    m_spaceStops->setEnabled(stage == AnswerPanel::Stage::Recording);
    // The card stays the one answered until the answer is stored and rated.
    for (QWidget* w : std::initializer_list<QWidget*> { m_next, m_back, m_favourite, m_hide,
             m_practise, m_zoneFilter, m_context, m_level, m_ladderMode, m_decks })
        if (w)
            w->setEnabled(!busy);
    if (!busy) {
        m_back->setEnabled(m_index > 0);
        m_favourite->setEnabled(m_index >= 0);
        m_hide->setEnabled(m_index >= 0);
        m_zoneFilter->setEnabled(!m_ladderMode->isChecked());
    }
    // Rating and the report need the room of the card's buttons and the lists below.
    const bool roomy = stage == AnswerPanel::Stage::Rating || stage == AnswerPanel::Stage::Report;
    m_cardButtons->setVisible(!roomy);
    m_tabs->setVisible(!roomy);
    auto* layout = static_cast<QVBoxLayout*>(this->layout());
    layout->setStretchFactor(m_answerPanel, roomy ? 3 : 0);
    layout->setStretchFactor(m_card, roomy ? 0 : 2);
    // The question stays in view, in less room: the form and the report need it.
    m_card->setMinimumHeight(roomy ? 0 : kCardMinimumHeight);
    m_followUp->setVisible(!roomy);
    m_controls->setVisible(!roomy); // the draw's settings wait (they are disabled meanwhile)
    m_header->setVisible(!roomy);
}

void CardsPage::reloadAnswers()
{
    const qint64 current
        = m_answers->currentItem() ? m_answers->currentItem()->data(Qt::UserRole).toLongLong() : 0;
    const QSignalBlocker quiet(m_answers);
    m_answers->clear();
    Result<QList<answers::Answer>> all = answers::AnswerRepository(*m_store.database).list();
    if (all) {
        for (auto it = all->crbegin(); it != all->crend(); ++it) {
            QString line = momentText(it->startedAt.toLocalTime()) + QStringLiteral("   ")
                + zoneDisplayName(it->card.zone) + QStringLiteral(" — ") + it->card.text;
            if (it->firstWordS())
                line += tr("   · first word %1 s")
                            .arg(QLocale().toString(*it->firstWordS(), 'f', 1));
            if (it->rating.rated())
                line += QStringLiteral("   · ") + QString(*it->rating.overall, QChar(0x2605));
            auto* item = new QListWidgetItem(line, m_answers);
            item->setData(Qt::UserRole, it->id);
            if (it->id == current)
                m_answers->setCurrentItem(item);
        }
    }
    if (m_answers->count() == 0) {
        auto* none = new QListWidgetItem(
            tr("No answers yet: draw a card and press A to answer it out loud."), m_answers);
        none->setFlags(Qt::NoItemFlags);
    }
}

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
    m_level->addItem(tr("Any level"), 0);
    m_level->addItem(tr("1 · light"), 1);
    m_level->addItem(tr("2 · warmer"), 2);
    m_level->addItem(tr("3 · personal"), 3);
    m_level->setAccessibleName(tr("Level"));
    m_ladderMode->setToolTip(tr("Climb small talk → fun → deep, two, two, then one a round, "
                                "each zone from its lightest level up"));
    m_ladderMode->setAccessibleDescription(m_ladderMode->toolTip());
    m_level->setAccessibleDescription(
        tr("How personal the questions are within their zone: 1 light, 2 warmer, 3 personal"));
    auto* levelLabel = new QLabel(tr("Le&vel:"), row);
    levelLabel->setBuddy(m_level);
    auto* zoneLabel = new QLabel(tr("&Zone:"), row);
    zoneLabel->setBuddy(m_zoneFilter);
    auto* contextLabel = new QLabel(tr("&Context:"), row);
    contextLabel->setBuddy(m_context);
    auto* decks = new QPushButton(tr("&Decks…"), row);
    m_decks = decks;
    decks->setAccessibleName(tr("Manage decks"));
    connect(decks, &QPushButton::clicked, this, &CardsPage::openDecks);
    layout->addWidget(zoneLabel);
    layout->addWidget(m_zoneFilter);
    layout->addSpacing(4);
    layout->addWidget(contextLabel);
    layout->addWidget(m_context);
    layout->addSpacing(4);
    layout->addWidget(levelLabel);
    layout->addWidget(m_level);
    layout->addSpacing(4);
    layout->addWidget(m_ladderMode);
    layout->addStretch(1);
    // One click for the places people practise for: the occasion's cards up the ladder.
    m_practise = new QPushButton(tr("&Practise for…"), row);
    m_practise->setAccessibleName(tr("Practise for an occasion"));
    m_practise->setToolTip(
        tr("The cards for an occasion, climbing from small talk to deep, in one click"));
    auto* occasions = new QMenu(m_practise);
    const std::pair<QString, QString> choices[] = { { tr("A work event"), QStringLiteral("work") },
        { tr("Networking"), QStringLiteral("networking") },
        { tr("A conference"), QStringLiteral("conference") },
        { tr("A dinner"), QStringLiteral("dinner") }, { tr("A date"), QStringLiteral("date") },
        { tr("Family"), QStringLiteral("family") },
        { tr("Neighbours"), QStringLiteral("neighbours") },
        { tr("An online call"), QStringLiteral("online") } };
    for (const auto& [label, tag] : choices) {
        const QString occasion = tag;
        occasions->addAction(label, this, [this, occasion] { practiseFor(occasion); });
    }
    m_practise->setMenu(occasions);
    layout->addWidget(m_practise);
    layout->addWidget(decks);
    return row;
}

QWidget* CardsPage::buildCard()
{
    auto* card = new QFrame(this);
    card->setFrameShape(QFrame::StyledPanel);
    card->setMinimumHeight(kCardMinimumHeight);
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
    return card;
}

QWidget* CardsPage::buildTabs()
{
    auto* tabs = new QTabWidget(this);
    m_tabs = tabs;
    tabs->setDocumentMode(true);
    m_history->setAccessibleName(tr("Cards drawn lately"));
    tabs->addTab(m_history, tr("Drawn lately"));

    auto* conversations = new QWidget(tabs);
    auto* layout = new QVBoxLayout(conversations);
    layout->setContentsMargins(0, 6, 0, 0);
    m_conversations->setAccessibleName(tr("Conversations you logged"));
    layout->addWidget(m_conversations, 1);
    auto* actions = new QHBoxLayout;
    actions->addStretch(1);
    actions->addWidget(m_deleteConversation);
    layout->addLayout(actions);
    m_deleteConversation->setEnabled(false);
    connect(m_conversations, &QListWidget::currentRowChanged, this, [this](int row) {
        m_deleteConversation->setEnabled(
            row >= 0 && m_conversations->item(row)->data(Qt::UserRole).toLongLong() > 0);
    });
    connect(
        m_deleteConversation, &QPushButton::clicked, this, &CardsPage::deleteSelectedConversation);
    tabs->addTab(conversations, tr("Real conversations"));
    m_answers->setAccessibleName(tr("Answers you gave out loud"));
    tabs->addTab(m_answers, tr("Answers"));
    return tabs;
}

DrawFilter CardsPage::currentFilter() const
{
    DrawFilter filter;
    if (const std::optional<Zone> zone = zoneFromKey(m_zoneFilter->currentData().toString()))
        filter.zones = { *zone };
    filter.context = m_context->currentData().toString();
    if (const int level = m_level->currentData().toInt(); level > 0)
        filter.level = level;
    return filter;
}

void CardsPage::practiseFor(const QString& occasion)
{
    if (m_answerPanel->isBusy())
        return; // the card on show is being answered
    const int context = m_context->findData(occasion);
    if (context < 0)
        return;
    m_context->setCurrentIndex(context);
    m_level->setCurrentIndex(0);
    if (m_ladderMode->isChecked())
        m_ladder.reset(); // a fresh climb from small talk
    else
        m_ladderMode->setChecked(true); // resets the ladder too
    drawNext();
}

void CardsPage::drawNext()
{
    if (m_answerPanel->isBusy())
        return; // the card on show is being answered
    if (m_eventLeft > 0 || !m_answerPanel->noteText().isEmpty())
        endBeforeTheEvent(); // a card of one's own choosing ends the set, or its summary
    showDrawn(m_ladderMode->isChecked() ? m_drawer->drawLadderStep(m_ladder, currentFilter())
                                        : m_drawer->draw(currentFilter()));
}

bool CardsPage::showDrawn(const Result<std::optional<DrawnCard>>& card)
{
    if (!card) {
        showMessage(card.error().toString());
        return false;
    }
    if (!card->has_value()) {
        showMessage(tr("No card matches these filters. Choose another zone or context."));
        return false;
    }
    m_session << ShownCard { **card, (*card)->favourite };
    m_timer->reset();
    showCard(m_session.size() - 1);
    loadHistory();
    return true;
}

void CardsPage::startBeforeTheEvent()
{
    if (m_answerPanel->isBusy())
        return;
    m_eventLadder.reset();
    m_eventAnswers.clear();
    m_eventLeft = answers::kEventCards;
    nextEventCard();
}

void CardsPage::nextEventCard()
{
    // Up the ladder within the occasion chosen, any zone and level: small talk to deep.
    DrawFilter filter;
    filter.context = m_context->currentData().toString();
    if (!showDrawn(m_drawer->drawLadderStep(m_eventLadder, filter))) {
        endBeforeTheEvent();
        return;
    }
    const int number = answers::kEventCards - m_eventLeft + 1;
    m_answerPanel->setNote(tr("Before the event: card %1 of %2. Press A and answer it out loud.")
                               .arg(number)
                               .arg(answers::kEventCards));
}

void CardsPage::onAnswerRated(qint64 answerId)
{
    if (m_eventLeft <= 0)
        return;
    m_eventAnswers << answerId;
    if (--m_eventLeft > 0) {
        m_answerPanel->closeReport();
        nextEventCard();
        return;
    }
    // The set is done: what it came to.
    QList<answers::Answer> set;
    const answers::AnswerRepository repository(*m_store.database);
    for (const qint64 id : std::as_const(m_eventAnswers)) {
        if (Result<answers::Answer> answer = repository.get(id))
            set << *answer;
    }
    const answers::SetSummary summary = answers::summariseSet(set);
    QStringList lines { summary.answers == 1
            ? tr("Before the event: 1 answer.")
            : tr("Before the event: %1 answers.").arg(summary.answers) };
    if (summary.averageFirstWordS) {
        lines << tr("Average time to the first word: %1 s.")
                     .arg(QLocale().toString(*summary.averageFirstWordS, 'f', 1));
    }
    const auto cardOf = [&set](std::optional<qint64> id) {
        for (const answers::Answer& a : set) {
            if (id && a.id == *id)
                return a.card.text;
        }
        return QString();
    };
    if (summary.bestId)
        lines << tr("Best: \u201c%1\u201d.").arg(cardOf(summary.bestId));
    if (summary.tryAgainId)
        lines << tr("Answer again: \u201c%1\u201d.").arg(cardOf(summary.tryAgainId));
    m_eventLeft = 0;
    m_eventSummary = lines.join(QLatin1Char(' '));
    m_answerPanel->setNote(m_eventSummary);
}

void CardsPage::endBeforeTheEvent()
{
    m_eventLeft = 0;
    m_eventAnswers.clear();
    m_answerPanel->setNote(QString());
}

void CardsPage::goBack()
{
    if (m_answerPanel->isBusy())
        return; // the card on show is being answered
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
    if (m_answerPanel->isBusy())
        return; // the card on show is being answered
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
    m_answerPanel->setCard(
        answers::CardRef { shown.card.key.deckId, shown.card.key.questionId, q.zone, q.text },
        shown.card.record.seq);
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
    Result<QList<decks::DrawRecord>> draws = m_repository->recentDraws(50);
    if (!draws)
        return;
    for (const decks::DrawRecord& draw : *draws) {
        m_history->addItem(momentText(draw.drawnAt.toLocalTime()) + QStringLiteral("   ")
            + zoneDisplayName(draw.zone) + QStringLiteral(" — ") + draw.text);
    }
}

void CardsPage::loadConversations()
{
    m_conversations->clear();
    Result<QList<conversations::Conversation>> conversations = m_conversationRepository->list(200);
    if (!conversations) {
        m_conversations->addItem(conversations.error().toString());
        return;
    }
    if (conversations->isEmpty()) {
        auto* empty = new QListWidgetItem(
            tr("No conversations logged yet. After a real conversation, press L to note which "
               "question you used and how it went."),
            m_conversations);
        empty->setFlags(Qt::NoItemFlags);
        return;
    }
    for (const conversations::Conversation& c : *conversations) {
        QString line = dayText(c.happenedOn) + QStringLiteral("   ")
            + QString(c.rating, QChar(0x2605)) + QString(5 - c.rating, QChar(0x2606));
        if (!c.withWhom.isEmpty())
            line += QStringLiteral("   ") + tr("with %1").arg(c.withWhom);
        if (!c.questions.isEmpty())
            line += QStringLiteral("   ") + tr("“%1”").arg(c.questions.first().text)
                + (c.questions.size() > 1 ? tr(" and %n more", nullptr, int(c.questions.size() - 1))
                                          : QString());
        auto* item = new QListWidgetItem(line, m_conversations);
        item->setData(Qt::UserRole, c.id);
        item->setToolTip(c.note);
    }
}

std::unique_ptr<ConversationDialog> CardsPage::makeConversationDialog()
{
    Result<QList<decks::DrawRecord>> recent = m_repository->recentDraws(60);
    QList<decks::CardKey> preselected;
    if (m_index >= 0)
        preselected << m_session[m_index].card.key;
    return std::make_unique<ConversationDialog>(
        recent ? *recent : QList<decks::DrawRecord> {}, preselected, QDate::currentDate(), this);
}

bool CardsPage::logConversation(const ConversationDialog& dialog)
{
    conversations::Conversation conversation = dialog.conversation();
    conversation.createdAt = m_clock.nowUtc();
    Result<qint64> id = m_conversationRepository->add(conversation);
    if (!id) {
        QMessageBox::warning(this, tr("Could not log the conversation"), id.error().toString());
        return false;
    }
    loadConversations();
    return true;
}

void CardsPage::openConversationLog()
{
    std::unique_ptr<ConversationDialog> dialog = makeConversationDialog();
    if (dialog->exec() == QDialog::Accepted)
        logConversation(*dialog);
}

void CardsPage::deleteSelectedConversation()
{
    const QListWidgetItem* item = m_conversations->currentItem();
    const qint64 id = item ? item->data(Qt::UserRole).toLongLong() : 0;
    if (id <= 0)
        return;
    if (QMessageBox::question(this, tr("Delete conversation"),
            tr("Delete this logged conversation?"), QMessageBox::Yes | QMessageBox::Cancel,
            QMessageBox::Cancel)
        != QMessageBox::Yes)
        return;
    if (Status status = m_conversationRepository->remove(id); !status)
        QMessageBox::warning(this, tr("Could not delete"), status.error().toString());
    loadConversations();
}

void CardsPage::openDecks()
{
    DecksDialog dialog(*m_repository, m_clock, this);
    connect(&dialog, &DecksDialog::decksChanged, this, &CardsPage::reloadDecks);
    dialog.exec();
}

void CardsPage::reloadHistory()
{
    loadHistory();
    loadConversations();
}

void CardsPage::reloadDecks()
{
    Result<DeckLibrary> library = DeckLibrary::load(*m_repository);
    if (!library) {
        showMessage(library.error().toString());
        return;
    }
    m_library = std::move(*library);
}

} // namespace rapport::gui
