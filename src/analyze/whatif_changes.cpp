#include "analyze/whatif_changes.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "compile/condition_walk.hpp"

namespace borderline {

std::string_view changeKindName(Change::Kind kind) {
  static constexpr std::string_view kNames[] = {
      "transfer-mechanism", "authorization", "keep-data-at-origin",
      "acquisition",        "chip",          "site-country"};
  return kNames[static_cast<int>(kind)];
}

std::string partName(const Workload& w, CountryId country) {
  return fmt::format("{} (data kept in {})", w.name, countryCode(country));
}

namespace {

// Changes in one slot exclude each other: one site, one acquisition, one chip per chip use,
// one split per origin country.
enum Slot : int {
  kSiteSlot = 0,
  kAcquisitionSlot = 1,
  kKeepSlots = 2,
  kChipSlots = 2 + kCountryCount
};

std::string country(CountryId c) {
  return fmt::format("{} ({})", countryCode(c), countryName(c));
}

std::string quotedNames(const Workload& w, const std::vector<int>& data) {
  std::vector<std::string> names;
  for (int i : data)
    names.push_back(
        fmt::format("\"{}\"", w.data[static_cast<std::size_t>(i)].name.value.value_or("?")));
  return fmt::format("data source{} {}", names.size() > 1 ? "s" : "", fmt::join(names, " and "));
}

// What the rules with open findings read, and the countries their conditions name.
struct Reads {
  std::set<std::string> paths;
  bool site = false, chips = false, acquisition = false;
  CountrySet countries;
};

void collect(const Condition& condition, const DateView& view, Reads& reads) {
  forEachNode(condition, [&](const Condition& c) {
    if (!c.path) return;
    const PathInfo& p = *c.path;
    const Scope scope = p.scope;
    reads.paths.insert(scope == Scope::Chip            ? "compute.chips." + std::string(p.path)
                       : scope == Scope::DataSource    ? "data." + std::string(p.path)
                       : scope == Scope::Authorization ? "authorizations." + std::string(p.path)
                                                       : std::string(p.path));
    const bool siteParty = (p.role == PartyRole::Owner || p.role == PartyRole::Operator) &&
                           p.field >= Field::PartySelf && p.field <= Field::PartyParentListed;
    reads.site = reads.site || p.field == Field::SiteCountry ||
                 p.field == Field::DataLeavesOrigin || p.field == Field::DataOutboundSubjects ||
                 siteParty;
    reads.chips = reads.chips || scope == Scope::Chip || p.field == Field::Chips ||
                  p.field == Field::TotalTpp;
    reads.acquisition = reads.acquisition || p.field == Field::Acquisition;
    if (p.type != ValueType::Country) return;
    for (const auto& op : c.ops) {
      reads.countries |= op.operand.countries;
      if (op.op == Op::Eq || op.op == Op::Ne)
        reads.countries.add(static_cast<CountryId>(op.operand.integer));
      for (std::uint16_t g : op.operand.groups) reads.countries |= view.group(g);
    }
  });
}

// The countries the workload itself names: data origins and the parties' headquarters.
CountrySet workloadCountries(const Workload& w) {
  CountrySet out;
  for (const auto& d : w.data)
    if (d.origin.has()) out.add(*d.origin.value);
  for (const auto& p : w.parties) {
    if (p.hq.has()) out.add(*p.hq.value);
    if (p.parentHq.has()) out.add(*p.parentHq.value);
  }
  return out;
}

void addUnique(std::vector<Change>& out, Change c) {
  const bool seen =
      std::any_of(out.begin(), out.end(), [&](const Change& o) { return o.sameAs(c); });
  if (!seen) out.push_back(std::move(c));
}

std::vector<int> original(const std::vector<int>& local, const std::vector<int>& dataIndex) {
  std::vector<int> out;
  for (int i : local) out.push_back(dataIndex[static_cast<std::size_t>(i)]);
  std::sort(out.begin(), out.end());
  return out;
}

// A local operator of a site in `c`: the "typical owner" a moved site gets.
Party localOperator(CountryId c) {
  Party p;
  p.present = true;
  p.name.value = fmt::format("Local data centre operator ({})", countryCode(c));
  p.hq.value = c;
  return p;
}

void moveSite(Workload& w, CountryId c) {
  w.siteCountry.value = c;
  w.party(PartyRole::Owner) = localOperator(c);
  w.party(PartyRole::Operator) = Party{};
}

} // namespace

Candidates candidateChanges(const Workload& w, const Result& current, const DateView& view,
                            const std::vector<int>& dataIndex) {
  Candidates out;
  Reads reads;
  std::vector<int> chipUses;
  std::vector<std::pair<CountryId, std::vector<int>>> byOrigin; // firing sources by origin
  for (const auto& f : current.findings) {
    if (f.status != FindingStatus::Open) continue;
    const Rule& rule = *f.rule;
    collect(rule.when, view, reads);
    if (rule.unless) collect(*rule.unless, view, reads);
    for (const auto& type : rule.satisfiedBy) {
      Change c;
      c.type = type;
      if (!f.firingData.empty()) {
        c.kind = Change::Kind::TransferMechanism;
        c.text = fmt::format("Obtain {} for {} (record it in the transfer list)", type,
                             quotedNames(w, f.firingData));
        c.data = original(f.firingData, dataIndex);
      } else {
        c.kind = Change::Kind::Authorization;
        c.text = fmt::format("Obtain an authorization of type {}", type);
      }
      addUnique(out.changes, std::move(c));
    }
    for (int i : f.firingData) {
      const DataSource& d = w.data[static_cast<std::size_t>(i)];
      if (!d.origin.has() || d.origin.value == w.siteCountry.value) continue;
      auto it = std::find_if(byOrigin.begin(), byOrigin.end(),
                             [&](const auto& e) { return e.first == *d.origin.value; });
      if (it == byOrigin.end()) byOrigin.push_back({*d.origin.value, {}}), it = byOrigin.end() - 1;
      if (std::find(it->second.begin(), it->second.end(), i) == it->second.end())
        it->second.push_back(i);
    }
    for (int i : f.firingChips)
      if (std::find(chipUses.begin(), chipUses.end(), i) == chipUses.end()) chipUses.push_back(i);
  }
  out.fieldsRead.assign(reads.paths.begin(), reads.paths.end());

  for (auto& [origin, data] : byOrigin) {
    std::sort(data.begin(), data.end());
    Change c;
    c.kind = Change::Kind::KeepDataAtOrigin;
    c.slot = kKeepSlots + origin;
    c.country = origin;
    c.text =
        fmt::format("Keep {} in {}: process {} in a separate workload at a site in {} owned by "
                    "a local operator (split the workload)",
                    quotedNames(w, data), country(origin), data.size() > 1 ? "them" : "it",
                    countryCode(origin));
    c.data = original(data, dataIndex);
    out.changes.push_back(std::move(c));
  }
  if (reads.acquisition && w.acquisition.has())
    for (std::uint8_t a = 0; a < kAcquisitionDomain.names.size(); ++a) {
      if (a == static_cast<std::uint8_t>(*w.acquisition.value)) continue;
      Change c;
      c.kind = Change::Kind::Acquisition;
      c.slot = kAcquisitionSlot;
      c.acquisition = static_cast<Acquisition>(a);
      c.rank = a;
      c.text = fmt::format("Change compute.acquisition from {} to {}",
                           kAcquisitionDomain.name(static_cast<std::uint8_t>(*w.acquisition.value)),
                           kAcquisitionDomain.name(a));
      out.changes.push_back(std::move(c));
    }
  if (reads.chips) {
    if (chipUses.empty()) // e.g. compute.totalTpp: every chip counts
      for (std::size_t i = 0; i < w.chips.size(); ++i) chipUses.push_back(static_cast<int>(i));
    std::sort(chipUses.begin(), chipUses.end());
    const auto& catalog = view.rules().catalog.chips();
    for (int use : chipUses) {
      const ChipUse& chip = w.chips[static_cast<std::size_t>(use)];
      for (std::size_t k = 0; k < catalog.size(); ++k) {
        if (static_cast<int>(k) == chip.catalogIndex) continue;
        Change c;
        c.kind = Change::Kind::Chip;
        c.slot = kChipSlots + use;
        c.chipUse = use;
        c.catalogIndex = static_cast<int>(k);
        c.rank = -catalog[k].tpp;
        c.text =
            fmt::format("Use {} ({}) instead of {}", catalog[k].id, catalog[k].name, chip.model);
        out.changes.push_back(std::move(c));
      }
    }
  }
  if (reads.site && w.siteCountry.has()) {
    CountrySet sites = reads.countries;
    sites |= workloadCountries(w);
    const CountryId here = *w.siteCountry.value;
    const Party& owner = w.party(PartyRole::Owner);
    const bool localOwner = owner.hq.value == here &&
                            (!owner.parentHq.has() || owner.parentHq.value == here) &&
                            !w.party(PartyRole::Operator).present;
    sites.forEach([&](CountryId s) {
      if (s == here && localOwner) return;
      Change c;
      c.kind = Change::Kind::SiteCountry;
      c.slot = kSiteSlot;
      c.country = s;
      c.rank = s;
      c.text =
          s == here
              ? fmt::format("Use a site in {} owned and operated by a local operator", country(s))
              : fmt::format("Move the site to {}, owned by a local operator", country(s));
      out.changes.push_back(std::move(c));
    });
  }
  return out;
}

Variant applyChanges(const Workload& w, std::span<const Change* const> changes,
                     const ChipCatalog& catalog) {
  Variant v{w, {}, {}, {}};
  Workload& m = v.main;
  for (const Change* c : changes) {
    switch (c->kind) {
    case Change::Kind::TransferMechanism:
      for (int i : c->data) m.data[static_cast<std::size_t>(i)].transfer.values.push_back(c->type);
      break;
    case Change::Kind::Authorization: {
      Authorization a;
      a.type.value = c->type;
      a.reference.value = "(to obtain)";
      m.authorizations.push_back(std::move(a));
      break;
    }
    case Change::Kind::Acquisition:
      m.acquisition.value = c->acquisition;
      break;
    case Change::Kind::Chip: {
      ChipUse& chip = m.chips[static_cast<std::size_t>(c->chipUse)];
      chip.catalogIndex = c->catalogIndex;
      chip.spec = &catalog.at(c->catalogIndex);
      chip.model = chip.spec->id;
      chip.inlineSpec.reset();
      break;
    }
    case Change::Kind::SiteCountry:
      moveSite(m, c->country);
      break;
    case Change::Kind::KeepDataAtOrigin:
      break; // below, once the other changes are made
    }
  }
  // Splits last, so that the parts share the other changes (chips, authorizations...).
  std::vector<bool> moved(m.data.size(), false);
  for (const Change* c : changes) {
    if (c->kind != Change::Kind::KeepDataAtOrigin) continue;
    Workload part = m;
    part.name = partName(w, c->country);
    part.data.clear();
    std::vector<int> kept;
    for (int i : c->data) {
      if (moved[static_cast<std::size_t>(i)]) continue;
      part.data.push_back(m.data[static_cast<std::size_t>(i)]);
      kept.push_back(i);
      moved[static_cast<std::size_t>(i)] = true;
    }
    moveSite(part, c->country);
    v.parts.push_back(std::move(part));
    v.partData.push_back(std::move(kept));
  }
  std::vector<DataSource> kept;
  for (std::size_t i = 0; i < m.data.size(); ++i)
    if (!moved[i]) {
      kept.push_back(std::move(m.data[i]));
      v.mainData.push_back(static_cast<int>(i));
    }
  m.data = std::move(kept);
  return v;
}

} // namespace borderline
