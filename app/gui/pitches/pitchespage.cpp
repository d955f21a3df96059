#include "app/gui/pitches/pitchespage.h"

#include "app/gui/widgets/pageheader.h"
#include "app/gui/widgets/theme.h"
#include "app/gui/widgets/wording.h"
#include "core/rehearsal/recordings.h"
#include "core/rehearsal/takerepository.h"

#include <QComboBox>
#include <QFile>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

namespace rapport::gui {

using rehearsal::Pitch;

namespace {

constexpr int kIdRole = Qt::UserRole;
constexpr int kCustomTarget = -1;

QSpinBox* secondsBox(QWidget* parent)
{
    auto* box = new QSpinBox(parent);
    box->setRange(1, 1800);
    box->setSuffix(QObject::tr(" s"));
    return box;
}

QString presetName(qint64 ms)
{
    return ms < 60'000 ? QObject::tr("%1 seconds").arg(ms / 1000)
                       : QObject::tr("%1 (%2 s)").arg(rehearsal::formatClock(ms)).arg(ms / 1000);
}

// Whether the estimates at the relaxed (`slowMs`) and brisk (`fastMs`) pace both fall inside the
// window; otherwise what each pace that does not fit misses by. Judged in whole seconds, as the
// estimates are shown: "1:04 at 130 wpm" runs 0:04 over a red light at 1:00, not 0:04.6.
QString windowVerdict(qint64 slowMs, qint64 fastMs, const rehearsal::LightTimes& lights)
{
    QStringList misses;
    for (const auto& [ms, wpm] :
        { std::pair { slowMs, rehearsal::kSlowWpm }, std::pair { fastMs, rehearsal::kFastWpm } }) {
        const qint64 shownMs = ms / 1000 * 1000;
        if (shownMs > lights.redMs)
            misses << QObject::tr("at %1 wpm it runs %2 over the red light")
                          .arg(wpm)
                          .arg(rehearsal::formatClock(shownMs - lights.redMs));
        else if (shownMs < lights.greenMs)
            misses << QObject::tr("at %1 wpm it is %2 short of green")
                          .arg(wpm)
                          .arg(rehearsal::formatClock(lights.greenMs - shownMs));
    }
    if (misses.isEmpty())
        return QObject::tr("fits the window at both paces");
    QString verdict = misses.join(QStringLiteral("; "));
    verdict[0] = verdict[0].toUpper();
    return verdict;
}

} // namespace

PitchesPage::PitchesPage(storage::Store& store, const Clock* clock, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
    , m_clock(clock ? *clock : m_systemClock)
    , m_pitches(std::make_unique<rehearsal::PitchRepository>(*store.database))
    , m_list(new QListWidget(this))
    , m_duplicate(new QPushButton(tr("D&uplicate"), this))
    , m_delete(new QPushButton(tr("&Delete"), this))
    , m_editor(nullptr)
    , m_empty(new QLabel(this))
    , m_title(new QLineEdit(this))
    , m_occasion(new QLineEdit(this))
    , m_target(new QComboBox(this))
    , m_customSeconds(secondsBox(this))
    , m_green(secondsBox(this))
    , m_yellow(secondsBox(this))
    , m_red(secondsBox(this))
    , m_script(new QPlainTextEdit(this))
    , m_stats(new QLabel(this))
    , m_problem(new QLabel(this))
    , m_save(new QPushButton(tr("&Save"), this))
{
    setAccessibleName(tr("Pitches"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 28, 32, 28);
    layout->setSpacing(14);
    layout->addWidget(new PageHeader(
        tr("Pitches"), tr("Your elevator-pitch scripts and the time each should take."), this));

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto* create = new QPushButton(tr("&New pitch"), left);
    m_list->setAccessibleName(tr("Your pitches"));
    leftLayout->addWidget(m_list, 1);
    auto* listButtons = new QHBoxLayout;
    listButtons->addWidget(create);
    listButtons->addWidget(m_duplicate);
    listButtons->addWidget(m_delete);
    leftLayout->addLayout(listButtons);

    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setText(tr("No pitches yet.\n\nPress \"New pitch\" to write one: Rapport offers an "
                        "outline, counts the words and tells you how long it will take to say."));
    m_editor = buildEditor();
    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(12, 0, 0, 0);
    rightLayout->addWidget(m_empty, 1);
    rightLayout->addWidget(m_editor, 1);

    auto* split = new QSplitter(this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(1, 1);
    split->setSizes({ 260, 600 });
    split->setChildrenCollapsible(false);
    layout->addWidget(split, 1);

    // Down the list and its buttons, then the editor.
    setReadingOrder({ m_list, create, m_duplicate, m_delete, m_title });
    connect(create, &QPushButton::clicked, this, &PitchesPage::newPitch);
    connect(m_duplicate, &QPushButton::clicked, this, &PitchesPage::duplicateCurrent);
    connect(m_delete, &QPushButton::clicked, this, &PitchesPage::deleteCurrent);
    connect(m_save, &QPushButton::clicked, this, &PitchesPage::save);
    auto* saveKey = new QShortcut(QKeySequence::Save, this);
    saveKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(saveKey, &QShortcut::activated, this, &PitchesPage::save);
    connect(m_list, &QListWidget::currentItemChanged, this,
        [this](QListWidgetItem* item, QListWidgetItem* previous) {
            if (m_loading || !item)
                return;
            if (!saveIfDirty()) {
                m_loading = true;
                m_list->setCurrentItem(previous);
                m_loading = false;
                return;
            }
            Result<Pitch> pitch = m_pitches->get(item->data(kIdRole).toLongLong());
            if (pitch)
                showPitch(*pitch);
        });
    reload();
}

PitchesPage::~PitchesPage() = default;

QWidget* PitchesPage::buildEditor()
{
    auto* editor = new QWidget(this);
    auto* form = new QFormLayout;
    m_title->setMaxLength(200);
    m_title->setPlaceholderText(tr("e.g. Meeting the new director"));
    m_occasion->setPlaceholderText(tr("Optional: where you will give it"));
    for (qint64 ms : rehearsal::kTargetPresetsMs)
        m_target->addItem(presetName(ms), ms);
    m_target->addItem(tr("Custom…"), kCustomTarget);
    m_customSeconds->setRange(10, 1800);
    m_target->setAccessibleName(tr("Target length"));
    m_customSeconds->setAccessibleName(tr("Custom target length"));
    m_title->setAccessibleName(tr("Title"));
    m_occasion->setAccessibleName(tr("Occasion"));
    // A title is a line, not a bar across a wide screen.
    for (QLineEdit* field : { m_title, m_occasion })
        field->setMaximumWidth(fontMetrics().averageCharWidth() * 70);
    auto* targetRow = new QHBoxLayout;
    targetRow->addWidget(m_target);
    targetRow->addWidget(m_customSeconds);
    targetRow->addStretch(1);
    auto* lightsRow = new QHBoxLayout;
    for (auto [box, name] :
        { std::pair { m_green, tr("Green") }, { m_yellow, tr("Yellow") }, { m_red, tr("Red") } }) {
        auto* label = new QLabel(name + QLatin1Char(':'), editor);
        label->setBuddy(box);
        box->setAccessibleName(tr("%1 light").arg(name));
        lightsRow->addWidget(label);
        lightsRow->addWidget(box);
        lightsRow->addSpacing(8);
    }
    lightsRow->addStretch(1);
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Occasion:"), m_occasion);
    // A label made here: QFormLayout gives a row of several widgets no buddy, and shows the '&'.
    auto* targetLabel = new QLabel(tr("Ta&rget length:"), editor);
    targetLabel->setBuddy(m_target);
    form->addRow(targetLabel, targetRow);
    form->addRow(tr("Lights:"), lightsRow);

    m_script->setAccessibleName(tr("Script"));
    m_script->setTabChangesFocus(true);
    QFont scriptFont = m_script->font();
    scriptFont.setPointSizeF(scriptFont.pointSizeF() * 1.15);
    m_script->setFont(scriptFont);
    m_stats->setAccessibleName(tr("Length estimate"));
    m_stats->setWordWrap(true); // a verdict for each pace can outgrow one line
    styleAsProblem(m_problem);
    auto* saveRow = new QHBoxLayout;
    saveRow->addWidget(m_stats, 1);
    saveRow->addWidget(m_save);

    auto* layout = new QVBoxLayout(editor);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(m_script, 1);
    layout->addLayout(saveRow);
    layout->addWidget(m_problem);

    auto markDirty = [this] {
        if (!m_loading)
            setDirty(true);
        updateStats();
    };
    connect(m_title, &QLineEdit::textEdited, this, markDirty);
    connect(m_occasion, &QLineEdit::textEdited, this, markDirty);
    connect(m_script, &QPlainTextEdit::textChanged, this, markDirty);
    for (QSpinBox* box : { m_green, m_yellow, m_red })
        connect(box, &QSpinBox::valueChanged, this, markDirty);
    connect(m_target, &QComboBox::currentIndexChanged, this, &PitchesPage::targetChanged);
    connect(m_customSeconds, &QSpinBox::valueChanged, this, &PitchesPage::targetChanged);
    return editor;
}

void PitchesPage::reload()
{
    Result<QList<rehearsal::PitchSummary>> all = m_pitches->list();
    m_loading = true;
    m_list->clear();
    if (!all) {
        m_problem->setText(all.error().toString());
        m_loading = false;
        return;
    }
    const QDateTime now = m_clock.nowUtc();
    for (const rehearsal::PitchSummary& s : *all) {
        QString detail = rehearsal::formatClock(s.pitch.targetMs) + QStringLiteral(" · ")
            + counted(s.takeCount, tr("%1 take"), tr("%1 takes"));
        if (rehearsal::needsFreshening(s.lastActivity(), now))
            detail += QStringLiteral(" · ") + tr("keep it fresh");
        auto* item = new QListWidgetItem(s.pitch.title + QLatin1Char('\n') + detail, m_list);
        item->setData(kIdRole, s.pitch.id);
        item->setToolTip(s.pitch.occasion);
    }
    m_loading = false;
    const bool any = !all->isEmpty() || (m_current.id == 0 && m_dirty);
    m_empty->setVisible(!any);
    m_editor->setVisible(any);
    m_duplicate->setEnabled(m_current.id > 0);
    m_delete->setEnabled(m_current.id > 0);
    if (m_current.id > 0)
        select(m_current.id);
    else if (!all->isEmpty() && !m_dirty)
        m_list->setCurrentRow(0);
}

void PitchesPage::select(qint64 id)
{
    m_loading = true;
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(kIdRole).toLongLong() == id)
            m_list->setCurrentRow(row);
    }
    m_loading = false;
}

void PitchesPage::showPitch(const Pitch& pitch)
{
    m_loading = true;
    m_current = pitch;
    m_title->setText(pitch.title);
    m_occasion->setText(pitch.occasion);
    const int preset = m_target->findData(pitch.targetMs);
    m_target->setCurrentIndex(preset >= 0 ? preset : m_target->findData(kCustomTarget));
    m_customSeconds->setValue(static_cast<int>(pitch.targetMs / 1000));
    m_customSeconds->setVisible(preset < 0);
    m_green->setValue(static_cast<int>(pitch.lights.greenMs / 1000));
    m_yellow->setValue(static_cast<int>(pitch.lights.yellowMs / 1000));
    m_red->setValue(static_cast<int>(pitch.lights.redMs / 1000));
    m_script->setPlainText(pitch.text);
    m_loading = false;
    m_problem->clear();
    setDirty(false);
    m_empty->hide();
    m_editor->show();
    m_duplicate->setEnabled(pitch.id > 0);
    m_delete->setEnabled(pitch.id > 0);
    updateStats();
}

Pitch PitchesPage::editedPitch() const
{
    Pitch pitch = m_current;
    pitch.title = m_title->text().trimmed();
    pitch.occasion = m_occasion->text().trimmed();
    const qint64 preset = m_target->currentData().toLongLong();
    pitch.targetMs = preset == kCustomTarget ? m_customSeconds->value() * 1000LL : preset;
    pitch.lights = rehearsal::LightTimes::pitch(
        m_green->value() * 1000LL, m_yellow->value() * 1000LL, m_red->value() * 1000LL);
    pitch.text = m_script->toPlainText();
    return pitch;
}

void PitchesPage::targetChanged()
{
    if (m_loading)
        return;
    const bool custom = m_target->currentData().toLongLong() == kCustomTarget;
    m_customSeconds->setVisible(custom);
    // A new target brings the default window with it; the lights stay editable afterwards.
    const rehearsal::LightTimes lights = rehearsal::defaultLightsFor(editedPitch().targetMs);
    m_loading = true;
    m_green->setValue(static_cast<int>(lights.greenMs / 1000));
    m_yellow->setValue(static_cast<int>(lights.yellowMs / 1000));
    m_red->setValue(static_cast<int>(lights.redMs / 1000));
    m_loading = false;
    setDirty(true);
    updateStats();
}

void PitchesPage::updateStats()
{
    const Pitch pitch = editedPitch();
    const int words = rehearsal::wordCount(pitch.text);
    const qint64 slow = rehearsal::speakingTimeMs(words, rehearsal::kSlowWpm);
    const qint64 fast = rehearsal::speakingTimeMs(words, rehearsal::kFastWpm);
    QString text = counted(words, tr("%1 word"), tr("%1 words")) + QStringLiteral(" · ")
        + tr("%1 at %2 wpm, %3 at %4 wpm")
              .arg(rehearsal::formatClock(slow))
              .arg(rehearsal::kSlowWpm)
              .arg(rehearsal::formatClock(fast))
              .arg(rehearsal::kFastWpm);
    if (words > 0)
        text += QStringLiteral(" · ") + windowVerdict(slow, fast, pitch.lights);
    m_stats->setText(text);
}

void PitchesPage::setDirty(bool dirty)
{
    m_dirty = dirty;
    m_save->setEnabled(dirty);
}

bool PitchesPage::saveIfDirty()
{
    return !m_dirty || save();
}

bool PitchesPage::save()
{
    Pitch pitch = editedPitch();
    if (const QString problem = rehearsal::pitchProblem(pitch); !problem.isEmpty()) {
        m_problem->setText(problem);
        return false;
    }
    if (pitch.id == 0) {
        Result<qint64> id = m_pitches->add(pitch, m_clock.nowUtc());
        if (!id) {
            m_problem->setText(id.error().toString());
            return false;
        }
        pitch.id = *id;
    } else if (Status s = m_pitches->update(pitch, m_clock.nowUtc()); !s) {
        m_problem->setText(s.error().toString());
        return false;
    }
    m_problem->clear();
    Result<Pitch> stored = m_pitches->get(pitch.id);
    if (stored)
        m_current = *stored;
    setDirty(false);
    reload();
    emit pitchesChanged();
    return true;
}

void PitchesPage::newPitch()
{
    if (!saveIfDirty())
        return;
    Pitch pitch;
    pitch.text = rehearsal::pitchOutline();
    m_list->clearSelection();
    showPitch(pitch);
    setDirty(true);
    m_title->setFocus();
}

void PitchesPage::duplicateCurrent()
{
    if (m_current.id == 0 || !saveIfDirty())
        return;
    Pitch copy = m_current;
    copy.id = 0;
    copy.title = tr("%1 (copy)").arg(m_current.title);
    showPitch(copy);
    save();
}

void PitchesPage::deleteCurrent()
{
    if (m_current.id == 0)
        return;
    const auto answer = QMessageBox::question(this, tr("Delete pitch"),
        tr("Delete \"%1\" with all its takes and their recordings?").arg(m_current.title),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes)
        deletePitch(m_current.id);
}

bool PitchesPage::deletePitch(qint64 id)
{
    rehearsal::TakeRepository takes(*m_store.database);
    Result<QList<rehearsal::TakeDeletion>> deleted
        = rehearsal::Recordings(m_store.paths, takes).deletePitch(*m_pitches, id);
    if (!deleted) {
        m_problem->setText(deleted.error().toString());
        return false;
    }
    // The rows are gone; a recording that stays is reported, not fatal (one that is already
    // missing is fine, and an imported take's recording elsewhere is left alone).
    for (const rehearsal::TakeDeletion& take : *deleted) {
        if (!take.audio)
            m_problem->setText(take.audio.error().toString());
    }
    m_current = {};
    setDirty(false);
    reload();
    emit pitchesChanged();
    return true;
}

QString PitchesPage::statsText() const
{
    return m_stats->text();
}

QString PitchesPage::problemText() const
{
    return m_problem->text();
}

} // namespace rapport::gui
