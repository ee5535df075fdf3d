#pragma once
// Reading a chip specification: a ChipCatalog entry, or an inline `compute.chips[].model` map
// in a manifest. One reader, so the two cannot drift apart.
#include <optional>

#include "load/yaml_reader.hpp"
#include "model/chip.hpp"

namespace borderline {

enum class ChipSpecForm { CatalogEntry, Inline };

std::optional<ChipSpec> readChipSpec(YamlReader& reader, const YAML::Node& node, ChipSpecForm form);

} // namespace borderline
