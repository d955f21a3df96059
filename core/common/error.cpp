#include "core/common/error.h"

namespace rapport {

QString Error::toString() const
{
    QString text = what;
    if (!detail.isEmpty())
        text += QStringLiteral(" (") + detail + QLatin1Char(')');
    if (!fix.isEmpty())
        text += QLatin1Char('\n') + fix;
    return text;
}

} // namespace rapport
