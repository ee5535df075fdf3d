#include "load/waiver_file.hpp"

#include <fmt/format.h>

#include "load/yaml_reader.hpp"

namespace borderline {

namespace {

constexpr std::string_view kApiVersion = "borderline/v1";
constexpr std::string_view kKind = "WaiverList";

void text(YamlReader& r, Located<std::string>& out, const YAML::Node& node, std::string_view what) {
  if (!node) return;
  out.loc = r.at(node);
  out.value = r.string(node, what);
}

// Workload names are [A-Za-z0-9._-]; a glob adds * ? [ ] and ! (negation inside brackets).
bool validPattern(std::string_view p) {
  return !p.empty() && p.size() <= 253 &&
         p.find_first_not_of(
             "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-*?[]!") ==
             std::string_view::npos;
}

void readEntry(YamlReader& r, const YAML::Node& node, std::vector<Waiver>& out) {
  MapReader m(r, node, "waiver", {"rule", "workload", "reason", "approvedBy", "ticket", "expires"});
  if (!m.valid()) return;
  Waiver v;
  v.loc = r.at(node);
  text(r, v.rule, m.require("rule"), "waiver rule");
  text(r, v.workload, m.require("workload"), "waiver workload");
  if (v.workload.has() && !validPattern(*v.workload.value))
    r.error(m.get("workload"),
            fmt::format("waiver workload '{}' must be a workload name or a glob of one (A-Z a-z "
                        "0-9 . _ - and * ? [ ] !)",
                        *v.workload.value));
  text(r, v.reason, m.require("reason"), "waiver reason");
  text(r, v.approvedBy, m.require("approvedBy"), "waiver approvedBy");
  text(r, v.ticket, m.get("ticket"), "waiver ticket");
  // Kept without `expires`: such a waiver waives nothing and is reported (docs/ci.md).
  if (auto e = m.get("expires"); e) {
    v.expires.loc = r.at(e);
    v.expires.value = r.date(e, "waiver expires");
  }
  out.push_back(std::move(v));
}

} // namespace

std::vector<Waiver> loadWaiverFile(const SourceText& source) {
  Diagnostics diags;
  YamlReader reader(source.name, diags);
  std::vector<Waiver> out;
  bool any = false;
  for (const auto& doc : parseYamlDocuments(source.name, source.text)) {
    if (doc.IsNull()) continue;
    any = true;
    MapReader m(reader, doc, "waivers file", {"apiVersion", "kind", "waivers"});
    if (!m.valid()) continue;
    if (auto v = m.require("apiVersion"); v)
      if (auto s = reader.string(v, "apiVersion"); s && *s != kApiVersion)
        reader.error(v, fmt::format("unsupported apiVersion '{}' (expected {})", *s, kApiVersion));
    if (auto k = m.require("kind"); k)
      if (auto s = reader.string(k, "kind"); s && *s != kKind)
        reader.error(k, fmt::format("kind '{}' is not a waivers file (expected {})", *s, kKind));
    if (auto list = m.require("waivers"); list && reader.isList(list, "waivers"))
      for (const auto& item : list) readEntry(reader, item, out);
  }
  if (!any)
    diags.error({source.name, 0, 0}, fmt::format("no waivers document found (expected "
                                                 "apiVersion: {} and kind: {})",
                                                 kApiVersion, kKind));
  throwIfErrors(diags);
  return out;
}

} // namespace borderline
