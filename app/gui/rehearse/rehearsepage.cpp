#include "app/gui/rehearse/rehearsepage.h"

#include "app/audio/audiodevices.h"
#include "app/audio/microphonesource.h"
#include "app/audio/wavplayer.h"
#include "app/gui/rehearse/levelmeterwidget.h"
#include "app/gui/rehearse/selfratingpanel.h"
#include "app/gui/rehearse/takecomparedialog.h"
#include "app/gui/rehearse/takereportview.h"
#include "app/gui/rehearse/taketimeline.h"
#include "app/gui/widgets/lightindicator.h"
#include "app/gui/widgets/pageheader.h"
#include "app/gui/widgets/takelistmodel.h"
#include "app/gui/widgets/theme.h"
#include "app/gui/widgets/wording.h"
#include "core/analysis/scriptsyllables.h"
#include "core/answers/answerrecovery.h"
#include "core/audio/wavfilesource.h"
#include "core/coaching/advice.h"
#include "core/rehearsal/timing.h"
#include "core/speech/wordreport.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace rapport::gui {

using rehearsal::Light;

namespace {

// How long the teleprompter waits for the voice before it moves on at the pitch's pace (from
// where the voice was last followed).
constexpr qint64 kFollowPatienceMs = 4000;
// The usual silence before the first word: not counted in the pace.
constexpr double kLeadInS = 1.0;

} // namespace

RehearsePage::RehearsePage(
    storage::Store& store, SourceFactory sources, const Clock* clock, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
    , m_sources(std::move(sources))
    , m_clock(clock ? *clock : m_systemClock)
    , m_pitches(std::make_unique<rehearsal::PitchRepository>(*store.database))
    , m_takeStore(std::make_unique<rehearsal::TakeRepository>(*store.database))
    , m_recordings(std::make_unique<rehearsal::Recordings>(store.paths, *m_takeStore))
    , m_session(std::make_unique<rehearsal::TakeSession>(*m_recordings, *m_takeStore, m_clock))
    , m_player(std::make_unique<audio::WavPlayer>())
    , m_pitch(new QComboBox(this))
    , m_teleprompterOn(new QCheckBox(tr("Te&leprompter"), this))
    , m_countIn(new QCheckBox(tr("3-2-1 &count-in"), this))
    , m_setSize(new QSpinBox(this))
    , m_stages(new QStackedWidget(this))
    , m_clockLabel(new QLabel(this))
    , m_overTime(new QLabel(this))
    , m_window(new QLabel(this))
    , m_lightIndicator(new LightIndicator(this))
    , m_meter(new LevelMeterWidget(this))
    , m_teleprompter(new QTextBrowser(this))
    , m_status(new QLabel(this))
    , m_startStop(new QPushButton(this))
    , m_rating(new SelfRatingPanel(clock, this))
    , m_report(new TakeReportView(this))
    , m_next(new QPushButton(tr("New take  (Space)"), this))
    , m_play(new QPushButton(this))
    , m_playTime(new QLabel(this))
    , m_best(new QPushButton(this))
    , m_rate(new QPushButton(tr("&Rate…"), this))
    , m_delete(new QPushButton(tr("&Delete…"), this))
    , m_compare(new QPushButton(tr("C&ompare two…"), this))
    , m_warmUp(new QPushButton(tr("&Before a meeting"), this))
    , m_summary(new QLabel(this))
    , m_takeModel(new TakeListModel(QTimeZone::systemTimeZone(), this))
    , m_takes(new QTreeView(this))
    , m_countInTimer(new QTimer(this))
    , m_orphanBanner(nullptr)
    , m_orphanLabel(new QLabel(this))
    , m_checkTimeout(new QTimer(this))
    , m_checkButton(new QPushButton(tr("Check &microphone"), this))
    , m_writePitch(new QPushButton(tr("&Write a pitch"), this))
{
    setAccessibleName(tr("Rehearse"));
    if (!m_sources) {
        m_usesMicrophone = true;
        m_sources = [this]() -> std::unique_ptr<audio::AudioSource> {
            return audio::chosenMicrophone(m_inputId, m_inputName);
        };
    }

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 28, 32, 28);
    layout->setSpacing(12);
    layout->addWidget(new PageHeader(tr("Rehearse"),
        tr("Say your pitch out loud. Rate yourself first, then see what was measured."), this));

    // The pitch and set controls, hidden while rating (they cannot change then), so the form
    // has the room of a small window.
    m_controls = new QWidget(this);
    auto* controls = new QHBoxLayout(m_controls);
    controls->setContentsMargins(0, 0, 0, 0);
    auto* pitchLabel = new QLabel(tr("&Pitch:"), this);
    pitchLabel->setBuddy(m_pitch);
    m_pitch->setAccessibleName(tr("Pitch"));
    // Room for a usual title and its length (a longer one is elided in the box, whole in the
    // list, which opens as wide as the longest, and in the tooltip).
    m_pitch->setMinimumContentsLength(20);
    m_pitch->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_setSize->setRange(2, 10);
    m_setSize->setValue(3);
    m_setSize->setSuffix(tr(" takes"));
    m_setSize->setAccessibleName(tr("Takes in a warm-up set"));
    m_warmUp->setToolTip(tr("Several takes in a row, then a summary of the set"));
    controls->addWidget(pitchLabel);
    // The chooser takes the free room of the row, so long titles show whole where they can.
    m_pitch->setMaximumWidth(fontMetrics().averageCharWidth() * 56);
    controls->addWidget(m_pitch, 1);
    controls->addSpacing(12);
    controls->addWidget(m_teleprompterOn);
    controls->addWidget(m_countIn);
    controls->addStretch(1);
    controls->addWidget(m_warmUp);
    controls->addWidget(m_setSize);
    layout->addWidget(m_controls);
    m_orphanBanner = buildOrphanBanner();
    layout->addWidget(m_orphanBanner);

    // The rating form and the report scroll when the window is small, so the page never forces
    // a large minimum size on the window.
    auto scrolled = [this](QWidget* content) {
        auto* area = new QScrollArea(this);
        area->setWidget(content);
        area->setWidgetResizable(true);
        area->setFrameShape(QFrame::NoFrame);
        return area;
    };
    m_stages->addWidget(buildRecordingStage());
    m_stages->addWidget(scrolled(m_rating));
    m_stages->addWidget(scrolled(buildReportStage()));
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_stages);
    m_takesPanel = buildTakesPanel();
    split->addWidget(m_takesPanel);
    // The takes list keeps room for about six takes; the recording stage gets the rest first.
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);
    layout->addWidget(split, 1);

    connect(m_pitch, &QComboBox::currentIndexChanged, this, [this] {
        showPitchText();
        loadTakes();
        showLatestTake();
    });
    connect(m_teleprompterOn, &QCheckBox::toggled, this, &RehearsePage::showPitchText);
    connect(m_warmUp, &QPushButton::clicked, this, &RehearsePage::startWarmUp);
    connect(m_startStop, &QPushButton::clicked, this, &RehearsePage::startOrStop);
    connect(m_next, &QPushButton::clicked, this, &RehearsePage::startOrStop);
    connect(m_rating, &SelfRatingPanel::submitted, this, &RehearsePage::onRated);
    connect(m_session.get(), &rehearsal::TakeSession::progressed, this, &RehearsePage::onProgress);
    connect(
        m_session.get(), &rehearsal::TakeSession::finished, this, &RehearsePage::onTakeFinished);
    connect(
        m_session.get(), &rehearsal::TakeSession::wordsHeard, this, &RehearsePage::onWordsHeard);
    connect(
        m_session.get(), &rehearsal::TakeSession::heard, this, [this](const QStringList& words) {
            if (!m_follower)
                return;
            const bool moved = m_follower->hear(words);
            // Heard in the script, moved or not: the voice leads, not the clock.
            if (m_follower->found())
                m_followedAtMs = m_session->framesRecorded() * 1000 / audio::kSampleRate;
            if (moved)
                showTeleprompter();
        });
    m_countInTimer->setInterval(1000);
    connect(m_countInTimer, &QTimer::timeout, this, [this] {
        if (--m_countInLeft > 0) {
            m_clockLabel->setText(QString::number(m_countInLeft));
            return;
        }
        m_countInTimer->stop();
        beginRecording();
    });
    connect(m_checkButton, &QPushButton::clicked, this, &RehearsePage::checkMicrophone);
    connect(m_player.get(), &audio::WavPlayer::positionChanged, this,
        &RehearsePage::onPlaybackPosition);
    connect(m_player.get(), &audio::WavPlayer::stateChanged, this, &RehearsePage::onPlaybackState);
    connect(m_player.get(), &audio::WavPlayer::failed, this, [this](const Error& error) {
        onPlaybackState();
        QMessageBox::warning(this, tr("Playback stopped"), error.toString());
    });
    connect(m_report->timeline(), &TakeTimeline::seekRequested, this, &RehearsePage::playShownFrom);
    connect(m_report, &TakeReportView::hearWordsRequested, this, &RehearsePage::hearShownTakeWords);
    connect(m_writePitch, &QPushButton::clicked, this, &RehearsePage::writePitchRequested);
    m_checkTimeout->setSingleShot(true);
    connect(m_checkTimeout, &QTimer::timeout, this, [this] {
        endMicrophoneCheck(tr("No sound reached Rapport in 10 seconds. Check that the "
                              "microphone is not muted, and choose it in the sound settings."));
    });
    m_checkMeter.setCallback([this](const analysis::LevelReading& level) {
        m_meter->setLevel(level.rmsDbfs, level.peakDbfs);
        // Speech near a laptop microphone is around -30 to -15 dBFS; a room is below -50.
        if (level.rmsDbfs > -40.0f && ++m_checkLoudWindows >= 10)
            endMicrophoneCheck(tr("Rapport hears you (%1 dBFS). You are ready to rehearse.")
                                   .arg(std::lround(level.rmsDbfs)));
    });
    auto* space = new QShortcut(QKeySequence(Qt::Key_Space), this);
    space->setContext(Qt::WindowShortcut);
    connect(space, &QShortcut::activated, this, &RehearsePage::startOrStop);

    setReadingOrder({ m_pitch, m_teleprompterOn, m_countIn, m_warmUp, m_setSize, m_teleprompter,
        m_checkButton, m_microphone, m_writePitch, m_startStop, m_play, m_best, m_rate, m_delete,
        m_next, m_rating, m_takes, m_compare });
    reloadPitches();
    showStage(Stage::Ready);
    findOrphans();
}

void RehearsePage::changeEvent(QEvent* event)
{
    // The teleprompter's highlight is a tint of the palette's: made again with the new one.
    if (event->type() == QEvent::PaletteChange)
        showTeleprompter();
    QWidget::changeEvent(event);
}

void RehearsePage::hearShownTakeWords()
{
    if (!m_wordListener || m_shownTakeId <= 0 || m_rehearTicket != 0)
        return;
    Result<rehearsal::Take> take = m_takeStore->get(m_shownTakeId);
    if (!take)
        return;
    Result<rehearsal::Pitch> pitch = m_pitches->get(take->pitchId);
    const QString script = pitch ? pitch->text : QString();
    Result<std::unique_ptr<audio::WavFileSource>> source
        = audio::WavFileSource::open(take->audioPath);
    if (!source) {
        m_report->setWordsMissing(source.error().toString());
        return;
    }
    // Queued to the listener's worker like a take being recorded: the window stays free while
    // it decodes (about a fifth of the take's length).
    m_rehearTakeId = take->id;
    m_rehearTicket = m_wordListener->start(script);
    const Status read = (*source)->readAll(
        [this](const audio::AudioBlock& block) { m_wordListener->process(block); });
    m_wordListener->finish();
    if (!read) {
        m_report->setWordsMissing(read.error().toString());
        return; // finished() still comes, and is dropped there
    }
    m_report->setWordsListening();
}

void RehearsePage::onRehearFinished(quint64 ticket, const Result<speech::Transcript>& transcript)
{
    if (ticket != m_rehearTicket || ticket == 0)
        return;
    const qint64 id = std::exchange(m_rehearTakeId, 0);
    m_rehearTicket = 0;
    Result<rehearsal::Take> take = m_takeStore->get(id);
    if (!take)
        return;
    if (!transcript) {
        if (id == m_shownTakeId)
            m_report->setWordsMissing(transcript.error().toString());
        return;
    }
    Result<rehearsal::Pitch> pitch = m_pitches->get(take->pitchId);
    const speech::WordReport words = speech::makeWordReport(
        *transcript, take->report.speakingTimeS, pitch ? pitch->text : QString());
    if (Status stored = m_takeStore->setWords(id, words); !stored) {
        QMessageBox::warning(this, tr("Could not save the words"), stored.error().toString());
        return;
    }
    loadTakes();
    emit takesChanged();
    if (id == m_shownTakeId)
        showTake(id);
}

void RehearsePage::setInputChoice(const QString& id, const QString& name)
{
    m_inputId = id;
    m_inputName = name;
    if (m_stage == Stage::Ready)
        showStage(Stage::Ready);
}

void RehearsePage::setWordListener(speech::WordListener* listener)
{
    if (listener == m_wordListener)
        return;
    if (m_wordListener)
        disconnect(m_wordListener, nullptr, this, nullptr);
    if (m_rehearTicket != 0) { // given up with the listener
        m_rehearTicket = 0;
        m_rehearTakeId = 0;
    }
    m_wordListener = listener;
    m_session->setWordListener(listener);
    if (listener)
        connect(listener, &speech::WordListener::finished, this, &RehearsePage::onRehearFinished);
    // Words still being heard by the listener given up are not coming.
    if (m_report->isListening())
        m_report->setWordsMissing(listener ? tr("This take's words were not heard.")
                                           : tr("Words are off (Settings, Microphone)."));
}

bool RehearsePage::finishRecording(int waitMs)
{
    if (m_stage == Stage::CountIn) {
        m_countInTimer->stop();
        showStage(Stage::Ready);
        return false;
    }
    return m_session->stopAndWait(waitMs);
}

RehearsePage::~RehearsePage()
{
    m_countInTimer->stop();
    if (m_session->isRecording())
        m_session->stop();
}

QWidget* RehearsePage::buildRecordingStage()
{
    auto* stage = new QWidget(this);
    auto* layout = new QVBoxLayout(stage);
    layout->setContentsMargins(0, 8, 0, 0);
    QFont clockFont = m_clockLabel->font();
    clockFont.setPointSizeF(clockFont.pointSizeF() * 3.2);
    clockFont.setWeight(QFont::DemiBold);
    m_clockLabel->setFont(clockFont);
    m_clockLabel->setAccessibleName(tr("Time speaking"));
    QFont overFont = m_overTime->font();
    overFont.setPointSizeF(overFont.pointSizeF() * 1.3);
    overFont.setWeight(QFont::Bold);
    m_overTime->setFont(overFont);
    styleAsProblem(m_overTime);
    m_lightIndicator->setProminence(84, 1.5);
    m_window->setForegroundRole(QPalette::PlaceholderText);
    auto* clockColumn = new QVBoxLayout;
    clockColumn->addWidget(m_clockLabel);
    clockColumn->addWidget(m_window);
    auto* top = new QHBoxLayout;
    top->addLayout(clockColumn);
    top->addSpacing(24);
    top->addWidget(m_lightIndicator, 1);
    top->addWidget(m_overTime);
    layout->addLayout(top);
    layout->addWidget(m_meter);
    m_teleprompterOn->setChecked(true);
    QFont prompterFont = m_teleprompter->font();
    prompterFont.setPointSizeF(prompterFont.pointSizeF() * 1.6);
    m_teleprompter->setFont(prompterFont);
    m_teleprompter->setAccessibleName(tr("Teleprompter"));
    layout->addWidget(m_teleprompter, 4);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    auto* row = new QHBoxLayout;
    m_writePitch->setVisible(false);
    row->addWidget(m_checkButton);
    m_microphone = new QPushButton(tr("Microp&hone…"), stage);
    m_microphone->setToolTip(tr("Choose the microphone in Settings"));
    m_microphone->setVisible(m_usesMicrophone);
    connect(m_microphone, &QPushButton::clicked, this, &RehearsePage::microphoneSettingsRequested);
    row->addWidget(m_microphone);
    row->addWidget(m_writePitch);
    row->addStretch(1);
    m_startStop->setMinimumWidth(200);
    m_startStop->setDefault(true);
    row->addWidget(m_startStop);
    layout->addLayout(row);
    layout->addStretch(1);
    return stage;
}

QWidget* RehearsePage::buildReportStage()
{
    auto* stage = new QWidget(this);
    auto* layout = new QVBoxLayout(stage);
    layout->setContentsMargins(0, 8, 0, 0);
    // The shown take's buttons, above its report so they stay in view.
    auto* row = new QHBoxLayout;
    m_play->setAccessibleName(tr("Play the take"));
    m_playTime->setAccessibleName(tr("Playback position"));
    m_playTime->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("00:00 / 00:00")));
    // Room kept for it, so the buttons do not move when playback starts.
    m_best->setCheckable(true);
    m_best->setAccessibleName(tr("Best take"));
    m_rate->setToolTip(tr("Change your rating of this take"));
    m_rate->setAccessibleName(tr("Rate the take"));
    m_delete->setToolTip(tr("Delete the selected takes and their recordings (Delete key)"));
    m_delete->setAccessibleName(tr("Delete the take"));
    row->addWidget(m_play);
    row->addWidget(m_playTime);
    row->addWidget(m_best);
    row->addWidget(m_rate);
    row->addWidget(m_delete);
    row->addStretch(1);
    row->addWidget(m_next);
    layout->addLayout(row);
    layout->addWidget(m_report, 1);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    layout->addWidget(m_summary);
    connect(m_play, &QPushButton::clicked, this, [this] {
        if (m_player->state() == audio::WavPlayer::State::Playing
            && m_player->path() == m_shownAudioPath)
            stopPlayback();
        else
            playShownFrom(0.0);
    });
    connect(m_best, &QPushButton::clicked, this, [this](bool best) {
        if (m_shownTakeId <= 0)
            return;
        if (Status s = m_takeStore->setStarred(m_shownTakeId, best); !s)
            QMessageBox::warning(this, tr("Could not mark the best take"), s.error().toString());
        loadTakes();
        updateTakeButtons();
    });
    connect(m_rate, &QPushButton::clicked, this, &RehearsePage::editSelectedRating);
    connect(m_delete, &QPushButton::clicked, this, &RehearsePage::deleteSelected);
    return stage; // the buttons are set once the takes list exists (reloadPitches())
}

QWidget* RehearsePage::buildTakesPanel()
{
    auto* panel = new QWidget(this);
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 8, 0, 0);
    m_takes->setModel(m_takeModel);
    m_takes->setRootIsDecorated(false);
    m_takes->setUniformRowHeights(true);
    m_takes->setAlternatingRowColors(true);
    m_takes->setMinimumHeight(fontMetrics().height() * 9);
    m_takes->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_takes->setAccessibleName(tr("Takes of this pitch"));
    m_takes->setAccessibleDescription(tr("Select a take to see its report; Enter plays it, "
                                         "Delete deletes the selected takes."));
    m_takes->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_takes->header()->setSectionResizeMode(TakeListModel::When, QHeaderView::Stretch);
    m_takes->header()->setStretchLastSection(false);
    layout->addWidget(m_takes, 1);
    auto* row = new QHBoxLayout;
    m_compare->setToolTip(tr("Select two takes (Ctrl+click), then compare them side by side"));
    m_compare->setAccessibleName(tr("Compare two takes"));
    row->addWidget(m_compare);
    row->addStretch(1);
    layout->addLayout(row);
    connect(m_compare, &QPushButton::clicked, this, &RehearsePage::compareSelected);
    connect(m_takes, &QTreeView::activated, this, &RehearsePage::playSelected);
    connect(m_takes->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &RehearsePage::onCurrentTakeChanged);
    connect(m_takes->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &RehearsePage::updateTakeButtons);
    // The Delete key on the list (an item view keeps the key from shortcuts, so it is caught
    // here; see eventFilter()).
    m_takes->installEventFilter(this);
    return panel;
}

bool RehearsePage::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_takes && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent*>(event)->matches(QKeySequence::Delete)) {
        deleteSelected();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void RehearsePage::reloadPitches()
{
    const qint64 selected = m_pitch->currentData().toLongLong();
    Result<QList<rehearsal::PitchSummary>> all = m_pitches->list();
    m_pitch->blockSignals(true);
    m_pitch->clear();
    if (all) {
        for (const rehearsal::PitchSummary& s : *all) {
            const QString text = QStringLiteral("%1  (%2)")
                                     .arg(s.pitch.title, rehearsal::formatClock(s.pitch.targetMs));
            m_pitch->addItem(text, s.pitch.id);
            m_pitch->setItemData(m_pitch->count() - 1, text, Qt::ToolTipRole);
        }
    }
    // The open list shows whole titles, however narrow the box.
    m_pitch->view()->setMinimumWidth(m_pitch->view()->sizeHintForColumn(0) + 8);
    const int index = m_pitch->findData(selected);
    m_pitch->setCurrentIndex(index >= 0 ? index : 0);
    m_pitch->blockSignals(false);
    showPitchText();
    loadTakes();
    if (m_stage == Stage::Ready)
        showStage(Stage::Ready);
}

std::optional<rehearsal::Pitch> RehearsePage::currentPitch() const
{
    if (m_pitch->currentIndex() < 0)
        return std::nullopt;
    Result<rehearsal::Pitch> pitch = m_pitches->get(m_pitch->currentData().toLongLong());
    return pitch ? std::optional(*pitch) : std::nullopt;
}

void RehearsePage::showTeleprompter()
{
    const QStringList& sentences = m_prompterSentences;
    const int current = m_follower ? m_follower->sentence() : -1;
    // The sentence being said: bold on a tint of the highlight colour (not the selection's
    // full colour, which would read as selected text).
    const QPalette colours = m_teleprompter->palette();
    const QColor base = colours.color(QPalette::Base);
    const QColor accent = colours.color(QPalette::Highlight);
    const auto mix = [&](int a, int b) { return (a * 3 + b) / 4; };
    const QColor tint(mix(base.red(), accent.red()), mix(base.green(), accent.green()),
        mix(base.blue(), accent.blue()));
    QString html;
    for (qsizetype i = 0; i < sentences.size(); ++i) {
        const QString text = sentences[i].toHtmlEscaped();
        html += i == current
            ? QStringLiteral("<p><a name=\"s%1\"></a><span style=\"background-color:%2; "
                             "font-weight:600\">%3</span></p>")
                  .arg(i)
                  .arg(tint.name(), text)
            : QStringLiteral("<p><a name=\"s%1\"></a>%2</p>").arg(i).arg(text);
    }
    m_teleprompter->setHtml(html);
    if (current >= 0)
        m_teleprompter->scrollToAnchor(QStringLiteral("s%1").arg(current));
}

void RehearsePage::showPitchText()
{
    const std::optional<rehearsal::Pitch> pitch = currentPitch();
    m_prompterSentences = speech::splitSentences(pitch ? pitch->text : QString());
    showTeleprompter();
    m_teleprompter->setVisible(
        m_teleprompterOn->isChecked() && pitch && !pitch->text.trimmed().isEmpty());
    if (pitch) {
        m_lights = pitch->lights;
        m_window->setText(tr("Green %1 · yellow %2 · red %3")
                              .arg(rehearsal::formatClock(m_lights.greenMs),
                                  rehearsal::formatClock(m_lights.yellowMs),
                                  rehearsal::formatClock(m_lights.redMs)));
    } else {
        m_window->clear();
    }
}

void RehearsePage::showStage(Stage stage)
{
    m_stage = stage;
    // The pitch and the takes stay put while a take is being made and rated.
    const bool busy = isBusy();
    m_pitch->setEnabled(!busy);
    m_warmUp->setEnabled(!busy && m_pitch->count() > 0);
    m_setSize->setEnabled(!busy && m_pitch->count() > 0);
    m_takes->setEnabled(!busy);
    m_takesPanel->setVisible(stage != Stage::Rating);
    m_controls->setVisible(stage != Stage::Rating);
    updateTakeButtons();
    if (busy)
        stopPlayback();
    switch (stage) {
    case Stage::Ready: {
        m_stages->setCurrentIndex(0);
        const bool havePitch = m_pitch->count() > 0;
        m_startStop->setText(tr("Start take  (Space)"));
        m_startStop->setEnabled(havePitch);
        m_clockLabel->setText(rehearsal::formatClock(0));
        m_overTime->clear();
        m_lightIndicator->setIdle();
        m_meter->reset();
        m_writePitch->setVisible(!havePitch);
        const audio::InputChoice input = m_usesMicrophone
            ? audio::resolveInput(m_inputId, m_inputName)
            : audio::InputChoice { audio::InputDevice {}, {} };
        m_checkButton->setEnabled(input.device.has_value());
        if (!input.device) {
            m_startStop->setEnabled(false);
            m_status->setText(input.notice.isEmpty() ? audio::noInputMessage() : input.notice);
        } else if (!input.notice.isEmpty() && havePitch) {
            m_status->setText(input.notice);
        } else if (!havePitch)
            m_status->setText(tr("Welcome! Write your first pitch (a short outline is offered), "
                                 "and press \"Check microphone\" to see that Rapport hears "
                                 "you."));
        else if (m_setRemaining > 0 && m_setTakes.isEmpty())
            m_status->setText(
                tr("Before a meeting: %1 takes of this pitch in a row. Rate each one as it "
                   "ends; after the last you see your best take, what improved and what to "
                   "watch. Press Space to start take 1 of %1.")
                    .arg(m_setSize->value()));
        else if (m_setRemaining > 0)
            m_status->setText(tr("Before a meeting: take %1 of %2. Press Space and start "
                                 "speaking.")
                                  .arg(m_setSize->value() - m_setRemaining + 1)
                                  .arg(m_setSize->value()));
        else
            m_status->setText(tr("Press Space, then say your pitch. Press Space again when you "
                                 "finish."));
        break;
    }
    case Stage::CountIn:
        m_startStop->setText(tr("Cancel  (Space)"));
        m_status->setText(tr("Get ready…"));
        break;
    case Stage::Recording:
        m_lightIndicator->setLight(Light::None);
        m_startStop->setText(tr("Stop  (Space)"));
        m_startStop->setEnabled(true);
        m_status->setText((m_setRemaining > 0 ? tr("Take %1 of %2. ")
                                                    .arg(m_setSize->value() - m_setRemaining + 1)
                                                    .arg(m_setSize->value())
                                              : QString())
            + tr("Recording from %1. Press Space when you finish.")
                  .arg(m_source ? m_source->name() : QString()));
        break;
    case Stage::Rating:
        m_stages->setCurrentIndex(1);
        m_rating->setRating({});
        m_rating->setFocus();
        break;
    case Stage::Report:
    case Stage::SetSummary:
        m_stages->setCurrentIndex(2);
        m_next->setText(m_setRemaining > 0 ? tr("Next take  (Space)") : tr("New take  (Space)"));
        m_summary->setVisible(stage == Stage::SetSummary);
        break;
    }
}

void RehearsePage::startOrStop()
{
    switch (m_stage) {
    case Stage::Ready:
    case Stage::Report:
    case Stage::SetSummary:
        if (m_stage != Stage::Ready)
            showStage(Stage::Ready);
        startTake();
        break;
    case Stage::CountIn:
        m_countInTimer->stop();
        showStage(Stage::Ready);
        break;
    case Stage::Recording:
        stopTake();
        break;
    case Stage::Rating:
        break; // Space belongs to the rating form here
    }
}

void RehearsePage::startWarmUp()
{
    if (m_stage == Stage::Recording || m_stage == Stage::CountIn)
        return;
    // Said before it starts: the set begins with the next Space.
    m_setRemaining = m_setSize->value();
    m_setTakes.clear();
    stopPlayback();
    showStage(Stage::Ready);
}

void RehearsePage::startTake()
{
    const std::optional<rehearsal::Pitch> pitch = currentPitch();
    if (!pitch)
        return;
    m_lights = pitch->lights;
    m_player->stop();
    if (m_countIn->isChecked()) {
        m_countInLeft = 3;
        m_clockLabel->setText(QString::number(m_countInLeft));
        showStage(Stage::CountIn);
        m_countInTimer->start();
        return;
    }
    beginRecording();
}

void RehearsePage::beginRecording()
{
    const std::optional<rehearsal::Pitch> pitch = currentPitch();
    if (!pitch)
        return;
    m_source = m_sources();
    // The teleprompter follows the voice where words are heard, else the pitch's pace.
    m_follower.reset();
    if (m_wordListener && !pitch->text.trimmed().isEmpty()) {
        m_follower.emplace(pitch->text);
        const auto words = static_cast<double>(speech::normalisedWords(pitch->text).size());
        m_followPaceWpm = pitch->targetMs > 0 ? words / (pitch->targetMs / 60'000.0) : 0.0;
        m_followedAtMs = 0;
    }
    showTeleprompter();
    if (Status started = m_session->start(*m_source, *pitch); !started) {
        m_follower.reset();
        m_source.reset();
        showStage(Stage::Ready);
        m_status->setText(started.error().toString());
        return;
    }
    showStage(Stage::Recording);
}

void RehearsePage::stopTake()
{
    m_session->stop();
}

void RehearsePage::updateClock(qint64 elapsedMs)
{
    m_clockLabel->setText(rehearsal::formatClock(elapsedMs));
    m_lightIndicator->setLight(rehearsal::lightAt(elapsedMs, m_lights));
    m_overTime->setText(elapsedMs > m_lights.redMs
            ? tr("Over time +%1").arg(rehearsal::formatClock(elapsedMs - m_lights.redMs))
            : QString());
}

void RehearsePage::onProgress(qint64 frames, float rmsDbfs, float peakDbfs)
{
    const qint64 elapsedMs = frames * 1000 / audio::kSampleRate;
    updateClock(elapsedMs);
    m_meter->setLevel(rmsDbfs, peakDbfs);
    // Words not followed for a while (a noisy room, words off the script): the teleprompter
    // moves on at the pitch's pace, counted from the last sentence the voice reached.
    if (m_follower && elapsedMs - m_followedAtMs > kFollowPatienceMs) {
        const double lostS
            = (elapsedMs - m_followedAtMs) / 1000.0 - (m_follower->sentence() < 0 ? kLeadInS : 0.0);
        if (m_follower->pace(lostS, m_followPaceWpm))
            showTeleprompter();
    }
}

void RehearsePage::onTakeFinished(const rehearsal::TakeOutcome& outcome)
{
    std::unique_ptr<audio::AudioSource> source = std::move(m_source);
    source.release()->deleteLater(); // it may still be inside its own signal
    if (!outcome.take) {
        showStage(Stage::Ready);
        m_status->setText(outcome.notStored ? outcome.notStored->toString() : QString());
        return;
    }
    const rehearsal::Take& take = *outcome.take;
    m_lastTakeId = take.id;
    if (m_setRemaining > 0) {
        m_setTakes << take.id;
        --m_setRemaining;
    }
    m_follower.reset();
    showTeleprompter();
    // Rated first: the stage changes before the list selects the new take.
    showStage(Stage::Rating);
    loadTakes();
    emit takesChanged();
    showTake(take.id);
    if (outcome.stoppedEarly) {
        QMessageBox::warning(this, tr("The take stopped early"),
            outcome.stoppedEarly->toString() + tr("\n\nWhat was recorded up to then is kept."));
    }
}

void RehearsePage::onWordsHeard(qint64 takeId, const Result<speech::WordReport>& words)
{
    loadTakes();
    if (takeId != m_shownTakeId)
        return;
    if (words) {
        m_report->setWords(*words);
        // The words bring fillers and the script into the advice.
        if (Result<rehearsal::Take> take = m_takeStore->get(takeId))
            showAdvice(*take);
    } else {
        m_report->setWordsMissing(words.error().toString());
    }
}

void RehearsePage::showAdvice(const rehearsal::Take& take)
{
    std::optional<rehearsal::Take> previous;
    std::optional<rehearsal::Take> best;
    // The list is newest first: the take before this one is the next row.
    for (int row = 0; row < m_takeModel->rowCount(); ++row) {
        const rehearsal::Take& listed = m_takeModel->take(row);
        if (listed.starred && listed.id != take.id)
            best = listed;
        if (!previous && listed.id != take.id && listed.startedAt < take.startedAt)
            previous = listed;
    }
    m_report->setAdvice(coaching::coach(take, previous, best));
}

void RehearsePage::onRated(const rehearsal::SelfRating& given)
{
    rehearsal::SelfRating rating = given;
    rating.ratedAt = m_clock.nowUtc();
    if (Status s = m_takeStore->setRating(m_lastTakeId, rating); !s)
        QMessageBox::warning(this, tr("Could not save the rating"), s.error().toString());
    loadTakes();
    showTake(m_lastTakeId);
    if (!m_setTakes.isEmpty() && m_setRemaining == 0) {
        m_summary->setText(setConclusion());
        m_setTakes.clear();
        showStage(Stage::SetSummary);
        return;
    }
    showStage(Stage::Report);
}

QString RehearsePage::setConclusion() const
{
    QList<rehearsal::Take> set;
    for (qint64 id : m_setTakes) {
        if (Result<rehearsal::Take> t = m_takeStore->get(id))
            set << *t;
    }
    if (set.isEmpty())
        return {};
    QStringList lines { tr("Your warm-up set:") };
    // How far outside the window a take's speaking time fell (0 inside; no speech: far).
    const auto lengthOff = [](const rehearsal::Take& t) {
        const coaching::Coaching c = coaching::coach(t, std::nullopt, std::nullopt);
        const coaching::Advice* length = c.find(coaching::Measure::Length);
        return length ? length->distance : 1e9;
    };
    for (qsizetype i = 0; i < set.size(); ++i) {
        lines << tr("Take %1: %2, %3, rated %4")
                     .arg(i + 1)
                     .arg(TakeListModel::text(set[i], TakeListModel::SpeakingTime),
                         TakeListModel::text(set[i], TakeListModel::Timing),
                         TakeListModel::text(set[i], TakeListModel::Rating));
    }
    // The best: your own rating first, then the closest to the window, then the later one.
    qsizetype best = 0;
    for (qsizetype i = 1; i < set.size(); ++i) {
        const int rating = set[i].rating.overall.value_or(0);
        const int bestRating = set[best].rating.overall.value_or(0);
        if (rating > bestRating
            || (rating == bestRating && lengthOff(set[i]) <= lengthOff(set[best])))
            best = i;
    }
    lines << QString() << tr("Best: take %1.").arg(best + 1);
    if (set.size() > 1) {
        const coaching::Coaching lastAgainstFirst
            = coaching::coach(set.last(), set.first(), std::nullopt);
        QStringList changes;
        for (const QString& comparison : lastAgainstFirst.comparisons)
            changes << QString(comparison).replace(tr("last time"), tr("in take 1"));
        lines << (changes.isEmpty() ? tr("From take 1 to take %1: about the same.").arg(set.size())
                                    : tr("From take 1 to take %1: %2.")
                                          .arg(set.size())
                                          .arg(changes.join(QStringLiteral("; "))));
    }
    const coaching::Coaching last = coaching::coach(set.last(), std::nullopt, std::nullopt);
    lines << (last.tryNext.empty()
            ? tr("To watch in the meeting: nothing stood out. Say it as you did.")
            : tr("To watch in the meeting: %1").arg(last.tryNext.front().suggestion));
    return lines.join(u'\n');
}

void RehearsePage::loadTakes()
{
    const QList<qint64> selected = selectedTakeIds();
    QList<rehearsal::Take> newestFirst;
    if (const qint64 pitchId = m_pitch->currentData().toLongLong(); pitchId > 0) {
        if (Result<QList<rehearsal::Take>> takes = m_takeStore->list(pitchId)) {
            newestFirst = std::move(*takes);
            std::reverse(newestFirst.begin(), newestFirst.end());
        }
    }
    m_reloadingTakes = true;
    m_takeModel->setTakes(std::move(newestFirst));
    selectTakes(selected); // a reload (a new rating, a star) keeps the selection
    m_reloadingTakes = false;
    updateTakeButtons();
}

void RehearsePage::showLatestTake()
{
    if (isBusy())
        return;
    stopPlayback();
    if (m_takeModel->rowCount() > 0) {
        const qint64 newest = TakeListModel::idAt(m_takeModel->index(0, 0));
        if (showTake(newest))
            return;
    }
    m_shownTakeId = 0;
    m_shownAudioPath.clear();
    m_setRemaining = 0;
    showStage(Stage::Ready);
    if (m_pitch->count() > 0 && (!m_usesMicrophone || audio::defaultInputDevice()))
        m_status->setText(tr("No takes of this pitch yet. Press Space, then say your pitch; "
                             "press Space again when you finish."));
    updateTakeButtons();
}

bool RehearsePage::showTake(qint64 id)
{
    Result<rehearsal::Take> take = m_takeStore->get(id);
    if (!take)
        return false;
    if (m_shownTakeId != id)
        stopPlayback();
    m_shownTakeId = id;
    m_shownAudioPath = take->audioPath;
    m_report->setReport(take->report, take->lights);
    showAdvice(*take);
    if (m_session->isHearingWords() && id == m_lastTakeId)
        m_report->setWordsListening();
    else if (take->words)
        m_report->setWords(*take->words);
    else if (id == m_rehearTakeId && m_rehearTicket != 0)
        m_report->setWordsListening();
    else if (!m_wordListener)
        m_report->setWordsMissing(tr("Words are off (Settings, Microphone)."));
    else
        m_report->setWordsMissing(tr("The words of this take were not heard (it was recorded, "
                                     "imported or recovered without them)."),
            !take->audioPath.isEmpty() && QFile::exists(take->audioPath));
    if (!selectedTakeIds().contains(id)) {
        m_reloadingTakes = true;
        selectTakes({ id });
        m_reloadingTakes = false;
    }
    if (m_stage != Stage::Rating && m_stage != Stage::SetSummary)
        showStage(Stage::Report);
    updateTakeButtons();
    return true;
}

void RehearsePage::onCurrentTakeChanged()
{
    if (m_reloadingTakes)
        return;
    if (isBusy())
        return;
    const QModelIndex current = m_takes->selectionModel()->currentIndex();
    if (!current.isValid())
        return;
    const qint64 id = TakeListModel::idAt(current);
    if (id != m_shownTakeId || m_stage != Stage::Report)
        showTake(id);
}

void RehearsePage::updateTakeButtons()
{
    const int row = m_takeModel->rowOf(m_shownTakeId);
    const bool shown = m_shownTakeId > 0 && row >= 0;
    const bool hasAudio = shown && !m_shownAudioPath.isEmpty() && QFile::exists(m_shownAudioPath);
    const bool playing = shown && m_player->state() == audio::WavPlayer::State::Playing
        && m_player->path() == m_shownAudioPath;
    m_play->setText(playing ? tr("■ &Stop") : tr("▶ &Play"));
    m_play->setEnabled(hasAudio);
    m_play->setToolTip(hasAudio ? tr("Play this take; click the timeline to play from a point")
                                : tr("This take's recording was not kept, or is missing"));
    bool starred = false;
    if (shown) {
        if (Result<rehearsal::Take> take = m_takeStore->get(m_shownTakeId))
            starred = take->starred;
    }
    m_best->setEnabled(shown);
    m_best->setChecked(starred);
    m_best->setText(starred ? tr("★ &Best take") : tr("☆ Mark as &best"));
    m_best->setToolTip(starred ? tr("This is your best take of the pitch. Press to unmark it.")
                               : tr("Mark this take as your best take of the pitch"));
    m_rate->setEnabled(shown);
    const qsizetype selected = selectedTakeIds().size();
    m_delete->setEnabled(selected > 0);
    m_delete->setToolTip(selected > 1
            ? tr("Delete the %1 selected takes and their recordings (Delete key)").arg(selected)
            : tr("Delete this take and its recording (Delete key)"));
    m_compare->setEnabled(!isBusy() && selected == 2);
}

void RehearsePage::playShownFrom(double seconds)
{
    if (m_shownAudioPath.isEmpty())
        return;
    if (Status s = m_player->play(m_shownAudioPath, std::llround(seconds * 1000.0)); !s)
        QMessageBox::warning(this, tr("Cannot play the take"), s.error().toString());
    updateTakeButtons();
}

void RehearsePage::stopPlayback()
{
    m_player->stop();
}

void RehearsePage::onPlaybackPosition(qint64 positionMs)
{
    const bool ours = m_player->state() != audio::WavPlayer::State::Stopped
        && m_player->path() == m_shownAudioPath && !m_shownAudioPath.isEmpty();
    m_report->timeline()->setPlayhead(ours ? std::optional(positionMs / 1000.0) : std::nullopt);
    m_playTime->setText(ours ? tr("%1 / %2").arg(rehearsal::formatClock(positionMs),
                            rehearsal::formatClock(m_player->durationMs()))
                             : QString());
}

void RehearsePage::onPlaybackState()
{
    onPlaybackPosition(m_player->positionMs());
    updateTakeButtons();
}

QString RehearsePage::playbackText() const
{
    return m_playTime->text();
}

void RehearsePage::selectTakes(const QList<qint64>& ids)
{
    QItemSelectionModel* selection = m_takes->selectionModel();
    selection->clearSelection();
    bool first = true;
    for (qint64 id : ids) {
        const int row = m_takeModel->rowOf(id);
        if (row < 0)
            continue;
        const QModelIndex index = m_takeModel->index(row, 0);
        const auto flags = QItemSelectionModel::Select | QItemSelectionModel::Rows;
        if (first)
            selection->setCurrentIndex(index, flags);
        else
            selection->select(index, flags);
        first = false;
    }
}

QList<qint64> RehearsePage::selectedTakeIds() const
{
    QList<qint64> ids;
    const QItemSelectionModel* selection = m_takes->selectionModel();
    for (const QModelIndex& index : selection->selectedRows())
        ids << TakeListModel::idAt(index);
    if (ids.isEmpty() && selection->currentIndex().isValid())
        ids << TakeListModel::idAt(selection->currentIndex());
    return ids;
}

std::optional<rehearsal::Take> RehearsePage::firstSelectedTake() const
{
    const QList<qint64> ids = selectedTakeIds();
    if (ids.isEmpty())
        return std::nullopt;
    Result<rehearsal::Take> take = m_takeStore->get(ids.first());
    return take ? std::optional(std::move(*take)) : std::nullopt;
}

void RehearsePage::playSelected()
{
    const std::optional<rehearsal::Take> take = firstSelectedTake();
    if (!take || !showTake(take->id))
        return;
    playShownFrom(0.0);
}

void RehearsePage::starSelected()
{
    const std::optional<rehearsal::Take> take = firstSelectedTake();
    if (take && m_takeStore->setStarred(take->id, !take->starred))
        loadTakes();
    updateTakeButtons();
}

void RehearsePage::deleteSelected()
{
    const QList<qint64> ids = selectedTakeIds();
    if (ids.isEmpty())
        return;
    const auto answer = QMessageBox::question(this, tr("Delete takes"),
        tr("Delete %1 and the recording(s)? This cannot be undone.")
            .arg(counted(ids.size(), tr("%1 take"), tr("%1 takes"))),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    for (qint64 id : ids)
        deleteTake(id);
}

bool RehearsePage::deleteTake(qint64 id)
{
    m_player->stop();
    Result<rehearsal::TakeDeletion> deleted = m_recordings->deleteTake(id);
    if (!deleted) {
        QMessageBox::warning(this, tr("Could not delete the take"), deleted.error().toString());
        return false;
    }
    // The row is gone; a recording that stays is reported, not fatal.
    if (!deleted->audio)
        QMessageBox::warning(
            this, tr("Could not delete the recording"), deleted->audio.error().toString());
    loadTakes();
    emit takesChanged();
    // The report shown was of that take: the newest left, or the empty state.
    if (id == m_shownTakeId && (m_stage == Stage::Report || m_stage == Stage::Ready)) {
        m_shownTakeId = 0;
        showLatestTake();
    }
    return true;
}

void RehearsePage::compareSelected()
{
    const QList<qint64> ids = selectedTakeIds();
    if (ids.size() != 2) {
        QMessageBox::information(this, tr("Compare takes"),
            tr("Select two takes of this pitch (Ctrl+click), then compare them."));
        return;
    }
    Result<rehearsal::Take> a = m_takeStore->get(ids[0]);
    Result<rehearsal::Take> b = m_takeStore->get(ids[1]);
    if (!a || !b)
        return;
    TakeCompareDialog dialog(*a, *b, this);
    dialog.exec();
}

void RehearsePage::editSelectedRating()
{
    const std::optional<rehearsal::Take> take = firstSelectedTake();
    if (!take)
        return;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Rate this take"));
    auto* layout = new QVBoxLayout(&dialog);
    auto* panel = new SelfRatingPanel(&m_clock, &dialog);
    panel->setRating(take->rating);
    layout->addWidget(panel);
    auto* cancel = new QDialogButtonBox(QDialogButtonBox::Cancel, &dialog);
    layout->addWidget(cancel);
    connect(cancel, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(panel, &SelfRatingPanel::submitted, &dialog, [&](const rehearsal::SelfRating& r) {
        rehearsal::SelfRating rating = r;
        rating.ratedAt = m_clock.nowUtc();
        if (Status s = m_takeStore->setRating(take->id, rating); !s)
            QMessageBox::warning(&dialog, tr("Could not save the rating"), s.error().toString());
        dialog.accept();
    });
    dialog.exec();
    loadTakes();
    updateTakeButtons();
}

void RehearsePage::checkMicrophone()
{
    if (m_checkSource) {
        endMicrophoneCheck(tr("Microphone check stopped."));
        return;
    }
    if (m_stage != Stage::Ready)
        return;
    m_checkSource = m_sources();
    m_checkMeter.reset();
    m_checkLoudWindows = 0;
    connect(m_checkSource.get(), &audio::AudioSource::blockReady, this,
        [this](const audio::AudioBlock& block) { m_checkMeter.process(block); });
    connect(m_checkSource.get(), &audio::AudioSource::finished, this, [this](const Status& s) {
        if (m_checkSource)
            endMicrophoneCheck(s ? tr("Microphone check ended.") : s.error().toString());
    });
    if (Status started = m_checkSource->start(); !started) {
        m_checkSource.reset();
        m_status->setText(started.error().toString());
        return;
    }
    m_checkButton->setText(tr("Stop &check"));
    m_startStop->setEnabled(false);
    m_status->setText(tr("Say a few words: the bar should move. (Nothing is recorded.)"));
    m_checkTimeout->start(10'000);
}

void RehearsePage::endMicrophoneCheck(const QString& verdict)
{
    m_checkTimeout->stop();
    if (std::unique_ptr<audio::AudioSource> source = std::move(m_checkSource)) {
        disconnect(source.get(), nullptr, this, nullptr);
        source->stop();
        source.release()->deleteLater(); // it may be inside its own signal
    }
    m_checkButton->setText(tr("Check &microphone"));
    showStage(Stage::Ready);
    m_status->setText(verdict);
}

QString RehearsePage::clockText() const
{
    return m_clockLabel->text();
}

QWidget* RehearsePage::buildOrphanBanner()
{
    auto* banner = new QFrame(this);
    banner->setFrameShape(QFrame::StyledPanel);
    auto* row = new QHBoxLayout(banner);
    m_orphanLabel->setWordWrap(true);
    m_orphanLabel->setAccessibleName(tr("Recordings not saved as takes"));
    auto* keep = new QPushButton(tr("&Keep as a take of this pitch"), banner);
    m_keepOrphan = keep;
    auto* discard = new QPushButton(tr("Delete the recording"), banner);
    auto* later = new QPushButton(tr("Later"), banner);
    row->addWidget(m_orphanLabel, 1);
    row->addWidget(keep);
    row->addWidget(discard);
    row->addWidget(later);
    connect(keep, &QPushButton::clicked, this, &RehearsePage::keepOrphan);
    connect(discard, &QPushButton::clicked, this, &RehearsePage::discardOrphan);
    connect(later, &QPushButton::clicked, banner, &QWidget::hide);
    banner->hide();
    return banner;
}

void RehearsePage::findOrphans()
{
    Result<QList<rehearsal::OrphanRecording>> found = m_recordings->orphans();
    m_orphans = found ? *found : QList<rehearsal::OrphanRecording> {};
    if (m_orphans.isEmpty()) {
        m_orphanBanner->hide();
        m_orphanLabel->clear();
        return;
    }
    const rehearsal::OrphanRecording& first = m_orphans.first();
    const QString when = momentText(first.startedAt.toLocalTime());
    const QString length = rehearsal::formatClock(std::llround(first.durationS() * 1000));
    QString text;
    if (const std::optional<answers::AnswerLabel> answer = answers::answerOfLabel(first.label)) {
        text = tr("Your answer to \u201c%1\u201d from %2 (%3 long) was not saved: Rapport stopped "
                  "while it was recording. The recording is safe.")
                   .arg(answer->card.text, when, length);
        m_keepOrphan->setText(tr("&Keep as that answer"));
    } else if (const std::optional<rehearsal::Pitch> pitch = labelledPitch(first)) {
        text = tr("A take of \u201c%1\u201d from %2 (%3 long) was not saved: Rapport stopped "
                  "while it was recording. The recording is safe.")
                   .arg(pitch->title, when, length);
        m_keepOrphan->setText(tr("&Keep as that take"));
    } else {
        text = tr("A take from %1 (%2 long) was not saved: Rapport stopped while it was "
                  "recording. The recording is safe.")
                   .arg(when, length);
        m_keepOrphan->setText(tr("&Keep as a take of this pitch"));
    }
    if (!first.problem.isEmpty())
        text = tr("A recording from %1 cannot be read: %2")
                   .arg(momentText(first.startedAt.toLocalTime()), first.problem);
    if (m_orphans.size() > 1)
        text += QLatin1Char(' ') + tr("(%1 more after this one.)").arg(m_orphans.size() - 1);
    m_orphanLabel->setText(text);
    m_orphanBanner->show();
}

std::optional<rehearsal::Pitch> RehearsePage::labelledPitch(
    const rehearsal::OrphanRecording& orphan) const
{
    const std::optional<qint64> id = rehearsal::takeLabelPitch(orphan.label);
    if (!id)
        return std::nullopt;
    Result<rehearsal::Pitch> pitch = rehearsal::PitchRepository(*m_store.database).get(*id);
    return pitch ? std::optional(*pitch) : std::nullopt; // a pitch deleted since: the chosen one
}

bool RehearsePage::keepOrphan()
{
    if (m_orphans.isEmpty())
        return false;
    const rehearsal::OrphanRecording& first = m_orphans.first();
    if (const std::optional<answers::AnswerLabel> label = answers::answerOfLabel(first.label)) {
        answers::AnswerRepository repository(*m_store.database);
        Result<answers::Answer> answer
            = answers::recoverAnswer(*m_recordings, repository, first.path, *label);
        if (!answer) {
            m_orphanLabel->setText(answer.error().toString());
            return false;
        }
        emit answersChanged();
        findOrphans();
        return true;
    }
    std::optional<rehearsal::Pitch> pitch = labelledPitch(first);
    if (!pitch)
        pitch = currentPitch();
    if (!pitch)
        return false;
    Result<rehearsal::Take> take = m_recordings->recover(first.path, *pitch);
    if (!take) {
        m_orphanLabel->setText(take.error().toString());
        return false;
    }
    loadTakes();
    emit takesChanged();
    findOrphans();
    return true;
}

bool RehearsePage::discardOrphan()
{
    if (m_orphans.isEmpty())
        return false;
    Result<QString> removed = m_recordings->discard(m_orphans.first().path);
    if (!removed) {
        m_orphanLabel->setText(removed.error().toString());
        return false;
    }
    findOrphans();
    return true;
}

QString RehearsePage::orphanText() const
{
    return m_orphanBanner->isHidden() ? QString() : m_orphanLabel->text();
}

QString RehearsePage::summaryText() const
{
    return m_summary->text();
}

QString RehearsePage::statusText() const
{
    return m_status->text();
}

Light RehearsePage::light() const
{
    return m_lightIndicator->light();
}

} // namespace rapport::gui
