#include "cli/stale_lists.hpp"

#include "analyze/list_age.hpp"
#include "cli/common.hpp"

namespace borderline {

void warnStaleLists(const CompiledRules& rules, Date asOf) {
  for (const auto& w : staleListWarnings(rules, asOf)) printLine("borderline: warning: " + w);
}

} // namespace borderline
