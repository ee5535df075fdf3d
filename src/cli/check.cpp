// `borderline check FILE...`: evaluate every workload of the manifests on one date.
#include "cli/commands.hpp"

#include <sstream>

#include <fmt/format.h>

#include "cli/common.hpp"
#include "evaluate/evaluator.hpp"
#include "report/reporter.hpp"

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

int runCheck(const CheckOptions& o) {
  const Date asOf = parseAsOf(o.asOf);
  const auto failOn = kFailOnDomain.parse(o.failOn);
  if (!failOn)
    throw UsageError(fmt::format("--fail-on '{}' is not a level (expected {})", o.failOn,
                                 kFailOnDomain.expected()));
  const auto reporter =
      makeReporter(o.format, {o.format == "text" && o.output.empty() && stdoutWantsColor()});
  if (!reporter)
    throw UsageError(
        fmt::format("check cannot write format '{}' (expected text or json)", o.format));

  SourceSet sources;
  const LoadedRules rules = loadRules(o.rules, sources);
  const std::vector<Workload> workloads = loadWorkloads(o.files, sources, rules.compiled->catalog);

  const DateView view(*rules.compiled, asOf);
  std::vector<Result> results;
  results.reserve(workloads.size());
  for (const auto& w : workloads) results.push_back(evaluateWorkload(w, view));

  std::ostringstream out;
  reporter->write({*rules.compiled, asOf, results}, out);
  emit(o.output, out.str());

  // "never" is past the worst level, so nothing reaches it.
  const Level threshold =
      *failOn == 3 ? static_cast<Level>(255) : *parseLevel(kFailOnDomain.name(*failOn));
  for (const auto& r : results)
    if (r.verdict != Level::Allowed && r.verdict >= threshold) return kExitFindings;
  return kExitOk;
}

} // namespace

void registerCheck(CLI::App& app, CommandRunner& run) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* cmd = app.add_subcommand("check", "Evaluate the workloads of manifests (YAML or JSON)");
  cmd->add_option("files", options->files, "Manifest files ('-' = standard input)")->required();
  addRuleOptions(*cmd, options->rules);
  addAsOfOption(*cmd, options->asOf);
  cmd->add_option("--format", options->format, "Report format: text or json");
  cmd->add_option("-o,--output", options->output, "Write the report to this file (atomically)");
  cmd->add_option("--fail-on", options->failOn,
                  "Exit 1 when a workload is at or above this level: prohibited, "
                  "authorization-required, review or never (default: review)");
  cmd->callback([options, &run] { run = [options] { return runCheck(*options); }; });
}

} // namespace borderline
