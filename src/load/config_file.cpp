#include "load/config_file.hpp"

#include <filesystem>

#include <fmt/format.h>

#include "load/yaml_reader.hpp"

namespace borderline {

namespace {

constexpr std::string_view kApiVersion = "borderline/v1";
constexpr std::string_view kKind = "Config";

std::string resolve(const std::string& baseDir, const std::string& path) {
  namespace fs = std::filesystem;
  const fs::path p(path);
  if (p.is_absolute() || baseDir.empty() || baseDir == ".") return p.lexically_normal().string();
  return (fs::path(baseDir) / p).lexically_normal().string();
}

std::optional<std::vector<std::string>> pathList(YamlReader& r, const YAML::Node& node,
                                                 std::string_view what, const std::string& base) {
  if (!node) return std::nullopt;
  std::vector<std::string> out;
  for (const auto& path : r.stringList(node, what)) {
    if (path.empty())
      r.error(node, fmt::format("{} holds an empty path", what));
    else
      out.push_back(resolve(base, path));
  }
  return out;
}

} // namespace

ConfigFile loadConfigFile(const SourceText& source, const std::string& baseDir) {
  Diagnostics diags;
  YamlReader r(source.name, diags);
  ConfigFile config;
  const auto documents = parseYamlDocuments(source.name, source.text);
  std::size_t read = 0;
  for (const auto& doc : documents) {
    if (doc.IsNull()) continue;
    if (++read > 1) {
      r.error(doc, "a config file holds one document");
      break;
    }
    MapReader m(r, doc, "config file",
                {"apiVersion", "kind", "rules", "addRules", "waivers", "failOn", "asOf"});
    if (!m.valid()) continue;
    if (auto v = m.require("apiVersion"); v)
      if (auto s = r.string(v, "apiVersion"); s && *s != kApiVersion)
        r.error(v, fmt::format("unsupported apiVersion '{}' (expected {})", *s, kApiVersion));
    if (auto k = m.require("kind"); k)
      if (auto s = r.string(k, "kind"); s && *s != kKind)
        r.error(k, fmt::format("kind '{}' is not a config file (expected {})", *s, kKind));
    config.rules = pathList(r, m.get("rules"), "rules", baseDir);
    config.addRules = pathList(r, m.get("addRules"), "addRules", baseDir);
    if (auto w = m.get("waivers"); w)
      if (auto s = r.string(w, "waivers")) config.waivers = resolve(baseDir, *s);
    if (auto f = m.get("failOn"); f)
      if (auto level = r.string(f, "failOn")) {
        if (kFailOnDomain.parse(*level))
          config.failOn = *level;
        else
          r.error(f, fmt::format("failOn '{}' is not a level (expected {})", *level,
                                 kFailOnDomain.expected()));
      }
    if (auto d = m.get("asOf"); d)
      if (auto date = r.date(d, "asOf")) config.asOf = date->str();
  }
  if (read == 0)
    diags.error({source.name, 0, 0}, fmt::format("empty config file (expected apiVersion: {} and "
                                                 "kind: {})",
                                                 kApiVersion, kKind));
  throwIfErrors(diags);
  return config;
}

} // namespace borderline
