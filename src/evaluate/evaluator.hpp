#pragma once
// The evaluator: a pure function of (workload, rules resolved for a date). No globals, so any
// number of threads can evaluate at once and `whatif` can evaluate mutated copies.
#include <span>

#include "evaluate/date_view.hpp"
#include "evaluate/result.hpp"

namespace borderline {

// `waivers`: the entries of a central waivers file (--waivers); those whose `workload` matches
// this workload apply alongside its own. The Result points into both: keep them alive.
Result evaluateWorkload(const Workload& workload, const DateView& view,
                        std::span<const Waiver> waivers = {});

} // namespace borderline
