#pragma once
// Walking a compiled condition tree: which paths and country groups it reads. Used by the
// analyses (timeline causes, what-if candidates, lint) that reason about rules statically.
#include <cstdint>
#include <vector>

#include "compile/condition.hpp"
#include "util/function_ref.hpp"

namespace borderline {

// Calls f for every node of the tree, the root first.
void forEachNode(const Condition& condition, FunctionRef<void(const Condition&)> f);

// Whether any leaf or list node of the tree reads `field`.
bool readsField(const Condition& condition, Field field);
// The country groups the tree's operands name (indices into CompiledRules::groups), unique.
std::vector<std::uint16_t> groupsRead(const Condition& condition);

} // namespace borderline
