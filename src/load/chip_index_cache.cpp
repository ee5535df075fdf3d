#include "load/chip_index_cache.hpp"

#include <cstdint>

namespace borderline {

int ChipIndexCache::find(const ChipCatalog& catalog, std::string_view model) {
  if (model.empty()) return catalog.find(model);
  if (catalog_ != &catalog) {
    slots_ = {};
    catalog_ = &catalog;
  }
  // FNV-1a: model names often differ in one digit only (nvidia-h100-sxm, nvidia-h200-sxm).
  std::uint32_t hash = 2166136261u;
  for (const char c : model) hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
  Slot& slot = slots_[hash % slots_.size()];
  if (slot.used && slot.model == model) return slot.index;
  slot.model.assign(model);
  slot.index = catalog.find(model);
  slot.used = true;
  return slot.index;
}

} // namespace borderline
