#include "app/gui/settings/settingspage.h"

#include "app/audio/audiodevices.h"
#include "app/gui/settings/datasection.h"
#include "app/gui/widgets/pageheader.h"
#include "app/gui/widgets/theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMediaDevices>
#include <QScrollArea>
#include <QSettings>
#include <QVBoxLayout>
#include <algorithm>

namespace rapport::gui {

namespace {

// The setting "Hear my words" keeps.
const QString kHearWordsKey = QStringLiteral("words/hear");
// The chosen microphone: the sound system's id, and its name for when it is gone.
const QString kInputKey = QStringLiteral("audio/input");
const QString kInputNameKey = QStringLiteral("audio/inputName");
// The widest a field of the page grows on a big screen, in average characters.
constexpr int kFieldChars = 60;
// The widest the page's content grows, in average characters: lines stay readable.
constexpr int kContentChars = 140;

} // namespace

SettingsPage::SettingsPage(storage::Store& store, ThemeManager& theme, QSettings& settings,
    const Clock* clock, QWidget* parent)
    : QWidget(parent)
    , m_theme(theme)
    , m_settings(settings)
    , m_appearance(new QComboBox(this))
    , m_hearWords(new QCheckBox(tr("&Hear my words"), this))
    , m_microphone(new QComboBox(this))
    , m_microphoneNotice(new QLabel(this))
    , m_data(nullptr)
{
    setAccessibleName(tr("Settings"));
    // The content scrolls, so a small window never cuts a section off.
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Not a Tab stop of its own: it scrolls to the control that has the focus.
    scroll->setFocusPolicy(Qt::NoFocus);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    // The content keeps a readable width on a wide screen, on the left as the other pages.
    auto* holder = new QWidget(scroll);
    auto* holderRow = new QHBoxLayout(holder);
    holderRow->setContentsMargins(0, 0, 0, 0);
    auto* content = new QWidget(holder);
    content->setMaximumWidth(fontMetrics().averageCharWidth() * kContentChars);
    holderRow->addWidget(content, 1);
    holderRow->addStretch(0);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(32, 28, 32, 28);
    layout->setSpacing(16);
    layout->addWidget(new PageHeader(tr("Settings"),
        tr("How Rapport looks, where it keeps your data and how to save or move it, and which "
           "microphone it uses."),
        content));

    auto* look = new QGroupBox(tr("Appearance"), content);
    auto* lookForm = new QFormLayout(look);
    m_appearance->setParent(look);
    m_appearance->addItem(tr("Follow the desktop"), appearanceKey(Appearance::System));
    m_appearance->addItem(tr("Light"), appearanceKey(Appearance::Light));
    m_appearance->addItem(tr("Dark"), appearanceKey(Appearance::Dark));
    m_appearance->setAccessibleName(tr("Appearance"));
    m_appearance->setCurrentIndex(m_appearance->findData(appearanceKey(theme.appearance())));
    m_appearance->setMaximumWidth(fontMetrics().averageCharWidth() * kFieldChars);
    connect(m_appearance, &QComboBox::activated, this, &SettingsPage::onAppearanceChosen);
    lookForm->addRow(tr("&Colours:"), m_appearance);
    layout->addWidget(look);

    m_data = new DataSection(store, clock, content);
    layout->addWidget(m_data);

    auto* audio = new QGroupBox(tr("Microphone"), content);
    auto* audioForm = new QFormLayout(audio);
    m_microphone->setParent(audio);
    m_microphone->setAccessibleName(tr("Microphone"));
    m_microphone->setAccessibleDescription(
        tr("The microphone takes and the microphone check record from"));
    m_microphone->setMaximumWidth(fontMetrics().averageCharWidth() * kFieldChars);
    m_microphone->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_microphone->setMinimumContentsLength(24);
    m_microphoneNotice->setParent(audio);
    m_microphoneNotice->setWordWrap(true);
    m_microphoneNotice->setAccessibleName(tr("Microphone notice"));
    auto* inputCell = new QVBoxLayout;
    inputCell->setSpacing(2);
    inputCell->addWidget(m_microphone);
    inputCell->addWidget(m_microphoneNotice);
    auto* inputLabel = new QLabel(tr("&Input:"), audio);
    inputLabel->setBuddy(m_microphone);
    audioForm->addRow(inputLabel, inputCell);
    listInputs();
    connect(m_microphone, &QComboBox::activated, this, &SettingsPage::onInputChosen);
    // Plugged in or out while the window is open: the list follows.
    auto* devices = new QMediaDevices(this);
    connect(devices, &QMediaDevices::audioInputsChanged, this, &SettingsPage::listInputs);
    m_hearWords->setParent(audio);
    m_hearWords->setChecked(hearsWords(settings));
    m_hearWords->setAccessibleDescription(
        tr("Turns each take into words on this computer: a transcript, filler words and which "
           "lines of your script you said."));
    auto* wordsNote = new QLabel(tr("Each take is turned into words on this computer (nothing "
                                    "leaves it): a transcript, filler words and which lines of "
                                    "your script you said. Turn it off on a slow computer."),
        audio);
    wordsNote->setWordWrap(true);
    wordsNote->setForegroundRole(QPalette::PlaceholderText);
    // The box and its note in one cell, so the note sits right under it.
    auto* wordsCell = new QVBoxLayout;
    wordsCell->setSpacing(2);
    wordsCell->addWidget(m_hearWords);
    wordsCell->addWidget(wordsNote);
    audioForm->addRow(tr("Words:"), wordsCell);
    connect(m_hearWords, &QCheckBox::toggled, this, [this](bool on) {
        m_settings.setValue(kHearWordsKey, on);
        emit hearWordsChanged(on);
    });
    layout->addWidget(audio);
    layout->addStretch(1);
    scroll->setWidget(holder);

    QWidget::setTabOrder(m_appearance, m_data->firstControl());
    setReadingOrder({ m_data->lastControl(), m_microphone, m_hearWords });

    // One label column across the groups, so their fields start at the same x.
    const QList<QFormLayout*> forms = content->findChildren<QFormLayout*>();
    int labelWidth = 0;
    for (QFormLayout* form : forms) {
        for (int row = 0; row < form->rowCount(); ++row) {
            if (QLayoutItem* label = form->itemAt(row, QFormLayout::LabelRole); label)
                labelWidth = std::max(labelWidth, label->sizeHint().width());
        }
    }
    for (QFormLayout* form : forms) {
        for (int row = 0; row < form->rowCount(); ++row) {
            QLayoutItem* label = form->itemAt(row, QFormLayout::LabelRole);
            if (label && label->widget())
                label->widget()->setMinimumWidth(labelWidth);
        }
    }
}

std::pair<QString, QString> SettingsPage::chosenInput(const QSettings& settings)
{
    return { settings.value(kInputKey).toString(), settings.value(kInputNameKey).toString() };
}

void SettingsPage::listInputs()
{
    const auto [chosenId, chosenName] = chosenInput(m_settings);
    const QList<audio::InputDevice> inputs = audio::inputDevices();
    const std::optional<audio::InputDevice> fallback = audio::defaultInputDevice();
    const audio::InputChoice choice = audio::resolveInput(chosenId, chosenName, inputs, fallback);
    m_microphone->clear();
    m_microphone->addItem(fallback ? tr("System default (%1)").arg(fallback->description)
                                   : tr("System default (none connected)"),
        QString());
    for (const audio::InputDevice& input : inputs)
        m_microphone->addItem(input.description, input.id);
    int current = m_microphone->findData(chosenId);
    if (current < 0) {
        // Still the choice, until another is made: it may be plugged in again.
        m_microphone->addItem(
            tr("%1 (not connected)").arg(chosenName.isEmpty() ? chosenId : chosenName), chosenId);
        current = m_microphone->count() - 1;
    }
    m_microphone->setCurrentIndex(current);
    for (int i = 0; i < m_microphone->count(); ++i)
        m_microphone->setItemData(i, m_microphone->itemText(i), Qt::ToolTipRole);
    const QString notice = !choice.notice.isEmpty() ? choice.notice
        : inputs.isEmpty()                          ? audio::noInputMessage()
                                                    : QString();
    m_microphoneNotice->setText(notice);
    m_microphoneNotice->setVisible(!notice.isEmpty());
}

void SettingsPage::onInputChosen(int index)
{
    const QString id = m_microphone->itemData(index).toString();
    const QString name = id.isEmpty() ? QString() : m_microphone->itemText(index);
    m_settings.setValue(kInputKey, id);
    m_settings.setValue(kInputNameKey, name);
    listInputs();
    emit inputChosen(id, name);
}

QString SettingsPage::microphoneNotice() const
{
    return m_microphoneNotice->isHidden() ? QString() : m_microphoneNotice->text();
}

bool SettingsPage::hearsWords(const QSettings& settings)
{
    return settings.value(kHearWordsKey, true).toBool();
}

void SettingsPage::onAppearanceChosen(int index)
{
    const QString key = m_appearance->itemData(index).toString();
    m_theme.apply(appearanceFromKey(key));
    m_settings.setValue(QStringLiteral("appearance"), key);
}

} // namespace rapport::gui
