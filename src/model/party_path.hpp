#pragma once
// How reports name a party field: the manifest path of the party's role and the field,
// "tenant.name" or "site.owner.parentName" (manifest.md, and the CSV inventory's columns).
#include <string>
#include <string_view>

#include "model/workload.hpp"

namespace borderline {

inline constexpr std::string_view kPartyRolePaths[kPartyRoles] = {"model.developer", "site.owner",
                                                                  "site.operator", "tenant"};

inline std::string partyFieldPath(PartyRole role, bool parent) {
  return std::string(kPartyRolePaths[static_cast<int>(role)]) + (parent ? ".parentName" : ".name");
}

} // namespace borderline
