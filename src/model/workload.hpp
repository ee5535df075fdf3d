#pragma once
// The typed workload model (manifest.md): what the loaders produce and the evaluator reads.
// Every value keeps the location it was read from, so findings can point at it.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/chip.hpp"
#include "model/country.hpp"
#include "model/date.hpp"
#include "model/enums.hpp"
#include "model/location.hpp"

namespace borderline {

template <class T> struct Located {
  std::optional<T> value;
  Location loc;
  bool has() const { return value.has_value(); }
};

template <class T> struct LocatedList {
  std::vector<T> values;
  Location loc;
};

enum class PartyRole : std::uint8_t { Developer, Owner, Operator, Tenant };
inline constexpr int kPartyRoles = 4;

struct Party {
  bool present = false;
  Location loc;
  Located<std::string> name;
  Located<CountryId> hq;
  Located<std::string> parentName;
  Located<CountryId> parentHq; // as declared; readers default it to hq
  LocatedList<std::string> designations;
};

struct ChipUse {
  std::string model;                          // as written in the manifest
  const ChipSpec* spec = nullptr;             // catalog entry or *inlineSpec
  int catalogIndex = -1;                      // -1 for an inline spec
  std::shared_ptr<const ChipSpec> inlineSpec; // shared so copies of a workload stay valid
  Located<std::int64_t> count;
  Location loc;
};

struct DataSource {
  Located<std::string> name;
  Located<CountryId> origin;
  LocatedList<DataCategory> categories;
  Located<std::int64_t> subjects;
  LocatedList<std::string> transfer;
  Location loc;
};

struct Authorization {
  Located<std::string> type;
  Located<std::string> reference;
  LocatedList<std::string> covers;
  Located<Date> expires;
  Location loc;
};

// An accepted finding. In a manifest it waives findings of its own workload; in a central
// waivers file (--waivers) `workload` names the workloads it applies to (a name or a glob).
struct Waiver {
  Located<std::string> rule;
  Located<std::string> workload; // waivers file only: a workload name or glob
  Located<std::string> reason;
  Located<std::string> approvedBy;
  Located<std::string> ticket; // waivers file only
  Located<Date> expires;
  Location loc;
};

struct Workload {
  std::string name;
  Location loc; // the workload's metadata.name
  std::vector<std::pair<std::string, std::string>> labels;

  Located<Purpose> purpose;
  Located<Date> periodStart, periodEnd;
  Located<std::string> modelName;
  Located<double> trainingCompute;
  Located<Weights> weights;

  std::vector<ChipUse> chips;
  Location chipsLoc;
  Located<Acquisition> acquisition;

  Located<std::string> siteName;
  Located<CountryId> siteCountry;

  Party parties[kPartyRoles]; // indexed by PartyRole
  LocatedList<EndUse> endUse; // defaults to [civil]
  std::vector<DataSource> data;
  std::vector<Authorization> authorizations;
  std::vector<Waiver> waivers;

  const Party& party(PartyRole role) const { return parties[static_cast<int>(role)]; }
  Party& party(PartyRole role) { return parties[static_cast<int>(role)]; }
};

} // namespace borderline
