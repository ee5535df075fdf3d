#include "audit/screen_only.hpp"

#include <algorithm>
#include <memory>

#include "audit/ordered_pipeline.hpp"
#include "model/party_path.hpp"

namespace borderline {

std::vector<NameScreen> screenWorkloadParties(const Workload& workload, NameScreener& screener) {
  std::vector<NameScreen> out;
  auto add = [&](const Located<std::string>& name, PartyRole role, bool parent) {
    if (!name.has()) return;
    NameScreen s = screener.screen(*name.value);
    s.workload = workload.name;
    s.field = partyFieldPath(role, parent);
    s.loc = name.loc;
    out.push_back(std::move(s));
  };
  for (int r = 0; r < kPartyRoles; ++r) {
    const Party& party = workload.parties[r];
    if (!party.present) continue;
    add(party.name, static_cast<PartyRole>(r), false);
    add(party.parentName, static_cast<PartyRole>(r), true);
  }
  return out;
}

namespace {

// One batch's report and counts, handed from a worker to the writer.
struct ScreenedBatch {
  std::string report;
  std::vector<InvalidWorkload> invalid;
  ScreenOnlyOutcome counts;
};

// What each worker thread keeps between batches.
struct ScreenWorker {
  ScreenWorker(const CompiledRules& rules, Date date, const ScreenOnlySettings& settings)
      : screener(rules, date, settings.minScore), format(settings.makeFormat()) {}
  NameScreener screener;
  ScreenFormat format;
  LoadedBatch loaded;
  CsvScratch scratch;
  std::vector<NameScreen> screens;
};

} // namespace

ScreenOnlyOutcome screenInventory(BatchSource& source, const CompiledRules& rules, Date date,
                                  const ScreenOnlySettings& settings,
                                  const std::function<void(std::string_view)>& write) {
  const int jobs = std::max(1, settings.jobs);
  std::vector<std::unique_ptr<ScreenWorker>> workers;
  for (int i = 0; i < jobs; ++i)
    workers.push_back(std::make_unique<ScreenWorker>(rules, date, settings));

  auto produce = [&](RawBatch& batch) {
    while (source.next(batch))
      if (settings.shard.owns(batch.index)) return true;
    return false;
  };
  auto process = [&](RawBatch& batch, ScreenedBatch& out, int worker) {
    ScreenWorker& w = *workers[static_cast<std::size_t>(worker)];
    w.loaded.clear();
    loadBatch(source, rules.catalog, batch, w.loaded, w.scratch);
    w.screens.clear();
    for (const auto& workload : w.loaded.workloads) {
      auto more = screenWorkloadParties(workload, w.screener);
      for (auto& s : more) {
        out.counts.matched += s.inForce() > 0;
        w.screens.push_back(std::move(s));
      }
    }
    out.counts.workloads = w.loaded.workloads.size();
    out.counts.names = w.screens.size();
    w.format(w.screens, out.report);
    out.invalid = std::move(w.loaded.invalid);
    w.screens.clear(); // before the workloads they point at
    w.loaded.clear();
  };
  ScreenOnlyOutcome outcome;
  auto consume = [&](ScreenedBatch& out) {
    if (!out.invalid.empty() && !settings.skipInvalid)
      throw LoadFailure(out.invalid.front().errors);
    for (const auto& bad : out.invalid)
      if (settings.reportInvalid) settings.reportInvalid(bad);
    outcome.workloads += out.counts.workloads;
    outcome.names += out.counts.names;
    outcome.matched += out.counts.matched;
    write(out.report);
  };
  OrderedPipeline<RawBatch, ScreenedBatch>().run(jobs, static_cast<std::size_t>(2 * jobs + 2),
                                                 produce, process, consume);
  return outcome;
}

} // namespace borderline
