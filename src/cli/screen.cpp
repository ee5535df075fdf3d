// `borderline screen NAME... [--csv FILE --column COL] [--as-of D]`: restricted-party
// screening of names without workloads (the plain denied-party-screening job).
#include <algorithm>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "analyze/screen.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/stale_lists.hpp"
#include "evaluate/screening.hpp"
#include "load/csv_table.hpp"
#include "report/screen_json_writer.hpp"
#include "report/screen_report.hpp"
#include "util/output_file.hpp"

namespace borderline {

namespace {

constexpr std::size_t kFlushBytes = 1 << 16;

struct ScreenOptions {
  std::vector<std::string> names;
  std::string csv;
  std::string column;
  RuleOptions rules;
  std::string asOf;
  int minScore = screening::kReviewThreshold;
  std::string format = "text";
  std::string output;
};

// The names of one column of a CSV file (header row required), in row order.
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
  std::vector<std::string> names;
  for (std::size_t k = 1; k < records.size(); ++k) {
    if (records[k].fields.size() != header.size())
      throw LoadFailure({Diagnostic{{source.name, records[k].line, 1},
                                    fmt::format("row has {} fields; the header has {}",
                                                records[k].fields.size(), header.size())}});
    names.push_back(records[k].fields[c]);
  }
  return names;
}

int runScreen(ScreenOptions o) {
  requireFormat("screen", o.format, {"text", "json"});
  if (o.minScore < screening::kReviewThreshold || o.minScore > 100)
    throw UsageError(fmt::format("--min-score {} is out of range ({} to 100: lower scores are not "
                                 "matches)",
                                 o.minScore, screening::kReviewThreshold));
  if (o.csv.empty() != o.column.empty()) throw UsageError("--csv and --column go together");
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
  // memory: the same bytes as writeScreenText / writeScreenJson of all of them.
  StreamingOutput output(o.output);
  const bool json = o.format == "json";
  bool any = false;
  NameScreener screener(*rules.compiled, asOf, o.minScore);
  if (json) {
    ScreenJsonWriter writer(*rules.compiled);
    std::string out;
    for (std::size_t i = 0; i < o.names.size(); ++i) {
      const NameScreen screen = screener.screen(o.names[i], std::move(keys[i]));
      any = any || screen.inForce() > 0;
      writer.append(screen, out);
      if (out.size() >= kFlushBytes) {
        output.write(out);
        out.clear();
      }
    }
    output.write(out);
  } else {
    std::ostringstream out;
    writeScreenTextBanner(*rules.compiled, asOf, out);
    for (std::size_t i = 0; i < o.names.size(); ++i) {
      const NameScreen screen = screener.screen(o.names[i], std::move(keys[i]));
      any = any || screen.inForce() > 0;
      if (i) out << '\n';
      writeScreenTextOne(*rules.compiled, screen, out);
      if (out.tellp() >= static_cast<std::streamoff>(kFlushBytes)) {
        output.write(out.view());
        out.str({});
      }
    }
    output.write(out.view());
  }
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
  cmd->callback([options, &run] { run = [options] { return runScreen(*options); }; });
}

} // namespace borderline
