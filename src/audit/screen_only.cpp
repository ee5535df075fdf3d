#include "audit/screen_only.hpp"

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

ScreenOnlyOutcome screenInventory(BatchSource& source, const ChipCatalog& catalog,
                                  NameScreener& screener, const ScreenOnlySettings& settings,
                                  const std::function<void(const std::vector<NameScreen>&)>& sink) {
  ScreenOnlyOutcome outcome;
  RawBatch batch;
  LoadedBatch loaded;
  CsvScratch scratch;
  std::vector<NameScreen> screens;
  while (source.next(batch)) {
    if (!settings.shard.owns(batch.index)) continue;
    loaded.clear();
    loadBatch(source, catalog, batch, loaded, scratch);
    if (!loaded.invalid.empty() && !settings.skipInvalid)
      throw LoadFailure(loaded.invalid.front().errors);
    for (const auto& bad : loaded.invalid)
      if (settings.reportInvalid) settings.reportInvalid(bad);
    screens.clear();
    for (const auto& workload : loaded.workloads) {
      auto more = screenWorkloadParties(workload, screener);
      for (auto& s : more) {
        outcome.matched += s.inForce() > 0;
        screens.push_back(std::move(s));
      }
    }
    outcome.workloads += loaded.workloads.size();
    outcome.names += screens.size();
    sink(screens);
  }
  return outcome;
}

} // namespace borderline
