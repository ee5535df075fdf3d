#include "load/manifest.hpp"

#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "load/chip_spec.hpp"
#include "load/manifest_format.hpp"
#include "load/scalar_text.hpp"
#include "util/text.hpp"

namespace borderline {

namespace {

constexpr std::string_view kApiVersion = kManifestApiVersion;
using K = ValueKind;

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
  // An enumeration and a list of them, with the domain the format table gives the key.
  template <class E> void enumeration(Located<E>& out, MapReader& m, std::string_view key) {
    const EnumDomain& d = *m.fieldSpec(key, K::Enum).domain;
    const YAML::Node node = m.field(key, K::Enum);
    if (!node) return;
    out.loc = r_.at(node);
    if (auto v = r_.enumValue(node, d)) out.value = static_cast<E>(*v);
  }
  template <class E> void enumList(LocatedList<E>& out, MapReader& m, std::string_view key) {
    const EnumDomain& d = *m.fieldSpec(key, K::EnumList).domain;
    const YAML::Node node = m.field(key, K::EnumList);
    if (!node) return;
    out.loc = r_.at(node);
    if (!r_.isList(node, d.what)) return;
    for (const auto& item : node)
      if (auto v = r_.enumValue(item, d)) out.values.push_back(static_cast<E>(*v));
  }
  // A whole number in the range the format table gives the key.
  void integer(Located<std::int64_t>& out, const YAML::Node& node, const FieldSpec& spec,
               std::string_view what) {
    out.loc = r_.at(node);
    out.value = r_.integer(node, what, static_cast<std::int64_t>(spec.minimum),
                           static_cast<std::int64_t>(spec.maximum));
  }
  void strList(LocatedList<std::string>& out, const YAML::Node& node, std::string_view what) {
    if (!node) return;
    out.loc = r_.at(node);
    out.values = r_.stringList(node, what);
  }

  // A name the party lists are searched for (scalar_text: screenablePartyName).
  void partyName(Located<std::string>& out, const YAML::Node& node, const std::string& what) {
    str(out, node, what);
    std::string message;
    if (out.has() && !screenablePartyName(*out.value, what, message))
      r_.error(node, std::move(message));
  }

  void party(Party& out, const YAML::Node& node, std::string_view what) {
    if (!node) return;
    MapReader m(r_, node, what, kPartySpec);
    if (!m.valid()) return;
    out.present = true;
    out.loc = r_.at(node);
    partyName(out.name, m.field("name", K::Text), fmt::format("{}.name", what));
    country(out.hq, m.field("hq", K::Country), fmt::format("{}.hq", what));
    partyName(out.parentName, m.field("parentName", K::Text), fmt::format("{}.parentName", what));
    country(out.parentHq, m.field("parentHq", K::Country), fmt::format("{}.parentHq", what));
    strList(out.designations, m.field("designations", K::TextList),
            fmt::format("{}.designations", what));
  }

  void chip(Workload& w, const YAML::Node& node) {
    MapReader m(r_, node, "compute.chips entry", kChipUseSpec);
    if (!m.valid()) return;
    ChipUse use;
    use.loc = r_.at(node);
    if (auto model = m.field("model", K::ChipModel); model) {
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
          r_.error(model, unknownChipMessage(catalog_, *name));
        }
      }
    }
    if (auto count = m.field("count", K::Integer); count)
      integer(use.count, count, m.fieldSpec("count", K::Integer), "chip count");
    if (use.spec && use.count.has()) w.chips.push_back(std::move(use));
  }

  void dataSource(Workload& w, const YAML::Node& node) {
    MapReader m(r_, node, "data source", kDataSourceSpec);
    if (!m.valid()) return;
    DataSource d;
    d.loc = r_.at(node);
    str(d.name, m.field("name", K::Text), "data source name");
    country(d.origin, m.field("origin", K::Country), "data origin");
    enumList(d.categories, m, "categories");
    if (auto n = m.field("subjects", K::Integer); n)
      integer(d.subjects, n, m.fieldSpec("subjects", K::Integer), "subjects");
    strList(d.transfer, m.field("transfer", K::TextList), "transfer mechanism");
    w.data.push_back(std::move(d));
  }

  void authorization(Workload& w, const YAML::Node& node) {
    MapReader m(r_, node, "authorization", kAuthorizationSpec);
    if (!m.valid()) return;
    Authorization a;
    a.loc = r_.at(node);
    str(a.type, m.field("type", K::Text), "authorization type");
    str(a.reference, m.field("reference", K::Text), "authorization reference");
    strList(a.covers, m.field("covers", K::TextList), "authorization covers");
    date(a.expires, m.field("expires", K::Date), "authorization expires");
    w.authorizations.push_back(std::move(a));
  }

  void waiver(Workload& w, const YAML::Node& node) {
    MapReader m(r_, node, "waiver", kWaiverSpec);
    if (!m.valid()) return;
    Waiver v;
    v.loc = r_.at(node);
    str(v.rule, m.field("rule", K::Text), "waiver rule");
    str(v.reason, m.field("reason", K::Text), "waiver reason");
    str(v.approvedBy, m.field("approvedBy", K::Text), "waiver approvedBy");
    // A waiver without `expires` is kept (and reported as not waiving anything), not rejected:
    // manifest.md says such a waiver "does not waive and is itself reported".
    date(v.expires, m.field("expires", K::Date), "waiver expires");
    w.waivers.push_back(std::move(v));
  }

  template <class F> void list(const YAML::Node& node, std::string_view what, F&& each) {
    if (!node || !r_.isList(node, what)) return;
    for (const auto& item : node) each(item);
  }

  void spec(Workload& w, const YAML::Node& node) {
    MapReader m(r_, node, "spec", kSpecSpec);
    if (!m.valid()) return;
    enumeration(w.purpose, m, "purpose");
    if (auto n = m.field("period", K::Object); n) {
      MapReader p(r_, n, "period", kPeriodSpec);
      date(w.periodStart, p.field("start", K::Date), "period.start");
      date(w.periodEnd, p.field("end", K::Date), "period.end");
      if (w.periodStart.has() && w.periodEnd.has() && *w.periodEnd.value < *w.periodStart.value)
        r_.error(p.get("end"), "period.end is before period.start");
    }
    if (auto n = m.field("model", K::Object); n) {
      MapReader mm(r_, n, "model", kModelSpec);
      str(w.modelName, mm.field("name", K::Text), "model.name");
      party(w.party(PartyRole::Developer), mm.field("developer", K::Object), "model.developer");
      if (auto tc = mm.field("trainingCompute", K::Number); tc) {
        set(w.trainingCompute, tc, r_.number(tc, "model.trainingCompute"));
        if (w.trainingCompute.has() &&
            *w.trainingCompute.value < mm.fieldSpec("trainingCompute", K::Number).minimum)
          r_.error(tc, "model.trainingCompute must not be negative");
      }
      enumeration(w.weights, mm, "weights");
    }
    if (auto n = m.field("compute", K::Object); n) {
      MapReader c(r_, n, "compute", kComputeSpec);
      if (auto chips = c.field("chips", K::ObjectList); chips) {
        w.chipsLoc = r_.at(chips);
        list(chips, "compute.chips", [&](const YAML::Node& item) { chip(w, item); });
        if (chips.IsSequence() && chips.size() < c.fieldSpec("chips", K::ObjectList).minItems)
          r_.error(chips, "compute.chips must list at least one accelerator");
      }
      enumeration(w.acquisition, c, "acquisition");
    }
    if (auto n = m.field("site", K::Object); n) {
      MapReader s(r_, n, "site", kSiteSpec);
      str(w.siteName, s.field("name", K::Text), "site.name");
      country(w.siteCountry, s.field("country", K::Country), "site.country");
      party(w.party(PartyRole::Owner), s.field("owner", K::Object), "site.owner");
      party(w.party(PartyRole::Operator), s.field("operator", K::Object), "site.operator");
    }
    party(w.party(PartyRole::Tenant), m.field("tenant", K::Object), "tenant");
    if (m.field("endUse", K::EnumList)) {
      enumList(w.endUse, m, "endUse");
    } else {
      w.endUse.values = {EndUse::Civil}; // manifest.md: default [civil]
      w.endUse.loc = w.loc;
    }
    list(m.field("data", K::ObjectList), "data",
         [&](const YAML::Node& item) { dataSource(w, item); });
    list(m.field("authorizations", K::ObjectList), "authorizations",
         [&](const YAML::Node& item) { authorization(w, item); });
    list(m.field("waivers", K::ObjectList), "waivers",
         [&](const YAML::Node& item) { waiver(w, item); });
  }

  void metadata(Workload& w, const YAML::Node& node) { metadataFields(w, node, kMetadataSpec); }

  // metadata of a workload, or of a WorkloadList (whose name is optional and unused).
  void metadataFields(Workload& w, const YAML::Node& node, const ObjectSpec& spec) {
    MapReader m(r_, node, "metadata", spec);
    if (!m.valid()) return;
    if (auto n = m.field("name", K::Name); n) {
      w.loc = r_.at(n);
      if (auto name = r_.string(n, "metadata.name")) {
        std::string message;
        if (validWorkloadName(*name, message))
          w.name = *name;
        else
          r_.error(n, std::move(message));
      }
    }
    if (auto labels = m.field("labels", K::Labels); labels && r_.isMap(labels, "metadata.labels")) {
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
  MapReader map(reader, node, "workload", allowEnvelope ? kWorkloadItemSpec : kBareWorkloadSpec);
  if (!map.valid()) return std::nullopt;
  if (allowEnvelope) checkEnvelope(reader, map, "Workload");
  Workload w;
  w.loc = reader.at(node);
  WorkloadReader fields(reader, catalog);
  if (auto m = map.field("metadata", K::Object); m) fields.metadata(w, m);
  if (auto s = map.field("spec", K::Object); s) fields.spec(w, s);
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
      MapReader list(reader, doc, "WorkloadList", kWorkloadListDocumentSpec);
      if (!list.valid()) continue;
      list.field("apiVersion", K::Constant);
      checkEnvelope(reader, list, "WorkloadList");
      if (auto metadata = list.field("metadata", K::Object); metadata) {
        Workload unused; // the list's own name and labels are checked, not reported
        WorkloadReader(reader, catalog).metadataFields(unused, metadata, kListMetadataSpec);
      }
      const auto items = list.field("items", K::ObjectList);
      if (items && reader.isList(items, "items")) {
        if (items.size() < list.fieldSpec("items", K::ObjectList).minItems)
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

std::string unknownChipMessage(const ChipCatalog& catalog, std::string_view name) {
  std::vector<std::string> quoted;
  for (const auto id : catalog.suggest(name)) quoted.push_back(fmt::format("'{}'", id));
  const std::vector<std::string_view> guesses(quoted.begin(), quoted.end());
  return fmt::format("unknown chip '{}': not an id or alias in the chip catalog{} "
                     "(see `borderline chips list`, or give an inline spec)",
                     name, guesses.empty() ? "" : "; did you mean " + joinedOr(guesses) + "?");
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
