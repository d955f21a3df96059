#include "app/gui/cards/answertimer.h"

#include "app/gui/widgets/lightindicator.h"
#include "core/answers/answerwindow.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTimer>

namespace rapport::gui {

using rehearsal::LightTimes;

namespace {

const QString kGreenKey = QStringLiteral("cards/timerGreenS");
const QString kYellowKey = QStringLiteral("cards/timerYellowS");
const QString kRedKey = QStringLiteral("cards/timerRedS");

LightTimes loadTimes(QSettings* settings)
{
    const LightTimes defaults = LightTimes::tableTopics();
    if (!settings)
        return defaults;
    LightTimes times = defaults;
    times.greenMs = settings->value(kGreenKey, defaults.greenMs / 1000).toLongLong() * 1000;
    times.yellowMs = settings->value(kYellowKey, defaults.yellowMs / 1000).toLongLong() * 1000;
    times.redMs = settings->value(kRedKey, defaults.redMs / 1000).toLongLong() * 1000;
    return times.valid() ? times : defaults;
}

QSpinBox* secondsBox(qint64 ms, QWidget* parent)
{
    auto* box = new QSpinBox(parent);
    box->setRange(5, 3600);
    box->setSuffix(QObject::tr(" s"));
    box->setValue(static_cast<int>(ms / 1000));
    return box;
}

} // namespace

AnswerTimer::AnswerTimer(QSettings* settings, QWidget* parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_times(loadTimes(settings))
    , m_ticker(new QTimer(this))
    , m_clock(new QLabel(this))
    , m_light(new LightIndicator(this))
    , m_startStop(new QPushButton(this))
    , m_reset(new QPushButton(tr("Reset"), this))
{
    auto monotonic = std::make_shared<QElapsedTimer>();
    monotonic->start();
    m_nowMs = [monotonic] { return monotonic->elapsed(); };

    setAccessibleName(tr("Answer timer"));
    QFont clockFont = m_clock->font();
    clockFont.setPointSizeF(clockFont.pointSizeF() * 1.8);
    m_clock->setFont(clockFont);
    m_clock->setMinimumWidth(m_clock->fontMetrics().horizontalAdvance(QStringLiteral("00:00")));
    m_clock->setAccessibleName(tr("Time answering"));
    auto* times = new QPushButton(tr("Light times…"), this);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);
    layout->addWidget(m_clock);
    layout->addWidget(m_light, 1);
    layout->addWidget(m_startStop);
    layout->addWidget(m_reset);
    layout->addWidget(times);

    m_ticker->setInterval(100);
    connect(m_ticker, &QTimer::timeout, this, &AnswerTimer::refresh);
    connect(m_startStop, &QPushButton::clicked, this, &AnswerTimer::toggle);
    connect(m_reset, &QPushButton::clicked, this, &AnswerTimer::reset);
    connect(times, &QPushButton::clicked, this, &AnswerTimer::editTimes);
    refresh();
}

void AnswerTimer::keepTimesIn(const storage::Database* database)
{
    m_database = database;
    if (!m_database)
        return;
    Result<bool> saved = answers::answerLightsSaved(*m_database);
    if (saved && !*saved && m_settings && m_settings->contains(kRedKey)) {
        // Kept by an earlier Rapport in the settings: moved to the data, where the CLI reads them.
        if (!answers::saveAnswerLights(
                *m_database, LightTimes::pitch(m_times.greenMs, m_times.yellowMs, m_times.redMs)))
            qWarning("Could not keep the answer light times with your data.");
        return;
    }
    if (Result<LightTimes> stored = answers::loadAnswerLights(*m_database); stored) {
        m_times.greenMs = stored->greenMs;
        m_times.yellowMs = stored->yellowMs;
        m_times.redMs = stored->redMs;
        refresh();
    }
}

void AnswerTimer::setTimeSource(std::function<qint64()> nowMs)
{
    m_nowMs = std::move(nowMs);
    m_startedAtMs = m_nowMs();
}

qint64 AnswerTimer::elapsedMs() const
{
    return m_accumulatedMs + (m_running ? m_nowMs() - m_startedAtMs : 0);
}

rehearsal::Light AnswerTimer::light() const
{
    return rehearsal::lightAt(elapsedMs(), m_times);
}

void AnswerTimer::setTimes(const LightTimes& times)
{
    if (!times.valid())
        return;
    m_times = times;
    if (m_database) {
        if (Status saved = answers::saveAnswerLights(
                *m_database, LightTimes::pitch(times.greenMs, times.yellowMs, times.redMs));
            !saved)
            qWarning("%s", qUtf8Printable(saved.error().toString()));
    } else if (m_settings) {
        m_settings->setValue(kGreenKey, times.greenMs / 1000);
        m_settings->setValue(kYellowKey, times.yellowMs / 1000);
        m_settings->setValue(kRedKey, times.redMs / 1000);
    }
    refresh();
}

QString AnswerTimer::clockText() const
{
    return m_clock->text();
}

QString AnswerTimer::lightText() const
{
    return m_light->text();
}

void AnswerTimer::start()
{
    if (m_running)
        return;
    m_running = true;
    m_startedAtMs = m_nowMs();
    m_ticker->start();
    refresh();
}

void AnswerTimer::stop()
{
    if (!m_running)
        return;
    m_accumulatedMs = elapsedMs();
    m_running = false;
    m_ticker->stop();
    refresh();
}

void AnswerTimer::toggle()
{
    m_running ? stop() : start();
}

void AnswerTimer::reset()
{
    m_running = false;
    m_ticker->stop();
    m_accumulatedMs = 0;
    refresh();
}

void AnswerTimer::refresh()
{
    m_clock->setText(rehearsal::formatClock(elapsedMs()));
    m_light->setLight(light());
    m_startStop->setText(m_running ? tr("Stop timer  (T)") : tr("Start timer  (T)"));
    m_reset->setEnabled(m_running || m_accumulatedMs > 0);
}

void AnswerTimer::editTimes()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Light times"));
    auto* form = new QFormLayout(&dialog);
    auto* intro = new QLabel(
        tr("When each light comes on, counted from the start of the answer."), &dialog);
    intro->setWordWrap(true);
    form->addRow(intro);
    QSpinBox* green = secondsBox(m_times.greenMs, &dialog);
    QSpinBox* yellow = secondsBox(m_times.yellowMs, &dialog);
    QSpinBox* red = secondsBox(m_times.redMs, &dialog);
    form->addRow(tr("&Green:"), green);
    form->addRow(tr("&Yellow:"), yellow);
    form->addRow(tr("&Red:"), red);
    auto* problem = new QLabel(&dialog);
    problem->setWordWrap(true);
    form->addRow(problem);
    auto* buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults,
        &dialog);
    form->addRow(buttons);
    auto chosen = [this, green, yellow, red] {
        LightTimes times = m_times;
        times.greenMs = green->value() * 1000LL;
        times.yellowMs = yellow->value() * 1000LL;
        times.redMs = red->value() * 1000LL;
        return times;
    };
    auto check = [chosen, problem, buttons] {
        const bool ok = chosen().valid();
        problem->setText(ok ? QString() : tr("Each light must come on after the one before it."));
        buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
    };
    for (QSpinBox* box : { green, yellow, red })
        connect(box, &QSpinBox::valueChanged, &dialog, check);
    connect(
        buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, &dialog, [=] {
            const LightTimes defaults = LightTimes::tableTopics();
            green->setValue(static_cast<int>(defaults.greenMs / 1000));
            yellow->setValue(static_cast<int>(defaults.yellowMs / 1000));
            red->setValue(static_cast<int>(defaults.redMs / 1000));
        });
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() == QDialog::Accepted)
        setTimes(chosen());
}

} // namespace rapport::gui
