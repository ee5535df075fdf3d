#pragma once
// The `diff` report (regulatory change impact): text, JSON and Markdown.
#include <ostream>
#include <string>
#include <vector>

#include "analyze/diff.hpp"

namespace borderline {

struct DiffSide {
  const CompiledRules& rules;
  Date date;
};

struct DiffReport {
  DiffSide before, after;
  const DiffResult& result;
  std::vector<std::string> unknownChips; // chips the old catalog does not know
};

void writeDiffText(const DiffReport& report, std::ostream& out);
void writeDiffJson(const DiffReport& report, std::ostream& out);
void writeDiffMarkdown(const DiffReport& report, std::ostream& out);

// "rules sha256:1236e5… as of 2025-09-01"
std::string sideText(const DiffSide& side);
// "2 of 3 workloads change verdict (2 worse, 0 better); 1 more changes findings only"
std::string diffSummary(const DiffResult& result);

} // namespace borderline
