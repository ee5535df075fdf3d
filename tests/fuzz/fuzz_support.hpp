#pragma once
// Shared pieces of the fuzz targets.
#include <cstdlib>
#include <memory>

#include "compile/compiler.hpp"
#include "load/diagnostics.hpp"
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

} // namespace borderline
