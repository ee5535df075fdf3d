#pragma once
// All chips known by id or alias, merged from every ChipCatalog pack.
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/chip.hpp"

namespace borderline {

class ChipCatalog {
public:
  // Adds a chip; returns the id or alias that is already taken (case-insensitive), if any.
  std::string add(ChipSpec chip);
  // Index of the chip whose id or alias equals `name` (case-insensitive), or -1.
  int find(std::string_view name) const;
  // Likely intended ids for an unknown name, for error messages: every id that is the name
  // plus a form suffix ("nvidia-h100" -> nvidia-h100-sxm, nvidia-h100-pcie), else the closest
  // id if it is a plausible typo, else none.
  std::vector<std::string_view> suggest(std::string_view name) const;

  const std::vector<ChipSpec>& chips() const { return chips_; }
  const ChipSpec& at(int index) const { return chips_[static_cast<std::size_t>(index)]; }

private:
  std::vector<ChipSpec> chips_;
  std::unordered_map<std::string, int> byKey_; // lower-cased id and aliases
  std::vector<std::string> ids_;
};

} // namespace borderline
