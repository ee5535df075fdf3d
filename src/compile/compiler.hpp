#pragma once
// Rule packs -> CompiledRules: checks every pack (unknown keys, duplicate ids, missing
// citations or dates, unknown paths, groups, party lists and chips) and compiles conditions.
#include "compile/rules.hpp"
#include "load/rule_pack.hpp"

namespace borderline {

// Throws LoadFailure listing every error found.
std::unique_ptr<CompiledRules> compileRules(const PackSet& packs);

} // namespace borderline
