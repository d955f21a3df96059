#include "app/gui/cards/decksdialog.h"

#include "app/gui/cards/deckeditor.h"
#include "app/gui/widgets/theme.h"
#include "app/gui/widgets/wording.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace rapport::gui {

using namespace rapport::decks;

namespace {

constexpr int kIdRole = Qt::UserRole;

} // namespace

DecksDialog::DecksDialog(decks::DeckRepository& repository, const Clock& clock, QWidget* parent)
    : QDialog(parent)
    , m_repository(repository)
    , m_clock(clock)
    , m_list(new QTreeWidget(this))
    , m_edit(new QPushButton(tr("&Edit…"), this))
    , m_delete(new QPushButton(tr("&Delete"), this))
    , m_export(new QPushButton(tr("E&xport…"), this))
    , m_message(new QLabel(this))
{
    setWindowTitle(tr("Decks"));
    auto* intro = new QLabel(
        tr("Ticked decks are drawn from. Built-in decks cannot be changed; editing one makes "
           "your own copy."),
        this);
    intro->setWordWrap(true);
    m_list->setHeaderLabels({ tr("Deck"), tr("Questions"), tr("Kind") });
    m_list->setRootIsDecorated(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setStretchLastSection(false);
    m_list->setAccessibleName(tr("Decks"));

    auto* create = new QPushButton(tr("&New deck…"), this);
    auto* import = new QPushButton(tr("&Import…"), this);
    auto* side = new QVBoxLayout;
    for (QPushButton* b : { create, m_edit, m_delete })
        side->addWidget(b);
    side->addSpacing(12);
    side->addWidget(import);
    side->addWidget(m_export);
    side->addStretch(1);
    auto* body = new QHBoxLayout;
    body->addWidget(m_list, 1);
    body->addLayout(side);

    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(body, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(create, &QPushButton::clicked, this, &DecksDialog::newDeck);
    connect(m_edit, &QPushButton::clicked, this, &DecksDialog::editSelected);
    connect(m_delete, &QPushButton::clicked, this, &DecksDialog::deleteSelected);
    connect(import, &QPushButton::clicked, this, &DecksDialog::chooseImport);
    connect(m_export, &QPushButton::clicked, this, &DecksDialog::chooseExport);
    connect(buttons, &QDialogButtonBox::rejected, this, &DecksDialog::reject);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &DecksDialog::updateButtons);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, &DecksDialog::editSelected);
    connect(m_list, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem* item, int column) {
        if (!m_reloading && column == 0)
            setDeckEnabled(item->data(0, kIdRole).toString(), item->checkState(0) == Qt::Checked);
    });
    reload();
    resize(680, 420);
}

void DecksDialog::reload()
{
    const QString selected = selectedDeckId();
    Result<DeckLibrary> library = DeckLibrary::load(m_repository);
    Result<QStringList> disabled = m_repository.disabledDecks();
    if (!library || !disabled) {
        showProblem(!library ? library.error() : disabled.error());
        return;
    }
    m_library = std::move(*library);
    m_reloading = true;
    m_list->clear();
    for (const Deck& deck : m_library.decks()) {
        auto* item = new QTreeWidgetItem(m_list,
            { deck.title, QString::number(deck.questions.size()),
                deck.builtIn ? tr("Built in") : tr("Yours") });
        item->setData(0, kIdRole, deck.id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(0, disabled->contains(deck.id) ? Qt::Unchecked : Qt::Checked);
        item->setToolTip(0, deck.description.isEmpty() ? deck.id : deck.description);
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        if (deck.id == selected)
            m_list->setCurrentItem(item);
    }
    m_reloading = false;
    m_list->resizeColumnToContents(1);
    m_list->resizeColumnToContents(2);
    updateButtons();
}

QString DecksDialog::selectedDeckId() const
{
    const QTreeWidgetItem* item = m_list->currentItem();
    return item ? item->data(0, kIdRole).toString() : QString();
}

QStringList DecksDialog::deckIds() const
{
    QStringList ids;
    for (const Deck& deck : m_library.decks())
        ids << deck.id;
    return ids;
}

void DecksDialog::updateButtons()
{
    const Deck* deck = m_library.deck(selectedDeckId());
    m_edit->setEnabled(deck != nullptr);
    m_edit->setText(deck && deck->builtIn ? tr("&Copy to edit…") : tr("&Edit…"));
    m_delete->setEnabled(deck && !deck->builtIn);
    m_export->setEnabled(deck != nullptr);
}

void DecksDialog::showResult(const QString& text)
{
    m_message->setPalette(palette());
    m_message->setText(text);
}

void DecksDialog::showProblem(const Error& error)
{
    styleAsProblem(m_message);
    m_message->setText(
        error.fix.isEmpty() ? error.what : error.what + QLatin1Char(' ') + error.fix);
}

QString DecksDialog::message() const
{
    return m_message->text();
}

bool DecksDialog::setDeckEnabled(const QString& deckId, bool enabled)
{
    if (Status status = m_repository.setDeckEnabled(deckId, enabled); !status) {
        showProblem(status.error());
        reload();
        return false;
    }
    emit decksChanged();
    return true;
}

bool DecksDialog::saveDeck(const Deck& deck)
{
    if (Status status = m_repository.saveUserDeck(deck, m_clock.nowUtc()); !status) {
        showProblem(status.error());
        return false;
    }
    reload();
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        if (m_list->topLevelItem(i)->data(0, kIdRole).toString() == deck.id)
            m_list->setCurrentItem(m_list->topLevelItem(i));
    }
    showResult(tr("Saved \"%1\" with %2.")
                   .arg(deck.title,
                       counted(deck.questions.size(), tr("%1 question"), tr("%1 questions"))));
    emit decksChanged();
    return true;
}

bool DecksDialog::deleteDeck(const QString& deckId)
{
    const Deck* deck = m_library.deck(deckId);
    if (!deck || deck->builtIn)
        return false;
    const QString title = deck->title;
    if (Status status = m_repository.deleteUserDeck(deckId); !status) {
        showProblem(status.error());
        return false;
    }
    reload();
    showResult(tr("Deleted \"%1\". Cards you drew from it stay in your history.").arg(title));
    emit decksChanged();
    return true;
}

bool DecksDialog::importFile(const QString& path, std::optional<decks::DeckImportMode> mode)
{
    Result<decks::DeckImportPlan> plan = planDeckImport(path, m_library, m_repository);
    if (!plan) {
        showProblem(plan.error());
        return false;
    }
    if (plan->clash && !mode) {
        const decks::DeckImportPlan::Clash& clash = *plan->clash;
        const int lost = clash.questions - clash.keptQuestions;
        QMessageBox box(QMessageBox::Question, tr("Import a deck"),
            tr("You already have a deck \"%1\" with the same id as this file.").arg(clash.title),
            QMessageBox::Cancel, this);
        box.setInformativeText(lost == 0
                ? tr("Replacing it keeps all of its %1 questions, with their favourites and "
                     "history.")
                      .arg(clash.questions)
                : tr("Replacing it removes %1 of its %2 questions (%3 of them favourites); cards "
                     "you drew stay in your history. Adding keeps both decks.")
                      .arg(lost)
                      .arg(clash.questions)
                      .arg(clash.lostFavourites));
        QPushButton* add = box.addButton(tr("&Add as a new deck"), QMessageBox::AcceptRole);
        QPushButton* replace = box.addButton(tr("&Replace"), QMessageBox::DestructiveRole);
        box.setDefaultButton(add);
        box.exec();
        if (box.clickedButton() == add)
            mode = decks::DeckImportMode::AddNew;
        else if (box.clickedButton() == replace)
            mode = decks::DeckImportMode::Replace;
        else
            return false;
    }
    Result<ImportOutcome> outcome = importDeck(
        *plan, mode.value_or(decks::DeckImportMode::AddNew), m_library, m_repository, m_clock);
    if (!outcome) {
        showProblem(outcome.error());
        return false;
    }
    reload();
    const QString questions
        = counted(outcome->deck.questions.size(), tr("%1 question"), tr("%1 questions"));
    QString text
        = (outcome->replacedExisting ? tr("Updated \"%1\": %2.") : tr("Imported \"%1\": %2."))
              .arg(outcome->deck.title, questions);
    if (!outcome->note.isEmpty())
        text += QLatin1Char(' ') + outcome->note;
    showResult(text);
    emit decksChanged();
    return true;
}

bool DecksDialog::exportTo(const QString& deckId, const QString& path)
{
    const Deck* deck = m_library.deck(deckId);
    if (!deck)
        return false;
    const DeckFileFormat format = path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)
        ? DeckFileFormat::Csv
        : DeckFileFormat::Json;
    QSaveFile file(path);
    // Private like everything Rapport writes (0600), whatever the umask.
    if (!file.open(QIODevice::WriteOnly)
        || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || file.write(exportDeck(*deck, format)) < 0 || !file.commit()) {
        showProblem(
            { ErrorKind::Io, tr("Could not write \"%1\".").arg(QDir::toNativeSeparators(path)),
                tr("Choose a folder you can write to, and check that the disk is not full."),
                file.errorString() });
        return false;
    }
    showResult(tr("Exported \"%1\" to %2.").arg(deck->title, QDir::toNativeSeparators(path)));
    return true;
}

void DecksDialog::newDeck()
{
    Deck deck;
    DeckEditor editor(deck, deckIds(), this);
    editor.addQuestion();
    if (editor.exec() == QDialog::Accepted)
        saveDeck(editor.deck());
}

void DecksDialog::editSelected()
{
    const Deck* selected = m_library.deck(selectedDeckId());
    if (!selected)
        return;
    Deck start = *selected;
    QStringList taken = deckIds();
    if (start.builtIn) {
        start.title = tr("%1 (my copy)").arg(start.title);
        start.id.clear();
    } else {
        taken.removeAll(start.id);
    }
    DeckEditor editor(start, taken, this);
    if (editor.exec() == QDialog::Accepted)
        saveDeck(editor.deck());
}

void DecksDialog::deleteSelected()
{
    const Deck* deck = m_library.deck(selectedDeckId());
    if (!deck || deck->builtIn)
        return;
    const auto answer = QMessageBox::question(this, tr("Delete deck"),
        tr("Delete \"%1\" and its %2? Favourites and hidden marks on them go too.")
            .arg(deck->title,
                counted(deck->questions.size(), tr("%1 question"), tr("%1 questions"))),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes)
        deleteDeck(deck->id);
}

namespace {

// Where the file dialogs open: the Documents folder when there is one, else the home folder (a
// missing folder would show up as the suggested file name).
QString startFolder()
{
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QDir(documents).exists() ? documents : QDir::homePath();
}

} // namespace

void DecksDialog::chooseImport()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import a deck"), startFolder(), tr("Deck files (*.json *.csv);;All files (*)"));
    if (!path.isEmpty())
        importFile(path);
}

void DecksDialog::chooseExport()
{
    const Deck* deck = m_library.deck(selectedDeckId());
    if (!deck)
        return;
    const QString suggested = startFolder() + QLatin1Char('/')
        + QString(deck->id).replace(QLatin1Char('.'), QLatin1Char('-')) + QStringLiteral(".json");
    QString filter;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export a deck"), suggested,
        tr("Deck file (*.json);;Spreadsheet (*.csv)"), &filter);
    if (path.isEmpty())
        return;
    QString target = path;
    if (QFileInfo(target).suffix().isEmpty())
        target += filter.contains(QLatin1String("csv")) ? QStringLiteral(".csv")
                                                        : QStringLiteral(".json");
    exportTo(deck->id, target);
}

} // namespace rapport::gui
