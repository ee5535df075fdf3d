// `borderline whatif FILE...`: the smallest changes to a workload that make it allowed (or the
// least severe verdict reachable), each found by evaluating a changed copy with the engine.
#include <sstream>

#include <fmt/format.h>

#include "analyze/whatif.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/config.hpp"
#include "report/whatif_report.hpp"

namespace borderline {

namespace {

struct WhatIfCliOptions {
  std::vector<std::string> files;
  RuleOptions rules;
  std::string asOf;
  std::optional<std::string> workload; // given: exactly this one, even if empty
  std::string format = "text";
  std::string output;
  int maxChanges = 3;
  int limit = 10;
  InputOptions inputs;
};

int runWhatIf(WhatIfCliOptions o) {
  requireFormat("whatif", o.format, {"text", "json"});
  checkInputPaths(inputPaths(o.files, o.rules, o.inputs), o.output);
  if (o.maxChanges < 1 || o.maxChanges > 4)
    throw UsageError(fmt::format("--max-changes {} is out of range (1 to 4)", o.maxChanges));
  if (o.limit < 1) throw UsageError(fmt::format("--limit {} must be at least 1", o.limit));
  SourceSet sources;
  const std::vector<Waiver> waivers = resolveInputs(o.inputs, sources, o.rules, &o.asOf);
  const Date asOf = parseAsOf(o.asOf);
  const LoadedRules rules = loadRules(o.rules, sources);
  const std::vector<Workload> workloads = loadWorkloads(o.files, sources, rules.compiled->catalog);
  const DateView view(*rules.compiled, asOf);
  WhatIfOptions options;
  options.maxChanges = o.maxChanges;
  options.waivers = waivers;
  std::vector<WhatIf> results;
  for (const Workload* w : selectWorkloads(workloads, o.workload))
    results.push_back(whatIf(*w, view, options));

  std::ostringstream out;
  const WhatIfReport report{*rules.compiled, asOf, results, static_cast<std::size_t>(o.limit)};
  if (o.format == "json")
    writeWhatIfJson(report, out);
  else
    writeWhatIfText(report, out);
  emit(o.output, out.str());
  return kExitOk;
}

} // namespace

void registerWhatIf(CLI::App& app, CommandRunner& run) {
  auto options = std::make_shared<WhatIfCliOptions>();
  CLI::App* cmd = app.add_subcommand(
      "whatif", "The smallest changes to a workload that make it allowed (evaluated, not guessed)");
  cmd->add_option("files", options->files, "Manifest files ('-' = standard input)")->required();
  cmd->add_option("--workload", options->workload, "Only the workload with this name");
  cmd->add_option("--max-changes", options->maxChanges,
                  "Largest set of changes tried (1-4, default 3)");
  cmd->add_option("--limit", options->limit, "Text: suggestions shown per workload (default 10)");
  addRuleOptions(*cmd, options->rules);
  addAsOfOption(*cmd, options->asOf);
  addInputOptions(*cmd, options->inputs);
  cmd->add_option("--format", options->format, "Report format: text or json");
  cmd->add_option("-o,--output", options->output, "Write the report to this file (atomically)");
  cmd->callback([options, &run] { run = [options] { return runWhatIf(*options); }; });
}

} // namespace borderline
