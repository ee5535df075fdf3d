#pragma once
// The values of a list path, for anyListValue (fields.cpp) and the condition evaluator, which
// inlines its tests into the loop instead of calling them through a FunctionRef per value.
#include "evaluate/condition_eval.hpp"

namespace borderline {

// Calls f(Value) for each value of a list path until f returns true; returns whether it did.
template <class F> bool forAnyListValue(const PathInfo& p, const EvalContext& c, F&& f) {
  auto strings = [&](const std::vector<std::string>& values) {
    for (const auto& v : values)
      if (f(Value{true, 0, 0, v})) return true;
    return false;
  };
  auto enums = [&](const auto& values) {
    for (auto v : values)
      if (f(Value{true, 0, static_cast<std::int64_t>(v), {}})) return true;
    return false;
  };
  switch (p.field) {
  case Field::EndUse:
    return enums(c.workload->endUse.values);
  case Field::PartyDesignations:
    return strings(c.workload->party(p.role).designations.values);
  case Field::PartyListed:
  case Field::PartyParentListed: {
    if (!c.screening) return false;
    const int role = static_cast<int>(p.role);
    const PartyScreen& s =
        p.field == Field::PartyParentListed ? c.screening->parent[role] : c.screening->name[role];
    for (auto list : c.withFuzzy ? s.allLists : s.exactLists)
      if (f(Value{true, 0, 0, list})) return true;
    return false;
  }
  case Field::DataCategories:
    return enums(c.data->categories.values);
  case Field::DataTransfer:
    return strings(c.data->transfer.values);
  case Field::AuthCovers:
    return strings(c.auth->covers.values);
  default:
    return false;
  }
}

} // namespace borderline
