// `borderline check FILE...`: evaluate every workload of the manifests on one date.
#include "cli/commands.hpp"

#include <sstream>

#include <fmt/format.h>

#include "cli/common.hpp"
#include "evaluate/evaluator.hpp"
#include "load/manifest.hpp"
#include "report/reporter.hpp"
#include "util/text.hpp"

namespace borderline {

namespace {

struct CheckOptions {
  std::vector<std::string> files;
  RuleOptions rules;
  std::string asOf;
  std::string format = "text";
  std::string output;
  std::string failOn = "review";
};

// Loads every manifest, collecting the errors of all files before giving up.
std::vector<Workload> loadManifests(const std::vector<std::string>& files, SourceSet& sources,
                                    const ChipCatalog& catalog) {
  std::vector<Workload> all;
  std::vector<Diagnostic> errors;
  for (const auto& file : files) {
    try {
      auto workloads = loadManifest(readSource(sources, file), catalog);
      for (auto& w : workloads) all.push_back(std::move(w));
    } catch (const LoadFailure& failure) {
      errors.insert(errors.end(), failure.errors().begin(), failure.errors().end());
    }
  }
  Diagnostics names;
  checkUniqueNames(all, names);
  errors.insert(errors.end(), names.errors().begin(), names.errors().end());
  if (!errors.empty()) throw LoadFailure(std::move(errors));
  return all;
}

int runCheck(const CheckOptions& o) {
  const Date asOf = parseAsOf(o.asOf);
  const Level threshold = parseFailOn(o.failOn);
  const auto reporter = makeReporter(o.format, {o.format == "text" && o.output.empty() && stdoutWantsColor()});
  if (!reporter)
    throw UsageError(fmt::format("check cannot write format '{}' (expected {})", o.format,
                                 joined({reportFormats().begin(), reportFormats().end()})));

  SourceSet sources;
  const LoadedRules rules = loadRules(o.rules, sources);
  const std::vector<Workload> workloads = loadManifests(o.files, sources, rules.compiled->catalog);

  const DateView view(*rules.compiled, asOf);
  std::vector<Result> results;
  results.reserve(workloads.size());
  for (const auto& w : workloads) results.push_back(evaluateWorkload(w, view));

  std::ostringstream out;
  reporter->write({*rules.compiled, asOf, results}, out);
  emit(o.output, out.str());

  Level worst = Level::Allowed;
  for (const auto& r : results) worst = std::max(worst, r.verdict);
  return exitCodeFor(worst, threshold);
}

}  // namespace

void registerCheck(CLI::App& app, CommandRunner& run) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* cmd = app.add_subcommand("check", "Evaluate the workloads of manifests (YAML or JSON)");
  cmd->add_option("files", options->files, "Manifest files ('-' = standard input)")->required();
  addRuleOptions(*cmd, options->rules);
  addAsOfOption(*cmd, options->asOf);
  cmd->add_option("--format", options->format, "Report format: text, json, jsonl, csv or html");
  cmd->add_option("-o,--output", options->output, "Write the report to this file (atomically)");
  cmd->add_option("--fail-on", options->failOn,
                  "Exit 1 when a workload is at or above this level: prohibited, "
                  "authorization-required, review or never (default: review)");
  cmd->callback([options, &run] { run = [options] { return runCheck(*options); }; });
}

}  // namespace borderline
