#pragma once
// `whatif`: the smallest sets of changes that bring a workload to `allowed`, or to the least
// severe verdict reachable. Each set is tried by evaluating a changed copy of the workload with
// the engine itself (evaluateWorkload); nothing here knows what any rule means.
//
// Search (whatif.cpp): every candidate change alone (whatif_changes.hpp); candidates with the
// same effect form a class searched through one representative. Then sets of 2, 3, ...
// changes, breadth first: a set grows only by a change that clears one of the rules still
// open in it (rules a change newly opens, such as a duty that comes with a transfer
// mechanism, bring their own candidates), and only sets that made progress grow further. The
// search stops at the first size that reaches `allowed`, at the size limit, or when the
// evaluation budget is spent. The winning sets are expanded back to every member of their
// classes, each expansion evaluated again. The answer is every set of the smallest size that
// reaches the best verdict found.
#include <span>
#include <string>
#include <vector>

#include "analyze/whatif_changes.hpp"

namespace borderline {

struct WhatIfOptions {
  int maxChanges = 3;                   // largest set tried
  int maxEvaluations = 5'000;           // budget of engine evaluations (a part split off counts)
  std::span<const Waiver> waivers = {}; // a central waivers file's entries (evaluateWorkload)
};

// One split-off part of a suggestion and its own verdict.
struct PartOutcome {
  std::string name;
  CountryId site = 0;
  Level verdict = Level::Allowed;
  std::vector<std::string> open;
};

struct Suggestion {
  std::vector<Change> changes;
  Level verdict = Level::Allowed;      // the worst of the main workload and its parts
  std::vector<std::string> cleared;    // rules open now and no longer open
  std::vector<std::string> introduced; // rules open only after the changes
  std::vector<PartOutcome> parts;
};

struct WhatIf {
  const Workload* workload = nullptr;
  Date date;
  Level current = Level::Allowed;
  std::vector<std::string> open; // rules with open findings now
  Candidates candidates;         // the candidates for the workload as it is
  Level best = Level::Allowed;   // the least severe verdict found
  int size = 0;                  // changes per suggestion
  // Ranked. When no set improves the verdict (`improves` false), the smallest sets that clear
  // the most open rules without opening others, if any: progress, not a way out.
  std::vector<Suggestion> suggestions;
  bool improves = false;
  int maxChanges = 0; // the largest set searched
  int evaluations = 0;
  bool budgetExhausted = false;
};

WhatIf whatIf(const Workload& workload, const DateView& view, const WhatIfOptions& options);

} // namespace borderline
