#pragma once

#include <QString>

namespace rapport::gui {

/// "1 question" / "3 questions": `one` and `many` both hold %1 for the number. Rapport ships no
/// translations yet, so Qt's %n plural forms would print "question(s)".
inline QString counted(qsizetype n, const QString& one, const QString& many)
{
    return (n == 1 ? one : many).arg(n);
}

} // namespace rapport::gui
