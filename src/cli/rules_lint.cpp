// `borderline rules lint`: static analysis of the rule packs. Exit 1 on errors (and, with
// --strict, on warnings); CI runs it on the bundled packs.
#include <sstream>

#include "analyze/lint.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "report/lint_report.hpp"

namespace borderline {

namespace {

struct LintOptions {
  RuleOptions rules;
  std::string format = "text";
  std::string output;
  bool strict = false;
};

int runLint(const LintOptions& o) {
  requireFormat("rules lint", o.format, {"text", "json"});
  checkInputPaths(inputPaths({}, o.rules), o.output);
  SourceSet sources;
  const LoadedRules rules = loadRules(o.rules, sources);
  const LintResult lint = lintRules(*rules.compiled);
  std::ostringstream out;
  if (o.format == "json")
    writeLintJson(*rules.compiled, lint, out);
  else
    writeLintText(*rules.compiled, lint, out);
  emit(o.output, out.str());
  const bool failed =
      lint.count(Severity::Error) > 0 || (o.strict && lint.count(Severity::Warning) > 0);
  return failed ? kExitFindings : kExitOk;
}

} // namespace

void registerRulesLint(CLI::App& rules, CommandRunner& run) {
  auto options = std::make_shared<LintOptions>();
  CLI::App* cmd = rules.add_subcommand(
      "lint", "Static analysis of the rule packs: rules that can never fire, overlapping "
              "versions, shadowed rules, unsourced citations and chips, unused groups");
  addRuleOptions(*cmd, options->rules);
  cmd->add_flag("--strict", options->strict, "Exit 1 on warnings too");
  cmd->add_option("--format", options->format, "Report format: text or json");
  cmd->add_option("-o,--output", options->output, "Write the report to this file (atomically)");
  cmd->callback([options, &run] { run = [options] { return runLint(*options); }; });
}

} // namespace borderline
