#pragma once
// `audit --screen-only`: the plain denied-party-screening job over an inventory. Every party
// name of every workload (each role's name and parentName) is screened against the party
// lists of the loaded packs; no rule is evaluated. One NameScreen per workload and party field,
// in input order, so that each match points back at the row it came from.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/screen.hpp"
#include "audit/batch_source.hpp"
#include "audit/driver.hpp"

namespace borderline {

// Appends the report of one batch's screens to `out`, on a worker thread.
using ScreenFormat = std::function<void(const std::vector<NameScreen>& screens, std::string& out)>;

struct ScreenOnlySettings {
  int jobs = 1;
  Shard shard;
  int minScore = screening::kReviewThreshold;
  bool skipInvalid = false; // else the first invalid workload stops the run (LoadFailure)
  std::function<void(const InvalidWorkload&)> reportInvalid; // with skipInvalid, in input order
  // Makes the formatter of one worker thread (it may keep caches of its own).
  std::function<ScreenFormat()> makeFormat;
};

struct ScreenOnlyOutcome {
  std::uint64_t workloads = 0;
  std::uint64_t names = 0;   // party names screened
  std::uint64_t matched = 0; // of them, names with a match in force
};

// The screens of one workload's party names, in the order of the model (developer, site owner,
// site operator, tenant; each name, then its parentName).
std::vector<NameScreen> screenWorkloadParties(const Workload& workload, NameScreener& screener);

// Screens the inventory's batches on `settings.jobs` threads, each with its own name memo, and
// calls `write` with each batch's report in input order, on this thread. The bytes do not
// depend on the number of threads.
ScreenOnlyOutcome screenInventory(BatchSource& source, const CompiledRules& rules, Date date,
                                  const ScreenOnlySettings& settings,
                                  const std::function<void(std::string_view)>& write);

} // namespace borderline
