#pragma once
// `screen`: one name against the party lists of the loaded packs (the same NameIndex the
// evaluator uses for a workload's parties), with each match's list entry and whether it is in
// force on the date.
#include <string>
#include <string_view>
#include <vector>

#include "compile/rules.hpp"

namespace borderline {

struct NameMatch {
  const PartyEntry* entry = nullptr;
  std::string matched; // the entry's name or alias that matched
  int score = 0;       // 0..100; 100 = the same name after normalisation
  bool exact = false;
  bool inForce = false; // listed on the date (and not removed)
};

struct NameScreen {
  std::string name;
  std::string normalized;
  Date date;
  int minScore = 0;
  std::vector<NameMatch> matches; // best score first, then list order
  int inForce() const;
};

NameScreen screenName(const CompiledRules& rules, std::string_view name, Date date, int minScore);

} // namespace borderline
