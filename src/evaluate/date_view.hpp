#pragma once
// The rules resolved for one evaluation date: which rules apply, each group's members, each
// catalog chip's ECCN and which party-list entries are in force. Built once per date, then
// read-only, so threads share it.
#include <bitset>
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

  // Whether rulesInEffect()[i] can fire for this workload at all: a quick test of the rule's
  // top-level conditions on single country or enum fields (site.country in @D5, acquisition in
  // [purchase], ...), resolved for this date into sets of allowed values. False means the rule
  // certainly does not fire; true means evaluate it.
  bool mayFire(std::size_t i, const Workload& workload) const;

  // The ECCN of a chip on this date (the first classification in effect that holds, else the
  // catalog's fixed value), or null when none applies.
  const std::string* eccn(const ChipSpec& spec, int catalogIndex) const;

private:
  const std::string* classify(const ChipSpec& spec) const;

  // A top-level conjunct of a rule on one scalar field: the values for which it can hold.
  struct Guard {
    const PathInfo* path;
    std::bitset<256> allowed;
  };
  void addGuards(const Condition& when, std::vector<Guard>& out) const;

  const CompiledRules* rules_;
  Date date_;
  std::vector<const Rule*> inEffect_;
  std::vector<CountrySet> groups_;
  std::vector<const Classification*> classifications_;
  std::vector<const std::string*> catalogEccn_;
  std::vector<bool> partyActive_;
  std::vector<std::vector<Guard>> guards_; // parallel to inEffect_
};

} // namespace borderline
