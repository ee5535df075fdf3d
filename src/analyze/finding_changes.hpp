#pragma once
// Comparing the findings of two evaluations of one workload (two dates, or two versions of
// the rule packs): which findings appeared, went away, or changed level or status. Rules are
// matched by id, so the two sides may come from different CompiledRules.
#include <optional>
#include <vector>

#include "evaluate/result.hpp"

namespace borderline {

struct FindingState {
  const Rule* rule = nullptr;
  Level level = Level::Review;
  FindingStatus status = FindingStatus::Open;
  // The level this finding gives the workload's verdict (Allowed unless it is open).
  Level openLevel() const { return status == FindingStatus::Open ? level : Level::Allowed; }
  bool operator==(const FindingState& o) const {
    return rule->id == o.rule->id && level == o.level && status == o.status;
  }
};

struct FindingChange {
  std::optional<FindingState> before, after;
  const Rule& rule() const { return *(after ? after->rule : before->rule); }
  Level openBefore() const { return before ? before->openLevel() : Level::Allowed; }
  Level openAfter() const { return after ? after->openLevel() : Level::Allowed; }
};

// The findings of a result, sorted by rule id.
std::vector<FindingState> findingStates(const Result& result);
// The differences between two sorted lists, by rule id.
std::vector<FindingChange> compareFindings(const std::vector<FindingState>& before,
                                           const std::vector<FindingState>& after);

} // namespace borderline
