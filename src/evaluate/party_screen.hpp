#pragma once
// Screening of a workload's parties (model developer, site owner and operator, tenant, and
// their ultimate parents) against the party lists in force on the evaluation date.
#include <string_view>
#include <vector>

#include "evaluate/date_view.hpp"
#include "model/workload.hpp"

namespace borderline {

struct ScreeningMatch {
  PartyRole role;
  bool parent; // matched the party's parentName rather than its name
  int entry;   // index into CompiledRules::parties
  int alias;   // 0 = the entry's name, k = aliases[k-1]
  int score;   // 0..100; 100 = exact after normalisation
  bool exact;
};

struct PartyScreen {
  std::vector<std::string_view> exactLists; // lists with an exact match
  std::vector<std::string_view> allLists;   // lists with an exact or a fuzzy match
};

struct Screening {
  PartyScreen name[kPartyRoles];
  PartyScreen parent[kPartyRoles];
  std::vector<ScreeningMatch> matches;
  bool fuzzyOnly = false; // some list is matched only fuzzily
};

// Which names to screen: all of them (explain shows every match), or only those some rule in
// effect reads (DateView::readsListed), which is all the evaluator needs.
enum class ScreenNames : std::uint8_t { All, ReadByRules };

class EvalCache;
// `cache` (optional, one per thread) remembers the matches of names seen before.
Screening screenParties(const Workload& workload, const DateView& view, EvalCache* cache = nullptr,
                        ScreenNames names = ScreenNames::All);

} // namespace borderline
