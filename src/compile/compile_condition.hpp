#pragma once
// YAML condition -> checked Condition tree (rules.md "Conditions"). Paths are resolved against
// the path table, operands converted to the path's type, @GROUPs resolved to group ids and
// regexes compiled, so that nothing about a condition is checked again at evaluation time.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "compile/condition.hpp"
#include "load/yaml_reader.hpp"
#include "model/chip_catalog.hpp"

namespace borderline {

struct ConditionEnv {
  Scope scope = Scope::Workload;
  bool classification = false; // chip facts only (no eccn, count, model)
  std::function<std::optional<std::uint16_t>(std::string_view)> findGroup;
  const std::vector<std::string>* partyLists = nullptr; // valid operands of *.listed
  const ChipCatalog* catalog = nullptr;                 // valid operands of chip ids
};

// Compiles `node`; errors go to the reader. The result is only meaningful if no error was
// reported.
Condition compileCondition(YamlReader& reader, const YAML::Node& node, const ConditionEnv& env);

} // namespace borderline
