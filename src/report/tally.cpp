#include "report/tally.hpp"

#include <algorithm>

namespace borderline {

int verdictBucket(Level verdict) {
  switch (verdict) {
  case Level::Prohibited:
    return 0;
  case Level::AuthorizationRequired:
    return 1;
  case Level::Review:
    return 2;
  default:
    return 3;
  }
}

Level bucketVerdict(int bucket) {
  static constexpr Level kLevels[] = {Level::Prohibited, Level::AuthorizationRequired,
                                      Level::Review, Level::Allowed};
  return kLevels[bucket];
}

Tally::Tally(const CompiledRules& rules)
    : bySiteCountry(kCountryCount), byRule(rules.rules.size()), rules_(&rules) {
  for (const auto& rule : rules.rules) {
    const std::string& j = rule.pack->jurisdiction;
    auto it = std::find(jurisdictions.begin(), jurisdictions.end(), j);
    if (it == jurisdictions.end()) it = jurisdictions.insert(jurisdictions.end(), j);
    jurisdictionOfRule_.push_back(static_cast<int>(it - jurisdictions.begin()));
  }
  byJurisdiction.resize(jurisdictions.size());
}

std::size_t Tally::ruleIndex(const Rule& rule) const {
  return static_cast<std::size_t>(&rule - rules_->rules.data());
}

void Tally::addSource(std::string_view file) {
  if (!sources.empty() && sources.back() == file) return; // the usual case: one file
  if (std::find(sources.begin(), sources.end(), file) != sources.end()) return;
  if (sources.size() < kMaxSources)
    sources.emplace_back(file);
  else
    moreSources = true;
}

std::string Tally::sourcesText() const {
  std::string out;
  for (const auto& s : sources) out += (out.empty() ? "" : ", ") + s;
  if (moreSources) out += ", …";
  return out.empty() ? "no workloads" : out;
}

void Tally::add(const Result& r) {
  ++workloads;
  addSource(r.workload->loc.file);
  const int bucket = verdictBucket(r.verdict);
  ++verdicts[static_cast<std::size_t>(bucket)];
  if (r.workload->siteCountry.has())
    ++bySiteCountry[*r.workload->siteCountry.value][static_cast<std::size_t>(bucket)];
  // The worst open level per jurisdiction and regime that has any finding (Allowed = none open).
  constexpr Level kNone = static_cast<Level>(255);
  Level worstJurisdiction[32];
  Level worstRegime[5];
  const std::size_t nj = std::min<std::size_t>(jurisdictions.size(), 32);
  std::fill_n(worstJurisdiction, nj, kNone);
  std::fill_n(worstRegime, 5, kNone);
  auto raise = [](Level& slot, Level level) {
    slot = slot == kNone ? level : std::max(slot, level);
  };
  for (const auto& f : r.findings) {
    const std::size_t index = ruleIndex(*f.rule);
    ++byRule[index].byStatus[static_cast<std::size_t>(f.status)];
    const Level level = f.status == FindingStatus::Open ? f.level : Level::Allowed;
    const auto j = static_cast<std::size_t>(jurisdictionOfRule_[index]);
    if (j < nj) raise(worstJurisdiction[j], level);
    raise(worstRegime[static_cast<int>(f.rule->regime)], level);
  }
  for (std::size_t j = 0; j < nj; ++j)
    if (worstJurisdiction[j] != kNone)
      ++byJurisdiction[j][static_cast<std::size_t>(verdictBucket(worstJurisdiction[j]))];
  for (std::size_t g = 0; g < 5; ++g)
    if (worstRegime[g] != kNone)
      ++byRegime[g][static_cast<std::size_t>(verdictBucket(worstRegime[g]))];
}

void Tally::addInvalid(std::uint64_t invalid, std::uint64_t invalidRowCount) {
  invalidWorkloads += invalid;
  invalidRows += invalidRowCount;
}

namespace {
void addCounts(VerdictCounts& a, const VerdictCounts& b) {
  for (std::size_t i = 0; i < a.size(); ++i) a[i] += b[i];
}
} // namespace

Tally& Tally::operator+=(const Tally& o) {
  workloads += o.workloads;
  rows += o.rows;
  invalidWorkloads += o.invalidWorkloads;
  invalidRows += o.invalidRows;
  addCounts(verdicts, o.verdicts);
  for (std::size_t i = 0; i < bySiteCountry.size(); ++i)
    addCounts(bySiteCountry[i], o.bySiteCountry[i]);
  for (std::size_t i = 0; i < byJurisdiction.size(); ++i)
    addCounts(byJurisdiction[i], o.byJurisdiction[i]);
  for (std::size_t i = 0; i < byRegime.size(); ++i) addCounts(byRegime[i], o.byRegime[i]);
  for (std::size_t i = 0; i < byRule.size(); ++i)
    for (std::size_t s = 0; s < 4; ++s) byRule[i].byStatus[s] += o.byRule[i].byStatus[s];
  for (const auto& file : o.sources) addSource(file);
  moreSources = moreSources || o.moreSources;
  return *this;
}

} // namespace borderline
