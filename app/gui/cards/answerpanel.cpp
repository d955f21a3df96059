#include "app/gui/cards/answerpanel.h"

#include "app/audio/microphonesource.h"
#include "app/audio/wavplayer.h"
#include "app/gui/rehearse/levelmeterwidget.h"
#include "app/gui/rehearse/selfratingpanel.h"
#include "app/gui/rehearse/takereportview.h"
#include "app/gui/widgets/lightindicator.h"
#include "app/gui/widgets/theme.h"
#include "app/gui/widgets/wording.h"
#include "core/coaching/advice.h"
#include "core/rehearsal/timing.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace rapport::gui {

AnswerPanel::AnswerPanel(
    storage::Store& store, SourceFactory sources, const Clock* clock, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
    , m_sources(std::move(sources))
    , m_clock(clock ? *clock : m_systemClock)
    , m_takes(*store.database)
    , m_answers(*store.database)
    , m_recordings(store.paths, m_takes)
    , m_answerStore(m_answers)
    , m_session(std::make_unique<rehearsal::TakeSession>(m_recordings, m_takes, m_clock))
    , m_player(std::make_unique<audio::WavPlayer>())
    , m_lights(answers::defaultAnswerLights())
    , m_stages(new QStackedWidget(this))
    , m_answer(new QPushButton(tr("&Answer out loud"), this))
    , m_event(new QPushButton(tr("Before the &event…"), this))
    , m_note(new QLabel(this))
    , m_answered(new QLabel(this))
    , m_lightIndicator(new LightIndicator(this))
    , m_clockLabel(new QLabel(QStringLiteral("0:00"), this))
    , m_meter(new LevelMeterWidget(this))
    , m_stop(new QPushButton(tr("Stop"), this))
    , m_rating(new SelfRatingPanel(clock, this, SelfRatingPanel::Rubric::Answer))
    , m_summary(new QLabel(this))
    , m_report(new TakeReportView(this))
    , m_play(new QPushButton(tr("&Play"), this))
    , m_delete(new QPushButton(tr("Delete…"), this))
    , m_done(new QPushButton(tr("Done"), this))
    , m_status(new QLabel(this))
{
    setAccessibleName(tr("Answer out loud"));
    m_report->setTitle(tr("Your answer, measured"));
    if (!m_sources) {
        m_sources = [this]() -> std::unique_ptr<audio::AudioSource> {
            return audio::chosenMicrophone(m_inputId, m_inputName);
        };
    }

    // Idle: the button and how often this card was answered.
    auto* idle = new QWidget(this);
    auto* idleRow = new QHBoxLayout(idle);
    idleRow->setContentsMargins(0, 0, 0, 0);
    m_answer->setToolTip(tr("Answer the card on show out loud, as at Table Topics: recorded, "
                            "timed by the answer timer's lights and measured (A)"));
    m_answer->setAccessibleDescription(m_answer->toolTip());
    m_answered->setAccessibleName(tr("Answers to this card"));
    m_event->setToolTip(tr("Five cards up the ladder, small talk to deep, answered out loud in a "
                           "row; then your average time to the first word, your best answer and "
                           "the one to answer again"));
    m_event->setAccessibleDescription(m_event->toolTip());
    m_answer->setAccessibleName(tr("Answer out loud"));
    m_event->setAccessibleName(tr("Before the event"));
    m_stop->setAccessibleName(tr("Stop the answer"));
    m_play->setAccessibleName(tr("Play the answer"));
    m_delete->setAccessibleName(tr("Delete the answer"));
    m_done->setAccessibleName(tr("Done with the report"));
    idleRow->addWidget(m_answer);
    idleRow->addWidget(m_answered, 1);
    idleRow->addWidget(m_event);

    // Recording: the light, the clock and the level.
    auto* recording = new QWidget(this);
    auto* recordingRow = new QHBoxLayout(recording);
    recordingRow->setContentsMargins(0, 0, 0, 0);
    m_lightIndicator->setProminence(28, 1.0);
    m_lightIndicator->setIdle();
    QFont clockFont = m_clockLabel->font();
    clockFont.setPointSizeF(clockFont.pointSizeF() * 1.6);
    clockFont.setWeight(QFont::DemiBold);
    m_clockLabel->setFont(clockFont);
    m_clockLabel->setAccessibleName(tr("Answer time"));
    m_meter->setMinimumWidth(160);
    m_stop->setToolTip(tr("Stop the answer (A or Space)"));
    m_stop->setAccessibleDescription(m_stop->toolTip());
    recordingRow->addWidget(m_lightIndicator);
    recordingRow->addWidget(m_clockLabel);
    recordingRow->addWidget(m_meter, 1);
    recordingRow->addWidget(m_stop);

    // Report: the head line, the take report, and what to do with the answer.
    auto* reportPage = new QWidget(this);
    auto* reportLayout = new QVBoxLayout(reportPage);
    reportLayout->setContentsMargins(0, 0, 0, 0);
    QFont summaryFont = m_summary->font();
    summaryFont.setWeight(QFont::DemiBold);
    m_summary->setFont(summaryFont);
    m_summary->setWordWrap(true);
    m_summary->setAccessibleName(tr("Answer summary"));
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(m_report);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_play);
    buttons->addWidget(m_delete);
    buttons->addStretch(1);
    buttons->addWidget(m_done);
    reportLayout->addWidget(m_summary);
    reportLayout->addWidget(scroll, 1);
    reportLayout->addLayout(buttons);

    m_stages->addWidget(idle);
    m_stages->addWidget(recording);
    m_stages->addWidget(m_rating);
    m_stages->addWidget(reportPage);
    m_status->setWordWrap(true);
    m_status->hide();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_note->setWordWrap(true);
    m_note->setAccessibleName(tr("Before the event"));
    QFont noteFont = m_note->font();
    noteFont.setWeight(QFont::DemiBold);
    m_note->setFont(noteFont);
    m_note->hide();
    layout->addWidget(m_note);
    layout->addWidget(m_stages, 1);
    layout->addWidget(m_status);

    connect(m_answer, &QPushButton::clicked, this, &AnswerPanel::startOrStop);
    connect(m_event, &QPushButton::clicked, this, &AnswerPanel::beforeTheEventRequested);
    connect(m_stop, &QPushButton::clicked, this, &AnswerPanel::startOrStop);
    connect(m_play, &QPushButton::clicked, this, &AnswerPanel::playShown);
    connect(m_delete, &QPushButton::clicked, this, &AnswerPanel::deleteShown);
    connect(m_done, &QPushButton::clicked, this, &AnswerPanel::closeReport);
    connect(m_rating, &SelfRatingPanel::answerSubmitted, this, &AnswerPanel::onRated);
    connect(m_session.get(), &rehearsal::TakeSession::progressed, this, &AnswerPanel::onProgress);
    connect(m_session.get(), &rehearsal::TakeSession::finished, this, &AnswerPanel::onFinished);
    connect(m_session.get(), &rehearsal::TakeSession::wordsHeard, this, &AnswerPanel::onWordsHeard);
    connect(m_player.get(), &audio::WavPlayer::stateChanged, this, [this] {
        m_play->setText(
            m_player->state() == audio::WavPlayer::State::Playing ? tr("Stop") : tr("&Play"));
    });
    setCard(std::nullopt, std::nullopt);
    showStage(Stage::Idle);
}

bool AnswerPanel::finishRecording(int waitMs)
{
    return m_session->stopAndWait(waitMs);
}

AnswerPanel::~AnswerPanel()
{
    if (m_session->isRecording())
        m_session->stop();
}

void AnswerPanel::setCard(
    const std::optional<answers::CardRef>& card, std::optional<qint64> drawSeq)
{
    if (isBusy())
        return; // the card on show stays the one being answered
    m_card = card;
    m_drawSeq = drawSeq;
    m_answer->setEnabled(card.has_value());
    updateAnswered();
}

void AnswerPanel::setNote(const QString& note)
{
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
}

QString AnswerPanel::noteText() const
{
    return m_note->text();
}

void AnswerPanel::setLightsProvider(std::function<rehearsal::LightTimes()> lights)
{
    m_lightsProvider = std::move(lights);
}

void AnswerPanel::setWordListener(speech::WordListener* listener)
{
    m_listener = listener;
    m_session->setWordListener(listener);
}

void AnswerPanel::setInputChoice(const QString& id, const QString& name)
{
    m_inputId = id;
    m_inputName = name;
}

QString AnswerPanel::answeredText() const
{
    return m_answered->text();
}

QString AnswerPanel::clockText() const
{
    return m_clockLabel->text();
}

rehearsal::Light AnswerPanel::light() const
{
    return m_lightIndicator->light();
}

QString AnswerPanel::summaryText() const
{
    return m_summary->text();
}

QString AnswerPanel::statusText() const
{
    return m_status->text();
}

void AnswerPanel::startOrStop()
{
    if (m_stage == Stage::Recording) {
        m_session->stop();
        return;
    }
    if (isBusy() || !m_card)
        return;
    m_player->stop();
    setStatus(QString());
    m_lights = answers::defaultAnswerLights();
    if (m_lightsProvider) {
        const rehearsal::LightTimes chosen = m_lightsProvider();
        if (chosen.valid())
            m_lights = rehearsal::LightTimes::pitch(chosen.greenMs, chosen.yellowMs, chosen.redMs);
    }
    m_answerStore.setCard(*m_card, m_drawSeq);
    m_answerStore.setRating(std::nullopt);
    m_source = m_sources();
    if (Status started
        = m_session->start(*m_source, answers::answerPitch(*m_card, m_lights), 0, &m_answerStore);
        !started) {
        m_source.reset();
        setStatus(started.error().toString());
        return;
    }
    m_clockLabel->setText(QStringLiteral("0:00"));
    m_lightIndicator->setIdle();
    showStage(Stage::Recording);
}

void AnswerPanel::onProgress(qint64 frames, float rmsDbfs, float peakDbfs)
{
    const qint64 elapsedMs = frames * 1000 / audio::kSampleRate;
    m_clockLabel->setText(rehearsal::formatClock(elapsedMs));
    m_lightIndicator->setLight(rehearsal::lightAt(elapsedMs, m_lights));
    m_meter->setLevel(rmsDbfs, peakDbfs);
}

void AnswerPanel::onFinished(const rehearsal::TakeOutcome& outcome)
{
    std::unique_ptr<audio::AudioSource> source = std::move(m_source);
    source.release()->deleteLater(); // it may still be inside its own signal
    if (!outcome.take) {
        showStage(Stage::Idle);
        setStatus(outcome.notStored ? outcome.notStored->toString() : QString());
        return;
    }
    m_shownId = outcome.take->id;
    m_rating->setAnswerRating({});
    showStage(Stage::Rating);
    emit answersChanged();
    if (outcome.stoppedEarly) {
        setStatus(outcome.stoppedEarly->toString() + tr(" What was recorded up to then is kept."));
    }
}

void AnswerPanel::onRated(const answers::AnswerRating& rating)
{
    if (Status saved = m_answers.setRating(m_shownId, rating); !saved)
        setStatus(saved.error().toString());
    emit answersChanged();
    Result<answers::Answer> answer = m_answers.get(m_shownId);
    if (!answer) {
        setStatus(answer.error().toString());
        showStage(Stage::Idle);
        return;
    }
    showReportOf(*answer);
    showStage(Stage::Report);
    emit answerRated(m_shownId);
}

void AnswerPanel::onWordsHeard(qint64 id, const Result<speech::WordReport>& words)
{
    emit answersChanged();
    if (id != m_shownId || m_stage != Stage::Report)
        return;
    if (!words) {
        m_report->setWordsMissing(words.error().toString());
        return;
    }
    if (Result<answers::Answer> answer = m_answers.get(id))
        showReportOf(*answer);
}

bool AnswerPanel::showAnswer(qint64 id)
{
    if (isBusy())
        return false;
    Result<answers::Answer> answer = m_answers.get(id);
    if (!answer)
        return false;
    m_shownId = id;
    showReportOf(*answer);
    showStage(Stage::Report);
    return true;
}

void AnswerPanel::showReportOf(const answers::Answer& answer)
{
    QStringList head;
    head << (answer.firstWordS()
            ? tr("First word after %1 s").arg(QLocale().toString(*answer.firstWordS(), 'f', 1))
            : tr("No speech found"));
    if (const std::optional<bool> asked = answers::askedBack(answer.words))
        head << (*asked ? tr("asked something back") : tr("no question back"));
    head << (answer.rating.rated() ? tr("your rating %1 of 5").arg(*answer.rating.overall)
                                   : tr("not rated"));
    m_summary->setText(head.join(QStringLiteral(" · ")));
    const rehearsal::Take take = answers::asTake(answer);
    m_report->setReport(answer.report, answer.lights);
    // Compared with the answer before it to the same card.
    std::optional<rehearsal::Take> previous;
    if (Result<QList<answers::Answer>> earlier
        = m_answers.list({ answer.card.deckId, answer.card.questionId })) {
        for (const answers::Answer& other : *earlier) {
            if (other.startedAt < answer.startedAt
                || (other.startedAt == answer.startedAt && other.id < answer.id))
                previous = answers::asTake(other);
        }
    }
    m_report->setAdvice(coaching::coach(take, previous, std::nullopt));
    if (answer.words)
        m_report->setWords(*answer.words);
    else if (m_listener && m_session->isHearingWords())
        m_report->setWordsListening();
    else
        m_report->setWordsMissing(m_listener ? tr("The words of this answer were not heard.")
                                             : tr("Words are off (Settings)."));
    m_play->setEnabled(!answer.audioPath.isEmpty());
    // QGridLayout under-reports the report's height for a width (its timeline row was squeezed,
    // cutting the axis labels): it scrolls at its preferred height instead.
    m_report->setMinimumHeight(0);
    m_report->setMinimumHeight(m_report->sizeHint().height());
}

void AnswerPanel::playShown()
{
    if (m_player->state() == audio::WavPlayer::State::Playing) {
        m_player->stop();
        return;
    }
    Result<answers::Answer> answer = m_answers.get(m_shownId);
    if (!answer)
        return;
    if (Status played = m_player->play(answer->audioPath); !played)
        setStatus(played.error().toString());
}

void AnswerPanel::deleteShown()
{
    if (m_shownId == 0 || isBusy())
        return;
    if (QMessageBox::question(this, tr("Delete this answer?"),
            tr("The answer and its recording will be deleted. This cannot be undone."),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        != QMessageBox::Yes)
        return;
    m_player->stop();
    Result<rehearsal::TakeDeletion> deleted
        = answers::deleteAnswer(m_recordings, m_answers, m_shownId);
    if (!deleted) {
        setStatus(deleted.error().toString());
        return;
    }
    if (!deleted->audio)
        setStatus(deleted->audio.error().toString());
    m_shownId = 0;
    showStage(Stage::Idle);
    emit answersChanged();
}

void AnswerPanel::closeReport()
{
    if (m_stage != Stage::Report)
        return;
    m_player->stop();
    showStage(Stage::Idle);
}

void AnswerPanel::updateAnswered()
{
    if (!m_card) {
        m_answered->setText(tr("Draw a card to answer it out loud."));
        return;
    }
    Result<answers::CardAnswers> counted = m_answers.countFor(m_card->deckId, m_card->questionId);
    if (!counted || counted->count == 0) {
        m_answered->setText(tr("Not answered yet. A records your answer; A or Space stops."));
        return;
    }
    const QString ago
        = agoText(counted->lastAt.toLocalTime().date(), m_clock.nowUtc().toLocalTime().date());
    m_answered->setText(counted->count == 1
            ? tr("Answered once, %1.").arg(ago)
            : tr("Answered %1 times, last %2.").arg(counted->count).arg(ago));
}

void AnswerPanel::setStatus(const QString& problem)
{
    showStatus(m_status, problem, true);
    m_status->setVisible(!problem.isEmpty()); // no empty line under the button
}

void AnswerPanel::showStage(Stage stage)
{
    m_stage = stage;
    m_stages->setCurrentIndex(static_cast<int>(stage));
    // The stack is as tall as the stage on show, not as its tallest (the rating form).
    for (int i = 0; i < m_stages->count(); ++i) {
        m_stages->widget(i)->setSizePolicy(QSizePolicy::Preferred,
            i == m_stages->currentIndex() ? QSizePolicy::Preferred : QSizePolicy::Ignored);
    }
    m_stages->updateGeometry();
    if (stage == Stage::Idle)
        updateAnswered();
    if (stage == Stage::Rating)
        m_rating->setFocus();
    if (stage == Stage::Recording)
        m_stop->setFocus();
    emit stageChanged();
}

} // namespace rapport::gui
