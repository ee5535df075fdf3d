#pragma once
// The `explain` report: text for a reader (sentences, the parts that decided each rule) and
// JSON with the full structure (every node of every condition tree).
#include <ostream>
#include <span>

#include <nlohmann/json.hpp>

#include "analyze/explain.hpp"

namespace borderline {

struct ExplainReport {
  const CompiledRules& rules;
  Date asOf;
  std::span<const Explanation> explanations;
  bool full = false; // text: whole condition trees, not only the parts that decided
};

void writeExplainText(const ExplainReport& report, std::ostream& out);
void writeExplainJson(const ExplainReport& report, std::ostream& out);

// A traced condition as JSON (shared with other reports that show traces).
nlohmann::ordered_json traceJson(const TraceNode& node, Date date, std::string_view prefix = "");

} // namespace borderline
