// `borderline screen NAME [--as-of D]`: restricted-party screening of one name.
#include <sstream>

#include <fmt/format.h>

#include "analyze/screen.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "evaluate/screening.hpp"
#include "report/screen_report.hpp"

namespace borderline {

namespace {

struct ScreenOptions {
  std::string name;
  RuleOptions rules;
  std::string asOf;
  int minScore = screening::kReviewThreshold;
  std::string format = "text";
  std::string output;
};

int runScreen(const ScreenOptions& o) {
  requireFormat("screen", o.format, {"text", "json"});
  if (o.minScore < 1 || o.minScore > 100)
    throw UsageError(fmt::format("--min-score {} is out of range (1 to 100)", o.minScore));
  if (screening::normalize(o.name).empty())
    throw UsageError(
        fmt::format("nothing to screen in '{}' (only punctuation or legal-form words)", o.name));
  const Date asOf = parseAsOf(o.asOf);
  SourceSet sources;
  const LoadedRules rules = loadRules(o.rules, sources);
  const NameScreen result = screenName(*rules.compiled, o.name, asOf, o.minScore);
  std::ostringstream out;
  if (o.format == "json")
    writeScreenJson(*rules.compiled, result, out);
  else
    writeScreenText(*rules.compiled, result, out);
  emit(o.output, out.str());
  return result.inForce() ? kExitFindings : kExitOk;
}

} // namespace

void registerScreen(CLI::App& app, CommandRunner& run) {
  auto options = std::make_shared<ScreenOptions>();
  CLI::App* cmd = app.add_subcommand("screen", "Restricted-party screening of one name");
  cmd->add_option("name", options->name, "The name to screen (quote it)")->required();
  addRuleOptions(*cmd, options->rules);
  addAsOfOption(*cmd, options->asOf);
  cmd->add_option(
      "--min-score", options->minScore,
      fmt::format("Lowest fuzzy score reported, 1-100 (default {})", screening::kReviewThreshold));
  cmd->add_option("--format", options->format, "Report format: text or json");
  cmd->add_option("-o,--output", options->output, "Write the report to this file (atomically)");
  cmd->callback([options, &run] { run = [options] { return runScreen(*options); }; });
}

} // namespace borderline
