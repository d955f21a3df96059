#pragma once

namespace rapport {

/// A numbered place in a multi-step write (a restore, a backup, an export, an import) where the
/// fault-injection tests kill the process, as a crash or a power cut would stop it: when the
/// environment variable RAPPORT_TEST_KILL_AT equals `point`, the process sends itself SIGKILL.
/// Costs one getenv() otherwise.
void killPoint(const char* point);

} // namespace rapport
