#include "app/gui/settings/settingspage.h"

#include "app/audio/audiodevices.h"
#include "app/gui/widgets/pageheader.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QUrl>
#include <QVBoxLayout>

namespace rapport::gui {

namespace {

QLabel* selectableLabel(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setWordWrap(true);
    return label;
}

} // namespace

SettingsPage::SettingsPage(
    const storage::Store& store, ThemeManager& theme, QSettings& settings, QWidget* parent)
    : QWidget(parent)
    , m_theme(theme)
    , m_settings(settings)
    , m_appearance(new QComboBox(this))
{
    setAccessibleName(tr("Settings"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 28, 32, 28);
    layout->setSpacing(16);
    layout->addWidget(new PageHeader(tr("Settings"),
        tr("How Rapport looks, where it keeps your data, and which microphone it uses."), this));

    auto* look = new QGroupBox(tr("Appearance"), this);
    auto* lookForm = new QFormLayout(look);
    m_appearance->addItem(tr("Follow the desktop"), appearanceKey(Appearance::System));
    m_appearance->addItem(tr("Light"), appearanceKey(Appearance::Light));
    m_appearance->addItem(tr("Dark"), appearanceKey(Appearance::Dark));
    m_appearance->setAccessibleName(tr("Appearance"));
    m_appearance->setCurrentIndex(m_appearance->findData(appearanceKey(theme.appearance())));
    connect(m_appearance, &QComboBox::activated, this, &SettingsPage::onAppearanceChosen);
    lookForm->addRow(tr("&Colours:"), m_appearance);
    layout->addWidget(look);

    auto* dataBox = new QGroupBox(tr("Your data"), this);
    auto* dataForm = new QFormLayout(dataBox);
    dataForm->addRow(
        tr("Folder:"), selectableLabel(QDir::toNativeSeparators(store.paths.root), dataBox));
    dataForm->addRow(tr("Database:"),
        selectableLabel(tr("%1 (schema %2)")
                            .arg(QDir::toNativeSeparators(store.paths.database()))
                            .arg(store.database->schemaVersion()),
            dataBox));
    auto* privacy = new QLabel(tr("Everything stays on this computer: no account, no network. "
                                  "The folder is readable by you only."),
        dataBox);
    privacy->setWordWrap(true);
    dataForm->addRow(QString(), privacy);
    auto* open = new QPushButton(tr("&Open data folder"), dataBox);
    open->setAccessibleName(tr("Open data folder"));
    const QString root = store.paths.root;
    connect(open, &QPushButton::clicked, this,
        [root] { QDesktopServices::openUrl(QUrl::fromLocalFile(root)); });
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(open);
    buttons->addStretch(1);
    dataForm->addRow(QString(), buttons);
    layout->addWidget(dataBox);

    auto* audio = new QGroupBox(tr("Microphone"), this);
    auto* audioForm = new QFormLayout(audio);
    const std::optional<audio::InputDevice> input = audio::defaultInputDevice();
    audioForm->addRow(
        tr("Input:"), selectableLabel(input ? input->description : audio::noInputMessage(), audio));
    layout->addWidget(audio);
    layout->addStretch(1);
}

void SettingsPage::onAppearanceChosen(int index)
{
    const QString key = m_appearance->itemData(index).toString();
    m_theme.apply(appearanceFromKey(key));
    m_settings.setValue(QStringLiteral("appearance"), key);
}

} // namespace rapport::gui
