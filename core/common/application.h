#pragma once

namespace rapport {

/// Sets the application name, organisation and version that QStandardPaths and QSettings use.
/// Call once, right after constructing the Q(Core)Application.
void setApplicationIdentity();

} // namespace rapport
