#pragma once
// A PartyList pack as YAML text (what `parties import` writes): every string double-quoted, so
// names such as "NO", "1984" or "- A" stay strings, one entry per block.
#include <string>
#include <string_view>
#include <vector>

#include "compile/rules.hpp"

namespace borderline {

// Sets each entry's loc to the line and column of its "- name:" in the text (loc.file is
// `file`), so that the binary index written beside the YAML points at the same places.
std::string partyListYaml(const PackInfo& info, std::string_view notes,
                          std::vector<PartyEntry>& entries, std::string_view file);

// `s` as a YAML double-quoted scalar.
std::string yamlQuoted(std::string_view s);

} // namespace borderline
