#include "core/common/application.h"

#include "core/version.h"

#include <QCoreApplication>

namespace rapport {

void setApplicationIdentity()
{
    // Lower-case name: data lands in ~/.local/share/rapport and settings in ~/.config/rapport.
    QCoreApplication::setApplicationName(QStringLiteral("rapport"));
    QCoreApplication::setOrganizationName(QString());
    QCoreApplication::setApplicationVersion(QString::fromLatin1(kVersion));
}

} // namespace rapport
