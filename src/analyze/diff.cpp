#include "analyze/diff.hpp"

#include <algorithm>
#include <map>

#include "evaluate/evaluator.hpp"

namespace borderline {

int DiffResult::worse() const {
  return static_cast<int>(std::count_if(changed.begin(), changed.end(),
                                        [](const WorkloadDiff& d) { return d.after > d.before; }));
}

int DiffResult::better() const {
  return static_cast<int>(changed.size()) - worse();
}

namespace {

std::vector<std::string> responsibleRules(const WorkloadDiff& d) {
  std::vector<std::string> out;
  const Level lower = std::min(d.before, d.after);
  for (const auto& f : d.findings)
    if (f.openBefore() != f.openAfter() && std::max(f.openBefore(), f.openAfter()) > lower)
      out.push_back(f.rule().id);
  return out;
}

} // namespace

DiffResult diffWorkloads(std::span<const Workload> before, const DateView& beforeView,
                         std::span<const Workload> after, const DateView& afterView,
                         std::span<const Waiver> waivers) {
  DiffResult out;
  std::map<std::string, RuleImpact> impacts;
  for (std::size_t i = 0; i < before.size(); ++i) {
    ++out.workloads;
    const Result a = evaluateWorkload(before[i], beforeView, waivers);
    const Result b = evaluateWorkload(after[i], afterView, waivers);
    WorkloadDiff d{
        &after[i], a.verdict, b.verdict, compareFindings(findingStates(a), findingStates(b)), {}};
    if (d.before == d.after) {
      if (!d.findings.empty()) ++out.findingsOnly;
      continue;
    }
    d.responsible = responsibleRules(d);
    for (const auto& id : d.responsible) {
      RuleImpact& impact = impacts[id];
      impact.rule = id;
      for (const auto& f : d.findings)
        if (f.rule().id == id) impact.title = f.rule().title;
      impact.workloads.push_back(out.changed.size());
      (d.after > d.before ? impact.worse : impact.better)++;
    }
    out.changed.push_back(std::move(d));
  }
  for (auto& [id, impact] : impacts) out.byRule.push_back(std::move(impact));
  std::stable_sort(out.byRule.begin(), out.byRule.end(),
                   [](const RuleImpact& x, const RuleImpact& y) {
                     return x.workloads.size() > y.workloads.size();
                   });
  return out;
}

std::vector<Workload> rebindChips(const std::vector<Workload>& workloads,
                                  const ChipCatalog& catalog, std::vector<std::string>& unknown) {
  std::vector<Workload> out = workloads;
  for (auto& w : out)
    for (auto& chip : w.chips) {
      if (chip.catalogIndex < 0) continue;
      const int index = catalog.find(chip.model);
      if (index >= 0) {
        chip.catalogIndex = index;
        chip.spec = &catalog.at(index);
        continue;
      }
      chip.catalogIndex = -1; // classified on the fly with the other side's classifications
      if (std::find(unknown.begin(), unknown.end(), chip.model) == unknown.end())
        unknown.push_back(chip.model);
    }
  return out;
}

} // namespace borderline
