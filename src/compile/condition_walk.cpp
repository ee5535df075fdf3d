#include "compile/condition_walk.hpp"

#include <algorithm>

namespace borderline {

void forEachNode(const Condition& c, FunctionRef<void(const Condition&)> f) {
  f(c);
  for (const auto& child : c.children) forEachNode(child, f);
}

bool readsField(const Condition& condition, Field field) {
  bool found = false;
  forEachNode(condition,
              [&](const Condition& c) { found = found || (c.path && c.path->field == field); });
  return found;
}

std::vector<std::uint16_t> groupsRead(const Condition& condition) {
  std::vector<std::uint16_t> out;
  forEachNode(condition, [&](const Condition& c) {
    for (const auto& op : c.ops)
      for (std::uint16_t g : op.operand.groups)
        if (std::find(out.begin(), out.end(), g) == out.end()) out.push_back(g);
  });
  std::sort(out.begin(), out.end());
  return out;
}

} // namespace borderline
