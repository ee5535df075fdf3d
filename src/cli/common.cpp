#include "cli/common.hpp"

#include <cstdlib>
#include <iostream>

#include <unistd.h>

#include <fmt/format.h>

#include "compile/compiler.hpp"
#include "util/output_file.hpp"

namespace borderline {

void addRuleOptions(CLI::App& command, RuleOptions& options) {
  command.add_option("--rules", options.rules,
                     "Rule pack file or directory; replaces the bundled packs (repeatable)");
  command.add_option("--add-rules", options.addRules,
                     "Rule pack file or directory added to the bundled packs (repeatable)");
}

LoadedRules loadRules(const RuleOptions& options, SourceSet& sources) {
  LoadedRules loaded;
  if (options.rules.empty()) addBundledPacks(loaded.packs, sources);
  for (const auto& path : options.rules) addPackPath(loaded.packs, sources, path);
  for (const auto& path : options.addRules) addPackPath(loaded.packs, sources, path);
  loaded.compiled = compileRules(loaded.packs);
  return loaded;
}

Date parseAsOf(const std::string& text) {
  if (text.empty()) return Date::todayUtc();
  if (auto d = Date::parse(text)) return *d;
  throw UsageError(fmt::format("--as-of '{}' is not a valid date (expected YYYY-MM-DD)", text));
}

void addAsOfOption(CLI::App& command, std::string& asOf) {
  command.add_option("--as-of", asOf, "Evaluation date, YYYY-MM-DD (default: today, UTC)");
}

Level parseFailOn(const std::string& text) {
  const auto failOn = kFailOnDomain.parse(text);
  if (!failOn)
    throw UsageError(fmt::format("--fail-on '{}' is not a level (expected {})", text,
                                 kFailOnDomain.expected()));
  // "never" is past the worst level, so nothing reaches it.
  return *failOn == 3 ? static_cast<Level>(255) : *parseLevel(kFailOnDomain.name(*failOn));
}

int exitCodeFor(Level worst, Level threshold) {
  return worst != Level::Allowed && worst >= threshold ? kExitFindings : kExitOk;
}

void emit(const std::string& outputPath, const std::string& content) {
  if (outputPath.empty() || outputPath == "-") writeStdout(content);
  else writeFileAtomically(outputPath, content);
}

void printDiagnostics(const std::vector<Diagnostic>& errors) {
  for (const auto& d : errors) {
    if (!d.file.empty()) std::cerr << d.where() << ": ";
    std::cerr << "error: " << d.message << '\n';
  }
}

bool stdoutWantsColor() {
  const char* noColor = std::getenv("NO_COLOR");
  if (noColor && *noColor) return false;
  const char* term = std::getenv("TERM");
  if (term && std::string_view(term) == "dumb") return false;
  return ::isatty(STDOUT_FILENO) == 1;
}

}  // namespace borderline
