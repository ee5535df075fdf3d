// libFuzzer target: arbitrary bytes as a rule-pack file, compiled together with the bundled
// chip catalog (so conditions naming chips compile). Must succeed or fail with LoadFailure.
#include <cstddef>
#include <cstdint>
#include <string>

#include "compile/compiler.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace borderline;
  SourceSet sources;
  try {
    PackSet packs;
    addPackText(packs, sources, "fuzz.yaml",
                std::string(reinterpret_cast<const char*>(data), size));
    compileRules(packs);
  } catch (const LoadFailure& failure) {
    requireLocated(failure);
  }
  return 0;
}
