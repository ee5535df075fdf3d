// libFuzzer target: arbitrary bytes as a JSONL inventory (one Workload object per line). Bad
// lines are invalid workloads with located errors, never an exception or a lost line; the
// workloads that load are evaluated.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "fuzz_support.hpp"
#include "load/jsonl_inventory.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace borderline;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  LoadedBatch batch;
  loadJsonl("fuzz.jsonl", text, 1, fuzzRules().catalog, batch);
  requireAccounted(batch);
  if (batch.workloads.size() + batch.invalid.size() != batch.rows) std::abort(); // one per line
  evaluateAll(batch);
  return 0;
}
