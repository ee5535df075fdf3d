#pragma once
// CompiledRules: everything loaded from the rule packs, checked and indexed. Immutable once
// built; every thread and every evaluation date shares one instance.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compile/condition.hpp"
#include "compile/message_template.hpp"
#include "evaluate/screening.hpp"
#include "model/chip_catalog.hpp"
#include "model/date.hpp"
#include "model/enums.hpp"

namespace borderline {

struct Citation {
  std::string ref;
  std::string title;
  std::string published;
  std::string url;
  std::string note;
  Provenance provenance = Provenance::Unverified;
};

struct PackInfo {
  std::string name;
  std::string kind; // RulePack, ChipCatalog or PartyList
  std::string title;
  std::string jurisdiction;
  std::string version;
  std::optional<Date> reviewed;
  std::string_view file;
  std::string sha256;
  // PartyList only: the date of the source data the list was imported from (`parties
  // import`); reports state it and check warns when it is older than kStaleListDays.
  std::optional<Date> listDate;
};

inline constexpr int kStaleListDays = 7;

struct GroupChange {
  Date date;
  CountrySet add, remove;
  std::string note;
};

struct CountryGroup {
  std::string name; // referenced as @name
  std::string title;
  std::optional<Date> effective;    // empty before this date
  CountrySet members;               // from `effective`
  std::vector<GroupChange> changes; // sorted by date
  std::vector<Citation> citations;
  std::string notes;
  Location loc;
  CountrySet membersOn(Date date) const;
};

struct Classification {
  std::string id;
  std::string eccn; // the value it sets
  Date effective;
  std::optional<Date> until;
  Condition when;
  std::vector<Citation> citations;
  Location loc;
  bool appliesOn(Date d) const { return effective <= d && (!until || d <= *until); }
};

struct Rule {
  std::string id;
  std::string title;
  Regime regime = Regime::ExportControl;
  Date effective;
  std::optional<Date> until;
  Condition when;
  std::optional<Condition> unless;
  Level verdict = Level::Review;
  std::vector<std::string> satisfiedBy;
  MessageTemplate message, remediation;
  std::vector<Citation> citations;
  std::vector<std::string> tags;
  const PackInfo* pack = nullptr;
  Location loc;
  bool appliesOn(Date d) const { return effective <= d && (!until || d <= *until); }
};

struct PartyEntry {
  int list = 0; // index into CompiledRules::partyLists
  std::string name;
  std::vector<std::string> aliases;
  std::optional<CountryId> country;
  // Empty only in a list with a listDate whose source does not say when the entry was listed
  // (the CSL mostly does not): such an entry is in force on every date, never silently absent.
  std::optional<Date> listed;
  std::optional<Date> removed;
  std::vector<Citation> citations;
  std::string notes;
  std::string source;             // the source list within an imported list, e.g. the CSL's
  std::string licenseRequirement; // "Entity List (EL) - Bureau of Industry and Security",
  std::string licensePolicy;      // and that entry's licence requirement and review policy
  Location loc;
  bool activeOn(Date d) const { return (!listed || *listed <= d) && (!removed || d <= *removed); }
};

struct CompiledRules {
  std::vector<std::unique_ptr<PackInfo>> packs; // stable addresses: rules point at them
  std::vector<Rule> rules;                      // in load order (sorted file paths)
  std::vector<CountryGroup> groups;
  std::vector<Classification> classifications;
  ChipCatalog catalog;
  std::vector<std::string> partyLists; // list names (PartyList metadata.name), by index
  std::vector<const PackInfo*> partyListPacks;
  std::vector<PartyEntry> parties;
  screening::NameIndex partyIndex; // names and aliases of `parties`
  std::string digest;              // sha256 over the packs' names and digests

  const Rule* findRule(std::string_view id) const;
  // The rule of the same version family as `id` (versionFamily) that applies on `date`, if any.
  const Rule* findVersionOn(std::string_view id, Date date) const;
  // Whether `item` is the id or a tag of a loaded rule: what an authorization's `covers` can
  // name to cover anything at all.
  bool namesRuleOrTag(std::string_view item) const;
  std::optional<std::uint16_t> findGroup(std::string_view name) const;
  // Every date on which something the rules depend on changes (rule effective and the day
  // after until, group changes, classification dates, party listings), sorted and unique.
  std::vector<Date> changeDates() const;
};

// The family of versions a rule id belongs to: the id without its trailing all-digit parts
// ("x.2022" and "x.2" are versions of "x"). A rule split by date keeps its plain id for the
// current version and ends older ones in the year they start.
std::string versionFamily(std::string_view id);

} // namespace borderline
