#pragma once
// The binary index of an imported PartyList. `parties import` writes LIST.yaml (the pack, for
// people and for review) and LIST.yaml.idx beside it with the same content in binary form:
// yaml-cpp needs seconds to read 26,000 entries, the index milliseconds. The index is a cache
// of the YAML, never a second source of truth: its header records the SHA-256 of the YAML
// bytes it was made from, and the loader uses it only while that still matches (otherwise it
// reads the YAML). Layout: the header line of load/party_index_file.hpp, then the payload
// encoded here (little-endian u32 lengths and counts, strings as length + bytes).
#include <string>
#include <string_view>
#include <vector>

#include "compile/rules.hpp"

namespace borderline {

struct IndexedPartyList {
  PackInfo info;                  // file and sha256 are left for the loader to fill in
  std::vector<PartyEntry> entries; // loc.line/column point into the YAML; list is 0
};

std::string encodePartyIndex(const PackInfo& info, const std::vector<PartyEntry>& entries);
// Throws LoadFailure at `indexFile` when the payload is malformed or truncated. `yamlFile`
// is the display name the entries' locations get.
IndexedPartyList decodePartyIndex(std::string_view payload, std::string_view indexFile,
                                  std::string_view yamlFile);

} // namespace borderline
