#pragma once

#include "app/gui/cards/answerpanel.h"
#include "core/common/clock.h"
#include "core/conversations/conversationrepository.h"
#include "core/decks/drawer.h"
#include "core/storage/store.h"

#include <QWidget>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QSettings;
class QShortcut;
class QTabWidget;

namespace rapport::gui {

class AnswerTimer;
class ConversationDialog;

/// Conversation cards: one large question at a time, drawn without repeats, with zone and
/// context filters, the small talk -> fun -> deep ladder, favourites, hiding, a history, an
/// answer timer for practising out loud, deck management and a log of real conversations.
class CardsPage : public QWidget
{
    Q_OBJECT
public:
    /// `settings` (may be null) remembers the timer and its light times; `answerSources` makes
    /// the audio source of each answer given out loud (default: the chosen microphone).
    explicit CardsPage(storage::Store& store, QSettings* settings = nullptr,
        QWidget* parent = nullptr, AnswerPanel::SourceFactory answerSources = {});
    ~CardsPage() override;

    QString currentQuestion() const; ///< the card on show; empty before the first draw
    bool currentIsFavourite() const;
    AnswerTimer* answerTimer() const { return m_timer; }
    QCheckBox* timerToggle() const { return m_timerOn; }
    QListWidget* conversationList() const { return m_conversations; }
    /// Answering the card on show out loud.
    AnswerPanel* answerPanel() const { return m_answerPanel; }
    /// The answers given out loud, newest first (each item's data: the answer's id).
    QListWidget* answerList() const { return m_answers; }
    /// What the last "Before the event" set came to (empty before one ended).
    QString eventSummary() const { return m_eventSummary; }
    /// Cards of the running "Before the event" set still to answer (0: none running).
    int eventCardsLeft() const { return m_eventLeft; }
    /// Stores what `dialog` holds (after it was accepted); false with a message on failure.
    bool logConversation(const ConversationDialog& dialog);
    /// A dialog for logging a conversation, with the card on show preselected. Caller owns it.
    std::unique_ptr<ConversationDialog> makeConversationDialog();

public slots:
    void drawNext(); ///< N
    /// "Practise for…": the cards of `occasion` (a context tag such as "conference"), any level,
    /// climbing the ladder from small talk, and the first card drawn.
    void practiseFor(const QString& occasion);
    void goBack(); ///< Back: the previous card of this session
    void toggleFavourite(); ///< F
    void hideCurrent(); ///< H: never drawn again until unhidden
    void openConversationLog(); ///< L
    void openDecks();
    void reloadDecks(); ///< after decks were added, edited or switched off
    void reloadHistory(); ///< the draws and conversations, after an import
    void deleteSelectedConversation();
    void reloadAnswers(); ///< the Answers list, and the card's count
    /// "Before the event": five cards up the ladder (small talk to deep) within the occasion
    /// chosen, each answered out loud and rated, then what the set came to.
    void startBeforeTheEvent();

private:
    struct ShownCard
    {
        decks::DrawnCard card;
        bool favourite = false;
    };
    decks::DrawFilter currentFilter() const;
    void showCard(qsizetype index);
    void showMessage(const QString& message);
    void loadHistory();
    void loadConversations();
    void onAnswerStage();
    /// Shows a drawn card (or why there is none); false when there is none.
    bool showDrawn(const Result<std::optional<decks::DrawnCard>>& card);
    void nextEventCard();
    void onAnswerRated(qint64 answerId);
    void endBeforeTheEvent();
    QWidget* buildControls();
    QWidget* buildCard();
    QWidget* buildTabs();

    storage::Store& m_store;
    QSettings* m_settings;
    std::unique_ptr<decks::DeckRepository> m_repository;
    std::unique_ptr<conversations::ConversationRepository> m_conversationRepository;
    decks::DeckLibrary m_library;
    SystemClock m_clock;
    std::unique_ptr<decks::Drawer> m_drawer;
    decks::Ladder m_ladder;
    QList<ShownCard> m_session;
    qsizetype m_index = -1;

    QLabel* m_zone;
    QLabel* m_question;
    QLabel* m_followUp;
    QComboBox* m_zoneFilter;
    QComboBox* m_context;
    QComboBox* m_level; ///< any level, or 1 light / 2 warmer / 3 personal
    QPushButton* m_practise = nullptr; ///< "Practise for…", a menu of occasions
    QCheckBox* m_ladderMode;
    QCheckBox* m_timerOn;
    AnswerTimer* m_timer;
    QPushButton* m_next;
    QPushButton* m_back;
    QPushButton* m_favourite;
    QPushButton* m_hide;
    QListWidget* m_history;
    QListWidget* m_conversations;
    QListWidget* m_answers;
    AnswerPanel* m_answerPanel;
    QWidget* m_header = nullptr; ///< the page's title
    QWidget* m_controls = nullptr; ///< the draw's settings
    QWidget* m_card = nullptr; ///< the card on show
    QWidget* m_cardButtons = nullptr; ///< Back, Favourite, Hide, ..., Next
    QShortcut* m_spaceStops = nullptr; ///< Space stops an answer being recorded
    decks::Ladder m_eventLadder; ///< "Before the event"'s climb
    int m_eventLeft = 0; ///< cards of the set still to answer; 0: no set running
    QList<qint64> m_eventAnswers;
    QString m_eventSummary; ///< what the last set came to
    QPushButton* m_decks = nullptr; ///< "Decks…", for the Tab order
    QTabWidget* m_tabs = nullptr;
    QPushButton* m_deleteConversation;
};

} // namespace rapport::gui
