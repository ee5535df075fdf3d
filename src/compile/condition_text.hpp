#pragma once
// A compiled condition printed back as readable YAML-like text, for `rules show` and
// `explain`: the same tree the evaluator runs, not a copy of the source.
#include <string>

#include "compile/condition.hpp"

namespace borderline {

std::string conditionText(const Condition& condition, int indent = 0);

} // namespace borderline
