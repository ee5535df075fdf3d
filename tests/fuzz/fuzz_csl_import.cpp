// libFuzzer target: arbitrary bytes as a Consolidated Screening List download, read both as
// the JSON of the trade.gov API (our own JSON parser, load/json_tree) and as the CSV layout.
// Reading must either succeed or throw LoadFailure with located diagnostics; anything else
// (a crash, another exception, a hang) is a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.hpp"
#include "load/csl_import.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace borderline;
  SourceSet sources;
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  for (const char* name : {"fuzz.json", "fuzz.csv"}) {
    try {
      const SourceText source = checkSource(sources, name, bytes);
      const CslData csl = name[5] == 'j' ? readCslJson(source) : readCslCsv(source);
      for (const auto& entry : csl.entries)
        if (entry.name.empty() || entry.source.empty()) std::abort(); // required fields
    } catch (const LoadFailure& failure) {
      requireLocated(failure);
    }
  }
  return 0;
}
