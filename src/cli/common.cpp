#include "cli/common.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include <unistd.h>

#include <fmt/format.h>

#include "compile/compiler.hpp"
#include "load/inventory.hpp"
#include "load/manifest.hpp"
#include "report/reporter.hpp"
#include "report/text_format.hpp"
#include "util/output_file.hpp"
#include "util/text.hpp"

namespace borderline {

namespace fs = std::filesystem;

void rejectEmptyOptionValues(const std::vector<std::string_view>& args) {
  for (const std::string_view arg : args) {
    if (arg == "--") return; // the rest are positional arguments, e.g. file names
    if (arg.size() > 3 && arg.starts_with("--") && arg.find('=') == arg.size() - 1)
      throw UsageError(fmt::format("option {} needs a value (got an empty value after '=')",
                                   arg.substr(0, arg.size() - 1)));
  }
}

void refuseEmptyValues(CLI::App& app) {
  static const CLI::Validator nonEmpty(
      [](std::string& value) {
        return value.empty() ? std::string("needs a value (got an empty value)") : std::string();
      },
      "", "non-empty");
  for (CLI::Option* option : app.get_options())
    if (option->get_type_size() != 0 && !option->get_positional()) option->check(nonEmpty);
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) refuseEmptyValues(*sub);
}

void checkInputPaths(const std::vector<std::string>& inputs, const std::string& output) {
  if (std::count(inputs.begin(), inputs.end(), "-") > 1)
    throw UsageError("'-' (standard input) given twice: it can be read only once");
  std::error_code ec;
  // Only a regular file is replaced by the report: -o /dev/stdout with input /dev/stdin may be
  // the same terminal, and is harmless.
  if (output.empty() || output == "-" || !fs::is_regular_file(output, ec)) return;
  for (const auto& input : inputs)
    if (!input.empty() && input != "-" && fs::equivalent(input, output, ec))
      throw UsageError(fmt::format("refusing to overwrite input file {} with the report (-o {})",
                                   input, output));
}

void addRuleOptions(CLI::App& command, RuleOptions& options) {
  // One path per flag: otherwise CLI11 lets a repeatable option swallow the manifests that
  // follow it (`--add-rules extra.yaml manifest.yaml`).
  command
      .add_option("--rules", options.rules,
                  "Rule pack file or directory; replaces the bundled packs (repeatable)")
      ->allow_extra_args(false);
  command
      .add_option("--add-rules", options.addRules,
                  "Rule pack file or directory added to the bundled packs (repeatable)")
      ->allow_extra_args(false);
}

std::vector<std::string> inputPaths(std::vector<std::string> files, const RuleOptions& rules) {
  files.insert(files.end(), rules.rules.begin(), rules.rules.end());
  files.insert(files.end(), rules.addRules.begin(), rules.addRules.end());
  return files;
}

LoadedRules loadRules(const RuleOptions& options, SourceSet& sources) {
  LoadedRules loaded;
  if (options.rules.empty()) addBundledPacks(loaded.packs, sources, options.bundledTests);
  for (const auto& path : options.rules) addPackPath(loaded.packs, sources, path);
  for (const auto& path : options.addRules) addPackPath(loaded.packs, sources, path);
  loaded.compiled = compileRules(loaded.packs);
  return loaded;
}

std::vector<Workload> loadWorkloads(const std::vector<std::string>& files, SourceSet& sources,
                                    const ChipCatalog& catalog) {
  std::vector<Workload> all;
  std::vector<Diagnostic> errors;
  for (const auto& file : files) {
    try {
      auto workloads = loadManifest(readSource(sources, file), catalog);
      for (auto& w : workloads) all.push_back(std::move(w));
    } catch (const LoadFailure& failure) {
      errors.insert(errors.end(), failure.errors().begin(), failure.errors().end());
      // A CSV or JSONL inventory read as a manifest fails with a YAML error that does not say
      // what went wrong ("document must be a map, got a scalar"): name the command that reads it.
      const auto format = formatFromPath(file);
      if (format == InventoryFormat::Csv || format == InventoryFormat::Jsonl)
        errors.emplace_back(Location{file, 0, 0},
                            "this command reads YAML/JSON manifests; use `borderline audit` for "
                            "CSV/JSONL inventories");
    }
  }
  Diagnostics names;
  checkUniqueNames(all, names);
  errors.insert(errors.end(), names.errors().begin(), names.errors().end());
  if (!errors.empty()) throw LoadFailure(std::move(errors));
  return all;
}

std::vector<const Workload*> selectWorkloads(const std::vector<Workload>& workloads,
                                             const std::optional<std::string>& name) {
  std::vector<const Workload*> out;
  for (const auto& w : workloads)
    if (!name || w.name == *name) out.push_back(&w);
  if (out.empty() && name) {
    std::vector<std::string_view> names;
    for (const auto& w : workloads) names.push_back(w.name);
    throw UsageError(
        fmt::format("no workload named '{}' (the files hold: {})", *name, joined(names)));
  }
  return out;
}

void requireFormat(std::string_view command, const std::string& format,
                   std::initializer_list<std::string_view> allowed) {
  for (auto f : allowed)
    if (format == f) return;
  throw UsageError(fmt::format("{} cannot write format '{}' (expected {})", command, format,
                               joinedOr(std::vector<std::string_view>(allowed))));
}

std::optional<Date> parseDateOption(std::string_view option, const std::string& text) {
  if (text.empty()) return std::nullopt;
  if (auto d = Date::parse(text)) return d;
  throw UsageError(fmt::format("{} '{}' is not a valid date (expected YYYY-MM-DD: a real "
                               "calendar date, year 1000 to 9999)",
                               option, text));
}

Date parseAsOf(const std::string& text) {
  if (text.empty()) return Date::todayUtc();
  return *parseDateOption("--as-of", text);
}

void addAsOfOption(CLI::App& command, std::string& asOf) {
  command.add_option("--as-of", asOf, "Evaluation date, YYYY-MM-DD (default: today, UTC)");
}

void addReportingOptions(CLI::App& command, ReportingOptions& options, const std::string& formats) {
  command.add_option("--format", options.format, "Report format: " + formats);
  command.add_option("-o,--output", options.output, "Write the report to this file (atomically)");
  command.add_option("--fail-on", options.failOn,
                     "Exit 1 when a workload is at or above this level: prohibited, "
                     "authorization-required, review or never (default: review)");
}

void addJobsOption(CLI::App& command, int& jobs) {
  command.add_option("-j,--jobs", jobs, "Worker threads (default: the machine's cores)");
}

std::optional<Level> parseFailOn(const std::string& text) {
  const auto failOn = kFailOnDomain.parse(text);
  if (!failOn)
    throw UsageError(
        fmt::format("--fail-on '{}' is not a level (expected {})", text, kFailOnDomain.expected()));
  const std::string_view name = kFailOnDomain.name(*failOn);
  return name == "never" ? std::nullopt : parseLevel(name);
}

int exitCodeFor(Level worst, std::optional<Level> threshold) {
  return failsGate(worst, threshold) ? kExitFindings : kExitOk;
}

void emit(const std::string& outputPath, const std::string& content) {
  if (outputPath.empty() || outputPath == "-")
    writeStdout(content);
  else
    writeFileAtomically(outputPath, content);
}

void printDiagnostics(const std::vector<Diagnostic>& errors) {
  for (const auto& d : errors) {
    printLine(d.file.empty() ? "error: " + d.message
                             : fmt::format("{}: error: {}", d.where(), d.message));
  }
}

void printLine(std::string_view line) {
  std::cerr << visible(line) << '\n';
}

bool stdoutWantsColor() {
  const char* noColor = std::getenv("NO_COLOR");
  if (noColor && *noColor) return false;
  const char* term = std::getenv("TERM");
  if (term && std::string_view(term) == "dumb") return false;
  return ::isatty(STDOUT_FILENO) == 1;
}

} // namespace borderline
