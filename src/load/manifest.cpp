#include "load/manifest.hpp"

#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "load/chip_spec.hpp"

namespace borderline {

namespace {

constexpr std::string_view kApiVersion = "borderline/v1";

// Reads the fields of the manifest format into the typed model. One instance per document.
class WorkloadReader {
public:
  WorkloadReader(YamlReader& reader, const ChipCatalog& catalog) : r_(reader), catalog_(catalog) {}

  template <class T> void set(Located<T>& out, const YAML::Node& node, std::optional<T> value) {
    out.loc = r_.at(node);
    out.value = std::move(value);
  }
  void str(Located<std::string>& out, const YAML::Node& node, std::string_view what) {
    if (node) set(out, node, r_.string(node, what));
  }
  void country(Located<CountryId>& out, const YAML::Node& node, std::string_view what) {
    if (node) set(out, node, r_.country(node, what));
  }
  void date(Located<Date>& out, const YAML::Node& node, std::string_view what) {
    if (node) set(out, node, r_.date(node, what));
  }
  template <class E>
  void enumeration(Located<E>& out, const YAML::Node& node, const EnumDomain& d) {
    if (!node) return;
    out.loc = r_.at(node);
    if (auto v = r_.enumValue(node, d)) out.value = static_cast<E>(*v);
  }
  template <class E>
  void enumList(LocatedList<E>& out, const YAML::Node& node, const EnumDomain& d) {
    if (!node) return;
    out.loc = r_.at(node);
    if (!r_.isList(node, d.what)) return;
    for (const auto& item : node)
      if (auto v = r_.enumValue(item, d)) out.values.push_back(static_cast<E>(*v));
  }
  void strList(LocatedList<std::string>& out, const YAML::Node& node, std::string_view what) {
    if (!node) return;
    out.loc = r_.at(node);
    out.values = r_.stringList(node, what);
  }

  void party(Party& out, const YAML::Node& node, std::string_view what) {
    if (!node) return;
    MapReader m(r_, node, what, {"name", "hq", "parentName", "parentHq", "designations"});
    if (!m.valid()) return;
    out.present = true;
    out.loc = r_.at(node);
    str(out.name, m.require("name"), fmt::format("{}.name", what));
    country(out.hq, m.require("hq"), fmt::format("{}.hq", what));
    str(out.parentName, m.get("parentName"), fmt::format("{}.parentName", what));
    country(out.parentHq, m.get("parentHq"), fmt::format("{}.parentHq", what));
    strList(out.designations, m.get("designations"), fmt::format("{}.designations", what));
  }

  void chip(Workload& w, const YAML::Node& node) {
    MapReader m(r_, node, "compute.chips entry", {"model", "count"});
    if (!m.valid()) return;
    ChipUse use;
    use.loc = r_.at(node);
    if (auto model = m.require("model"); model) {
      if (model.IsMap()) {
        if (auto spec = readChipSpec(r_, model, ChipSpecForm::Inline)) {
          use.model = spec->name;
          use.inlineSpec = std::make_shared<const ChipSpec>(std::move(*spec));
          use.spec = use.inlineSpec.get();
        }
      } else if (auto name = r_.string(model, "chip model")) {
        use.model = *name;
        use.catalogIndex = catalog_.find(*name);
        if (use.catalogIndex >= 0) {
          use.spec = &catalog_.at(use.catalogIndex);
        } else {
          const auto guess = catalog_.suggest(*name);
          r_.error(model,
                   fmt::format("unknown chip '{}': not an id or alias in the chip catalog{} "
                               "(see `borderline chips list`, or give an inline spec)",
                               *name,
                               guess.empty() ? "" : fmt::format("; did you mean '{}'?", guess)));
        }
      }
    }
    if (auto count = m.require("count"); count) {
      use.count.loc = r_.at(count);
      use.count.value = r_.integer(count, "chip count", 1, 100'000'000);
    }
    if (use.spec && use.count.has()) w.chips.push_back(std::move(use));
  }

  void dataSource(Workload& w, const YAML::Node& node) {
    MapReader m(r_, node, "data source", {"name", "origin", "categories", "subjects", "transfer"});
    if (!m.valid()) return;
    DataSource d;
    d.loc = r_.at(node);
    str(d.name, m.require("name"), "data source name");
    country(d.origin, m.require("origin"), "data origin");
    enumList(d.categories, m.require("categories"), kDataCategoryDomain);
    if (auto n = m.get("subjects"); n) {
      d.subjects.loc = r_.at(n);
      d.subjects.value = r_.integer(n, "subjects", 0, 100'000'000'000);
    }
    strList(d.transfer, m.get("transfer"), "transfer mechanism");
    w.data.push_back(std::move(d));
  }

  void authorization(Workload& w, const YAML::Node& node) {
    MapReader m(r_, node, "authorization", {"type", "reference", "covers", "expires"});
    if (!m.valid()) return;
    Authorization a;
    a.loc = r_.at(node);
    str(a.type, m.require("type"), "authorization type");
    str(a.reference, m.get("reference"), "authorization reference");
    strList(a.covers, m.get("covers"), "authorization covers");
    date(a.expires, m.get("expires"), "authorization expires");
    w.authorizations.push_back(std::move(a));
  }

  void waiver(Workload& w, const YAML::Node& node) {
    MapReader m(r_, node, "waiver", {"rule", "reason", "approvedBy", "expires"});
    if (!m.valid()) return;
    Waiver v;
    v.loc = r_.at(node);
    str(v.rule, m.require("rule"), "waiver rule");
    str(v.reason, m.require("reason"), "waiver reason");
    str(v.approvedBy, m.get("approvedBy"), "waiver approvedBy");
    // A waiver without `expires` is kept (and reported as not waiving anything), not rejected:
    // manifest.md says such a waiver "does not waive and is itself reported".
    date(v.expires, m.get("expires"), "waiver expires");
    w.waivers.push_back(std::move(v));
  }

  template <class F> void list(const YAML::Node& node, std::string_view what, F&& each) {
    if (!node || !r_.isList(node, what)) return;
    for (const auto& item : node) each(item);
  }

  void spec(Workload& w, const YAML::Node& node) {
    MapReader m(r_, node, "spec",
                {"purpose", "period", "model", "compute", "site", "tenant", "endUse", "data",
                 "authorizations", "waivers"});
    if (!m.valid()) return;
    enumeration(w.purpose, m.require("purpose"), kPurposeDomain);
    if (auto n = m.get("period"); n) {
      MapReader p(r_, n, "period", {"start", "end"});
      date(w.periodStart, p.get("start"), "period.start");
      date(w.periodEnd, p.get("end"), "period.end");
      if (w.periodStart.has() && w.periodEnd.has() && *w.periodEnd.value < *w.periodStart.value)
        r_.error(p.get("end"), "period.end is before period.start");
    }
    if (auto n = m.get("model"); n) {
      MapReader mm(r_, n, "model", {"name", "developer", "trainingCompute", "weights"});
      str(w.modelName, mm.get("name"), "model.name");
      party(w.party(PartyRole::Developer), mm.get("developer"), "model.developer");
      if (auto tc = mm.get("trainingCompute"); tc) {
        set(w.trainingCompute, tc, r_.number(tc, "model.trainingCompute"));
        if (w.trainingCompute.has() && *w.trainingCompute.value < 0)
          r_.error(tc, "model.trainingCompute must not be negative");
      }
      enumeration(w.weights, mm.get("weights"), kWeightsDomain);
    }
    if (auto n = m.require("compute"); n) {
      MapReader c(r_, n, "compute", {"chips", "acquisition"});
      if (auto chips = c.require("chips"); chips) {
        w.chipsLoc = r_.at(chips);
        list(chips, "compute.chips", [&](const YAML::Node& item) { chip(w, item); });
        if (chips.IsSequence() && chips.size() == 0)
          r_.error(chips, "compute.chips must list at least one accelerator");
      }
      enumeration(w.acquisition, c.require("acquisition"), kAcquisitionDomain);
    }
    if (auto n = m.require("site"); n) {
      MapReader s(r_, n, "site", {"name", "country", "owner", "operator"});
      str(w.siteName, s.get("name"), "site.name");
      country(w.siteCountry, s.require("country"), "site.country");
      party(w.party(PartyRole::Owner), s.require("owner"), "site.owner");
      party(w.party(PartyRole::Operator), s.get("operator"), "site.operator");
    }
    party(w.party(PartyRole::Tenant), m.require("tenant"), "tenant");
    if (auto n = m.get("endUse"); n) {
      enumList(w.endUse, n, kEndUseDomain);
    } else {
      w.endUse.values = {EndUse::Civil}; // manifest.md: default [civil]
      w.endUse.loc = w.loc;
    }
    list(m.get("data"), "data", [&](const YAML::Node& item) { dataSource(w, item); });
    list(m.get("authorizations"), "authorizations",
         [&](const YAML::Node& item) { authorization(w, item); });
    list(m.get("waivers"), "waivers", [&](const YAML::Node& item) { waiver(w, item); });
  }

  void metadata(Workload& w, const YAML::Node& node) {
    MapReader m(r_, node, "metadata", {"name", "labels"});
    if (!m.valid()) return;
    if (auto n = m.require("name"); n) {
      w.loc = r_.at(n);
      if (auto name = r_.string(n, "metadata.name")) {
        const bool ok =
            !name->empty() && name->size() <= 253 &&
            name->find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                    "0123456789._-") == std::string::npos;
        if (ok)
          w.name = *name;
        else
          r_.error(n,
                   fmt::format("metadata.name '{}' must be 1-253 characters of A-Z a-z 0-9 . _ -",
                               *name));
      }
    }
    if (auto labels = m.get("labels"); labels && r_.isMap(labels, "metadata.labels")) {
      for (auto it = labels.begin(); it != labels.end(); ++it) {
        auto key = r_.string(it->first, "label name");
        auto value = r_.string(it->second, "label value");
        if (!key || !value) continue;
        const bool repeated = std::any_of(w.labels.begin(), w.labels.end(),
                                          [&](const auto& l) { return l.first == *key; });
        if (repeated)
          r_.error(it->first, fmt::format("duplicate key '{}' in metadata.labels", *key));
        else
          w.labels.emplace_back(std::move(*key), std::move(*value));
      }
    }
  }

private:
  YamlReader& r_;
  const ChipCatalog& catalog_;
};

void checkEnvelope(YamlReader& reader, const MapReader& map, std::string_view expectedKind) {
  if (auto v = map.get("apiVersion"); v) {
    if (auto s = reader.string(v, "apiVersion"); s && *s != kApiVersion)
      reader.error(v, fmt::format("unsupported apiVersion '{}' (expected {})", *s, kApiVersion));
  }
  if (auto k = map.get("kind"); k) {
    if (auto s = reader.string(k, "kind"); s && *s != expectedKind)
      reader.error(k, fmt::format("kind '{}' is not allowed here (expected {})", *s, expectedKind));
  }
}

} // namespace

std::optional<Workload> readWorkload(YamlReader& reader, const YAML::Node& node,
                                     const ChipCatalog& catalog, bool allowEnvelope) {
  const std::size_t before = reader.diagnostics().errors().size();
  MapReader map = allowEnvelope ? MapReader(reader, node, "workload",
                                            {"apiVersion", "kind", "metadata", "spec"})
                                : MapReader(reader, node, "workload", {"metadata", "spec"});
  if (!map.valid()) return std::nullopt;
  if (allowEnvelope) checkEnvelope(reader, map, "Workload");
  Workload w;
  w.loc = reader.at(node);
  WorkloadReader fields(reader, catalog);
  if (auto m = map.require("metadata"); m) fields.metadata(w, m);
  if (auto s = map.require("spec"); s) fields.spec(w, s);
  if (reader.diagnostics().errors().size() != before) return std::nullopt;
  return w;
}

std::vector<Workload> loadManifest(const SourceText& source, const ChipCatalog& catalog) {
  Diagnostics diags;
  YamlReader reader(source.name, diags);
  std::vector<Workload> out;
  const auto documents = parseYamlDocuments(source.name, source.text);
  auto add = [&](std::optional<Workload> w) {
    if (!w) return;
    if (out.size() >= kMaxWorkloadsPerFile)
      throw LoadFailure({Diagnostic{w->loc, fmt::format("more than {} workloads in one file (use "
                                                        "`borderline audit` for inventories)",
                                                        kMaxWorkloadsPerFile)}});
    out.push_back(std::move(*w));
  };
  for (const auto& doc : documents) {
    if (doc.IsNull()) continue; // an empty document, e.g. after a trailing `---`
    if (!reader.isMap(doc, "document")) continue;
    // Dispatch on `kind` first; each reader then checks the keys its kind allows.
    const YAML::Node kind = doc["kind"];
    const auto kindText = kind ? reader.string(kind, "kind") : std::nullopt;
    if (!kind) {
      reader.error(doc,
                   "missing required key 'kind' in document (expected Workload or WorkloadList)");
    } else if (kindText == "Workload") {
      if (!doc["apiVersion"]) reader.error(doc, "missing required key 'apiVersion' in document");
      add(readWorkload(reader, doc, catalog, /*allowEnvelope=*/true));
    } else if (kindText == "WorkloadList") {
      MapReader list(reader, doc, "WorkloadList", {"apiVersion", "kind", "metadata", "items"});
      if (!list.valid()) continue;
      list.require("apiVersion");
      checkEnvelope(reader, list, "WorkloadList");
      const auto items = list.require("items");
      if (items && reader.isList(items, "items")) {
        if (items.size() == 0)
          reader.error(items, "items is empty: a WorkloadList needs workloads");
        for (const auto& item : items) add(readWorkload(reader, item, catalog, true));
      }
    } else if (kindText) {
      reader.error(kind,
                   fmt::format("unknown kind '{}' (expected Workload or WorkloadList)", *kindText));
    }
  }
  if (out.empty() && diags.ok())
    diags.error({source.name, 0, 0}, "no workloads found (expected a document with apiVersion: "
                                     "borderline/v1 and kind: Workload or WorkloadList)");
  checkUniqueNames(out, diags);
  throwIfErrors(diags);
  return out;
}

void checkUniqueNames(const std::vector<Workload>& workloads, Diagnostics& diags) {
  std::unordered_map<std::string_view, const Workload*> seen;
  for (const auto& w : workloads) {
    auto [it, inserted] = seen.emplace(w.name, &w);
    if (!inserted)
      diags.error(w.loc, fmt::format("duplicate workload name '{}' (first defined at {})", w.name,
                                     it->second->loc.str()));
  }
}

} // namespace borderline
