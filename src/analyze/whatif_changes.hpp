#pragma once
// The changes `whatif` tries, and how one set of them turns a workload into variants to
// evaluate. Every candidate value comes from the rule packs (countries and groups named in the
// conditions of the rules that fire, the authorization types they accept), the chip catalog,
// the manifest vocabulary (acquisition) or the workload itself: no law is written here.
#include <span>
#include <string>
#include <vector>

#include "evaluate/date_view.hpp"
#include "evaluate/result.hpp"

namespace borderline {

struct Change {
  // In the order suggestions are ranked within one size: paperwork first, then restructuring.
  enum class Kind : std::uint8_t {
    TransferMechanism, // add `type` to the transfer list of data sources `data`
    Authorization,     // obtain an authorization of `type`
    KeepDataAtOrigin,  // split data sources `data` off into a workload at a site in `country`
    Acquisition,       // acquire the compute by `acquisition`
    Chip,              // use catalog chip `catalogIndex` for chip use `chipUse`
    SiteCountry,       // move the site to `country`, owned by a local operator
  };
  Kind kind = Kind::Authorization;
  int slot = -1;    // changes with the same slot (>= 0) exclude each other (one site, one chip...)
  double rank = 0;  // order among changes of one kind (chips: most capable first)
  std::string text; // what to do, as a sentence
  std::string type;
  std::vector<int> data;
  CountryId country = 0;
  int chipUse = -1, catalogIndex = -1;
  Acquisition acquisition = Acquisition::Purchase;
  // The same change (whatever its text): what the search compares.
  bool sameAs(const Change& o) const {
    return kind == o.kind && type == o.type && data == o.data && country == o.country &&
           chipUse == o.chipUse && catalogIndex == o.catalogIndex && acquisition == o.acquisition;
  }
};
std::string_view changeKindName(Change::Kind kind); // transfer-mechanism, authorization, ...

struct Candidates {
  std::vector<Change> changes;
  std::vector<std::string> fieldsRead; // the paths the open rules read, sorted
};

// The changes worth trying for a workload whose evaluation on the view's date is `current`:
// only fields that the rules with open findings read. `dataIndex` maps the workload's data
// sources to those of the original manifest (a variant may have split some off); the changes
// name original indices.
Candidates candidateChanges(const Workload& workload, const Result& current, const DateView& view,
                            const std::vector<int>& dataIndex);

// A workload with a set of changes applied: the main workload and the parts split off it, each
// with the original index of every data source it kept.
struct Variant {
  Workload main;
  std::vector<int> mainData;
  std::vector<Workload> parts;
  std::vector<std::vector<int>> partData;
};
Variant applyChanges(const Workload& workload, std::span<const Change* const> changes,
                     const ChipCatalog& catalog);

// The name a split-off part gets: "<workload> (data kept in CN)".
std::string partName(const Workload& workload, CountryId country);

} // namespace borderline
