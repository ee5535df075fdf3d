#pragma once
// Catalog indexes of the chip models a CSV loader met lately. About twenty model names fill a
// million rows, and ChipCatalog::find lower-cases and hashes each one; this remembers the
// answer per exact spelling, in a small table indexed by a hash of the text.
#include <array>
#include <string>
#include <string_view>

#include "model/chip_catalog.hpp"

namespace borderline {

class ChipIndexCache {
public:
  // The same as catalog.find(model).
  int find(const ChipCatalog& catalog, std::string_view model);

private:
  struct Slot {
    std::string model;
    int index = -1;
    bool used = false;
  };
  const ChipCatalog* catalog_ = nullptr; // the catalog the slots' answers come from
  std::array<Slot, 256> slots_;          // a few times the models in use: few collisions
};

} // namespace borderline
