#pragma once
// A traced condition in sentences a business reader can follow, e.g.
//   "tenant.hq is CN (China), which is in group D5 on 2025-09-01".
// Written from the trace only (values seen, operators, results), never from the law.
#include <string>
#include <string_view>
#include <vector>

#include "evaluate/trace.hpp"

namespace borderline {

// The sentence for one node. `prefix` names the enclosing list ("data.") so that a field of a
// list element reads in full ("data.origin").
std::string describeNode(const TraceNode& node, std::string_view prefix, Date date);

struct ExplainedLine {
  int depth = 0;
  bool result = false;
  std::string text;
};

// The whole tree as indented sentences. `pruned` keeps only what decided the result: the
// failing parts of a false `all`, the holding parts of a true `any`, and so on.
std::vector<ExplainedLine> explainLines(const TraceNode& root, Date date, bool pruned);

} // namespace borderline
