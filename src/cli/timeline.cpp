// `borderline timeline FILE... [--from D --to D]`: a workload's verdict on every date where a
// rule, group, classification or party listing changes it.
#include <sstream>

#include <fmt/format.h>

#include "analyze/timeline.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/config.hpp"
#include "report/timeline_report.hpp"

namespace borderline {

namespace {

struct TimelineOptions {
  std::vector<std::string> files;
  RuleOptions rules;
  std::optional<std::string> workload; // given: exactly this one, even if empty
  std::string from, to;
  std::string format = "text";
  std::string output;
  InputOptions inputs;
};

int runTimeline(TimelineOptions o) {
  requireFormat("timeline", o.format, {"text", "json"});
  checkInputPaths(inputPaths(o.files, o.rules, o.inputs), o.output);
  const auto from = parseDateOption("--from", o.from);
  const auto to = parseDateOption("--to", o.to);
  if (from && to && *to < *from)
    throw UsageError(fmt::format("--to {} is before --from {}", to->str(), from->str()));
  SourceSet sources;
  const std::vector<Waiver> waivers = resolveInputs(o.inputs, sources, o.rules, nullptr);
  const LoadedRules rules = loadRules(o.rules, sources);
  const std::vector<Workload> workloads = loadWorkloads(o.files, sources, rules.compiled->catalog);
  std::vector<Timeline> timelines;
  for (const Workload* w : selectWorkloads(workloads, o.workload)) {
    const TimelineRange range = timelineRange(*w, from, to, Date::todayUtc());
    if (range.to < range.from)
      throw UsageError(fmt::format("workload {}: the range {} .. {} ({}) ends before it starts",
                                   w->name, range.from.str(), range.to.str(), range.why));
    timelines.push_back(buildTimeline(*w, *rules.compiled, range, waivers));
  }
  std::ostringstream out;
  const TimelineReport report{*rules.compiled, timelines};
  if (o.format == "json")
    writeTimelineJson(report, out);
  else
    writeTimelineText(report, out);
  emit(o.output, out.str());
  return kExitOk;
}

} // namespace

void registerTimeline(CLI::App& app, CommandRunner& run) {
  auto options = std::make_shared<TimelineOptions>();
  CLI::App* cmd = app.add_subcommand(
      "timeline", "A workload's verdict on every date where the rules change it");
  cmd->add_option("files", options->files, "Manifest files ('-' = standard input)")->required();
  cmd->add_option("--workload", options->workload, "Only the workload with this name");
  cmd->add_option("--from", options->from,
                  "First date (default: the workload's period.start, else 2022-10-01)");
  cmd->add_option("--to", options->to,
                  "Last date (default: the workload's period.end, else a year from today)");
  addRuleOptions(*cmd, options->rules);
  addInputOptions(*cmd, options->inputs);
  cmd->add_option("--format", options->format, "Report format: text or json");
  cmd->add_option("-o,--output", options->output, "Write the report to this file (atomically)");
  cmd->callback([options, &run] { run = [options] { return runTimeline(*options); }; });
}

} // namespace borderline
