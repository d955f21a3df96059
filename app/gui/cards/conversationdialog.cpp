#include "app/gui/cards/conversationdialog.h"

#include "app/gui/widgets/theme.h"
#include "core/decks/question.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>

namespace rapport::gui {

namespace {

constexpr int kKeyDeckRole = Qt::UserRole;
constexpr int kKeyQuestionRole = Qt::UserRole + 1;

QString ratingLabel(int rating)
{
    switch (rating) {
    case 1:
        return QObject::tr("Awkward");
    case 2:
        return QObject::tr("Stiff");
    case 3:
        return QObject::tr("Fine");
    case 4:
        return QObject::tr("Good");
    case 5:
        return QObject::tr("Great");
    }
    return {};
}

} // namespace

ConversationDialog::ConversationDialog(const QList<decks::DrawRecord>& recent,
    const QList<decks::CardKey>& preselected, const QDate& today, QWidget* parent)
    : QDialog(parent)
    , m_date(new QDateEdit(today, this))
    , m_questions(new QListWidget(this))
    , m_with(new QLineEdit(this))
    , m_rating(new QButtonGroup(this))
    , m_note(new QPlainTextEdit(this))
    , m_problem(new QLabel(this))
{
    setWindowTitle(tr("Log a conversation"));
    m_date->setCalendarPopup(true);
    m_date->setMaximumDate(today);
    m_date->setDisplayFormat(QStringLiteral("ddd d MMM yyyy"));

    // One entry per card, newest first: the history repeats cards across shuffles.
    QSet<decks::CardKey> seen;
    for (const decks::DrawRecord& draw : recent) {
        if (seen.contains(draw.key))
            continue;
        seen.insert(draw.key);
        auto* item = new QListWidgetItem(
            decks::zoneDisplayName(draw.zone) + QStringLiteral(" — ") + draw.text, m_questions);
        item->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled);
        item->setCheckState(preselected.contains(draw.key) ? Qt::Checked : Qt::Unchecked);
        item->setData(kKeyDeckRole, draw.key.deckId);
        item->setData(kKeyQuestionRole, draw.key.questionId);
        item->setToolTip(draw.text);
    }
    m_questions->setAccessibleName(tr("Questions you used"));
    m_questions->setMinimumHeight(140);
    if (recent.isEmpty()) {
        auto* empty = new QListWidgetItem(tr("Draw some cards first; they will be listed here."));
        empty->setFlags(Qt::NoItemFlags);
        m_questions->addItem(empty);
    }

    m_with->setPlaceholderText(tr("Optional, e.g. \"Sam from the design team\""));
    m_with->setMaxLength(200);
    m_note->setPlaceholderText(tr("Optional: what worked, what you would try next time"));
    m_note->setTabChangesFocus(true);
    m_note->setMaximumHeight(90);

    auto* ratingRow = new QHBoxLayout;
    for (int rating = 1; rating <= 5; ++rating) {
        auto* button
            = new QPushButton(QStringLiteral("&%1 %2").arg(rating).arg(ratingLabel(rating)), this);
        button->setCheckable(true);
        m_rating->addButton(button, rating);
        ratingRow->addWidget(button);
    }
    m_rating->setExclusive(true);

    auto* form = new QFormLayout(this);
    form->addRow(tr("&Date:"), m_date);
    auto* questionsLabel = new QLabel(tr("&Questions you used (from cards drawn lately):"), this);
    questionsLabel->setBuddy(m_questions);
    form->addRow(questionsLabel);
    form->addRow(m_questions);
    form->addRow(tr("&With whom:"), m_with);
    form->addRow(tr("How it went:"), ratingRow);
    form->addRow(tr("&Note:"), m_note);
    styleAsProblem(m_problem);
    form->addRow(m_problem);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Log conversation"));
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &ConversationDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ConversationDialog::reject);
    resize(560, sizeHint().height());
}

conversations::Conversation ConversationDialog::conversation() const
{
    conversations::Conversation conversation;
    conversation.happenedOn = m_date->date();
    conversation.withWhom = m_with->text().trimmed();
    conversation.rating = std::max(m_rating->checkedId(), 0);
    conversation.note = m_note->toPlainText().trimmed();
    for (int row = 0; row < m_questions->count(); ++row) {
        const QListWidgetItem* item = m_questions->item(row);
        if (item->checkState() != Qt::Checked)
            continue;
        conversation.questions << conversations::UsedQuestion {
            { item->data(kKeyDeckRole).toString(), item->data(kKeyQuestionRole).toString() },
            item->toolTip()
        };
    }
    return conversation;
}

void ConversationDialog::setRating(int rating)
{
    if (QAbstractButton* button = m_rating->button(rating))
        button->setChecked(true);
}

QString ConversationDialog::problem() const
{
    return m_problem->text();
}

void ConversationDialog::accept()
{
    if (m_rating->checkedId() < 1) {
        m_problem->setText(tr("Choose how it went, from 1 (awkward) to 5 (great)."));
        return;
    }
    m_problem->clear();
    QDialog::accept();
}

} // namespace rapport::gui
