// The microphone choice (issue 15, item 8): which input a take records from when the chosen one
// is there, gone, or when there is none; and the Settings list that keeps the choice.
#include "app/audio/audiodevices.h"
#include "app/gui/settings/settingspage.h"
#include "app/gui/widgets/theme.h"
#include "core/storage/store.h"

#include <QApplication>
#include <QComboBox>
#include <QSettings>
#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace rapport::gui {
namespace {

using audio::InputDevice;

const InputDevice kLaptop { QStringLiteral("alsa_input.pci.analog"), QStringLiteral("Laptop") };
const InputDevice kHeadset { QStringLiteral("bluez_input.headset"), QStringLiteral("Headset") };

TEST(MicrophoneChoiceTest, TheChosenInputIsUsedWhileItIsConnected)
{
    const audio::InputChoice choice
        = audio::resolveInput(kHeadset.id, kHeadset.description, { kLaptop, kHeadset }, kLaptop);
    ASSERT_TRUE(choice.device);
    EXPECT_EQ(choice.device->id, kHeadset.id);
    EXPECT_TRUE(choice.notice.isEmpty());
}

TEST(MicrophoneChoiceTest, NoChoiceMeansTheSystemDefaultWithoutANotice)
{
    const audio::InputChoice choice = audio::resolveInput({}, {}, { kLaptop, kHeadset }, kHeadset);
    ASSERT_TRUE(choice.device);
    EXPECT_EQ(choice.device->id, kHeadset.id);
    EXPECT_TRUE(choice.notice.isEmpty());
}

TEST(MicrophoneChoiceTest, AChosenInputThatIsGoneFallsBackAndSaysSo)
{
    const audio::InputChoice choice
        = audio::resolveInput(kHeadset.id, kHeadset.description, { kLaptop }, kLaptop);
    ASSERT_TRUE(choice.device);
    EXPECT_EQ(choice.device->id, kLaptop.id);
    EXPECT_EQ(choice.notice,
        QStringLiteral("The microphone you chose, Headset, is not connected: using Laptop "
                       "instead. Connect it, or choose another in Settings."));

    const audio::InputChoice none
        = audio::resolveInput(kHeadset.id, kHeadset.description, {}, std::nullopt);
    EXPECT_FALSE(none.device);
    EXPECT_TRUE(none.notice.contains(QStringLiteral("Headset, is not connected, and there is no "
                                                    "other")))
        << none.notice.toStdString();
}

TEST(MicrophoneChoiceTest, SettingsKeepsAChoiceThatIsNotConnectedAndSaysWhatIsUsed)
{
    QTemporaryDir dir;
    auto store = storage::openStore(dir.filePath(QStringLiteral("data")));
    ASSERT_TRUE(store.ok());
    QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    settings.setValue(QStringLiteral("audio/input"), kHeadset.id);
    settings.setValue(QStringLiteral("audio/inputName"), kHeadset.description);
    ThemeManager theme(*qApp);
    SettingsPage page(*store, theme, settings);
    QComboBox* box = page.microphoneBox();
    // This test runs without a sound server: only the default entry and the missing choice.
    EXPECT_EQ(box->currentText(), QStringLiteral("Headset (not connected)"));
    EXPECT_EQ(box->currentData().toString(), kHeadset.id);
    EXPECT_TRUE(page.microphoneNotice().contains(QStringLiteral("Headset, is not connected")))
        << page.microphoneNotice().toStdString();
    EXPECT_EQ(SettingsPage::chosenInput(settings).first, kHeadset.id);

    // Choosing the system default is remembered and announced.
    QString announced = QStringLiteral("unset");
    QObject::connect(&page, &SettingsPage::inputChosen,
        [&announced](const QString& id, const QString&) { announced = id; });
    const int systemDefault = box->findData(QString());
    ASSERT_EQ(systemDefault, 0);
    box->setCurrentIndex(systemDefault);
    emit box->activated(systemDefault);
    EXPECT_TRUE(announced.isEmpty());
    EXPECT_TRUE(SettingsPage::chosenInput(settings).first.isEmpty());
    EXPECT_EQ(box->findText(QStringLiteral("Headset (not connected)")), -1);
    EXPECT_FALSE(page.microphoneNotice().contains(QStringLiteral("Headset")));
}

} // namespace
} // namespace rapport::gui
