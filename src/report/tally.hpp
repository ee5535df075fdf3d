#pragma once
// Counts over many results, for summaries and charts: workloads by verdict, by site country,
// by jurisdiction and regime (the worst open level among their findings) and findings by rule
// and status. Plain arrays, cheap to add up: each thread keeps its own and the totals are
// their sum, so the counts never depend on the number of threads.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "compile/rules.hpp"
#include "evaluate/result.hpp"

namespace borderline {

// Index of a workload verdict in the count arrays, worst first: prohibited,
// authorization-required, review, allowed. "Allowed" also stands for "nothing open" in
// the jurisdiction and regime breakdowns.
inline constexpr int kVerdictBuckets = 4;
int verdictBucket(Level verdict);
Level bucketVerdict(int bucket);
using VerdictCounts = std::array<std::uint64_t, kVerdictBuckets>;

struct RuleCounts {
  std::array<std::uint64_t, 4> byStatus{}; // indexed by FindingStatus
  std::uint64_t total() const { return byStatus[0] + byStatus[1] + byStatus[2] + byStatus[3]; }
};

class Tally {
public:
  explicit Tally(const CompiledRules& rules);

  void add(const Result& result);
  void addInvalid(std::uint64_t workloads, std::uint64_t rows);
  Tally& operator+=(const Tally& other);

  std::uint64_t workloads = 0; // evaluated
  std::uint64_t rows = 0;      // input rows read (for progress; reports do not show it, as
                               // `report merge` cannot know it)
  std::uint64_t invalidWorkloads = 0, invalidRows = 0;
  VerdictCounts verdicts{};
  std::vector<VerdictCounts> bySiteCountry;  // by CountryId
  std::vector<std::string> jurisdictions;    // distinct pack jurisdictions, in pack order
  std::vector<VerdictCounts> byJurisdiction; // workloads with findings of that jurisdiction
  std::array<VerdictCounts, 5> byRegime{};   // by Regime
  std::vector<RuleCounts> byRule;            // by index in CompiledRules::rules
  // The files the workloads came from, in order of first appearance (at most kMaxSources).
  static constexpr std::size_t kMaxSources = 8;
  std::vector<std::string> sources;
  bool moreSources = false;
  // "a.csv", "a.yaml, b.yaml", "a.yaml, b.yaml, … (more)": what reports say was audited.
  std::string sourcesText() const;

  const CompiledRules& rules() const { return *rules_; }
  std::size_t ruleIndex(const Rule& rule) const;

private:
  void addSource(std::string_view file);

  const CompiledRules* rules_;
  std::vector<int> jurisdictionOfRule_;
};

} // namespace borderline
