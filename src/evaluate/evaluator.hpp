#pragma once
// The evaluator: a pure function of (workload, rules resolved for a date). No globals, so any
// number of threads can evaluate at once and `whatif` can evaluate mutated copies.
#include "evaluate/date_view.hpp"
#include "evaluate/result.hpp"

namespace borderline {

Result evaluateWorkload(const Workload& workload, const DateView& view);

} // namespace borderline
