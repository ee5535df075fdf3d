#pragma once
// What every command shares: rule-pack options, the evaluation date, output, error printing.
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "compile/rules.hpp"
#include "load/diagnostics.hpp"
#include "load/rule_pack.hpp"
#include "load/source.hpp"
#include "model/workload.hpp"

namespace borderline {

// Exit codes (cli.md).
inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitInvalid = 2;

// A bad command line: printed as "borderline: message", exit 2.
class UsageError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

// Throws UsageError for an argument `--name=` (nothing after '='), before `--`. CLI11 2.1 reads
// it like a bare `--name`, so the option takes the NEXT argument as its value: `--output= a.yaml
// b.yaml` would write the report over the manifest a.yaml. An empty value after '=' is never
// meant, and no CLI11 setting tells the two spellings apart, so main() checks the command line
// before CLI11 sees it.
void rejectEmptyOptionValues(const std::vector<std::string_view>& args);
// The other spelling, `--as-of ""` (an unset shell variable: `--as-of "$DATE"`), reaches CLI11
// as an empty value, which every option would read as "not given": today's date, standard
// output, the bundled packs. No option of ours means anything by an empty value, so each
// option that takes one (of `app` and its subcommands) refuses it.
void refuseEmptyValues(CLI::App& app);

// Throws UsageError when the paths a command reads (empty strings: not given) name standard
// input ('-') more than once, which would read it twice (the second time empty), or when
// `output` (-o) is a regular file that is one of them, which the report would replace. Called
// before anything is read or written.
void checkInputPaths(const std::vector<std::string>& inputs, const std::string& output);

struct RuleOptions {
  std::vector<std::string> rules;                 // --rules: replace the bundled packs
  std::vector<std::string> addRules;              // --add-rules: add to them
  BundledTests bundledTests = BundledTests::Skip; // `rules test` reads them
};
void addRuleOptions(CLI::App& command, RuleOptions& options);
// `files` and the rule pack paths of the options: what a command reads, for checkInputPaths
// (config.hpp adds --config and --waivers).
std::vector<std::string> inputPaths(std::vector<std::string> files, const RuleOptions& rules);

struct LoadedRules {
  PackSet packs;
  std::unique_ptr<CompiledRules> compiled;
};
// Loads and compiles the packs the options select; throws LoadFailure.
LoadedRules loadRules(const RuleOptions& options, SourceSet& sources);

// Loads every workload of the manifests, collecting the errors of all files before giving up
// (throws LoadFailure), and checks that names are unique.
std::vector<Workload> loadWorkloads(const std::vector<std::string>& files, SourceSet& sources,
                                    const ChipCatalog& catalog);
// The workloads a --workload option selects: all when it was not given. Throws UsageError when
// no workload has that name, the empty name included: `--workload ""` (say, an unset shell
// variable) selects nothing rather than everything.
std::vector<const Workload*> selectWorkloads(const std::vector<Workload>& workloads,
                                             const std::optional<std::string>& name);

// Throws UsageError unless `format` is one of `allowed` ("explain cannot write format ...").
void requireFormat(std::string_view command, const std::string& format,
                   std::initializer_list<std::string_view> allowed);
// A date option (--from, --to): empty stays empty; anything else must be an ISO date.
std::optional<Date> parseDateOption(std::string_view option, const std::string& text);

// --as-of: an ISO date, or today (UTC) when empty.
Date parseAsOf(const std::string& text);
void addAsOfOption(CLI::App& command, std::string& asOf);

// What a command that writes a verdict report takes (check, audit, report merge): --format,
// -o/--output and --fail-on.
struct ReportingOptions {
  std::string format = "text";
  std::string output;
  std::string failOn; // empty: from the config file, else "review"
};
// `formats` describes --format's choices for the help ("text, json, ... or html").
void addReportingOptions(CLI::App& command, ReportingOptions& options, const std::string& formats);
// -j/--jobs: worker threads (0 = the machine's cores; see workerThreads()).
void addJobsOption(CLI::App& command, int& jobs);

// --fail-on: the least severe verdict that makes the exit code 1 (throws UsageError).
// "never" gives no level (nothing fails the run).
std::optional<Level> parseFailOn(const std::string& text);
// kExitFindings when `worst` reaches `threshold` (failsGate), else kExitOk.
int exitCodeFor(Level worst, std::optional<Level> threshold);

// Writes a finished report to -o (atomically) or to standard output.
void emit(const std::string& outputPath, const std::string& content);

// Prints every diagnostic to stderr as "file:line:column: error: message".
void printDiagnostics(const std::vector<Diagnostic>& errors);
// Writes `line` and a newline to stderr with its control characters escaped (report/text_format
// visible()): messages quote file names and values from the input, which must not drive the
// terminal or forge a line of their own in a CI log.
void printLine(std::string_view line);

// Whether standard output is a terminal that wants colour (honours NO_COLOR).
bool stdoutWantsColor();

} // namespace borderline
