#pragma once
// Evaluation with a trace: each node of a condition with the values it saw and its result.
// A separate walk over the same compiled tree, so the untraced evaluator stays as fast as it
// is; `explain` builds on it (analyze/plain_language.hpp turns it into sentences).
#include <string>
#include <vector>

#include "evaluate/condition_eval.hpp"

namespace borderline {

// One operator of a leaf and its result on the values read.
struct TraceTest {
  const Operator* op = nullptr;
  bool result = false;
  // For in, notIn and intersects: the members that the value was found in, e.g. "@D5" (a
  // group, resolved for the evaluation date) or "CN"; for intersects and contains on a list,
  // the list values that matched.
  std::vector<std::string> because;
};

struct TraceNode {
  enum class Kind : std::uint8_t { All, Any, Not, Leaf, ListAny, ListAll, ListNone, Element };
  Kind kind = Kind::All;
  std::string
      label;        // e.g. "all", "site.country in [\"@D5\", MO]", "data[1] app user conversations"
  std::string seen; // leaves: the values read at the path, as one string
  bool result = false;
  Location loc; // where the condition is written (elements: where the element is)
  std::vector<TraceNode> children; // Element nodes: exactly one, the element's condition
  // Leaves:
  const PathInfo* path = nullptr;  // also the list path of List* nodes
  std::vector<std::string> values; // the values read, formatted (empty: none / not declared)
  std::vector<TraceTest> tests;    // one per operator
};

TraceNode traceCondition(const Condition& condition, const EvalContext& ctx);

} // namespace borderline
