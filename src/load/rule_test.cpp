#include "load/rule_test.hpp"

#include <fmt/format.h>

#include "load/manifest.hpp"
#include "load/yaml_reader.hpp"

namespace borderline {

namespace {

std::vector<ExpectedRule> ruleIds(YamlReader& r, const YAML::Node& node,
                                  const CompiledRules& rules) {
  std::vector<ExpectedRule> out;
  if (!node || !r.isList(node, "rule ids")) return out;
  for (const auto& item : node) {
    const auto id = r.string(item, "rule id");
    if (!id) continue;
    if (!rules.findRule(*id)) {
      r.error(item, fmt::format("unknown rule id '{}' (not in the loaded rule packs)", *id));
      continue;
    }
    out.push_back({*id, r.at(item)});
  }
  return out;
}

} // namespace

std::vector<RuleTestCase> loadRuleTests(const PackSource& source, const CompiledRules& rules) {
  Diagnostics diags;
  YamlReader r(source.file, diags);
  std::vector<RuleTestCase> out;
  MapReader top(r, source.root, "RuleTest", {"apiVersion", "kind", "metadata", "cases"});
  std::string suite;
  if (auto m = top.require("metadata"); m) {
    MapReader meta(r, m, "metadata", {"name", "title", "version", "reviewed", "notes"});
    if (auto n = meta.require("name"); n) suite = r.string(n, "metadata.name").value_or("");
  }
  if (auto cases = top.require("cases"); cases && r.isList(cases, "cases")) {
    if (cases.size() == 0) r.error(cases, "a RuleTest needs at least one case");
    for (const auto& item : cases) {
      MapReader c(r, item, "test case", {"name", "asOf", "workload", "expect"});
      if (!c.valid()) continue;
      RuleTestCase t;
      t.suite = suite;
      t.loc = r.at(item);
      if (auto n = c.require("name"); n) t.name = r.string(n, "case name").value_or("");
      if (auto n = c.require("asOf"); n)
        if (auto d = r.date(n, "asOf")) t.asOf = *d;
      std::optional<Workload> w;
      if (auto n = c.require("workload"); n)
        w = readWorkload(r, n, rules.catalog, /*allowEnvelope=*/true);
      if (auto n = c.require("expect"); n) {
        MapReader e(r, n, "expect", {"verdict", "fires", "doesNotFire"});
        if (auto v = e.require("verdict"); v)
          if (auto level = r.enumValue(v, kResultVerdictDomain))
            t.verdict = *parseLevel(kResultVerdictDomain.name(*level));
        t.fires = ruleIds(r, e.get("fires"), rules);
        t.doesNotFire = ruleIds(r, e.get("doesNotFire"), rules);
      }
      if (w) {
        t.workload = std::move(*w);
        out.push_back(std::move(t));
      }
    }
  }
  throwIfErrors(diags);
  return out;
}

} // namespace borderline
