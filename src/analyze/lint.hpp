#pragma once
// `rules lint`: static analysis of the loaded packs, for what the compiler accepts but is
// almost certainly a mistake. Errors: a rule or classification that can never fire, two
// versions of one rule in effect on the same day. Warnings: a rule shadowed by a prohibited
// rule, a citation that gives nothing to find it by, a chip source left blank, a chip ECCN,
// name or vendor that no catalog chip has. Notes: a country group no rule uses (harmless;
// kept for reference).
#include <string>
#include <vector>

#include "compile/rules.hpp"

namespace borderline {

enum class Severity : std::uint8_t { Error, Warning, Note };
std::string_view severityName(Severity s); // error, warning, note

struct LintIssue {
  Severity severity = Severity::Error;
  std::string check;   // never-fires, overlapping-versions, shadowed, citation-unsourced, ...
  std::string subject; // rule id, @group, chip id, ...
  std::string message;
  Location loc;
};

struct LintResult {
  std::vector<LintIssue> issues; // by file, line, column
  int rules = 0, classifications = 0, groups = 0, chips = 0, citations = 0;
  int count(Severity s) const;
};

LintResult lintRules(const CompiledRules& rules);

} // namespace borderline
