#pragma once
// `audit --screen-only`: the plain denied-party-screening job over an inventory. Every party
// name of every workload (each role's name and parentName) is screened against the party
// lists of the loaded packs; no rule is evaluated. One NameScreen per workload and party field,
// in input order, so that each match points back at the row it came from.
#include <cstdint>
#include <functional>
#include <vector>

#include "analyze/screen.hpp"
#include "audit/batch_source.hpp"
#include "audit/driver.hpp"

namespace borderline {

struct ScreenOnlySettings {
  Shard shard;
  bool skipInvalid = false; // else the first invalid workload stops the run (LoadFailure)
  std::function<void(const InvalidWorkload&)> reportInvalid; // with skipInvalid, in input order
};

struct ScreenOnlyOutcome {
  std::uint64_t workloads = 0;
  std::uint64_t names = 0;   // party names screened
  std::uint64_t matched = 0; // of them, names with a match in force
};

// The screens of one workload's party names, in the order of the model (developer, site owner,
// site operator, tenant; each name, then its parentName).
std::vector<NameScreen> screenWorkloadParties(const Workload& workload, NameScreener& screener);

// Calls `sink` with the screens of each batch of the inventory, in input order, on this thread.
ScreenOnlyOutcome screenInventory(BatchSource& source, const ChipCatalog& catalog,
                                  NameScreener& screener, const ScreenOnlySettings& settings,
                                  const std::function<void(const std::vector<NameScreen>&)>& sink);

} // namespace borderline
