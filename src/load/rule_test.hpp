#pragma once
// Rule tests (rules/tests/*.yaml, kind RuleTest): workloads with an evaluation date and the
// verdict and rule ids they must produce. `borderline rules test` runs them.
#include <string>
#include <vector>

#include "compile/rules.hpp"
#include "load/rule_pack.hpp"
#include "model/workload.hpp"

namespace borderline {

struct ExpectedRule {
  std::string id;
  Location loc;
};

struct RuleTestCase {
  std::string suite; // metadata.name of the file
  std::string name;
  Location loc;
  Date asOf;
  Workload workload;
  Level verdict = Level::Allowed;
  std::vector<ExpectedRule> fires;       // must produce a finding (any status)
  std::vector<ExpectedRule> doesNotFire; // must not
};

// Reads the cases of one RuleTest document. Rule ids must exist in `rules`, so a test can
// never pass by naming a rule that is not there. Throws LoadFailure.
std::vector<RuleTestCase> loadRuleTests(const PackSource& source, const CompiledRules& rules);

} // namespace borderline
