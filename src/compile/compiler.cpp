#include "compile/compiler.hpp"

#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "compile/compile_condition.hpp"
#include "compile/party_index.hpp"
#include "load/chip_spec.hpp"
#include "load/party_index_file.hpp"
#include "util/sha256.hpp"

namespace borderline {

namespace {

// Ids share one namespace per kind across all packs; the first definition wins and later ones
// are errors that point back at it.
class IdRegistry {
public:
  explicit IdRegistry(std::string_view what) : what_(what) {}
  bool claim(YamlReader& r, const YAML::Node& at, const std::string& id) {
    return claim(r.diagnostics(), r.at(at), id);
  }
  bool claim(Diagnostics& diags, Location at, const std::string& id) {
    auto [it, inserted] = seen_.emplace(id, at);
    if (!inserted)
      diags.error(
          at, fmt::format("duplicate {} '{}' (first defined at {})", what_, id, it->second.str()));
    return inserted;
  }

private:
  std::string_view what_;
  std::unordered_map<std::string, Location> seen_;
};

class PackCompiler {
public:
  explicit PackCompiler(CompiledRules& out) : out_(out) {}

  // Pass 1: metadata, groups, chips and parties, which conditions refer to.
  void declare(const PackSource& src) {
    if (src.kind == PackKind::RuleTest) return;
    if (!src.partyIndex.empty()) return declareIndexed(src);
    YamlReader r(src.file, diags_);
    MapReader top =
        src.kind == PackKind::RulePack
            ? MapReader(r, src.root, "RulePack",
                        {"apiVersion", "kind", "metadata", "groups", "classifications", "rules"})
        : src.kind == PackKind::ChipCatalog
            ? MapReader(r, src.root, "ChipCatalog", {"apiVersion", "kind", "metadata", "chips"})
            : MapReader(r, src.root, "PartyList", {"apiVersion", "kind", "metadata", "parties"});
    if (!top.valid()) return;
    PackInfo* pack = metadata(r, src, top.require("metadata"));
    if (!pack) return;
    pending_.push_back({&src, pack});
    switch (src.kind) {
    case PackKind::RulePack:
      if (auto g = top.get("groups"); g) groups(r, g);
      if (!top.require("rules")) return;
      break;
    case PackKind::ChipCatalog:
      if (auto c = top.require("chips"); c) chips(r, c);
      break;
    case PackKind::PartyList:
      partyList(r, top.require("parties"), *pack);
      break;
    case PackKind::RuleTest:
      break;
    }
  }

  // Pass 2: classifications and rules, now that every name they use is known.
  void compileAll() {
    for (auto& [src, pack] : pending_) {
      if (src->kind != PackKind::RulePack) continue;
      YamlReader r(src->file, diags_);
      if (auto c = src->root["classifications"]; c) classifications(r, c);
      if (auto rules = src->root["rules"]; rules) rulesOf(r, rules, pack);
    }
  }

  Diagnostics& diagnostics() { return diags_; }

private:
  // A PartyList from its binary index: the same content as its YAML, already checked when it
  // was imported.
  void declareIndexed(const PackSource& src) {
    const std::string indexFile = partyIndexPath(std::string(src.file));
    IndexedPartyList decoded = decodePartyIndex(src.partyIndex, indexFile, src.file);
    auto pack = std::make_unique<PackInfo>(std::move(decoded.info));
    pack->file = src.file;
    pack->sha256 = src.sha256;
    if (!packNames_.claim(diags_, Location{src.file, 0, 0}, pack->name)) return;
    const int list = static_cast<int>(out_.partyLists.size());
    out_.partyLists.push_back(pack->name);
    out_.partyListPacks.push_back(pack.get());
    out_.packs.push_back(std::move(pack));
    for (auto& e : decoded.entries) {
      e.list = list;
      out_.parties.push_back(std::move(e));
    }
  }

  PackInfo* metadata(YamlReader& r, const PackSource& src, const YAML::Node& node) {
    if (!node) return nullptr;
    const bool rulePack = src.kind == PackKind::RulePack;
    MapReader m(r, node, "metadata",
                {"name", "title", "jurisdiction", "version", "reviewed", "notes", "listDate"});
    if (!m.valid()) return nullptr;
    auto pack = std::make_unique<PackInfo>();
    pack->file = src.file;
    pack->sha256 = src.sha256;
    pack->kind = src.kind == PackKind::RulePack      ? "RulePack"
                 : src.kind == PackKind::ChipCatalog ? "ChipCatalog"
                                                     : "PartyList";
    const auto name = m.require("name");
    if (name) pack->name = r.string(name, "metadata.name").value_or("");
    if (auto n = m.require("title"); n) pack->title = r.string(n, "metadata.title").value_or("");
    if (auto n = m.require("version"); n)
      pack->version = r.string(n, "metadata.version").value_or("");
    if (auto n = rulePack ? m.require("jurisdiction") : m.get("jurisdiction"); n)
      pack->jurisdiction = r.string(n, "metadata.jurisdiction").value_or("");
    if (auto n = rulePack ? m.require("reviewed") : m.get("reviewed"); n)
      pack->reviewed = r.date(n, "metadata.reviewed");
    if (auto n = m.get("listDate"); n) {
      if (src.kind == PackKind::PartyList)
        pack->listDate = r.date(n, "metadata.listDate");
      else
        r.error(n,
                "metadata.listDate is only allowed in a PartyList (the date of its source data)");
    }
    if (name && !pack->name.empty() && !packNames_.claim(r, name, pack->name)) return nullptr;
    out_.packs.push_back(std::move(pack));
    return out_.packs.back().get();
  }

  std::vector<Citation> citations(YamlReader& r, const YAML::Node& node, std::string_view owner) {
    std::vector<Citation> out;
    if (!node || !r.isList(node, "citations")) return out;
    if (node.size() == 0) r.error(node, fmt::format("{} must cite at least one source", owner));
    for (const auto& item : node) {
      MapReader m(r, item, "citation", {"ref", "title", "published", "url", "provenance", "note"});
      if (!m.valid()) continue;
      Citation c;
      if (auto n = m.require("ref"); n) c.ref = r.string(n, "citation ref").value_or("");
      if (auto n = m.get("title"); n) c.title = r.string(n, "citation title").value_or("");
      if (auto n = m.get("published"); n)
        c.published = r.string(n, "citation published").value_or("");
      if (auto n = m.get("url"); n) c.url = r.string(n, "citation url").value_or("");
      if (auto n = m.get("note"); n) c.note = r.string(n, "citation note").value_or("");
      if (auto n = m.require("provenance"); n)
        if (auto p = r.enumValue(n, kProvenanceDomain)) c.provenance = static_cast<Provenance>(*p);
      out.push_back(std::move(c));
    }
    return out;
  }

  CountrySet countries(YamlReader& r, const YAML::Node& node, std::string_view what) {
    CountrySet set;
    if (!r.isList(node, what)) return set;
    for (const auto& item : node)
      if (auto c = r.country(item, what)) set.add(*c);
    return set;
  }

  void groups(YamlReader& r, const YAML::Node& node) {
    if (!r.isMap(node, "groups")) return;
    for (auto it = node.begin(); it != node.end(); ++it) {
      const auto name = r.string(it->first, "group name");
      if (!name || !groupNames_.claim(r, it->first, *name)) continue;
      MapReader m(r, it->second, fmt::format("group {}", *name),
                  {"title", "members", "effective", "changes", "citations", "notes"});
      if (!m.valid()) continue;
      CountryGroup g;
      g.name = *name;
      g.loc = r.at(it->first);
      if (auto n = m.get("title"); n) g.title = r.string(n, "group title").value_or("");
      if (auto n = m.require("members"); n) g.members = countries(r, n, "group member");
      if (auto n = m.get("effective"); n) g.effective = r.date(n, "group effective");
      if (auto n = m.get("notes"); n) g.notes = r.string(n, "group notes").value_or("");
      g.citations = citations(r, m.require("citations"), fmt::format("group {}", *name));
      if (auto n = m.get("changes"); n && r.isList(n, "changes")) {
        for (const auto& item : n) {
          MapReader c(r, item, "group change", {"date", "add", "remove", "note"});
          if (!c.valid()) continue;
          GroupChange change;
          if (auto d = c.require("date"); d) {
            const auto date = r.date(d, "change date");
            if (!date) continue;
            change.date = *date;
            if (!g.changes.empty() && change.date < g.changes.back().date)
              r.error(d, "group changes must be listed in date order");
            if (g.effective && change.date < *g.effective)
              r.error(d, "a group change cannot precede the group's effective date");
          }
          if (auto a = c.get("add"); a) change.add = countries(r, a, "added member");
          if (auto x = c.get("remove"); x) change.remove = countries(r, x, "removed member");
          if (auto t = c.get("note"); t) change.note = r.string(t, "change note").value_or("");
          if (change.add.empty() && change.remove.empty())
            r.error(item, "a group change must add or remove at least one country");
          g.changes.push_back(std::move(change));
        }
      }
      out_.groups.push_back(std::move(g));
    }
  }

  void chips(YamlReader& r, const YAML::Node& node) {
    if (!r.isList(node, "chips")) return;
    for (const auto& item : node) {
      auto chip = readChipSpec(r, item, ChipSpecForm::CatalogEntry);
      if (!chip || chip->id.empty()) continue;
      const Location loc = chip->loc;
      const std::string id = chip->id;
      const std::string taken = out_.catalog.add(std::move(*chip));
      if (!taken.empty())
        diags_.error(loc, fmt::format("chip '{}': id or alias '{}' is already used by another chip",
                                      id, taken));
    }
  }

  void partyList(YamlReader& r, const YAML::Node& node, const PackInfo& pack) {
    const int list = static_cast<int>(out_.partyLists.size());
    out_.partyLists.push_back(pack.name);
    out_.partyListPacks.push_back(&pack);
    if (!node || !r.isList(node, "parties")) return;
    for (const auto& item : node) {
      MapReader m(r, item, "party",
                  {"name", "aliases", "country", "listed", "removed", "citations", "notes",
                   "source", "licenseRequirement", "licensePolicy"});
      if (!m.valid()) continue;
      PartyEntry e;
      e.list = list;
      e.loc = r.at(item);
      if (auto n = m.require("name"); n) e.name = r.string(n, "party name").value_or("");
      if (auto n = m.get("aliases"); n) e.aliases = r.stringList(n, "party aliases");
      if (auto n = m.get("country"); n) e.country = r.country(n, "party country");
      // An imported list (with a listDate) may leave out what its source does not say.
      if (auto n = pack.listDate ? m.get("listed") : m.require("listed"); n)
        e.listed = r.date(n, "listed");
      if (auto n = m.get("removed"); n) e.removed = r.date(n, "removed");
      if (auto n = m.get("notes"); n) e.notes = r.string(n, "party notes").value_or("");
      if (auto n = m.get("source"); n) e.source = r.string(n, "party source").value_or("");
      if (auto n = m.get("licenseRequirement"); n)
        e.licenseRequirement = r.string(n, "party licenseRequirement").value_or("");
      if (auto n = m.get("licensePolicy"); n)
        e.licensePolicy = r.string(n, "party licensePolicy").value_or("");
      e.citations = citations(r, m.require("citations"), fmt::format("party '{}'", e.name));
      out_.parties.push_back(std::move(e));
    }
  }

  ConditionEnv env(Scope scope, bool classification) const {
    ConditionEnv e;
    e.scope = scope;
    e.classification = classification;
    e.findGroup = [this](std::string_view name) { return out_.findGroup(name); };
    e.partyLists = &out_.partyLists;
    e.catalog = &out_.catalog;
    return e;
  }

  void dates(YamlReader& r, MapReader& m, Date& effective, std::optional<Date>& until) {
    if (auto n = m.require("effective"); n)
      if (auto d = r.date(n, "effective")) effective = *d;
    if (auto n = m.get("until"); n && !n.IsNull()) {
      until = r.date(n, "until");
      if (until && *until < effective) r.error(n, "until is before effective");
    }
  }

  void classifications(YamlReader& r, const YAML::Node& node) {
    if (!r.isList(node, "classifications")) return;
    for (const auto& item : node) {
      MapReader m(r, item, "classification",
                  {"id", "sets", "effective", "until", "when", "citations", "notes"});
      if (!m.valid()) continue;
      Classification c;
      c.loc = r.at(item);
      if (auto n = m.require("id"); n) {
        c.id = r.string(n, "classification id").value_or("");
        classificationIds_.claim(r, n, c.id);
      }
      if (auto n = m.require("sets"); n) {
        MapReader s(r, n, "sets", {"eccn"});
        if (auto e = s.require("eccn"); e) c.eccn = r.string(e, "eccn").value_or("");
      }
      dates(r, m, c.effective, c.until);
      if (auto n = m.require("when"); n) c.when = compileCondition(r, n, env(Scope::Chip, true));
      c.citations = citations(r, m.require("citations"), fmt::format("classification '{}'", c.id));
      out_.classifications.push_back(std::move(c));
    }
  }

  void rulesOf(YamlReader& r, const YAML::Node& node, const PackInfo* pack) {
    if (!r.isList(node, "rules")) return;
    for (const auto& item : node) {
      MapReader m(r, item, "rule",
                  {"id", "title", "regime", "effective", "until", "when", "unless", "verdict",
                   "satisfiedBy", "message", "remediation", "citations", "tags"});
      if (!m.valid()) continue;
      Rule rule;
      rule.pack = pack;
      rule.loc = r.at(item);
      if (auto n = m.require("id"); n) {
        rule.id = r.string(n, "rule id").value_or("");
        const bool wellFormed =
            !rule.id.empty() && rule.id.find_first_not_of(
                                    "abcdefghijklmnopqrstuvwxyz0123456789.-_") == std::string::npos;
        if (!wellFormed)
          r.error(n, fmt::format("rule id '{}' must be lower-case letters, digits, '.', '-' or '_'",
                                 rule.id));
        else
          ruleIds_.claim(r, n, rule.id);
      }
      if (auto n = m.require("title"); n) rule.title = r.string(n, "rule title").value_or("");
      if (auto n = m.require("regime"); n)
        if (auto v = r.enumValue(n, kRegimeDomain)) rule.regime = static_cast<Regime>(*v);
      dates(r, m, rule.effective, rule.until);
      if (auto n = m.require("when"); n)
        rule.when = compileCondition(r, n, env(Scope::Workload, false));
      if (auto n = m.get("unless"); n)
        rule.unless = compileCondition(r, n, env(Scope::Workload, false));
      if (auto n = m.require("verdict"); n)
        if (auto v = r.enumValue(n, kRuleVerdictDomain))
          rule.verdict = *parseLevel(kRuleVerdictDomain.name(*v));
      if (auto n = m.get("satisfiedBy"); n) {
        rule.satisfiedBy = r.stringList(n, "satisfiedBy");
        if (rule.verdict == Level::Prohibited)
          r.error(n,
                  "a prohibited rule cannot be satisfied by an authorization (remove satisfiedBy "
                  "or use verdict authorization-required)");
      }
      if (auto n = m.require("message"); n)
        if (auto s = r.string(n, "message")) rule.message = compileTemplate(r, n, *s);
      if (auto n = m.get("remediation"); n)
        if (auto s = r.string(n, "remediation")) rule.remediation = compileTemplate(r, n, *s);
      rule.citations = citations(r, m.require("citations"), fmt::format("rule '{}'", rule.id));
      if (auto n = m.get("tags"); n) rule.tags = r.stringList(n, "tags");
      out_.rules.push_back(std::move(rule));
    }
  }

  CompiledRules& out_;
  Diagnostics diags_;
  std::vector<std::pair<const PackSource*, const PackInfo*>> pending_;
  IdRegistry packNames_{"pack name"}, groupNames_{"group"}, ruleIds_{"rule id"},
      classificationIds_{"classification id"};
};

std::string rulesDigest(const CompiledRules& rules) {
  std::vector<std::string> lines;
  for (const auto& p : rules.packs) lines.push_back(p->name + " " + p->sha256 + "\n");
  std::sort(lines.begin(), lines.end());
  std::string all;
  for (const auto& l : lines) all += l;
  return sha256Hex(all);
}

// Numbers the country sets that name groups (Operand::resolvedSet), over every condition of
// the rules and classifications, so that each date's view can resolve each set once.
void numberGroupSets(Condition& c, std::int32_t& next) {
  for (auto& op : c.ops)
    if (!op.operand.groups.empty()) op.operand.resolvedSet = next++;
  for (auto& child : c.children) numberGroupSets(child, next);
}

void numberGroupSets(CompiledRules& rules) {
  std::int32_t next = 0;
  for (auto& rule : rules.rules) {
    numberGroupSets(rule.when, next);
    if (rule.unless) numberGroupSets(*rule.unless, next);
  }
  for (auto& c : rules.classifications) numberGroupSets(c.when, next);
}

} // namespace

std::unique_ptr<CompiledRules> compileRules(const PackSet& packs) {
  auto out = std::make_unique<CompiledRules>();
  PackCompiler compiler(*out);
  for (const auto& src : packs.packs) compiler.declare(src);
  compiler.compileAll();
  throwIfErrors(compiler.diagnostics());
  if (out->rules.empty()) {
    const std::string_view file = packs.packs.empty() ? "rules" : packs.packs.front().file;
    throw LoadFailure({Diagnostic{Location{file, 0, 0},
                                  "no rules loaded (the rule packs given define no rules)"}});
  }
  for (std::size_t i = 0; i < out->parties.size(); ++i) {
    const auto& e = out->parties[i];
    out->partyIndex.add(static_cast<int>(i), 0, e.name);
    for (std::size_t a = 0; a < e.aliases.size(); ++a)
      out->partyIndex.add(static_cast<int>(i), static_cast<int>(a + 1), e.aliases[a]);
  }
  out->partyIndex.finish();
  numberGroupSets(*out);
  out->digest = rulesDigest(*out);
  return out;
}

} // namespace borderline
