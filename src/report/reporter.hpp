#pragma once
// Reporters turn results into one output format each. They all see the same Report.
#include <memory>
#include <ostream>
#include <span>
#include <string_view>

#include "compile/rules.hpp"
#include "evaluate/result.hpp"

namespace borderline {

struct Report {
  const CompiledRules& rules;
  Date asOf;
  std::span<const Result> results;
};

struct ReportOptions {
  bool color = false; // text: ANSI colours (only on a terminal, never with NO_COLOR)
};

class Reporter {
public:
  virtual ~Reporter() = default;
  virtual void write(const Report& report, std::ostream& out) const = 0;
};

// The reporter for a --format name, or null if there is none.
std::unique_ptr<Reporter> makeReporter(std::string_view format, const ReportOptions& options);
// The formats makeReporter knows, for help texts.
std::span<const std::string_view> reportFormats();

// Summary counts shared by reporters.
struct Summary {
  int workloads = 0, prohibited = 0, authorizationRequired = 0, review = 0, allowed = 0;
};
Summary summarize(std::span<const Result> results);

} // namespace borderline
