#pragma once
// Imported party lists (a PartyList with a listDate) go stale: the CSL changes almost daily.
// Every report states each list's date; commands warn when a list is older than
// kStaleListDays at the evaluation date.
#include <string>
#include <vector>

#include "compile/rules.hpp"

namespace borderline {

// One warning sentence per stale list, in load order; empty when none is stale.
std::vector<std::string> staleListWarnings(const CompiledRules& rules, Date asOf);

} // namespace borderline
