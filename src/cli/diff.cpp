// `borderline diff FILE... --from D1 --to D2` / `--old-rules PATH`: which workloads change
// verdict between two dates or two versions of the rule packs, grouped by the rule responsible.
#include <sstream>

#include <fmt/format.h>

#include "analyze/diff.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/config.hpp"
#include "compile/compiler.hpp"
#include "report/diff_report.hpp"

namespace borderline {

namespace {

struct DiffOptions {
  std::vector<std::string> files;
  RuleOptions rules;
  std::vector<std::string> oldRules;
  std::string from, to, asOf;
  std::string format = "text";
  std::string output;
  InputOptions inputs;
};

int runDiff(DiffOptions o) {
  requireFormat("diff", o.format, {"text", "json", "markdown"});
  std::vector<std::string> read = o.files;
  read.insert(read.end(), o.oldRules.begin(), o.oldRules.end());
  checkInputPaths(inputPaths(std::move(read), o.rules, o.inputs), o.output);
  const auto from = parseDateOption("--from", o.from);
  const auto to = parseDateOption("--to", o.to);
  if (o.oldRules.empty() && !from && !to)
    throw UsageError("diff needs two sides: --from DATE --to DATE, or --old-rules PATH (or both)");
  SourceSet sources;
  const std::vector<Waiver> waivers = resolveInputs(o.inputs, sources, o.rules, &o.asOf);
  const Date asOf = parseAsOf(o.asOf);
  const LoadedRules rules = loadRules(o.rules, sources);
  std::unique_ptr<CompiledRules> oldRules;
  if (!o.oldRules.empty()) {
    PackSet old;
    for (const auto& path : o.oldRules) addPackPath(old, sources, path);
    oldRules = compileRules(old);
  }
  const CompiledRules& before = oldRules ? *oldRules : *rules.compiled;
  const std::vector<Workload> workloads = loadWorkloads(o.files, sources, rules.compiled->catalog);
  std::vector<std::string> unknownChips;
  const std::vector<Workload> rebound =
      oldRules ? rebindChips(workloads, before.catalog, unknownChips) : std::vector<Workload>{};

  const DateView beforeView(before, from.value_or(asOf));
  const DateView afterView(*rules.compiled, to.value_or(asOf));
  const DiffResult result =
      diffWorkloads(oldRules ? rebound : workloads, beforeView, workloads, afterView, waivers);

  std::ostringstream out;
  const DiffReport report{
      {before, beforeView.date()}, {*rules.compiled, afterView.date()}, result, unknownChips};
  if (o.format == "json")
    writeDiffJson(report, out);
  else if (o.format == "markdown")
    writeDiffMarkdown(report, out);
  else
    writeDiffText(report, out);
  emit(o.output, out.str());
  return result.changed.empty() ? kExitOk : kExitFindings;
}

} // namespace

void registerDiff(CLI::App& app, CommandRunner& run) {
  auto options = std::make_shared<DiffOptions>();
  CLI::App* cmd = app.add_subcommand(
      "diff", "Which workloads change verdict between two dates or two versions of the rules");
  cmd->add_option("files", options->files, "Manifest files, YAML or JSON ('-' = standard input)")
      ->required();
  cmd->add_option("--from", options->from, "Date of the 'before' side (default: --as-of)");
  cmd->add_option("--to", options->to, "Date of the 'after' side (default: --as-of)");
  cmd->add_option("--old-rules", options->oldRules,
                  "Rule packs of the 'before' side, file or directory (repeatable); the 'after' "
                  "side uses the bundled packs or --rules");
  addRuleOptions(*cmd, options->rules);
  addAsOfOption(*cmd, options->asOf);
  addInputOptions(*cmd, options->inputs);
  cmd->add_option("--format", options->format, "Report format: text, json or markdown");
  cmd->add_option("-o,--output", options->output, "Write the report to this file (atomically)");
  cmd->callback([options, &run] { run = [options] { return runDiff(*options); }; });
}

} // namespace borderline
