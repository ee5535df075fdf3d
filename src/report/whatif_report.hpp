#pragma once
// The `whatif` report: for each workload, the smallest sets of changes found and what each
// reaches.
#include <ostream>
#include <span>

#include "analyze/whatif.hpp"

namespace borderline {

struct WhatIfReport {
  const CompiledRules& rules;
  Date asOf;
  std::span<const WhatIf> results;
  std::size_t limit = 10; // text: suggestions shown per workload (json: all)
};

void writeWhatIfText(const WhatIfReport& report, std::ostream& out);
void writeWhatIfJson(const WhatIfReport& report, std::ostream& out);

} // namespace borderline
