#pragma once
// A conservative static check that a compiled condition can hold at all: it answers "never"
// only when the condition provably cannot hold on any date of a window (contradictory
// operators on one path under an `all`, such as gte 10 and lt 5, or a country group that is
// empty on every date), and "maybe" otherwise. `not` and `all`/`none` over lists are not
// analysed (they can always hold, e.g. on an empty list).
#include <optional>
#include <string>

#include "compile/rules.hpp"

namespace borderline {

// The reason the condition can never hold on any date from `from` to `until` (no end when
// empty), or nullopt when it may hold.
std::optional<std::string> neverHolds(const Condition& condition, const CompiledRules& rules,
                                      Date from, std::optional<Date> until);

} // namespace borderline
