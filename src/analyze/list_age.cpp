#include "analyze/list_age.hpp"

#include <fmt/format.h>

namespace borderline {

std::vector<std::string> staleListWarnings(const CompiledRules& rules, Date asOf) {
  std::vector<std::string> out;
  for (const auto& p : rules.packs) {
    if (!p->listDate) continue;
    const int age = asOf.days() - p->listDate->days();
    if (age > kStaleListDays)
      out.push_back(fmt::format(
          "party list '{}' is dated {}, {} days before the evaluation date {} (more than {}): "
          "screening may miss parties listed since; import a current copy with `borderline "
          "parties import`",
          p->name, p->listDate->str(), age, asOf.str(), kStaleListDays));
  }
  return out;
}

} // namespace borderline
