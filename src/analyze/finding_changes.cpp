#include "analyze/finding_changes.hpp"

#include <algorithm>

namespace borderline {

std::vector<FindingState> findingStates(const Result& r) {
  std::vector<FindingState> out;
  for (const auto& f : r.findings) out.push_back({f.rule, f.level, f.status});
  std::sort(out.begin(), out.end(),
            [](const FindingState& a, const FindingState& b) { return a.rule->id < b.rule->id; });
  return out;
}

std::vector<FindingChange> compareFindings(const std::vector<FindingState>& before,
                                           const std::vector<FindingState>& after) {
  std::vector<FindingChange> out;
  std::size_t i = 0, j = 0;
  while (i < before.size() || j < after.size()) {
    if (j == after.size() || (i < before.size() && before[i].rule->id < after[j].rule->id)) {
      out.push_back({before[i++], std::nullopt});
    } else if (i == before.size() || after[j].rule->id < before[i].rule->id) {
      out.push_back({std::nullopt, after[j++]});
    } else {
      if (!(before[i] == after[j])) out.push_back({before[i], after[j]});
      ++i, ++j;
    }
  }
  return out;
}

} // namespace borderline
