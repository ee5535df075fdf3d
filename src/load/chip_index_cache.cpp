#include "load/chip_index_cache.hpp"

namespace borderline {

int ChipIndexCache::find(const ChipCatalog& catalog, std::string_view model) {
  if (model.empty()) return catalog.find(model);
  if (catalog_ != &catalog) {
    slots_ = {};
    catalog_ = &catalog;
  }
  // Model names differ in length and in their first and last letters often enough.
  const std::size_t hash = model.size() * 31 + static_cast<unsigned char>(model.front()) * 7 +
                           static_cast<unsigned char>(model.back());
  Slot& slot = slots_[hash % slots_.size()];
  if (slot.used && slot.model == model) return slot.index;
  slot.model.assign(model);
  slot.index = catalog.find(model);
  slot.used = true;
  return slot.index;
}

} // namespace borderline
