#pragma once

#include "core/common/clock.h"
#include "core/decks/drawer.h"
#include "core/storage/store.h"

#include <QWidget>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace rapport::gui {

/// Conversation cards: one large question at a time, drawn without repeats, with zone and
/// context filters, the small talk -> fun -> deep ladder, favourites, hiding and a history.
class CardsPage : public QWidget
{
    Q_OBJECT
public:
    explicit CardsPage(storage::Store& store, QWidget* parent = nullptr);
    ~CardsPage() override;

    QString currentQuestion() const; ///< the card on show; empty before the first draw
    bool currentIsFavourite() const;

public slots:
    void drawNext(); ///< N
    void goBack(); ///< Back: the previous card of this session
    void toggleFavourite(); ///< F
    void hideCurrent(); ///< H: never drawn again until unhidden

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
    QWidget* buildControls();

    std::unique_ptr<storage::DeckRepository> m_repository;
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
    QCheckBox* m_ladderMode;
    QPushButton* m_next;
    QPushButton* m_back;
    QPushButton* m_favourite;
    QPushButton* m_hide;
    QListWidget* m_history;
};

} // namespace rapport::gui
