#pragma once
// Evaluation with a trace: each node of a condition with the values it saw and its result.
// A separate walk over the same compiled tree, so the untraced evaluator stays as fast as it
// is; `explain` builds on it.
#include <string>
#include <vector>

#include "evaluate/condition_eval.hpp"

namespace borderline {

struct TraceNode {
  std::string label; // e.g. "all", "site.country in [\"@D5\", MO]", "compute.chips[0] H100"
  std::string seen;  // leaves: the values read at the path
  bool result = false;
  Location loc; // where the condition is written
  std::vector<TraceNode> children;
};

TraceNode traceCondition(const Condition& condition, const EvalContext& ctx);

} // namespace borderline
