#include "app/gui/rehearse/selfratingpanel.h"

#include "app/gui/widgets/theme.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QStyleOptionFocusRect>
#include <QStylePainter>
#include <QVBoxLayout>

namespace rapport::gui {

using rehearsal::RubricItem;
using rehearsal::SelfRating;

namespace {

constexpr int kMaxRating = 5;

// 1-5 from a digit key, or 0 when the key is not one.
int ratingFromKey(int key)
{
    return key >= Qt::Key_1 && key <= Qt::Key_5 ? key - Qt::Key_0 : 0;
}

std::optional<int> inRange(const std::optional<int>& value)
{
    return value && *value >= 1 && *value <= kMaxRating ? value : std::nullopt;
}

// A checkable button whose checked state is unmistakable in any palette: filled with the
// highlight colour (Fusion's sunken look is nearly invisible in the dark palette).
class RatingButton : public QPushButton
{
public:
    using QPushButton::QPushButton;

protected:
    void paintEvent(QPaintEvent* event) override
    {
        if (!isChecked()) {
            QPushButton::paintEvent(event);
            return;
        }
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        const QPalette& pal = palette();
        const QColor highlight = pal.color(QPalette::Highlight);
        // "Not rated" is pressed in, quietly: a row of defaults must not shout, nor look like a
        // column of focus rings.
        const bool none = text() == QStringLiteral("—");
        QColor sunk = pal.color(QPalette::Button);
        sunk = ThemeManager::isDark(pal) ? sunk.darker(125) : sunk.darker(112);
        painter.setPen(QPen(none ? pal.color(QPalette::Mid) : highlight.darker(130), 1.0));
        painter.setBrush(none ? sunk : highlight);
        painter.drawRoundedRect(QRectF(rect()).adjusted(1.5, 1.5, -1.5, -1.5), 3, 3);
        QFont bold = font();
        bold.setWeight(none ? QFont::Normal : QFont::Bold);
        painter.setFont(bold);
        painter.setPen(pal.color(none ? QPalette::ButtonText : QPalette::HighlightedText));
        painter.drawText(rect(), Qt::AlignCenter, text());
    }
};

} // namespace

/// One 1-5 scale as a row of checkable buttons, optionally with "—" (not rated) first. The row
/// is a single tab stop: keys 1-5 choose, 0 / - / Backspace / Delete clear, arrows step.
class SelfRatingPanel::Scale : public QWidget
{
public:
    Scale(const QString& name, bool optional, QWidget* parent)
        : QWidget(parent)
        , m_name(name)
        , m_optional(optional)
        , m_group(new QButtonGroup(this))
    {
        setFocusPolicy(Qt::StrongFocus);
        setAccessibleName(name);
        auto* layout = new QHBoxLayout(this);
        // Room for the focus frame at the sides; little above and below, so that the eight
        // scales and the note fit a 1024x640 window without scrolling.
        layout->setContentsMargins(3, 1, 3, 1);
        layout->setSpacing(4);
        const int width = fontMetrics().horizontalAdvance(QStringLiteral("—")) * 2 + 16;
        for (int value = 0; value <= kMaxRating; ++value) {
            if (value == 0 && !optional) {
                // Keeps the 1-5 columns of the required scale in line with the optional ones.
                layout->addSpacing(width + layout->spacing());
                continue;
            }
            auto* button
                = new RatingButton(value == 0 ? QStringLiteral("—") : QString::number(value), this);
            button->setCheckable(true);
            button->setFocusPolicy(Qt::NoFocus);
            button->setFixedWidth(width);
            button->setFixedHeight(fontMetrics().height() + 10);
            button->setAccessibleName(value == 0 ? tr("%1: not rated").arg(name)
                                                 : tr("%1: %2 of 5").arg(name).arg(value));
            m_group->addButton(button, value);
            layout->addWidget(button);
        }
        layout->addStretch(1);
        connect(m_group, &QButtonGroup::idToggled, this, [this](int, bool checked) {
            if (checked)
                changed();
        });
        setValue(std::nullopt);
        changed();
    }

    std::optional<int> value() const
    {
        const int id = m_group->checkedId();
        return id >= 1 ? std::optional<int>(id) : std::nullopt;
    }

    void setValue(const std::optional<int>& value)
    {
        if (value) {
            m_group->button(*value)->setChecked(true);
        } else if (m_optional) {
            m_group->button(0)->setChecked(true);
        } else if (QAbstractButton* checked = m_group->checkedButton()) {
            // An exclusive group cannot uncheck its last button; the required scale can be empty.
            m_group->setExclusive(false);
            checked->setChecked(false);
            m_group->setExclusive(true);
            changed();
        }
    }

    QAbstractButton* button(int value) const { return m_group->button(value); }
    std::function<void()> onChanged;

protected:
    void keyPressEvent(QKeyEvent* event) override
    {
        const int current = value().value_or(0);
        if (const int chosen = ratingFromKey(event->key())) {
            setValue(chosen);
        } else if (m_optional
            && (event->key() == Qt::Key_0 || event->key() == Qt::Key_Minus
                || event->key() == Qt::Key_Backspace || event->key() == Qt::Key_Delete)) {
            setValue(std::nullopt);
        } else if (event->key() == Qt::Key_Right || event->key() == Qt::Key_Up) {
            setValue(std::min(current + 1, kMaxRating));
        } else if (event->key() == Qt::Key_Left || event->key() == Qt::Key_Down) {
            setValue(current > 1 || !m_optional ? std::max(current - 1, 1) : std::optional<int>());
        } else {
            QWidget::keyPressEvent(event); // ignored: the panel may use it
            return;
        }
        event->accept();
    }

    void paintEvent(QPaintEvent*) override
    {
        if (!hasFocus())
            return;
        QStylePainter painter(this);
        QStyleOptionFocusRect option;
        option.initFrom(this);
        option.backgroundColor = palette().color(QPalette::Window);
        painter.drawPrimitive(QStyle::PE_FrameFocusRect, option);
    }

    void focusInEvent(QFocusEvent* event) override
    {
        update();
        QWidget::focusInEvent(event);
    }
    void focusOutEvent(QFocusEvent* event) override
    {
        update();
        QWidget::focusOutEvent(event);
    }

private:
    void changed()
    {
        const std::optional<int> v = value();
        setAccessibleDescription(v ? tr("%1 of 5").arg(*v) : tr("not rated"));
        if (onChanged)
            onChanged();
    }

    QString m_name;
    bool m_optional;
    QButtonGroup* m_group;
};

SelfRatingPanel::SelfRatingPanel(const Clock* clock, QWidget* parent, Rubric rubric)
    : QWidget(parent)
    , m_rubric(rubric)
    , m_clock(clock ? *clock : m_systemClock)
    , m_overall(new Scale(tr("Overall"), false, this))
    , m_feltTiming(new QComboBox(this))
    , m_feltPace(new QComboBox(this))
    , m_note(new QPlainTextEdit(this))
    , m_hint(new QLabel(this))
    , m_submit(new QPushButton(tr("Show my report"), this))
{
    const bool answer = rubric == Rubric::Answer;
    setAccessibleName(answer ? tr("Rate your answer") : tr("Rate your take"));
    setFocusPolicy(Qt::StrongFocus);
    setFocusProxy(m_overall);

    auto* title = new QLabel(
        answer ? tr("How did that answer feel?") : tr("How did that take feel?"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setWeight(QFont::DemiBold);
    title->setFont(titleFont);
    auto* intro = new QLabel(tr("Rate yourself first; the measurements come after. "
                                "1 = not at all, 5 = fully."),
        this);
    intro->setWordWrap(true);

    auto* grid = new QGridLayout;
    grid->setHorizontalSpacing(16);
    grid->setVerticalSpacing(2);
    auto* overallLabel = new QLabel(tr("<b>Overall</b> (required, keys 1–5)"), this);
    overallLabel->setBuddy(m_overall);
    grid->addWidget(overallLabel, 0, 0);
    grid->addWidget(m_overall, 0, 1);
    auto* rubricLabel = new QLabel(tr("<b>The rubric</b> (optional)"), this);
    grid->addWidget(rubricLabel, 1, 0, 1, 2);
    grid->setRowMinimumHeight(1, rubricLabel->sizeHint().height() + 12);
    grid->setAlignment(rubricLabel, Qt::AlignBottom);
    QStringList itemTexts;
    if (answer) {
        for (answers::AnswerItem item : answers::kAnswerItems)
            itemTexts << answers::answerItemText(item);
    } else {
        for (RubricItem item : rehearsal::kRubricItems)
            itemTexts << rehearsal::rubricText(item);
    }
    for (std::size_t i = 0; i < static_cast<std::size_t>(itemTexts.size()); ++i) {
        const QString& text = itemTexts[static_cast<qsizetype>(i)];
        m_items.push_back(new Scale(text, true, this));
        auto* label = new QLabel(text, this);
        label->setBuddy(m_items[i]);
        const int row = static_cast<int>(i) + 2;
        grid->addWidget(label, row, 0);
        grid->addWidget(m_items[i], row, 1);
    }
    grid->setColumnStretch(1, 1);

    // How it felt, compared later with what was measured (the Progress view's calibration).
    m_feltTiming->addItem(tr("— not sure"));
    m_feltTiming->addItem(tr("too short"), static_cast<int>(rehearsal::FeltTiming::Short));
    m_feltTiming->addItem(tr("about right"), static_cast<int>(rehearsal::FeltTiming::OnTime));
    m_feltTiming->addItem(tr("too long"), static_cast<int>(rehearsal::FeltTiming::Long));
    m_feltTiming->setAccessibleName(tr("How long it felt"));
    m_feltPace->addItem(tr("— not sure"));
    m_feltPace->addItem(tr("slow"), static_cast<int>(rehearsal::FeltPace::Slow));
    m_feltPace->addItem(tr("comfortable"), static_cast<int>(rehearsal::FeltPace::Comfortable));
    m_feltPace->addItem(tr("fast"), static_cast<int>(rehearsal::FeltPace::Fast));
    m_feltPace->setAccessibleName(tr("How fast it felt"));
    auto* feltRow = new QHBoxLayout;
    auto* timingLabel = new QLabel(tr("Length felt:"), this);
    timingLabel->setBuddy(m_feltTiming);
    auto* paceLabel = new QLabel(tr("Pace felt:"), this);
    paceLabel->setBuddy(m_feltPace);
    feltRow->addWidget(timingLabel);
    feltRow->addWidget(m_feltTiming);
    feltRow->addSpacing(16);
    feltRow->addWidget(paceLabel);
    feltRow->addWidget(m_feltPace);
    feltRow->addStretch(1);
    // An answer is timed by its card's window and has no pace to feel against a script.
    for (QWidget* felt : { static_cast<QWidget*>(timingLabel), static_cast<QWidget*>(m_feltTiming),
             static_cast<QWidget*>(paceLabel), static_cast<QWidget*>(m_feltPace) })
        felt->setVisible(!answer);

    auto* noteLabel = new QLabel(tr("&Note (optional)"), this);
    noteLabel->setBuddy(m_note);
    m_note->setAccessibleName(answer ? tr("Note about the answer") : tr("Note about the take"));
    m_note->setPlaceholderText(tr("What worked, what to change next time…"));
    m_note->setTabChangesFocus(true);
    m_note->setFixedHeight(m_note->fontMetrics().lineSpacing() * 3 + 12);

    m_submit->setAccessibleName(tr("Show my report"));
    m_submit->setDefault(true);
    m_hint->setWordWrap(true);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_hint, 1);
    bottom->addWidget(m_submit);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addSpacing(4);
    layout->addLayout(grid);
    layout->addSpacing(4);
    layout->addLayout(feltRow);
    layout->addSpacing(4);
    layout->addWidget(noteLabel);
    layout->addWidget(m_note);
    layout->addLayout(bottom);
    layout->addStretch(1);

    auto changed = [this] {
        updateState();
        Q_EMIT ratingChanged();
    };
    m_overall->onChanged = changed;
    for (Scale* scale : m_items)
        scale->onChanged = changed;
    connect(m_note, &QPlainTextEdit::textChanged, this, changed);
    // Top to bottom (the note and button were created before the rubric rows).
    QWidget* previous = m_overall;
    for (QWidget* next : m_items) {
        setTabOrder(previous, next);
        previous = next;
    }
    setTabOrder(previous, m_feltTiming);
    setTabOrder(m_feltTiming, m_feltPace);
    setTabOrder(m_feltPace, m_note);
    setTabOrder(m_note, m_submit);

    connect(m_submit, &QPushButton::clicked, this, &SelfRatingPanel::submit);
    auto* submitKey = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    submitKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(submitKey, &QShortcut::activated, this, &SelfRatingPanel::submit);
    updateState();
}

SelfRatingPanel::~SelfRatingPanel() = default;

answers::AnswerRating SelfRatingPanel::answerRating() const
{
    answers::AnswerRating rating;
    rating.overall = m_overall->value();
    for (std::size_t i = 0; i < m_items.size() && i < rating.items.size(); ++i)
        rating.items[i] = m_items[i]->value();
    rating.note = m_note->toPlainText().trimmed();
    rating.ratedAt = m_ratedAt;
    return rating;
}

void SelfRatingPanel::setAnswerRating(const answers::AnswerRating& rating)
{
    m_overall->setValue(inRange(rating.overall));
    for (std::size_t i = 0; i < m_items.size() && i < rating.items.size(); ++i)
        m_items[i]->setValue(inRange(rating.items[i]));
    if (m_note->toPlainText() != rating.note)
        m_note->setPlainText(rating.note);
    m_ratedAt = rating.ratedAt;
    updateState();
}

SelfRating SelfRatingPanel::rating() const
{
    SelfRating rating;
    rating.overall = m_overall->value();
    for (std::size_t i = 0; i < m_items.size() && i < rating.items.size(); ++i)
        rating.items[i] = m_items[i]->value();
    rating.note = m_note->toPlainText().trimmed();
    if (m_feltTiming->currentIndex() > 0)
        rating.feltTiming = static_cast<rehearsal::FeltTiming>(m_feltTiming->currentData().toInt());
    if (m_feltPace->currentIndex() > 0)
        rating.feltPace = static_cast<rehearsal::FeltPace>(m_feltPace->currentData().toInt());
    rating.ratedAt = m_ratedAt;
    return rating;
}

void SelfRatingPanel::setRating(const SelfRating& rating)
{
    m_overall->setValue(inRange(rating.overall));
    for (std::size_t i = 0; i < m_items.size() && i < rating.items.size(); ++i)
        m_items[i]->setValue(inRange(rating.items[i]));
    if (m_note->toPlainText() != rating.note)
        m_note->setPlainText(rating.note);
    m_feltTiming->setCurrentIndex(
        rating.feltTiming ? m_feltTiming->findData(static_cast<int>(*rating.feltTiming)) : 0);
    m_feltPace->setCurrentIndex(
        rating.feltPace ? m_feltPace->findData(static_cast<int>(*rating.feltPace)) : 0);
    m_ratedAt = rating.ratedAt;
    updateState();
}

void SelfRatingPanel::clear()
{
    setRating({});
}

QAbstractButton* SelfRatingPanel::itemButtonAt(std::size_t index, int value) const
{
    return index < m_items.size() && value >= 0 && value <= kMaxRating
        ? m_items[index]->button(value)
        : nullptr;
}

QAbstractButton* SelfRatingPanel::overallButton(int value) const
{
    return value >= 1 && value <= kMaxRating ? m_overall->button(value) : nullptr;
}

QAbstractButton* SelfRatingPanel::itemButton(RubricItem item, int value) const
{
    return m_rubric == Rubric::Pitch ? itemButtonAt(static_cast<std::size_t>(item), value)
                                     : nullptr;
}

QAbstractButton* SelfRatingPanel::answerItemButton(answers::AnswerItem item, int value) const
{
    return m_rubric == Rubric::Answer ? itemButtonAt(static_cast<std::size_t>(item), value)
                                      : nullptr;
}

QString SelfRatingPanel::hintText() const
{
    return m_hint->text();
}

bool SelfRatingPanel::submit()
{
    if (!m_overall->value())
        return false;
    m_ratedAt = m_clock.nowUtc();
    if (m_rubric == Rubric::Answer)
        Q_EMIT answerSubmitted(answerRating());
    else
        Q_EMIT submitted(rating());
    return true;
}

void SelfRatingPanel::keyPressEvent(QKeyEvent* event)
{
    if (const int chosen = ratingFromKey(event->key());
        chosen && !(event->modifiers() & (Qt::ControlModifier | Qt::AltModifier))) {
        m_overall->setValue(chosen);
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

void SelfRatingPanel::updateState()
{
    const bool ready = m_overall->value().has_value();
    m_submit->setEnabled(ready);
    m_hint->setText(ready ? tr("Ctrl+Enter shows the report.")
                          : tr("Choose an overall rating (press 1–5) to see the report."));
}

} // namespace rapport::gui
