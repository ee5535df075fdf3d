#include "cli/stale_lists.hpp"

#include <iostream>

#include "analyze/list_age.hpp"

namespace borderline {

void warnStaleLists(const CompiledRules& rules, Date asOf) {
  for (const auto& w : staleListWarnings(rules, asOf))
    std::cerr << "borderline: warning: " << w << '\n';
}

} // namespace borderline
