#pragma once
// JSONL inventories (manifest.md, "Flat inventories"): one Workload object per line, in the
// JSON form of a manifest. Blank lines are allowed and skipped.
#include <cstdint>
#include <string_view>

#include "load/inventory.hpp"
#include "model/chip_catalog.hpp"

namespace borderline {

// Loads the lines of `text`, the first being line `firstLine` of `file`. Bad lines go to
// out.invalid with their errors, located in the file.
void loadJsonl(std::string_view file, std::string_view text, std::uint32_t firstLine,
               const ChipCatalog& catalog, LoadedBatch& out);

} // namespace borderline
