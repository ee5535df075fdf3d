// `borderline screen NAME... [--csv FILE --column COL] [--as-of D]`: restricted-party
// screening of names without workloads (the plain denied-party-screening job).
#include <algorithm>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "analyze/screen.hpp"
#include "audit/ordered_pipeline.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/stale_lists.hpp"
#include "cli/stream_report.hpp"
#include "evaluate/screening.hpp"
#include "load/csv_table.hpp"
#include "load/scalar_text.hpp"
#include "report/screen_json_writer.hpp"
#include "report/screen_report.hpp"
#include "util/output_file.hpp"
#include "util/text.hpp"

namespace borderline {

namespace {

constexpr std::size_t kBatchNames = 512;

struct ScreenOptions {
  std::vector<std::string> names;
  std::string csv;
  std::string column;
  RuleOptions rules;
  std::string asOf;
  int minScore = screening::kReviewThreshold;
  std::string format = "text";
  std::string output;
  int jobs = 0;
};

// A run of consecutive names, screened by one worker, and its part of the report.
struct NameBatch {
  std::size_t first = 0;
  std::size_t count = 0;
};
struct ScreenedBatch {
  std::string report;
  bool inForce = false; // some name has a match in force
};

// One per worker thread: its own memo of screened names and its own cache of serialised list
// entries. Both only remember what they computed, so every worker writes the same bytes for
// the same name and the report does not depend on the number of threads.
struct ScreenWorker {
  ScreenWorker(const CompiledRules& rules, Date date, int minScore)
      : screener(rules, date, minScore), json(rules) {}
  NameScreener screener;
  ScreenJsonWriter json;
};

// The names of one column of a CSV file (header row required), in row order. A cell with
// nothing to screen is an error at its place (the same rule as a manifest's party names), except
// an empty cell on a later row of a flat inventory's workload (the same `name` as the row
// before): such rows only add chips or data sources and leave the parties empty.
std::vector<std::string> csvColumn(const std::string& path, const std::string& column,
                                   SourceSet& sources) {
  const SourceText source = readSource(sources, path);
  const auto records = splitCsv(source.name, source.text);
  if (records.empty())
    throw LoadFailure({Diagnostic{{source.name, 1, 1}, "empty CSV file: expected a header row"}});
  const auto& header = records.front().fields;
  const auto it = std::find(header.begin(), header.end(), column);
  if (it == header.end())
    throw LoadFailure({Diagnostic{{source.name, records.front().line, 1},
                                  fmt::format("the header has no column \"{}\"", column)}});
  const auto c = static_cast<std::size_t>(it - header.begin());
  const auto nameColumn = std::find(header.begin(), header.end(), "name");
  const auto workloadOf = [&](const CsvRecord& r) {
    return nameColumn == header.end()
               ? std::string_view()
               : trim(r.fields[static_cast<std::size_t>(nameColumn - header.begin())]);
  };
  // Whether `next` is on the line after `prev` ends: a blank line ends a workload's rows.
  const auto follows = [](const CsvRecord& prev, const CsvRecord& next) {
    std::uint32_t end = prev.line;
    for (const auto& f : prev.fields)
      end += static_cast<std::uint32_t>(std::count(f.begin(), f.end(), '\n'));
    return next.line == end + 1;
  };
  std::vector<std::string> names;
  std::vector<Diagnostic> errors;
  for (std::size_t k = 1; k < records.size(); ++k) {
    const CsvRecord& r = records[k];
    if (r.fields.size() != header.size())
      throw LoadFailure({Diagnostic{
          {source.name, r.line, 1},
          fmt::format("row has {} fields; the header has {}", r.fields.size(), header.size())}});
    const std::string& cell = r.fields[c];
    const bool continuation = k > 1 && follows(records[k - 1], r) && !workloadOf(r).empty() &&
                              workloadOf(r) == workloadOf(records[k - 1]);
    if (continuation && trim(cell).empty()) continue;
    if (std::string message; !screenablePartyName(cell, column, message))
      errors.push_back({{source.name, r.line, r.columns[c]}, std::move(message)});
    names.push_back(cell);
  }
  if (!errors.empty()) throw LoadFailure(std::move(errors));
  return names;
}

int runScreen(ScreenOptions o) {
  requireFormat("screen", o.format, {"text", "json"});
  if (o.minScore < screening::kReviewThreshold || o.minScore > 100)
    throw UsageError(fmt::format("--min-score {} is out of range ({} to 100: lower scores are not "
                                 "matches)",
                                 o.minScore, screening::kReviewThreshold));
  if (o.csv.empty() != o.column.empty()) throw UsageError("--csv and --column go together");
  checkInputPaths(inputPaths({o.csv}, o.rules), o.output);
  SourceSet sources;
  if (!o.csv.empty()) {
    auto more = csvColumn(o.csv, o.column, sources);
    o.names.insert(o.names.end(), more.begin(), more.end());
  }
  if (o.names.empty()) throw UsageError("nothing to screen: give names, or --csv and --column");
  // A name that normalises to nothing cannot match anything: say so rather than pass it. The
  // keys are kept for the screener, which would otherwise normalise each name again.
  std::vector<std::string> keys;
  keys.reserve(o.names.size());
  for (const auto& name : o.names) {
    keys.push_back(screening::normalize(name));
    if (keys.back().empty())
      throw UsageError(
          fmt::format("nothing to screen in '{}' (only punctuation or legal-form words)", name));
  }
  const Date asOf = parseAsOf(o.asOf);
  const LoadedRules rules = loadRules(o.rules, sources);
  warnStaleLists(*rules.compiled, asOf);
  // Written as the names are screened, so that a million names need no million results in
  // memory: the same bytes as writeScreenText / writeScreenJson of all of them. Batches of
  // names are screened on every core and written in input order.
  StreamingOutput output(o.output);
  const bool json = o.format == "json";
  const int jobs = static_cast<int>(std::min<std::size_t>(
      workerThreads(o.jobs), (o.names.size() + kBatchNames - 1) / kBatchNames));
  std::vector<std::unique_ptr<ScreenWorker>> workers;
  for (int i = 0; i < jobs; ++i)
    workers.push_back(std::make_unique<ScreenWorker>(*rules.compiled, asOf, o.minScore));
  if (!json) {
    std::ostringstream banner;
    writeScreenTextBanner(*rules.compiled, asOf, banner);
    output.write(banner.view());
  }
  bool any = false;
  std::size_t next = 0;
  OrderedPipeline<NameBatch, ScreenedBatch>().run(
      jobs, 4 * static_cast<std::size_t>(jobs),
      [&](NameBatch& batch) {
        if (next == o.names.size()) return false;
        batch.first = next;
        batch.count = std::min(kBatchNames, o.names.size() - next);
        next += batch.count;
        return true;
      },
      [&](NameBatch& batch, ScreenedBatch& out, int worker) {
        ScreenWorker& w = *workers[static_cast<std::size_t>(worker)];
        std::ostringstream text;
        for (std::size_t i = batch.first; i < batch.first + batch.count; ++i) {
          const NameScreen screen = w.screener.screen(o.names[i], std::move(keys[i]));
          out.inForce = out.inForce || screen.inForce() > 0;
          if (json) {
            w.json.append(screen, out.report);
          } else {
            if (i) text << '\n';
            writeScreenTextOne(*rules.compiled, screen, text);
          }
        }
        if (!json) out.report = std::move(text).str();
      },
      [&](ScreenedBatch& out) {
        any = any || out.inForce;
        output.write(out.report);
      });
  output.commit();
  return any ? kExitFindings : kExitOk;
}

} // namespace

void registerScreen(CLI::App& app, CommandRunner& run) {
  auto options = std::make_shared<ScreenOptions>();
  CLI::App* cmd = app.add_subcommand("screen", "Restricted-party screening of names");
  cmd->add_option("name", options->names, "The names to screen (quote each)");
  cmd->add_option("--csv", options->csv, "Also screen the names of a CSV column (- = stdin)");
  cmd->add_option("--column", options->column, "The CSV column that holds the names");
  addRuleOptions(*cmd, options->rules);
  addAsOfOption(*cmd, options->asOf);
  cmd->add_option("--min-score", options->minScore,
                  fmt::format("Lowest score reported, {}-100 (default {}; {} and up is a probable "
                              "match)",
                              screening::kReviewThreshold, screening::kReviewThreshold,
                              screening::kProbableThreshold));
  cmd->add_option("--format", options->format, "Report format: text or json (JSON Lines)");
  cmd->add_option("-o,--output", options->output, "Write the report to this file (atomically)");
  addJobsOption(*cmd, options->jobs);
  cmd->callback([options, &run] { run = [options] { return runScreen(*options); }; });
}

} // namespace borderline
