#pragma once
// How one authorization or waiver of a workload relates to one rule on one date (rules.md):
// the evaluator uses it to satisfy or waive findings, `explain` to say why one did not.
#include <string>
#include <string_view>

#include "compile/rules.hpp"
#include "model/workload.hpp"

namespace borderline {

enum class AuthorizationFit : std::uint8_t {
  Satisfies,   // an accepted type, covering the rule, unexpired
  WrongType,   // its type is not in the rule's satisfiedBy
  NotCovering, // `covers` names neither the rule id nor one of its tags
  Expired,     // accepted and covering, but past `expires`
};
std::string_view fitName(AuthorizationFit fit); // satisfies, wrong-type, not-covering, expired

AuthorizationFit authorizationFit(const Authorization& a, const Rule& rule, Date date);
// Whether the rule lists `type` in satisfiedBy.
bool acceptsType(const Rule& rule, std::string_view type);
// Whether some loaded rule (on any date) does: what an authorization's type or a data source's
// transfer mechanism must be to satisfy anything.
bool acceptedByAnyRule(const CompiledRules& rules, std::string_view type);
// "bis-license L-123"
std::string describeAuthorization(const Authorization& a);

enum class WaiverFit : std::uint8_t {
  Waives,
  OtherRule, // names another rule
  NoExpiry,  // a waiver without `expires` waives nothing
  Expired,
  CannotWaive, // the finding is prohibited
};
std::string_view fitName(WaiverFit fit); // waives, other-rule, no-expiry, expired, cannot-waive

WaiverFit waiverFit(const Waiver& w, const Rule& rule, Level findingLevel, Date date);

} // namespace borderline
