#pragma once
// `diff`: the regulatory change impact report. Every workload of an inventory is evaluated on
// two sides (two dates, or two versions of the rule packs, or both); the workloads whose
// verdict changes are grouped by the rule responsible for the change.
#include <span>
#include <string>
#include <vector>

#include "analyze/finding_changes.hpp"
#include "evaluate/date_view.hpp"

namespace borderline {

struct WorkloadDiff {
  const Workload* workload = nullptr;
  Level before = Level::Allowed, after = Level::Allowed;
  std::vector<FindingChange> findings;
  // The rules whose open findings moved the verdict: a finding that appeared, went away or
  // changed level, above the lower of the two verdicts.
  std::vector<std::string> responsible;
};

struct RuleImpact {
  std::string rule;
  std::string title;
  std::vector<std::size_t> workloads; // indices into DiffResult::changed
  int worse = 0, better = 0;
};

struct DiffResult {
  int workloads = 0;
  int findingsOnly = 0;              // same verdict, different findings
  std::vector<WorkloadDiff> changed; // verdict changed, in input order
  std::vector<RuleImpact> byRule;    // most workloads first, then by rule id
  int worse() const;
  int better() const;
};

// `before` and `after` hold the same workloads in the same order (after may be bound to
// another chip catalog, see rebindChips).
// `waivers`: a central waivers file's entries, applied on both sides (see evaluateWorkload).
DiffResult diffWorkloads(std::span<const Workload> before, const DateView& beforeView,
                         std::span<const Workload> after, const DateView& afterView,
                         std::span<const Waiver> waivers = {});

// Copies of the workloads whose catalog chips point into `catalog` (another version of the
// rule packs). A chip the catalog does not know keeps its current spec, as an inline chip;
// its model is returned in `unknown` once.
std::vector<Workload> rebindChips(const std::vector<Workload>& workloads,
                                  const ChipCatalog& catalog, std::vector<std::string>& unknown);

} // namespace borderline
