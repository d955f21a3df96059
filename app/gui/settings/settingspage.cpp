#include "app/gui/settings/settingspage.h"

#include "app/audio/audiodevices.h"
#include "app/gui/settings/datasection.h"
#include "app/gui/widgets/pageheader.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QFrame>
#include <QGroupBox>
#include <QLabel>
#include <QScrollArea>
#include <QSettings>
#include <QVBoxLayout>
#include <algorithm>

namespace rapport::gui {

namespace {

// The setting "Hear my words" keeps.
const QString kHearWordsKey = QStringLiteral("words/hear");

} // namespace

SettingsPage::SettingsPage(storage::Store& store, ThemeManager& theme, QSettings& settings,
    const Clock* clock, QWidget* parent)
    : QWidget(parent)
    , m_theme(theme)
    , m_settings(settings)
    , m_appearance(new QComboBox(this))
    , m_hearWords(new QCheckBox(tr("&Hear my words"), this))
    , m_data(nullptr)
{
    setAccessibleName(tr("Settings"));
    // The content scrolls, so a small window never cuts a section off.
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    auto* content = new QWidget(scroll);
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
    connect(m_appearance, &QComboBox::activated, this, &SettingsPage::onAppearanceChosen);
    lookForm->addRow(tr("&Colours:"), m_appearance);
    layout->addWidget(look);

    m_data = new DataSection(store, clock, content);
    layout->addWidget(m_data);

    auto* audio = new QGroupBox(tr("Microphone"), content);
    auto* audioForm = new QFormLayout(audio);
    const std::optional<audio::InputDevice> input = audio::defaultInputDevice();
    auto* inputLabel = new QLabel(input ? input->description : audio::noInputMessage(), audio);
    inputLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    inputLabel->setWordWrap(true);
    audioForm->addRow(tr("Input:"), inputLabel);
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
    scroll->setWidget(content);

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
