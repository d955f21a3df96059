#pragma once

#include <QDate>
#include <QDateTime>
#include <QLocale>
#include <QString>

namespace rapport::gui {

/// "1 question" / "3 questions": `one` and `many` both hold %1 for the number. Rapport ships no
/// translations yet, so Qt's %n plural forms would print "question(s)".
inline QString counted(qsizetype n, const QString& one, const QString& many)
{
    return (n == 1 ? one : many).arg(n);
}

/// `value` with `decimals` places and a typographic minus ("−18.5"), for dB and LUFS figures.
inline QString signedDecimal(double value, int decimals)
{
    QString text = QString::number(value, 'f', decimals);
    if (text.startsWith(QLatin1Char('-')))
        text[0] = QChar(0x2212);
    if (text == QString(QChar(0x2212)) + QString::number(0.0, 'f', decimals))
        text.remove(0, 1); // no "−0.0"
    return text;
}

/// `text` as a sentence: its first letter upper case and a full stop at the end ("noisy room:
/// ..." from core becomes "Noisy room: ....").
inline QString asSentence(QString text)
{
    if (text.isEmpty())
        return text;
    text[0] = text[0].toUpper();
    if (!text.endsWith(QLatin1Char('.')))
        text += QLatin1Char('.');
    return text;
}

/// A moment as every page writes it: "Wed 2 Dec 2026, 15:15" (in the time zone `when` is in).
inline QString momentText(const QDateTime& when)
{
    return QLocale().toString(when, QStringLiteral("ddd d MMM yyyy, HH:mm"));
}

/// A day as every page writes it: "Wed 2 Dec 2026".
inline QString dayText(const QDate& day)
{
    return QLocale().toString(day, QStringLiteral("ddd d MMM yyyy"));
}

/// How long ago `then` was on `today`, counted in days: "today", "yesterday", "3 days ago",
/// "2 weeks ago", "5 months ago", "2 years ago".
inline QString agoText(const QDate& then, const QDate& today)
{
    const qint64 days = then.daysTo(today);
    if (days <= 0)
        return QStringLiteral("today");
    if (days == 1)
        return QStringLiteral("yesterday");
    if (days < 14)
        return QStringLiteral("%1 days ago").arg(days);
    if (days < 61)
        return QStringLiteral("%1 weeks ago").arg(days / 7);
    if (days < 730)
        return QStringLiteral("%1 months ago").arg(days / 30);
    return QStringLiteral("%1 years ago").arg(days / 365);
}

} // namespace rapport::gui
