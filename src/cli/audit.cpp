// `borderline audit FILE`: a large inventory (CSV, JSONL, YAML or JSON), streamed in batches
// on every core, with a report whose order and bytes never depend on the number of threads.
#include "cli/commands.hpp"

#include <fmt/format.h>

#include <sstream>

#include "audit/driver.hpp"
#include "audit/screen_only.hpp"
#include "cli/common.hpp"
#include "cli/config.hpp"
#include "cli/stale_lists.hpp"
#include "cli/stream_report.hpp"
#include "evaluate/screening.hpp"
#include "report/html_reporter.hpp"
#include "report/screen_json_writer.hpp"
#include "report/screen_report.hpp"
#include "util/text.hpp"

namespace borderline {

namespace {

struct AuditOptions {
  std::string file;
  std::string inputFormat;
  RuleOptions rules;
  std::string asOf;
  ReportingOptions report;
  InputOptions inputs;
  int jobs = 0;
  std::string shard;
  bool skipInvalid = false;
  bool quiet = false;
  bool screenOnly = false;
  std::size_t htmlRows = HtmlReporter::kDefaultRowLimit;
};

std::string formatList() {
  return joined({streamFormats().begin(), streamFormats().end()});
}

InventoryFormat inputFormat(const AuditOptions& o) {
  if (!o.inputFormat.empty()) {
    if (auto f = parseInventoryFormat(o.inputFormat)) return *f;
    throw UsageError(fmt::format(
        "--input-format '{}' is not known (expected csv, jsonl, yaml or json)", o.inputFormat));
  }
  if (o.file == "-")
    throw UsageError("reading standard input needs --input-format (csv, jsonl, yaml or json)");
  if (auto f = formatFromPath(o.file)) return *f;
  throw UsageError(fmt::format("cannot tell the format of '{}' from its name: give --input-format "
                               "(csv, jsonl, yaml or json)",
                               o.file));
}

// --screen-only: every party name of the inventory screened, in the shapes of `screen` (text,
// or JSON Lines with the workload and party field of each name), and its exit code: 1 when a
// name matches a list entry in force on the date.
int runScreenOnly(const AuditOptions& o, BatchSource& source, const CompiledRules& rules, Date asOf,
                  Shard shard, int jobs) {
  const bool json = o.report.format == "json";
  StreamingOutput output(o.report.output);
  if (!json) {
    std::ostringstream banner;
    writeScreenTextBanner(rules, asOf, banner);
    output.write(banner.str());
  }
  ScreenOnlySettings settings;
  settings.jobs = jobs;
  settings.shard = shard;
  settings.skipInvalid = o.skipInvalid;
  settings.reportInvalid = [](const InvalidWorkload& bad) { printDiagnostics(bad.errors); };
  settings.makeFormat = [&rules, json]() -> ScreenFormat {
    if (json)
      return [writer = std::make_shared<ScreenJsonWriter>(rules)](
                 const std::vector<NameScreen>& screens, std::string& out) {
        for (const auto& s : screens) writer->append(s, out);
      };
    // Each name's block and a blank line: the blocks are separated by one, and the count
    // after the last block follows one.
    return [&rules](const std::vector<NameScreen>& screens, std::string& out) {
      std::ostringstream text;
      for (const auto& s : screens) {
        writeScreenTextOne(rules, s, text);
        text << '\n';
      }
      out += text.view();
    };
  };
  const ScreenOnlyOutcome outcome = screenInventory(
      source, rules, asOf, settings, [&](std::string_view bytes) { output.write(bytes); });
  if (!json)
    output.write(fmt::format("{} party name{} of {} workload{} screened: {} with a match in "
                             "force on {}.\n",
                             outcome.names, outcome.names == 1 ? "" : "s", outcome.workloads,
                             outcome.workloads == 1 ? "" : "s", outcome.matched, asOf.str()));
  output.commit();
  return outcome.matched > 0 ? kExitFindings : kExitOk;
}

int runAudit(AuditOptions o) {
  checkInputPaths(inputPaths({o.file}, o.rules, o.inputs), o.report.output);
  SourceSet sources;
  const std::vector<Waiver> waivers =
      resolveInputs(o.inputs, sources, o.rules, &o.asOf, &o.report.failOn);
  if (o.report.failOn.empty()) o.report.failOn = "review";
  const Date asOf = parseAsOf(o.asOf);
  const std::optional<Level> threshold = parseFailOn(o.report.failOn);
  if (o.screenOnly)
    requireFormat("audit --screen-only", o.report.format, {"text", "json"});
  else
    requireStreamFormat("audit", o.report.format);
  Shard shard;
  if (!o.shard.empty()) {
    const auto parsed = parseShard(o.shard);
    if (!parsed)
      throw UsageError(fmt::format("--shard '{}' must be i/n with 1 <= i <= n, e.g. 2/8", o.shard));
    shard = *parsed;
  }
  const int jobs = workerThreads(o.jobs);
  const InventoryFormat format = inputFormat(o);

  const LoadedRules rules = loadRules(o.rules, sources);
  warnStaleLists(*rules.compiled, asOf);
  const auto source = openBatchSource(o.file, format, sources, rules.compiled->catalog);
  if (o.screenOnly) return runScreenOnly(o, *source, *rules.compiled, asOf, shard, jobs);
  const DateView view(*rules.compiled, asOf);
  StreamContext context{rules.compiled.get(), asOf};
  const auto reporter = makeStreamReport(o.report.format, std::move(context), o.htmlRows);

  StreamingOutput output(o.report.output);
  DriverSettings settings;
  settings.jobs = jobs;
  settings.shard = shard;
  settings.skipInvalid = o.skipInvalid;
  settings.progress = !o.quiet;
  settings.reportInvalid = [](const InvalidWorkload& bad) { printDiagnostics(bad.errors); };
  const auto evaluate = auditEvaluator(*source, view, waivers, reporter->needsMessages(), jobs);
  const DriverOutcome outcome =
      runBatches(*source, evaluate, *reporter, output, *rules.compiled, settings);
  output.commit();
  return exitCodeFor(outcome.worst, threshold);
}

} // namespace

void registerAudit(CLI::App& app, CommandRunner& run) {
  auto o = std::make_shared<AuditOptions>();
  CLI::App* cmd = app.add_subcommand(
      "audit", "Evaluate a large inventory (CSV, JSONL, YAML or JSON), streaming, on every core");
  cmd->add_option("file", o->file, "Inventory file ('-' = standard input, with --input-format)")
      ->required();
  cmd->add_option("--input-format", o->inputFormat,
                  "csv, jsonl, yaml or json (default: from the file name's extension)");
  addRuleOptions(*cmd, o->rules);
  addAsOfOption(*cmd, o->asOf);
  addInputOptions(*cmd, o->inputs);
  addReportingOptions(*cmd, o->report, formatList() + " (default: text, a summary)");
  addJobsOption(*cmd, o->jobs);
  cmd->add_option("--shard", o->shard,
                  "i/n: evaluate only every n-th batch, starting with the i-th (merge the parts "
                  "with `report merge`)");
  cmd->add_flag("--skip-invalid", o->skipInvalid,
                "Report each invalid row on stderr and go on (default: stop at the first, exit 2)");
  cmd->add_flag("-q,--quiet", o->quiet, "No progress line");
  cmd->add_flag("--screen-only", o->screenOnly,
                "Only screen every party name against the party lists, without evaluating "
                "rules: the report and exit code of `screen` (--format text or json)");
  cmd->add_option("--html-rows", o->htmlRows,
                  "Most workloads listed in the HTML table (default: 20000; totals count all)");
  cmd->callback([o, &run] { run = [o] { return runAudit(*o); }; });
}

} // namespace borderline
