// `borderline explain FILE... [--workload NAME] [--rule ID]`: why each rule did or did not
// fire for a workload, with the values it saw, in sentences (text) or in full (json).
#include <sstream>

#include <fmt/format.h>

#include "analyze/explain.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/config.hpp"
#include "report/explain_report.hpp"

namespace borderline {

namespace {

struct ExplainOptions {
  std::vector<std::string> files;
  RuleOptions rules;
  std::string asOf;
  std::optional<std::string> workload; // given: exactly this one, even if empty
  std::optional<std::string> rule;
  std::string format = "text";
  std::string output;
  bool full = false;
  bool fired = false;
  InputOptions inputs;
};

int runExplain(ExplainOptions o) {
  requireFormat("explain", o.format, {"text", "json"});
  checkInputPaths(inputPaths(o.files, o.rules, o.inputs), o.output);
  SourceSet sources;
  const std::vector<Waiver> waivers = resolveInputs(o.inputs, sources, o.rules, &o.asOf);
  const Date asOf = parseAsOf(o.asOf);
  const LoadedRules rules = loadRules(o.rules, sources);
  if (o.rule && !rules.compiled->findRule(*o.rule))
    throw UsageError(fmt::format("no rule '{}' in the loaded rule packs (see `borderline rules "
                                 "list` and `rules show`)",
                                 *o.rule));
  const std::vector<Workload> workloads = loadWorkloads(o.files, sources, rules.compiled->catalog);
  const DateView view(*rules.compiled, asOf);
  const std::string_view onlyRule = o.rule ? std::string_view(*o.rule) : std::string_view();
  std::vector<Explanation> explanations;
  for (const Workload* w : selectWorkloads(workloads, o.workload))
    explanations.push_back(explainWorkload(*w, view, {onlyRule, o.fired}, waivers));

  std::ostringstream out;
  const ExplainReport report{*rules.compiled, asOf, explanations, o.full};
  if (o.format == "json")
    writeExplainJson(report, out);
  else
    writeExplainText(report, out);
  emit(o.output, out.str());
  return kExitOk;
}

} // namespace

void registerExplain(CLI::App& app, CommandRunner& run) {
  auto options = std::make_shared<ExplainOptions>();
  CLI::App* cmd = app.add_subcommand("explain", "Why each rule did or did not fire for a workload");
  cmd->add_option("files", options->files, "Manifest files ('-' = standard input)")->required();
  cmd->add_option("--workload", options->workload, "Only the workload with this name");
  cmd->add_option("--rule", options->rule, "Only this rule");
  addRuleOptions(*cmd, options->rules);
  addAsOfOption(*cmd, options->asOf);
  addInputOptions(*cmd, options->inputs);
  cmd->add_flag("--fired", options->fired, "Only the rules that fired");
  cmd->add_flag("--full", options->full,
                "Text: show whole condition trees, not only the parts that decided");
  cmd->add_option("--format", options->format, "Report format: text or json");
  cmd->add_option("-o,--output", options->output, "Write the report to this file (atomically)");
  cmd->callback([options, &run] { run = [options] { return runExplain(*options); }; });
}

} // namespace borderline
