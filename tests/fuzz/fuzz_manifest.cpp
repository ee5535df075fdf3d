// libFuzzer target: arbitrary bytes as a manifest. Loading must either succeed or throw
// LoadFailure with located diagnostics; anything else (a crash, another exception, a hang)
// is a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.hpp"
#include "load/manifest.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace borderline;
  const CompiledRules& rules = fuzzRules();
  SourceSet sources;
  try {
    const SourceText source =
        checkSource(sources, "fuzz.yaml", std::string(reinterpret_cast<const char*>(data), size));
    loadManifest(source, rules.catalog);
  } catch (const LoadFailure& failure) {
    requireLocated(failure);
  }
  return 0;
}
