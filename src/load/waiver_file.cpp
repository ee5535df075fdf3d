#include "load/waiver_file.hpp"

#include <algorithm>

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

constexpr std::string_view kNameChars =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-";

bool nameChar(char c) {
  return kNameChars.find(c) != std::string_view::npos;
}

// Workload names are [A-Za-z0-9._-]; a glob adds * ? [ ] and ! (negation inside brackets).
bool validPattern(std::string_view p) {
  return !p.empty() && p.size() <= 253 && std::all_of(p.begin(), p.end(), [](char c) {
    return nameChar(c) || std::string_view("*?[]!").find(c) != std::string_view::npos;
  });
}

// What fnmatch (evaluate/waivers.cpp) would read differently from the glob the author meant, or
// as a part that no workload name can match, so the entry would silently cover nothing: an
// unclosed or empty [...], a ] or ! outside one, a reversed range. Empty when the glob is fine.
// Called only on patterns that pass validPattern().
std::string globProblem(std::string_view p) {
  for (std::size_t i = 0; i < p.size(); ++i) {
    const std::size_t column = i + 1;
    if (p[i] == ']') return fmt::format("']' at character {} closes no '['", column);
    if (p[i] == '!') return fmt::format("'!' at character {} is outside [...]", column);
    if (p[i] != '[') continue;
    std::size_t k = i + 1;
    if (k < p.size() && p[k] == '!') ++k;
    const std::size_t first = k;
    for (; k < p.size() && p[k] != ']'; ++k) {
      if (!nameChar(p[k]))
        return fmt::format("'{}' at character {} inside [...] is not a name character", p[k],
                           k + 1);
      if (p[k] == '-' && k > first && k + 1 < p.size() && p[k + 1] != ']' && p[k - 1] > p[k + 1])
        return fmt::format("the range '{}-{}' at character {} is empty", p[k - 1], p[k + 1], k);
    }
    if (k == p.size()) return fmt::format("the '[' at character {} is never closed by ']'", column);
    if (k == first) return fmt::format("the '[' at character {} holds no character", column);
    i = k;
  }
  return {};
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
  else if (v.workload.has())
    if (const std::string problem = globProblem(*v.workload.value); !problem.empty())
      r.error(m.get("workload"),
              fmt::format("waiver workload '{}' is not a glob that can match a workload name: {} "
                          "(expected a name, or a glob of one with * ? [a-z0-9] [!...])",
                          *v.workload.value, problem));
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
