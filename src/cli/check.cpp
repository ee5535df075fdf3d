// `borderline check FILE...`: evaluate every workload of the manifests on one date.
#include "cli/commands.hpp"

#include <sstream>

#include <fmt/format.h>

#include "cli/common.hpp"
#include "cli/config.hpp"
#include "cli/stale_lists.hpp"
#include "evaluate/evaluator.hpp"
#include "load/waiver_file.hpp"
#include "report/reporter.hpp"
#include "util/text.hpp"

namespace borderline {

namespace {

struct CheckOptions {
  std::vector<std::string> files;
  RuleOptions rules;
  std::string asOf;
  ReportingOptions report;
  InputOptions inputs;
};

int runCheck(CheckOptions o) {
  checkInputPaths(inputPaths(o.files, o.rules, o.inputs), o.report.output);
  SourceSet sources;
  applyConfig(loadConfig(o.inputs.config, sources),
              {&o.rules, &o.asOf, &o.report.failOn, &o.inputs.waivers});
  if (o.report.failOn.empty()) o.report.failOn = "review";
  const Date asOf = parseAsOf(o.asOf);
  const std::optional<Level> threshold = parseFailOn(o.report.failOn);
  const auto reporter = makeReporter(
      o.report.format,
      {o.report.format == "text" && o.report.output.empty() && stdoutWantsColor(), threshold});
  if (!reporter)
    throw UsageError(fmt::format("check cannot write format '{}' (expected {})", o.report.format,
                                 EnumDomain{"format", reportFormats()}.expected()));

  const LoadedRules rules = loadRules(o.rules, sources);
  warnStaleLists(*rules.compiled, asOf);
  // Every input error at once: the waivers file's and the manifests'.
  std::vector<Diagnostic> errors;
  std::vector<Waiver> waivers;
  try {
    waivers = loadWaivers(o.inputs.waivers, sources);
  } catch (const LoadFailure& failure) {
    errors = failure.errors();
  }
  std::vector<Workload> workloads;
  try {
    workloads = loadWorkloads(o.files, sources, rules.compiled->catalog);
  } catch (const LoadFailure& failure) {
    errors.insert(errors.end(), failure.errors().begin(), failure.errors().end());
  }
  if (!errors.empty()) throw LoadFailure(std::move(errors));

  const DateView view(*rules.compiled, asOf);
  std::vector<Result> results;
  results.reserve(workloads.size());
  for (const auto& w : workloads) results.push_back(evaluateWorkload(w, view, waivers));

  std::ostringstream out;
  reporter->write({*rules.compiled, asOf, results}, out);
  emit(o.report.output, out.str());

  Level worst = Level::Allowed;
  for (const auto& r : results) worst = std::max(worst, r.verdict);
  return exitCodeFor(worst, threshold);
}

} // namespace

void registerCheck(CLI::App& app, CommandRunner& run) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* cmd = app.add_subcommand("check", "Evaluate the workloads of manifests (YAML or JSON)");
  cmd->add_option("files", options->files, "Manifest files ('-' = standard input)")->required();
  addRuleOptions(*cmd, options->rules);
  addAsOfOption(*cmd, options->asOf);
  addReportingOptions(*cmd, options->report,
                      "text, json, sarif, junit, markdown, jsonl, csv or html");
  addInputOptions(*cmd, options->inputs);
  cmd->callback([options, &run] { run = [options] { return runCheck(*options); }; });
}

} // namespace borderline
