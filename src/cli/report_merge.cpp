// `borderline report merge FILE...`: the JSONL results of several audit runs (shards, array
// job tasks, batch-engine partitions) combined into one report of any audit format.
#include "cli/commands.hpp"

#include <fmt/format.h>

#include "audit/merge.hpp"
#include "cli/common.hpp"
#include "cli/config.hpp"
#include "cli/stream_report.hpp"
#include "report/html_reporter.hpp"
#include "util/text.hpp"

namespace borderline {

namespace {

struct MergeOptions {
  std::vector<std::string> files;
  RuleOptions rules;
  std::string asOf;
  ReportingOptions report;
  ConfigOptions config;
  std::string order = "source";
  int jobs = 0;
  bool quiet = false;
  std::size_t htmlRows = HtmlReporter::kDefaultRowLimit;
};

int runMerge(MergeOptions o) {
  checkInputPaths(inputPaths(o.files, o.rules, o.config), o.report.output);
  SourceSet sources;
  // The config's rule paths and --fail-on; its --as-of too, as the audit would have used it.
  // Waivers were applied when the results were made.
  applyConfig(loadConfig(o.config, sources), {&o.rules, &o.asOf, &o.report.failOn, nullptr});
  if (o.report.failOn.empty()) o.report.failOn = "review";
  if (o.asOf.empty())
    throw UsageError("report merge needs --as-of: results do not record their evaluation date; "
                     "give the date the audit used");
  const Date asOf = parseAsOf(o.asOf);
  const std::optional<Level> threshold = parseFailOn(o.report.failOn);
  requireStreamFormat("report merge", o.report.format);
  if (o.order != "source" && o.order != "input")
    throw UsageError(fmt::format("--order '{}' must be source or input", o.order));
  const int jobs = workerThreads(o.jobs);

  const LoadedRules rules = loadRules(o.rules, sources);
  const auto source = openResultSource(
      o.files, o.order == "source" ? MergeOrder::Source : MergeOrder::Input, sources);
  StreamContext context{rules.compiled.get(), asOf};
  const auto reporter = makeStreamReport(o.report.format, std::move(context), o.htmlRows);
  StreamingOutput output(o.report.output);
  DriverSettings settings;
  settings.jobs = jobs;
  settings.progress = !o.quiet;
  const DriverOutcome outcome = runBatches(*source, mergeEvaluator(*rules.compiled, asOf),
                                           *reporter, output, *rules.compiled, settings);
  output.commit();
  return exitCodeFor(outcome.worst, threshold);
}

} // namespace

void registerReport(CLI::App& app, CommandRunner& run) {
  CLI::App* report = app.add_subcommand("report", "Work with saved results");
  report->require_subcommand(1);
  auto o = std::make_shared<MergeOptions>();
  CLI::App* cmd = report->add_subcommand(
      "merge", "Combine the JSONL results of audit runs (shards, array jobs) into one report");
  cmd->add_option("files", o->files,
                  "Result files of `audit --format jsonl` ('-' = standard input)")
      ->required();
  addRuleOptions(*cmd, o->rules);
  cmd->add_option("--as-of", o->asOf,
                  "The evaluation date the audit used, YYYY-MM-DD (required, here or in the "
                  "config file)");
  addConfigOptions(*cmd, o->config);
  addReportingOptions(*cmd, o->report,
                      joined({streamFormats().begin(), streamFormats().end()}) +
                          " (default: text, a summary)");
  cmd->add_option("--order", o->order,
                  "source: by source file and line, which restores input order for the shards "
                  "of one inventory (default); input: the files one after the other");
  addJobsOption(*cmd, o->jobs);
  cmd->add_flag("-q,--quiet", o->quiet, "No progress line");
  cmd->add_option("--html-rows", o->htmlRows,
                  "Most workloads listed in the HTML table (default: 20000; totals count all)");
  cmd->callback([o, &run] { run = [o] { return runMerge(*o); }; });
}

} // namespace borderline
