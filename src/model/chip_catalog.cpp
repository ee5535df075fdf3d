#include "model/chip_catalog.hpp"

#include <algorithm>

#include "util/text.hpp"

namespace borderline {

std::string ChipCatalog::add(ChipSpec chip) {
  std::vector<std::string> keys{toLower(chip.id)};
  for (const auto& alias : chip.aliases) keys.push_back(toLower(alias));
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const bool repeated = std::find(keys.begin(), keys.begin() + static_cast<long>(i), keys[i]) !=
                          keys.begin() + static_cast<long>(i);
    if (byKey_.count(keys[i]) && !repeated) return i == 0 ? chip.id : chip.aliases[i - 1];
  }
  const int index = static_cast<int>(chips_.size());
  for (auto& key : keys) byKey_.emplace(std::move(key), index);
  ids_.push_back(chip.id);
  chips_.push_back(std::move(chip));
  return {};
}

int ChipCatalog::find(std::string_view name) const {
  const auto it = byKey_.find(toLower(name));
  return it == byKey_.end() ? -1 : it->second;
}

std::vector<std::string_view> ChipCatalog::suggest(std::string_view name) const {
  // A typo-distance guess alone would answer 'nvidia-h20' for 'nvidia-h100': a chip with other
  // legal treatment than the H100 forms the user meant.
  const std::string family = toLower(name) + "-";
  std::vector<std::string_view> forms;
  for (const auto& id : ids_)
    if (id.starts_with(family)) forms.push_back(id);
  if (!forms.empty()) return forms;
  const std::string_view guess = closestMatch(toLower(name), ids_);
  if (guess.empty()) return {};
  return {guess};
}

} // namespace borderline
