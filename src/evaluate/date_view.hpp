#pragma once
// The rules resolved for one evaluation date: which rules apply, each group's members, each
// catalog chip's ECCN and which party-list entries are in force. Built once per date, then
// read-only, so threads share it.
#include <string>
#include <vector>

#include "compile/rules.hpp"

namespace borderline {

class DateView {
public:
  DateView(const CompiledRules& rules, Date date);

  Date date() const { return date_; }
  const CompiledRules& rules() const { return *rules_; }
  const std::vector<const Rule*>& rulesInEffect() const { return inEffect_; }
  const CountrySet& group(std::uint16_t id) const { return groups_[id]; }
  bool partyActive(int entry) const { return partyActive_[static_cast<std::size_t>(entry)]; }

  // The ECCN of a chip on this date (the first classification in effect that holds, else the
  // catalog's fixed value), or null when none applies.
  const std::string* eccn(const ChipSpec& spec, int catalogIndex) const;

private:
  const std::string* classify(const ChipSpec& spec) const;

  const CompiledRules* rules_;
  Date date_;
  std::vector<const Rule*> inEffect_;
  std::vector<CountrySet> groups_;
  std::vector<const Classification*> classifications_;
  std::vector<const std::string*> catalogEccn_;
  std::vector<bool> partyActive_;
};

} // namespace borderline
