#pragma once
// Shared pieces of the fuzz targets.
#include <cstdlib>
#include <memory>

#include "compile/compiler.hpp"
#include "evaluate/date_view.hpp"
#include "evaluate/evaluator.hpp"
#include "load/diagnostics.hpp"
#include "load/inventory.hpp"
#include "load/rule_pack.hpp"
#include "load/source.hpp"

namespace borderline {

// The bundled rules, compiled once per fuzzing process.
inline const CompiledRules& fuzzRules() {
  static SourceSet sources;
  static const std::unique_ptr<CompiledRules> rules = [] {
    PackSet packs;
    addBundledPacks(packs, sources);
    return compileRules(packs);
  }();
  return *rules;
}

// Every load failure must say where: a diagnostic without a file is a bug.
inline void requireLocated(const LoadFailure& failure) {
  if (failure.errors().empty()) std::abort();
  for (const auto& d : failure.errors())
    if (d.file.empty() || d.message.empty()) std::abort();
}

// No row of an inventory batch may vanish: each one belongs to a workload that loaded or to
// an invalid workload that says where and why (a CSV workload may span several rows).
inline void requireAccounted(const LoadedBatch& batch) {
  std::uint64_t invalidRows = 0;
  for (const auto& bad : batch.invalid) {
    if (bad.rows == 0 || bad.line == 0) std::abort();
    requireLocated(LoadFailure(bad.errors));
    invalidRows += bad.rows;
  }
  if (batch.workloads.size() + invalidRows > batch.rows) std::abort();
  if (batch.rows > 0 && batch.workloads.empty() && batch.invalid.empty()) std::abort();
}

// Evaluates every loaded workload on one date, so that whatever a loader accepts also goes
// through the evaluator.
inline void evaluateAll(const LoadedBatch& batch) {
  static const DateView view(fuzzRules(), *Date::parse("2025-09-01"));
  for (const auto& w : batch.workloads) (void)evaluateWorkload(w, view);
}

} // namespace borderline
