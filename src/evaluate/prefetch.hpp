#pragma once
// Asking for a workload's memory before reading it. A workload's fields spread over some
// thirty cache lines, and the evaluator reads them one after another behind data-dependent
// branches (screening, prefilter, conditions), so on a workload that is not in cache each miss
// waits for the one before. Requesting every line up front lets the misses overlap. A hint
// only: it changes no result.
#include <cstddef>

#include "model/workload.hpp"

namespace borderline {

inline void prefetchBytes(const void* start, std::size_t bytes) {
  constexpr std::size_t kLine = 64;
  const char* p = static_cast<const char*>(start);
  for (std::size_t i = 0; i < bytes; i += kLine) __builtin_prefetch(p + i);
}

template <class T> void prefetchElements(const std::vector<T>& v) {
  if (!v.empty()) prefetchBytes(v.data(), v.size() * sizeof(T));
}

// The workload object and the arrays of its object lists. The parties' lines first, then from
// the start: the evaluator screens the parties before it reads anything else, and the lines
// requested last arrive last (the processor tracks only so many misses at once).
inline void prefetchWorkload(const Workload& w) {
  const char* start = reinterpret_cast<const char*>(&w);
  const char* parties = reinterpret_cast<const char*>(&w.parties);
  prefetchBytes(parties, sizeof w - static_cast<std::size_t>(parties - start));
  prefetchBytes(start, static_cast<std::size_t>(parties - start));
  prefetchElements(w.chips);
  prefetchElements(w.data);
  prefetchElements(w.authorizations);
}

} // namespace borderline
