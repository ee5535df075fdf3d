#pragma once
// The evaluator: a pure function of (workload, rules resolved for a date). No globals, so any
// number of threads can evaluate at once and `whatif` can evaluate mutated copies.
#include <span>

#include "evaluate/date_view.hpp"
#include "evaluate/result.hpp"

namespace borderline {

class EvalCache;

struct EvalOptions {
  // The entries of a central waivers file (--waivers); those whose `workload` matches this
  // workload apply alongside its own. The Result points into them: keep them alive.
  std::span<const Waiver> waivers;
  // Render messages, remediations, status reasons and notices. Reports that only count
  // verdicts and statuses (the audit summary) turn it off: the findings (rule, level, status)
  // and the verdict are the same, but findings then carry no location, firing elements or
  // screening matches.
  bool messages = true;
  EvalCache* cache = nullptr; // per-thread memos (party screening, regexes); optional
};

Result evaluateWorkload(const Workload& workload, const DateView& view,
                        const EvalOptions& options = {});
// The same with a central waivers file and default options.
Result evaluateWorkload(const Workload& workload, const DateView& view,
                        std::span<const Waiver> waivers);

// How the evaluator judges, as functions of what a result records, so that `report merge` can
// hold results read back to the same judgement:
// the level of a finding of `rule`: the rule's verdict, or at most review when only fuzzy
// party-list matches made it fire (never a silent block on a possible match, rules.md);
Level findingLevel(const Rule& rule, bool fuzzyOnly);
// the workload's verdict: the worst level among its open findings, allowed when none is open.
Level workloadVerdict(std::span<const Finding> findings);
// the order of a result's findings: open ones first, worst first; then satisfied, waived and
// advisory ones; then by rule id.
bool findingBefore(const Finding& a, const Finding& b);

} // namespace borderline
