#include "app/gui/cards/deckeditor.h"

#include "app/gui/widgets/theme.h"
#include "core/decks/deckformat.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace rapport::gui {

using namespace rapport::decks;

namespace {

enum Column { TextColumn, ZoneColumn, LevelColumn, TagsColumn, FollowUpColumn, ColumnCount };
constexpr int kIdRole = Qt::UserRole;

QStringList splitTags(const QString& text)
{
    QStringList tags;
    for (const QString& part : text.split(QRegularExpression(QStringLiteral("[,;]")))) {
        const QString tag = part.trimmed().toLower();
        if (!tag.isEmpty() && !tags.contains(tag))
            tags << tag;
    }
    return tags;
}

} // namespace

DeckEditor::DeckEditor(const Deck& deck, const QStringList& takenIds, QWidget* parent)
    : QDialog(parent)
    , m_original(deck)
    , m_takenIds(takenIds)
    , m_title(new QLineEdit(deck.title, this))
    , m_description(new QLineEdit(deck.description, this))
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_problem(new QLabel(this))
{
    setWindowTitle(
        deck.questions.isEmpty() && deck.title.isEmpty() ? tr("New deck") : tr("Edit deck"));
    m_title->setPlaceholderText(tr("e.g. Team lunch questions"));
    m_title->setMaxLength(120);
    m_description->setPlaceholderText(tr("Optional: when this deck is useful"));
    m_table->setHorizontalHeaderLabels({ tr("Question"), tr("Zone"), tr("Level"),
        tr("Contexts (comma-separated)"), tr("Follow-up") });
    m_table->horizontalHeaderItem(LevelColumn)
        ->setToolTip(tr("How personal the question is within its zone: 1 light, 2 warmer, "
                        "3 personal"));
    m_table->horizontalHeader()->setSectionResizeMode(TextColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(ZoneColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(LevelColumn, QHeaderView::ResizeToContents);
    // As wide as the header says, or wider (a context list is a few words).
    m_table->setColumnWidth(
        TagsColumn, std::max(170, m_table->horizontalHeader()->sectionSizeHint(TagsColumn)));
    m_table->setColumnWidth(FollowUpColumn, 200);
    m_table->verticalHeader()->setVisible(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(true);
    m_table->setAccessibleName(tr("Questions"));
    for (const Question& question : deck.questions)
        addRow(question);

    auto* add = new QPushButton(tr("&Add question"), this);
    auto* remove = new QPushButton(tr("&Remove selected"), this);
    auto* rowButtons = new QHBoxLayout;
    rowButtons->addWidget(add);
    rowButtons->addWidget(remove);
    rowButtons->addStretch(1);

    auto* form = new QFormLayout;
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Description:"), m_description);
    styleAsProblem(m_problem);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_table, 1);
    layout->addLayout(rowButtons);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);

    connect(add, &QPushButton::clicked, this, [this] {
        const int row = addQuestion();
        m_table->setCurrentCell(row, TextColumn);
        m_table->editItem(m_table->item(row, TextColumn));
    });
    connect(remove, &QPushButton::clicked, this, &DeckEditor::removeSelectedQuestions);
    connect(buttons, &QDialogButtonBox::accepted, this, &DeckEditor::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &DeckEditor::reject);
    resize(860, 520);
}

void DeckEditor::addRow(const Question& question)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    auto* text = new QTableWidgetItem(question.text);
    text->setData(kIdRole, question.id);
    m_table->setItem(row, TextColumn, text);
    auto* zone = new QComboBox(m_table);
    for (Zone z : kAllZones)
        zone->addItem(zoneDisplayName(z), zoneKey(z));
    zone->setCurrentIndex(zone->findData(zoneKey(question.zone)));
    zone->setAccessibleName(tr("Zone"));
    m_table->setCellWidget(row, ZoneColumn, zone);
    auto* level = new QComboBox(m_table);
    level->addItem(tr("—"), 0);
    level->addItem(tr("1 · light"), 1);
    level->addItem(tr("2 · warmer"), 2);
    level->addItem(tr("3 · personal"), 3);
    level->setAccessibleName(tr("Level"));
    level->setCurrentIndex(std::max(0, level->findData(question.level.value_or(0))));
    m_table->setCellWidget(row, LevelColumn, level);
    m_table->setItem(
        row, TagsColumn, new QTableWidgetItem(question.tags.join(QStringLiteral(", "))));
    m_table->setItem(row, FollowUpColumn, new QTableWidgetItem(question.followUp));
}

int DeckEditor::addQuestion(
    const QString& text, Zone zone, const QStringList& tags, const QString& followUp)
{
    Question question;
    question.id = nextQuestionId();
    question.text = text;
    question.zone = zone;
    question.tags = tags;
    question.followUp = followUp;
    addRow(question);
    return m_table->rowCount() - 1;
}

void DeckEditor::removeSelectedQuestions()
{
    QList<int> rows;
    for (const QModelIndex& index : m_table->selectionModel()->selectedRows())
        rows << index.row();
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (int row : rows)
        m_table->removeRow(row);
}

QString DeckEditor::nextQuestionId() const
{
    QSet<QString> used;
    for (const Question& question : m_original.questions)
        used.insert(question.id);
    for (int row = 0; row < m_table->rowCount(); ++row)
        used.insert(m_table->item(row, TextColumn)->data(kIdRole).toString());
    for (int n = m_table->rowCount() + 1;; ++n) {
        const QString id = QStringLiteral("q-%1").arg(n, 3, 10, QLatin1Char('0'));
        if (!used.contains(id))
            return id;
    }
}

Deck DeckEditor::deck() const
{
    Deck deck = m_original;
    deck.builtIn = false;
    deck.title = m_title->text().trimmed();
    deck.description = m_description->text().trimmed();
    if (deck.id.isEmpty() || m_takenIds.contains(deck.id)) {
        const QString base = suggestDeckId(deck.title);
        deck.id = base;
        for (int n = 2; m_takenIds.contains(deck.id); ++n)
            deck.id = base + QLatin1Char('-') + QString::number(n);
    }
    deck.questions.clear();
    for (int row = 0; row < m_table->rowCount(); ++row) {
        Question question;
        question.id = m_table->item(row, TextColumn)->data(kIdRole).toString();
        // Keep what the table cannot show (hints) from the question this row started as.
        for (const Question& original : m_original.questions) {
            if (original.id == question.id)
                question = original;
        }
        question.text = m_table->item(row, TextColumn)->text().simplified();
        const auto* zone = static_cast<QComboBox*>(m_table->cellWidget(row, ZoneColumn));
        question.zone = zoneFromKey(zone->currentData().toString()).value_or(Zone::SmallTalk);
        const auto* level = static_cast<QComboBox*>(m_table->cellWidget(row, LevelColumn));
        const int chosen = level->currentData().toInt();
        question.level = chosen > 0 ? std::optional<int>(chosen) : std::nullopt;
        question.tags = splitTags(m_table->item(row, TagsColumn)->text());
        question.followUp = m_table->item(row, FollowUpColumn)->text().simplified();
        deck.questions << question;
    }
    return deck;
}

QString DeckEditor::problem() const
{
    const Deck edited = deck();
    if (edited.title.isEmpty())
        return tr("Give the deck a title.");
    if (edited.questions.isEmpty())
        return tr("Add at least one question.");
    QSet<QString> texts;
    for (qsizetype i = 0; i < edited.questions.size(); ++i) {
        const QString& text = edited.questions[i].text;
        if (text.isEmpty())
            return tr("Question %1 has no text: write it or remove the row.").arg(i + 1);
        if (text.size() > kMaxQuestionLength)
            return tr("Question %1 is longer than %2 characters; shorten it.")
                .arg(i + 1)
                .arg(kMaxQuestionLength);
        if (texts.contains(text.toLower()))
            return tr("Question %1 repeats an earlier question; change or remove it.").arg(i + 1);
        texts.insert(text.toLower());
    }
    return {};
}

void DeckEditor::accept()
{
    const QString why = problem();
    m_problem->setText(why);
    if (why.isEmpty())
        QDialog::accept();
}

} // namespace rapport::gui
