// libFuzzer target: arbitrary bytes as a CSV inventory, read the way `audit` reads one: the
// first record is the header, the rest are rows, grouped by name. Every row must end up either
// as a workload (which is then evaluated) or as an invalid workload with located errors; a bad
// header must throw LoadFailure. Anything else (a crash, a hang, a lost row) is a bug.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "evaluate/date_view.hpp"
#include "evaluate/evaluator.hpp"
#include "fuzz_support.hpp"
#include "load/csv_inventory.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace borderline;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const CompiledRules& rules = fuzzRules();
  bool complete = false;
  std::size_t lineBreaks = 0;
  const std::size_t headerEnd = csvRecordEnd(text, 0, complete, lineBreaks);
  try {
    const CsvInventory inventory("fuzz.csv", csvRecordBody(text.substr(0, headerEnd)), 1,
                                 rules.catalog);
    CsvScratch scratch;
    for (std::size_t pos = headerEnd, end; pos < text.size(); pos = end) { // nameOf on each
      end = csvRecordEnd(text, pos, complete, lineBreaks);
      inventory.nameOf(text.substr(pos, end - pos), scratch);
    }
    LoadedBatch batch;
    inventory.load(text.substr(headerEnd), 2, batch, scratch);
    requireAccounted(batch);
    evaluateAll(batch);
  } catch (const LoadFailure& failure) {
    requireLocated(failure);
  }
  return 0;
}
