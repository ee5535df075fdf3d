#pragma once
// `screen`: one name against the party lists of the loaded packs (the same NameIndex the
// evaluator uses for a workload's parties), with each match's list entry and whether it is in
// force on the date.
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "compile/rules.hpp"

namespace borderline {

struct NameMatch {
  const PartyEntry* entry = nullptr;
  std::string_view matched; // the entry's name or alias that matched (in the loaded rules)
  int score = 0;            // 0..100; 100 = the same name after normalisation
  bool exact = false;
  bool inForce = false; // listed on the date (and not removed)
};

struct NameScreen {
  std::string name;
  std::string normalized;
  Date date;
  int minScore = 0;
  std::vector<NameMatch> matches; // best score first, then list order
  // Where the name comes from, for `audit --screen-only` (empty for `screen`): the workload,
  // the party field ("tenant.name") and its location.
  std::string workload;
  std::string field;
  Location loc;
  int inForce() const;
};

NameScreen screenName(const CompiledRules& rules, std::string_view name, Date date, int minScore);

// Screens many names on one date, remembering the matches of each normalised name: lists of
// counterparties and inventories repeat their names, and a repeated name then costs a hash
// lookup. The result is the same as screenName()'s. Bounded: the memo starts over when full.
class NameScreener {
public:
  static constexpr std::size_t kMaxEntries = 1 << 16;
  NameScreener(const CompiledRules& rules, Date date, int minScore);
  NameScreen screen(std::string_view name);
  // The same, for a caller that has already computed `normalized` = screening::normalize(name).
  NameScreen screen(std::string_view name, std::string normalized);

private:
  const CompiledRules& rules_;
  Date date_;
  int minScore_;
  std::unordered_map<std::string, std::vector<NameMatch>> memo_; // by normalised name
};

} // namespace borderline
