#include "load/inventory.hpp"

namespace borderline {

std::string_view formatName(InventoryFormat format) {
  static constexpr std::string_view kNames[] = {"csv", "jsonl", "yaml", "json"};
  return kNames[static_cast<int>(format)];
}

std::optional<InventoryFormat> parseInventoryFormat(std::string_view name) {
  if (name == "csv") return InventoryFormat::Csv;
  if (name == "jsonl" || name == "ndjson") return InventoryFormat::Jsonl;
  if (name == "yaml" || name == "yml") return InventoryFormat::Yaml;
  if (name == "json") return InventoryFormat::Json;
  return std::nullopt;
}

std::optional<InventoryFormat> formatFromPath(std::string_view path) {
  const auto dot = path.rfind('.');
  const auto slash = path.rfind('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash))
    return std::nullopt;
  return parseInventoryFormat(path.substr(dot + 1));
}

} // namespace borderline
