#include "evaluate/authorizations.hpp"

#include <algorithm>

namespace borderline {

std::string_view fitName(AuthorizationFit fit) {
  static constexpr std::string_view kNames[] = {"satisfies", "wrong-type", "not-covering",
                                                "expired"};
  return kNames[static_cast<int>(fit)];
}

std::string_view fitName(WaiverFit fit) {
  static constexpr std::string_view kNames[] = {"waives", "other-rule", "no-expiry", "expired",
                                                "cannot-waive"};
  return kNames[static_cast<int>(fit)];
}

bool acceptsType(const Rule& rule, std::string_view type) {
  return std::find(rule.satisfiedBy.begin(), rule.satisfiedBy.end(), type) !=
         rule.satisfiedBy.end();
}

bool acceptedByAnyRule(const CompiledRules& rules, std::string_view type) {
  return std::any_of(rules.rules.begin(), rules.rules.end(),
                     [&](const Rule& r) { return acceptsType(r, type); });
}

namespace {

// `covers` empty means every rule that accepts the type.
bool covers(const Authorization& a, const Rule& rule) {
  const auto& c = a.covers.values;
  if (c.empty()) return true;
  return std::any_of(c.begin(), c.end(), [&](const std::string& item) {
    return item == rule.id ||
           std::find(rule.tags.begin(), rule.tags.end(), item) != rule.tags.end();
  });
}

} // namespace

AuthorizationFit authorizationFit(const Authorization& a, const Rule& rule, Date date) {
  if (!a.type.has() || !acceptsType(rule, *a.type.value)) return AuthorizationFit::WrongType;
  if (!covers(a, rule)) return AuthorizationFit::NotCovering;
  if (a.expires.has() && date > *a.expires.value) return AuthorizationFit::Expired;
  return AuthorizationFit::Satisfies;
}

std::string describeAuthorization(const Authorization& a) {
  std::string out = a.type.value.value_or("?");
  if (a.reference.has()) out += " " + *a.reference.value;
  return out;
}

WaiverFit waiverFit(const Waiver& w, const Rule& rule, Level findingLevel, Date date) {
  if (w.rule.value != rule.id) return WaiverFit::OtherRule;
  if (!w.expires.has()) return WaiverFit::NoExpiry;
  if (date > *w.expires.value) return WaiverFit::Expired;
  if (findingLevel == Level::Prohibited) return WaiverFit::CannotWaive;
  return WaiverFit::Waives;
}

} // namespace borderline
