#include "load/chip_spec.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "load/manifest_format.hpp"
#include "util/text.hpp"

namespace borderline {

namespace {

std::optional<double> positive(YamlReader& reader, const YAML::Node& node, std::string_view what) {
  auto value = reader.number(node, what);
  if (value && *value <= 0) {
    reader.error(node, fmt::format("{} must be greater than 0", what));
    return std::nullopt;
  }
  return value;
}

void readTops(YamlReader& reader, const YAML::Node& node, ChipSpec& chip) {
  if (!reader.isMap(node, "tops")) return;
  std::vector<std::string_view> names;
  for (const auto& p : knownPrecisions()) names.push_back(p.name);
  std::vector<std::string> seen;
  for (auto it = node.begin(); it != node.end(); ++it) {
    const auto key = reader.string(it->first, "precision");
    if (!key) continue;
    const Precision* precision = nullptr;
    for (const auto& p : knownPrecisions())
      if (p.name == *key) precision = &p;
    if (!precision) {
      reader.error(it->first, fmt::format("unknown precision '{}' in tops (expected one of: {})",
                                          *key, joined(names)));
      continue;
    }
    if (std::find(seen.begin(), seen.end(), *key) != seen.end()) {
      reader.error(it->first, fmt::format("duplicate key '{}' in tops", *key));
      continue;
    }
    seen.push_back(*key);
    if (auto value = positive(reader, it->second, fmt::format("tops.{}", *key)))
      chip.tops.emplace_back(precision->bits, *value);
  }
  if (chip.tops.empty())
    reader.error(node, "tops must give dense throughput for at least one precision");
}

} // namespace

namespace {

using K = ValueKind;

// A ChipCatalog entry: the inline fields plus id, aliases, a fixed ECCN and sources.
constexpr std::array kCatalogChipFields = {
    FieldSpec{.key = "id", .kind = K::Text, .required = true},
    FieldSpec{.key = "vendor", .kind = K::Text},
    FieldSpec{.key = "name", .kind = K::Text, .required = true},
    FieldSpec{.key = "aliases", .kind = K::TextList},
    FieldSpec{.key = "origin", .kind = K::Country, .required = true},
    FieldSpec{.key = "datacenter", .kind = K::Boolean, .required = true},
    FieldSpec{.key = "tops", .kind = K::Tops, .required = true},
    FieldSpec{.key = "dieArea", .kind = K::Number, .minimum = 0, .exclusiveMinimum = true},
    FieldSpec{.key = "memoryBandwidth", .kind = K::Number, .minimum = 0, .exclusiveMinimum = true},
    FieldSpec{.key = "ioBandwidth", .kind = K::Number, .minimum = 0, .exclusiveMinimum = true},
    FieldSpec{.key = "eccn", .kind = K::Text},
    FieldSpec{.key = "sources", .kind = K::TextList, .required = true, .minItems = 1},
    FieldSpec{.key = "notes", .kind = K::Text},
};
const ObjectSpec kCatalogChipSpec{"CatalogChip", "A chip catalog entry", kCatalogChipFields};

} // namespace

std::optional<ChipSpec> readChipSpec(YamlReader& reader, const YAML::Node& node, ChipSpecForm form) {
  const bool catalog = form == ChipSpecForm::CatalogEntry;
  MapReader map = catalog ? MapReader(reader, node, "chip", kCatalogChipSpec)
                          : MapReader(reader, node, "inline chip spec", kInlineChipSpec);
  if (!map.valid()) return std::nullopt;
  ChipSpec chip;
  chip.loc = reader.at(node);
  if (catalog) {
    if (auto n = map.field("id", K::Text); n)
      if (auto id = reader.string(n, "id")) chip.id = *id;
    if (auto n = map.field("aliases", K::TextList); n)
      chip.aliases = reader.stringList(n, "aliases");
    if (auto n = map.field("sources", K::TextList); n) {
      chip.sources = reader.stringList(n, "sources");
      if (chip.sources.empty() && n.IsSequence())
        reader.error(n, "sources must name at least one datasheet or reference");
    }
    if (auto n = map.field("eccn", K::Text); n) chip.eccn = reader.string(n, "eccn");
  }
  if (auto n = map.field("name", K::Text); n)
    if (auto s = reader.string(n, "name")) chip.name = *s;
  if (auto n = map.field("vendor", K::Text); n)
    if (auto s = reader.string(n, "vendor")) chip.vendor = *s;
  if (auto n = map.field("origin", K::Country); n) chip.origin = reader.country(n, "origin");
  if (auto n = map.field("datacenter", K::Boolean); n)
    chip.datacenter = reader.boolean(n, "datacenter");
  if (auto n = map.field("tops", K::Tops); n) readTops(reader, n, chip);
  if (auto n = map.field("dieArea", K::Number); n) chip.dieArea = positive(reader, n, "dieArea");
  if (auto n = map.field("memoryBandwidth", K::Number); n)
    chip.memoryBandwidth = positive(reader, n, "memoryBandwidth");
  if (auto n = map.field("ioBandwidth", K::Number); n)
    chip.ioBandwidth = positive(reader, n, "ioBandwidth");
  if (auto n = map.field("notes", K::Text); n)
    if (auto s = reader.string(n, "notes")) chip.notes = *s;
  chip.computeDerived();
  return chip;
}

} // namespace borderline
