#pragma once
// The rules resolved for one evaluation date: which rules apply, each group's members, each
// catalog chip's ECCN and which party-list entries are in force. Built once per date, then
// read-only, so threads share it.
#include <bitset>
#include <cstdint>
#include <string>
#include <vector>

#include "compile/rules.hpp"
#include "evaluate/condition_program.hpp"

namespace borderline {

struct Screening;

class DateView {
public:
  DateView(const CompiledRules& rules, Date date);

  Date date() const { return date_; }
  const CompiledRules& rules() const { return *rules_; }
  const std::vector<const Rule*>& rulesInEffect() const { return inEffect_; }
  // The conditions of rulesInEffect(), flat (rule i: program().when(i), program().unless(i)).
  const ConditionProgram& program() const { return program_; }
  const CountrySet& group(std::uint16_t id) const { return groups_[id]; }
  // A numbered country set of the rules (Operand::resolvedSet) with its groups' members on
  // this date, or null (-1, or a number the rules' conditions do not give exactly one set).
  const CountrySet* resolvedSet(std::int32_t id) const {
    const auto k = static_cast<std::size_t>(id);
    return id >= 0 && k < resolvedSets_.size() && resolvedUses_[k] == 1 ? &resolvedSets_[k]
                                                                        : nullptr;
  }
  bool partyActive(int entry) const { return partyActive_[static_cast<std::size_t>(entry)]; }
  // Whether some rule in effect reads the party-list matches of this role's name (or, with
  // `parent`, its parent's name). Screening a name no rule reads changes no finding.
  bool readsListed(PartyRole role, bool parent) const {
    return listedRead_[static_cast<std::size_t>(parent)][static_cast<std::size_t>(role)];
  }

  // Which rules of rulesInEffect() can fire for this workload at all: bit i % 64 of
  // out[i / 64] for rulesInEffect()[i], `out` holding ruleWords() words. A quick test of the
  // rules' top-level conditions, resolved for this date into sets of allowed values, by table
  // lookups shared by all rules: single country, enum or bool fields (site.country in @D5,
  // acquisition in [purchase], ...), the same fields of the elements of an object list the
  // rule needs one element of (data: {any: {origin: {eq: CN}}}), and, given the workload's
  // screening, whether a party matched any list at all (tenant.listed: {contains: ...}).
  // A clear bit means the rule certainly does not fire; a set bit means evaluate it.
  std::size_t ruleWords() const { return words_; }
  void mayFire(const Workload& workload, const Screening* screening, std::uint64_t* out) const;

  // The ECCN of a chip on this date (the first classification in effect that holds, else the
  // catalog's fixed value), or null when none applies.
  const std::string* eccn(const ChipSpec& spec, int catalogIndex) const;

private:
  const std::string* classify(const ChipSpec& spec) const;
  void resolveSets(const Condition& c);

  // Rule masks (ruleWords() words each) for the values 0..255 of one scalar field, then one
  // for a missing value (index kAbsent).
  static constexpr std::size_t kAbsent = 256;
  struct GuardTable {
    const PathInfo* path;
    std::vector<std::uint64_t> masks; // (kAbsent + 1) * ruleWords()
  };
  // Guards on the elements of one object list (compute.chips, data, authorizations).
  struct ListGuard {
    Field list;
    std::vector<std::uint64_t> unguarded; // rules with no element guard on this list
    std::vector<GuardTable> fields;       // element fields; bits set for rules not guarded on it
  };
  void addGuards(std::size_t rule, const Condition& when, std::vector<Field>& lists);
  bool addElementGuards(std::size_t rule, const Condition& element, ListGuard& list);
  bool allowedValues(const Condition& leaf, std::bitset<256>& allowed) const;
  static void restrict(std::vector<GuardTable>& tables, const PathInfo& path, std::size_t words,
                       std::size_t rule, const std::bitset<256>& allowed);

  const CompiledRules* rules_;
  Date date_;
  std::vector<const Rule*> inEffect_;
  ConditionProgram program_;
  std::vector<CountrySet> groups_;
  std::vector<CountrySet> resolvedSets_;
  std::vector<std::uint8_t> resolvedUses_; // how many operands carry each number (max 2)
  std::vector<const Classification*> classifications_;
  std::vector<const std::string*> catalogEccn_;
  std::vector<bool> partyActive_;
  bool listedRead_[2][kPartyRoles] = {};
  std::size_t words_ = 1;
  std::vector<std::uint64_t> all_;  // every rule in effect
  std::vector<GuardTable> scalars_; // workload fields and party-list matches (see mayFire)
  std::vector<ListGuard> lists_;
};

} // namespace borderline
