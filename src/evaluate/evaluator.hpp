#pragma once
// The evaluator: a pure function of (workload, rules resolved for a date). No globals, so any
// number of threads can evaluate at once and `whatif` can evaluate mutated copies.
#include "evaluate/date_view.hpp"
#include "evaluate/result.hpp"

namespace borderline {

class EvalCache;

struct EvalOptions {
  // Render messages, remediations and status reasons. Reports that only count verdicts and
  // statuses (the audit summary) turn it off: the findings and verdict are the same.
  bool messages = true;
  EvalCache* cache = nullptr;  // per-thread memos (party screening, regexes); optional
};

Result evaluateWorkload(const Workload& workload, const DateView& view,
                        const EvalOptions& options = {});

}  // namespace borderline
