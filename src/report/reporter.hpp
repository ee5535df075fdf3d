#pragma once
// Reporters turn results into one output format each. They all see the same Report.
#include <memory>
#include <optional>
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
  bool color = false;  // text: ANSI colours (only on a terminal, never with NO_COLOR)
  // --fail-on: the level from which a workload fails the run (none = never). JUnit marks those
  // workloads as failures; Markdown counts them in its headline.
  std::optional<Level> failOn = Level::Review;
};

// Whether a workload's verdict is at or above the --fail-on level (cli.md, exit code 1).
bool failsGate(Level verdict, std::optional<Level> failOn);

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
