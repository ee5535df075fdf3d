#pragma once
// The file side of a PartyList's binary index (compile/party_index.hpp has the payload):
// LIST.yaml.idx starts with the line "borderline-party-index 1 <sha256 of LIST.yaml>\n", so
// the loader can tell whether the index still describes the YAML beside it before decoding.
#include <optional>
#include <string>
#include <string_view>

namespace borderline {

// Where the index of a pack file lives.
std::string partyIndexPath(const std::string& packPath);
// The first line of an index made from YAML bytes with this SHA-256 (hex).
std::string partyIndexHeader(std::string_view yamlSha256);
// The payload of the index beside `packPath` when one exists and was made from exactly the
// bytes whose SHA-256 is `yamlSha256`; nullopt otherwise (then the YAML is read, as if there
// were no index).
std::optional<std::string> readPartyIndexFor(const std::string& packPath,
                                             std::string_view yamlSha256);

} // namespace borderline
