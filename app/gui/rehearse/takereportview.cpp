#include "app/gui/rehearse/takereportview.h"

#include "app/gui/rehearse/taketimeline.h"
#include "app/gui/widgets/takelistmodel.h"
#include "app/gui/widgets/theme.h"
#include "app/gui/widgets/wording.h"
#include "core/analysis/reportjson.h"
#include "core/rehearsal/timing.h"

#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace rapport::gui {

using analysis::Caveat;
using analysis::TakeReport;

namespace {

const QString kMissing = QStringLiteral("—");
const QString kDash = QStringLiteral(" — ");

QString speakingTime(const TakeReport& report, const rehearsal::LightTimes& lights)
{
    if (!report.speakingTimeS)
        return kMissing;
    const qint64 ms = std::llround(*report.speakingTimeS * 1000.0);
    const QString clock = rehearsal::formatClock(ms);
    if (!lights.valid())
        return clock;
    return clock + kDash + rehearsal::describeTiming(rehearsal::judgeTiming(ms, lights))
        + QObject::tr(" (green %1 to red %2)")
              .arg(rehearsal::formatClock(lights.greenMs), rehearsal::formatClock(lights.redMs));
}

QString pauses(const TakeReport& report)
{
    if (!report.pauseCount)
        return kMissing;
    if (*report.pauseCount == 0)
        return QObject::tr("No pauses");
    QString text = counted(*report.pauseCount, QObject::tr("%1 pause"), QObject::tr("%1 pauses"));
    if (report.longestPauseS)
        text += (*report.pauseCount == 1 ? QObject::tr(", %1 s") : QObject::tr(", longest %1 s"))
                    .arg(*report.longestPauseS, 0, 'f', 1);
    return text;
}

// The words of the caveats among `wanted` that the report has, in the report's order.
QStringList caveatTexts(const TakeReport& report, std::initializer_list<Caveat> wanted)
{
    QStringList texts;
    for (const Caveat caveat : report.caveats) {
        if (std::find(wanted.begin(), wanted.end(), caveat) != wanted.end())
            texts << analysis::caveatText(caveat);
    }
    return texts;
}

// A note under a figure: the caveats as sentences.
QString caveatNote(const TakeReport& report, std::initializer_list<Caveat> wanted)
{
    QStringList sentences = caveatTexts(report, wanted);
    for (QString& text : sentences)
        text = asSentence(text);
    return sentences.join(QLatin1Char(' '));
}

QString pace(const TakeReport& report)
{
    // A pace withheld says why in place of the number.
    if (const QString why = withheldPaceReason(report); !why.isEmpty())
        return kMissing + QLatin1Char(' ') + why;
    if (!report.wordsPerMinute)
        return kMissing;
    const long wpm = std::lround(*report.wordsPerMinute);
    QString verdict;
    if (wpm < TakeReportView::kComfortableMinWpm)
        verdict = QObject::tr("relaxed");
    else if (wpm > TakeReportView::kComfortableMaxWpm)
        verdict = QObject::tr("fast");
    else
        verdict = QObject::tr("in the comfortable band");
    return QObject::tr("about %1 words a minute").arg(wpm) + kDash + verdict
        + QObject::tr(" (%1–%2)")
              .arg(TakeReportView::kComfortableMinWpm)
              .arg(TakeReportView::kComfortableMaxWpm);
}

QString pitch(const TakeReport& report)
{
    if (!report.pitchSdSemitones)
        return kMissing;
    const QString spread
        = QObject::tr("%1 semitones of variation").arg(*report.pitchSdSemitones, 0, 'f', 1);
    if (report.monotone.value_or(false))
        return spread + kDash + QObject::tr("monotone — vary your pitch");
    return spread + kDash + QObject::tr("lively enough");
}

QString loudness(const TakeReport& report)
{
    if (!report.loudnessLufs && !report.peakDbfs)
        return kMissing;
    const QString lufs = report.loudnessLufs
        ? signedDecimal(*report.loudnessLufs, 1) + QObject::tr(" LUFS")
        : kMissing;
    if (!report.peakDbfs)
        return lufs;
    return lufs + QObject::tr(", peak %1 dBFS").arg(signedDecimal(*report.peakDbfs, 1));
}

QString background(const TakeReport& report)
{
    if (!report.signalToNoiseDb)
        return {};
    const long db = std::lround(*report.signalToNoiseDb);
    if (db <= 0)
        return QObject::tr("as loud as your voice");
    return QObject::tr("%1 dB under your voice").arg(db);
}

QStringList warnings(const TakeReport& report)
{
    QStringList list;
    if (!report.speakingTimeS)
        list << QObject::tr("No speech found — check the microphone.");
    const bool clipped = report.clippedRatio.value_or(0.0) > TakeReportView::kClippedRatioLimit;
    const bool hot = report.peakDbfs.value_or(-120.0) > TakeReportView::kLoudPeakDbfs;
    if (clipped || hot) {
        QString why = clipped ? QObject::tr("%1 % of the samples clipped")
                                    .arg(*report.clippedRatio * 100.0, 0, 'f', 1)
                              : QObject::tr("peak %1 dBFS").arg(signedDecimal(*report.peakDbfs, 1));
        list << QObject::tr("Too loud — move back from the microphone (%1).").arg(why);
    }
    return list;
}

} // namespace

TakeReportView::TakeReportView(QWidget* parent)
    : QWidget(parent)
    , m_timeline(new TakeTimeline(this))
    , m_warnings(new QLabel(this))
{
    setAccessibleName(tr("Report of the take"));
    auto* title = new QLabel(tr("Your take, measured"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setWeight(QFont::DemiBold);
    title->setFont(titleFont);

    auto* grid = new QGridLayout;
    grid->setHorizontalSpacing(16);
    grid->setVerticalSpacing(8);
    m_speakingTime = addRow(grid, 0, tr("Speaking time"), &m_speechNote);
    QFont emphasis = m_speakingTime->font();
    emphasis.setWeight(QFont::DemiBold);
    m_speakingTime->setFont(emphasis);
    grid->addWidget(m_timeline, 1, 0, 1, 2);
    m_pauses = addRow(grid, 2, tr("Pauses"));
    m_pace = addRow(grid, 3, tr("Pace"));
    m_pitch = addRow(grid, 4, tr("Pitch"));
    m_loudness = addRow(grid, 5, tr("Loudness"), &m_loudnessNote);
    // A measure of the room rather than of the speaker: said quietly.
    m_background = addRow(grid, 6, tr("Background"));
    m_backgroundName = qobject_cast<QLabel*>(grid->itemAtPosition(6, 0)->widget());
    for (QLabel* label : { m_backgroundName, m_background })
        label->setForegroundRole(QPalette::PlaceholderText);
    grid->setColumnStretch(1, 1);

    styleAsProblem(m_warnings);
    m_warnings->setAccessibleName(tr("Warnings"));
    m_warnings->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_warnings);
    layout->addLayout(grid);
    layout->addStretch(1);
    setReport({}, {});
}

QLabel* TakeReportView::addRow(QGridLayout* grid, int row, const QString& name, QLabel** note)
{
    auto* label = new QLabel(name, this);
    auto* value = new QLabel(kMissing, this);
    label->setBuddy(value);
    value->setAccessibleName(name);
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    grid->addWidget(label, row, 0, Qt::AlignTop);
    if (!note) {
        grid->addWidget(value, row, 1);
        return value;
    }
    // The note sits close under its value, in italics: a qualification of the figure, as
    // readable as the figure itself.
    *note = new QLabel(this);
    (*note)->setAccessibleName(tr("%1, note").arg(name));
    QFont italic = (*note)->font();
    italic.setItalic(true);
    (*note)->setFont(italic);
    (*note)->setWordWrap(true);
    (*note)->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* cell = new QVBoxLayout;
    cell->setSpacing(2);
    cell->addWidget(value);
    cell->addWidget(*note);
    grid->addLayout(cell, row, 1);
    return value;
}

void TakeReportView::setNote(QLabel* note, const QString& text)
{
    note->setText(text);
    note->setVisible(!text.isEmpty());
}

void TakeReportView::setReport(const TakeReport& report, const rehearsal::LightTimes& lights)
{
    m_speakingTime->setText(speakingTime(report, lights));
    setNote(m_speechNote, caveatNote(report, { Caveat::Noisy }));
    m_pauses->setText(pauses(report));
    m_pace->setText(pace(report));
    m_pitch->setText(pitch(report));
    m_loudness->setText(loudness(report));
    setNote(m_loudnessNote, caveatNote(report, { Caveat::Clipped }));
    setNote(m_background, background(report));
    m_backgroundName->setVisible(!m_background->isHidden());
    const QStringList list = warnings(report);
    m_warnings->setText(list.join(QLatin1Char('\n')));
    m_warnings->setVisible(!list.isEmpty());
    m_timeline->setTake(report, lights);
    QStringList description { tr("Speaking time %1").arg(speakingTimeText()), m_timeline->summary(),
        list.join(QLatin1Char(' ')) };
    for (const Caveat caveat : report.caveats)
        description << analysis::caveatText(caveat);
    setAccessibleDescription(description.join(QStringLiteral(". ")));
}

QString TakeReportView::speakingTimeText() const
{
    return m_speakingTime->text();
}
QString TakeReportView::pausesText() const
{
    return m_pauses->text();
}
QString TakeReportView::paceText() const
{
    return m_pace->text();
}
QString TakeReportView::pitchText() const
{
    return m_pitch->text();
}
QString TakeReportView::loudnessText() const
{
    return m_loudness->text();
}
QString TakeReportView::speechNoteText() const
{
    return m_speechNote->text();
}
QString TakeReportView::loudnessNoteText() const
{
    return m_loudnessNote->text();
}
QString TakeReportView::backgroundText() const
{
    return m_background->text();
}
QString TakeReportView::warningText() const
{
    return m_warnings->text();
}

} // namespace rapport::gui
