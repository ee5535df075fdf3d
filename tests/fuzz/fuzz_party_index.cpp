// libFuzzer target: arbitrary bytes as the payload of a party list's binary index
// (LIST.yaml.idx after its header line). The loader trusts an index whose header matches the
// YAML beside it, so a hand-made or damaged index must still either decode into a list the
// YAML loader could have produced or fail with a located error: never crash, never allocate
// from a corrupt count. A decoded list must also encode back to what decodes to it again.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "compile/party_index.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace borderline;
  const std::string_view payload(reinterpret_cast<const char*>(data), size);
  try {
    const IndexedPartyList list = decodePartyIndex(payload, "fuzz.yaml.idx", "fuzz.yaml");
    for (const auto& e : list.entries) {
      // Reports print these: every decoded date and country must be printable.
      if (e.listed) (void)e.listed->str();
      if (e.removed) (void)e.removed->str();
      if (e.country && countryCode(*e.country).empty()) std::abort();
    }
    if (list.info.listDate) (void)list.info.listDate->str();
    const std::string again = encodePartyIndex(list.info, list.entries);
    const IndexedPartyList twice = decodePartyIndex(again, "again.yaml.idx", "fuzz.yaml");
    if (encodePartyIndex(twice.info, twice.entries) != again) std::abort();
  } catch (const LoadFailure& failure) {
    requireLocated(failure);
  }
  return 0;
}
