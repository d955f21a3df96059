#include "app/gui/rehearse/takereportview.h"

#include "app/gui/rehearse/taketimeline.h"
#include "app/gui/widgets/takelistmodel.h"
#include "app/gui/widgets/theme.h"
#include "app/gui/widgets/wording.h"
#include "core/analysis/reportjson.h"
#include "core/rehearsal/timing.h"

#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace rapport::gui {

using analysis::Caveat;
using analysis::TakeReport;
using coaching::Measure;

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

QString paceVerdict(double wordsPerMinute)
{
    // Placed as shown: 165.4 shows as 165, inside the band.
    QString verdict;
    switch (rehearsal::paceBand(double(std::lround(wordsPerMinute)))) {
    case rehearsal::PaceBand::Slow:
        verdict = QObject::tr("relaxed");
        break;
    case rehearsal::PaceBand::Fast:
        verdict = QObject::tr("fast");
        break;
    case rehearsal::PaceBand::Comfortable:
        verdict = QObject::tr("in the comfortable band");
        break;
    }
    return verdict
        + QObject::tr(" (%1–%2)")
              .arg(std::lround(rehearsal::kComfortableWpmMin))
              .arg(std::lround(rehearsal::kComfortableWpmMax));
}

QString pace(const TakeReport& report)
{
    // A pace withheld says why in place of the number.
    if (const QString why = withheldPaceReason(report); !why.isEmpty())
        return kMissing + QLatin1Char(' ') + why;
    if (!report.wordsPerMinute)
        return kMissing;
    return QObject::tr("about %1 words a minute").arg(std::lround(*report.wordsPerMinute)) + kDash
        + paceVerdict(*report.wordsPerMinute);
}

// The pace when the words are known: counted from them where they can be trusted.
QString paceFromWords(const speech::WordReport& words)
{
    return QObject::tr("%1 words a minute").arg(std::lround(*words.wordsPerMinute)) + kDash
        + paceVerdict(*words.wordsPerMinute);
}

// Which pace is shown and why.
QString paceSource(const TakeReport& report, const speech::WordReport& words)
{
    const auto percent = [](double share) { return std::lround(share * 100.0); };
    if (words.wordsPerMinute && words.script)
        return QObject::tr("Counted from your words: Rapport followed %1 % of your script.")
            .arg(percent(words.script->coverage));
    if (!report.wordsPerMinute)
        return {};
    if (words.script)
        return QObject::tr("Estimated from syllables: Rapport followed only %1 % of your script, "
                           "too little to count words.")
            .arg(percent(words.script->coverage));
    return QObject::tr("Estimated from syllables: without a script the words heard are not sure "
                       "enough to count.");
}

QString fillers(const speech::WordReport& words)
{
    if (words.fillers.empty())
        return QObject::tr("None");
    QString text = QString::number(words.fillers.size());
    if (words.fillersPerMinute)
        text += QObject::tr(" (%1 a minute)").arg(*words.fillersPerMinute, 0, 'f', 1);
    return text + QObject::tr(": ") + fillerKindsText(words.fillers);
}

QString repeats(const speech::WordReport& words)
{
    if (words.repeatedPhrases.empty())
        return QObject::tr("None");
    QStringList phrases;
    for (const speech::RepeatedPhrase& p : words.repeatedPhrases)
        phrases << QObject::tr("“%1” ×%2").arg(p.phrase).arg(p.count);
    return phrases.join(QObject::tr(", "));
}

QString sentenceMark(speech::SentenceStatus status)
{
    switch (status) {
    case speech::SentenceStatus::Said:
        return QObject::tr("✓ said");
    case speech::SentenceStatus::Partly:
        return QObject::tr("◐ partly");
    case speech::SentenceStatus::Skipped:
        return QObject::tr("✗ skipped");
    }
    return {};
}

// The pitch's spread and, unless `judged` (the advice above it says it), whether it is monotone.
QString pitch(const TakeReport& report, bool judged = false)
{
    if (!report.pitchSdSemitones)
        return kMissing;
    const QString spread
        = QObject::tr("%1 semitones of variation").arg(*report.pitchSdSemitones, 0, 'f', 1);
    if (judged)
        return spread;
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

// The warnings; "too loud" only when `peakAdvised` is false (else the peak's advice says it).
QStringList warnings(const TakeReport& report, bool peakAdvised)
{
    QStringList list;
    if (!report.speakingTimeS)
        list << QObject::tr("No speech found — check the microphone.");
    const bool clipped = report.clippedRatio.value_or(0.0) > coaching::kClippedRatio;
    const bool hot = report.peakDbfs.value_or(-120.0) > coaching::kHotPeakDbfs;
    if ((clipped || hot) && !peakAdvised) {
        QString why = clipped ? QObject::tr("%1 % of the samples clipped")
                                    .arg(*report.clippedRatio * 100.0, 0, 'f', 1)
                              : QObject::tr("peak %1 dBFS").arg(signedDecimal(*report.peakDbfs, 1));
        list << QObject::tr("Too loud — move back from the microphone (%1).").arg(why);
    }
    return list;
}

// Core's sentences start with a capital; after a dash they go on a sentence.
QString lowerFirst(QString text)
{
    if (!text.isEmpty())
        text[0] = text[0].toLower();
    return text;
}

// "Too fast (185 wpm) — slow down to about 150: pause after each point"; the verdict alone when
// there is nothing to do.
QString adviceLine(const coaching::Advice& advice)
{
    if (advice.suggestion.isEmpty())
        return advice.verdictText;
    return advice.verdictText + kDash + lowerFirst(advice.suggestion);
}

// adviceLine() with the verdict in bold, for a rich-text label.
QString adviceHtml(const coaching::Advice& advice)
{
    const QString verdict = QStringLiteral("<b>%1</b>").arg(advice.verdictText.toHtmlEscaped());
    if (advice.suggestion.isEmpty())
        return verdict;
    return verdict + kDash.toHtmlEscaped() + lowerFirst(advice.suggestion).toHtmlEscaped();
}

// One line of "Try next", numbered: the action first, then what it mends.
QString tryNextLine(int number, const coaching::Advice& advice)
{
    return QObject::tr("%1. %2").arg(number).arg(
        advice.suggestion + kDash + lowerFirst(advice.verdictText));
}

} // namespace

TakeReportView::TakeReportView(QWidget* parent)
    : QWidget(parent)
    , m_timeline(new TakeTimeline(this))
    , m_warnings(new QLabel(this))
    , m_tryNext(new QLabel(this))
    , m_comparisons(new QLabel(this))
    , m_wordsStatus(new QLabel(this))
    , m_hearWords(new QPushButton(tr("&Hear the words"), this))
    , m_wordsRows(new QWidget(this))
{
    setAccessibleName(tr("Report of the take"));
    auto* title = new QLabel(tr("Your take, measured"), this);
    m_title = title;
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setWeight(QFont::DemiBold);
    title->setFont(titleFont);

    auto* grid = new QGridLayout;
    grid->setHorizontalSpacing(16);
    grid->setVerticalSpacing(8);
    m_speakingTime = addRow(grid, 0, tr("Speaking time"), &m_speechNote, { Measure::Length });
    // The comparisons with earlier takes close the speaking time's cell.
    m_comparisons->setWordWrap(true);
    m_comparisons->setAccessibleName(tr("Compared with earlier takes"));
    m_comparisons->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_comparisons->hide();
    qobject_cast<QVBoxLayout*>(grid->itemAtPosition(0, 1)->layout())->addWidget(m_comparisons);
    grid->addWidget(m_timeline, 1, 0, 1, 2);
    m_pauses = addRow(grid, 2, tr("Pauses"), nullptr, { Measure::Pauses });
    m_pace = addRow(grid, 3, tr("Pace"), &m_paceNote, { Measure::Pace });
    m_pitch = addRow(grid, 4, tr("Pitch"), nullptr, { Measure::PitchVariation });
    m_loudness
        = addRow(grid, 5, tr("Loudness"), &m_loudnessNote, { Measure::Loudness, Measure::Peak });
    // A measure of the room rather than of the speaker: said quietly.
    m_background = addRow(grid, 6, tr("Background"));
    m_backgroundName = qobject_cast<QLabel*>(grid->itemAtPosition(6, 0)->widget());
    for (QLabel* label : { m_backgroundName, m_background })
        label->setForegroundRole(QPalette::PlaceholderText);
    grid->setColumnStretch(1, 1);

    styleAsProblem(m_warnings);
    m_warnings->setAccessibleName(tr("Warnings"));
    m_warnings->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // The words: heard on a thread of their own, so they may come after the figures.
    auto* wordsTitle = new QLabel(tr("Your words"), this);
    QFont sectionFont = wordsTitle->font();
    sectionFont.setWeight(QFont::DemiBold);
    wordsTitle->setFont(sectionFont);
    m_wordsStatus->setWordWrap(true);
    m_wordsStatus->setForegroundRole(QPalette::PlaceholderText);
    m_wordsStatus->setAccessibleName(tr("Words"));
    m_wordsStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* wordsGrid = new QGridLayout(m_wordsRows);
    wordsGrid->setContentsMargins(0, 0, 0, 0);
    wordsGrid->setHorizontalSpacing(16);
    wordsGrid->setVerticalSpacing(8);
    m_fillers = addRow(wordsGrid, 0, tr("Fillers"), nullptr, { Measure::Fillers });
    m_repeats = addRow(wordsGrid, 1, tr("Repeated"));
    m_script = addRow(wordsGrid, 2, tr("Script"), nullptr, { Measure::Script });
    m_scriptName = qobject_cast<QLabel*>(wordsGrid->itemAtPosition(2, 0)->widget());
    m_script->setTextFormat(Qt::PlainText);
    m_transcript = addRow(wordsGrid, 3, tr("Said"));
    m_transcript->setTextFormat(Qt::RichText);
    m_transcript->setAccessibleName(tr("What you said"));
    wordsGrid->setColumnStretch(1, 1);
    // The two grids' first columns line up.
    const int nameWidth = std::max(grid->itemAtPosition(0, 0)->widget()->sizeHint().width(),
        wordsGrid->itemAtPosition(0, 0)->widget()->sizeHint().width());
    grid->setColumnMinimumWidth(0, nameWidth);
    wordsGrid->setColumnMinimumWidth(0, nameWidth);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_warnings);
    layout->addWidget(buildTryNext());
    layout->addLayout(grid);
    layout->addSpacing(8);
    layout->addWidget(wordsTitle);
    layout->addWidget(m_wordsStatus);
    m_hearWords->setToolTip(tr("Hear this take's words from its recording, on this computer"));
    m_hearWords->setAccessibleName(tr("Hear the words of this take"));
    m_hearWords->hide();
    connect(m_hearWords, &QPushButton::clicked, this, &TakeReportView::hearWordsRequested);
    auto* hearRow = new QHBoxLayout;
    hearRow->addWidget(m_hearWords);
    hearRow->addStretch(1);
    layout->addLayout(hearRow);
    layout->addWidget(m_wordsRows);
    layout->addStretch(1);
    setReport({}, {});
}

QFrame* TakeReportView::buildTryNext()
{
    m_tryNextBox = new QFrame(this);
    m_tryNextBox->setFrameShape(QFrame::StyledPanel);
    auto* title = new QLabel(tr("Try next"), m_tryNextBox);
    QFont bold = title->font();
    bold.setWeight(QFont::DemiBold);
    title->setFont(bold);
    title->setBuddy(m_tryNext);
    m_tryNext->setParent(m_tryNextBox);
    m_tryNext->setAccessibleName(tr("Try next"));
    m_tryNext->setWordWrap(true);
    m_tryNext->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* box = new QVBoxLayout(m_tryNextBox);
    box->setContentsMargins(12, 8, 12, 8);
    box->setSpacing(4);
    box->addWidget(title);
    box->addWidget(m_tryNext);
    m_tryNextBox->hide();
    return m_tryNextBox;
}

QLabel* TakeReportView::addRow(QGridLayout* grid, int row, const QString& name, QLabel** note,
    std::initializer_list<Measure> measures)
{
    auto* label = new QLabel(name, this);
    auto* value = new QLabel(kMissing, this);
    label->setBuddy(value);
    value->setAccessibleName(name);
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    grid->addWidget(label, row, 0, Qt::AlignTop);
    if (!note && measures.size() == 0) {
        grid->addWidget(value, row, 1);
        return value;
    }
    auto* cell = new QVBoxLayout;
    cell->setSpacing(2);
    // What to do comes first, the figure it rests on under it.
    for (const Measure measure : measures) {
        auto* advice = new QLabel(this);
        advice->setAccessibleName(tr("%1, advice").arg(coaching::measureName(measure)));
        advice->setTextFormat(Qt::RichText);
        advice->setWordWrap(true);
        advice->setTextInteractionFlags(Qt::TextSelectableByMouse);
        advice->hide();
        cell->addWidget(advice);
        m_advice[measure] = advice;
    }
    cell->addWidget(value);
    if (note) {
        // The note sits close under its value, in italics: a qualification of the figure, as
        // readable as the figure itself.
        *note = new QLabel(this);
        (*note)->setAccessibleName(tr("%1, note").arg(name));
        QFont italic = (*note)->font();
        italic.setItalic(true);
        (*note)->setFont(italic);
        (*note)->setWordWrap(true);
        (*note)->setTextInteractionFlags(Qt::TextSelectableByMouse);
        cell->addWidget(*note);
    }
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
    m_report = report;
    m_words.reset();
    m_listening = false;
    m_speakingTime->setText(speakingTime(report, lights));
    setNote(m_speechNote, caveatNote(report, { Caveat::Noisy }));
    m_pauses->setText(pauses(report));
    m_pitch->setText(pitch(report));
    m_loudness->setText(loudness(report));
    setNote(m_loudnessNote, caveatNote(report, { Caveat::Clipped }));
    setNote(m_background, background(report));
    m_backgroundName->setVisible(!m_background->isHidden());
    m_timeline->setTake(report, lights);
    setAdvice({});
    m_coaching.reset();
    setWordsMissing(tr("This take's words were not heard."));
}

void TakeReportView::setAdvice(const coaching::Coaching& coaching)
{
    m_coaching = coaching;
    QStringList tryNext;
    for (const coaching::Advice& advice : coaching.tryNext)
        tryNext << tryNextLine(int(tryNext.size()) + 1, advice);
    m_tryNext->setText(tryNext.join(QLatin1Char('\n')));
    m_tryNextBox->setVisible(!tryNext.isEmpty());
    for (const auto& [measure, label] : m_advice) {
        const coaching::Advice* advice = coaching.find(measure);
        label->setText(advice ? adviceHtml(*advice) : QString());
        label->setVisible(advice != nullptr);
    }
    m_pitch->setText(pitch(m_report, coaching.find(Measure::PitchVariation) != nullptr));
    setNote(m_comparisons, coaching.comparisons.join(QLatin1Char('\n')));
    setFiguresSecondary(!coaching.measures.empty());
    showWarnings();
}

void TakeReportView::showWarnings()
{
    const bool peakAdvised = m_coaching && m_coaching->find(Measure::Peak);
    const QStringList list = warnings(m_report, peakAdvised);
    m_warnings->setText(list.join(QLatin1Char('\n')));
    m_warnings->setVisible(!list.isEmpty());
    QStringList description { tr("Speaking time %1").arg(speakingTimeText()), m_timeline->summary(),
        list.join(QLatin1Char(' ')) };
    for (const Caveat caveat : m_report.caveats)
        description << analysis::caveatText(caveat);
    if (!m_tryNextBox->isHidden())
        description << tr("Try next: %1").arg(tryNextText().replace(QLatin1Char('\n'), kDash));
    setAccessibleDescription(description.join(QStringLiteral(". ")));
}

void TakeReportView::setFiguresSecondary(bool secondary)
{
    for (QLabel* figure : { m_speakingTime, m_pauses, m_pace, m_pitch, m_loudness, m_fillers }) {
        figure->setForegroundRole(secondary ? QPalette::PlaceholderText : QPalette::WindowText);
        QFont font = figure->font();
        // The speaking time leads the report while it has no advice above it.
        font.setWeight(figure == m_speakingTime && !secondary ? QFont::DemiBold : QFont::Normal);
        figure->setFont(font);
    }
}

void TakeReportView::setWords(const speech::WordReport& words)
{
    m_words = words;
    m_listening = false;
    m_hearWords->hide();
    showWords();
}

void TakeReportView::setWordsListening()
{
    m_words.reset();
    m_listening = true;
    m_hearWords->hide();
    showWords();
}

void TakeReportView::setWordsMissing(const QString& why, bool canHear)
{
    m_words.reset();
    m_listening = false;
    m_wordsStatus->setText(why);
    m_hearWords->setVisible(canHear);
    showWords();
}

void TakeReportView::showWords()
{
    if (m_listening)
        m_wordsStatus->setText(tr("Listening to your words…"));
    m_wordsStatus->setVisible(!m_words);
    m_wordsRows->setVisible(m_words.has_value());
    m_timeline->setFillers(m_words ? m_words->fillers : std::vector<speech::Filler> {});
    m_pace->setText(m_words && m_words->wordsPerMinute ? paceFromWords(*m_words) : pace(m_report));
    setNote(m_paceNote, m_words ? paceSource(m_report, *m_words) : QString());
    if (!m_words)
        return;
    const speech::WordReport& words = *m_words;
    m_fillers->setText(fillers(words));
    m_repeats->setText(repeats(words));
    m_scriptName->setVisible(words.script.has_value());
    m_script->setVisible(words.script.has_value());
    if (words.script) {
        QStringList lines { tr("%1 % of your script said, %2 words off it. %3")
                                .arg(std::lround(words.script->coverage * 100.0))
                                .arg(words.script->wordsOffScript)
                                .arg(words.script->summary()) };
        for (const speech::ScriptSentence& sentence : words.script->sentences)
            lines << tr("%1 — %2").arg(sentenceMark(sentence.status), sentence.text);
        m_script->setText(lines.join(QLatin1Char('\n')));
    }
    // The transcript with its fillers marked in amber (the colour of the timeline's marks).
    const std::vector<bool> filling = speech::fillerFlags(words.transcript, words.fillers);
    const QString amber = fillerColour(palette()).name();
    QStringList html;
    for (std::size_t i = 0; i < words.transcript.words.size(); ++i) {
        const QString word = words.transcript.words[i].text.toHtmlEscaped();
        html << (filling[i]
                ? QStringLiteral("<span style=\"background-color:%1\">&nbsp;%2&nbsp;</span>")
                      .arg(amber, word)
                : word);
    }
    m_transcript->setText(
        html.isEmpty() ? tr("No words recognised.") : html.join(QLatin1Char(' ')));
}

void TakeReportView::changeEvent(QEvent* event)
{
    // The fillers' amber follows the palette (light or dark, changed while open).
    if (event->type() == QEvent::PaletteChange && m_words)
        showWords();
    QWidget::changeEvent(event);
}

QString TakeReportView::wordsStatusText() const
{
    return m_words ? QString() : m_wordsStatus->text();
}
QString TakeReportView::fillersText() const
{
    return m_words ? m_fillers->text() : QString();
}
QString TakeReportView::repeatsText() const
{
    return m_words ? m_repeats->text() : QString();
}
QString TakeReportView::scriptText() const
{
    return m_words && m_words->script ? m_script->text() : QString();
}
QString TakeReportView::transcriptText() const
{
    if (!m_words)
        return {};
    const std::vector<bool> filling = speech::fillerFlags(m_words->transcript, m_words->fillers);
    QStringList words;
    for (std::size_t i = 0; i < m_words->transcript.words.size(); ++i)
        words << (filling[i] ? QStringLiteral("[%1]").arg(m_words->transcript.words[i].text)
                             : m_words->transcript.words[i].text);
    return words.join(QLatin1Char(' '));
}

QString TakeReportView::tryNextText() const
{
    return m_tryNextBox->isHidden() ? QString() : m_tryNext->text();
}
QString TakeReportView::adviceText(Measure measure) const
{
    const coaching::Advice* advice = m_coaching ? m_coaching->find(measure) : nullptr;
    return advice ? adviceLine(*advice) : QString();
}
QString TakeReportView::comparisonText() const
{
    return m_comparisons->text();
}
void TakeReportView::setTitle(const QString& title)
{
    m_title->setText(title);
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
