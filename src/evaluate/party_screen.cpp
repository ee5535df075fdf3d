#include "evaluate/party_screen.hpp"

#include <algorithm>

#include "evaluate/eval_cache.hpp"

namespace borderline {

namespace {

void addUnique(std::vector<std::string_view>& lists, std::string_view list) {
  if (std::find(lists.begin(), lists.end(), list) == lists.end()) lists.push_back(list);
}

void screenOneName(const std::string& name, PartyRole role, bool parent, const DateView& view,
                   EvalCache* cache, PartyScreen& out, Screening& all) {
  const CompiledRules& rules = view.rules();
  std::vector<screening::Hit> uncached;
  if (!cache) uncached = rules.partyIndex.match(name, screening::kReviewThreshold);
  const auto& hits =
      cache ? cache->screen(rules.partyIndex, name, screening::kReviewThreshold) : uncached;
  for (const auto& hit : hits) {
    if (!view.partyActive(hit.entry)) continue; // not yet listed (or delisted) on this date
    const std::string_view list = rules.partyLists[static_cast<std::size_t>(
        rules.parties[static_cast<std::size_t>(hit.entry)].list)];
    if (hit.exact) addUnique(out.exactLists, list);
    addUnique(out.allLists, list);
    all.matches.push_back({role, parent, hit.entry, hit.alias, hit.score, hit.exact});
  }
  for (auto list : out.allLists)
    if (std::find(out.exactLists.begin(), out.exactLists.end(), list) == out.exactLists.end())
      all.fuzzyOnly = true;
}

} // namespace

Screening screenParties(const Workload& workload, const DateView& view, EvalCache* cache,
                        ScreenNames names) {
  Screening s;
  if (view.rules().parties.empty()) return s;
  const bool all = names == ScreenNames::All;
  for (int r = 0; r < kPartyRoles; ++r) {
    const Party& party = workload.parties[r];
    if (!party.present) continue;
    const auto role = static_cast<PartyRole>(r);
    if (party.name.has() && (all || view.readsListed(role, false)))
      screenOneName(*party.name.value, role, false, view, cache, s.name[r], s);
    if (party.parentName.has() && (all || view.readsListed(role, true)))
      screenOneName(*party.parentName.value, role, true, view, cache, s.parent[r], s);
  }
  return s;
}

} // namespace borderline
