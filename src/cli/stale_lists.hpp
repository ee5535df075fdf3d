#pragma once
#include "compile/rules.hpp"

namespace borderline {

// Prints "borderline: warning: ..." on stderr for each imported party list older than
// kStaleListDays at `asOf` (analyze/list_age.hpp). Reports on stdout stay as they are.
void warnStaleLists(const CompiledRules& rules, Date asOf);

} // namespace borderline
