// Reading values from the typed model by field id: the evaluator's half of the path table.
#include "evaluate/condition_eval.hpp"

#include <algorithm>

#include "evaluate/list_values.hpp"

namespace borderline {

namespace {

template <class T> Value num(const Located<T>& v) {
  return v.has() ? Value{true, static_cast<double>(*v.value), 0, {}} : Value{};
}
template <class T> Value integer(const Located<T>& v) {
  return v.has() ? Value{true, 0, static_cast<std::int64_t>(*v.value), {}} : Value{};
}
Value text(const Located<std::string>& v) {
  return v.has() ? Value{true, 0, 0, *v.value} : Value{};
}
Value date(const Located<Date>& v) {
  return v.has() ? Value{true, 0, v.value->days(), {}} : Value{};
}
template <class T> Value opt(const std::optional<T>& v) {
  return v ? Value{true, static_cast<double>(*v), 0, {}} : Value{};
}

const Party& party(const PathInfo& p, const EvalContext& c) {
  return c.workload->party(p.role);
}

const Located<CountryId>& parentHq(const Party& p) {
  return p.parentHq.has() ? p.parentHq : p.hq;
}

// Volume thresholds in data-transfer law count individuals across transfers, so the sources of
// one origin that leave it are added up (docs/rules.md). A source without `subjects` adds
// nothing: rules about an unknown count read data.subjects.
Value outboundSubjects(const Workload& w, const DataSource& source) {
  if (!w.siteCountry.has() || !source.origin.has()) return {};
  const CountryId origin = *source.origin.value;
  double sum = 0;
  if (origin != *w.siteCountry.value) // else nothing of this origin leaves it
    for (const auto& d : w.data)
      if (d.origin.has() && *d.origin.value == origin && d.subjects.has())
        sum += static_cast<double>(*d.subjects.value);
  return {true, sum, 0, {}};
}

// Per-category bulk thresholds (28 CFR 202.205) count people across transactions, so the
// sources of one origin that share a category with this one are added up (this one included).
// Sharing any category, not a given one, so the sum can only overcount: rules compare it for a
// review (docs/rules.md).
Value sharedCategorySubjects(const Workload& w, const DataSource& source) {
  if (!source.origin.has()) return {};
  const CountryId origin = *source.origin.value;
  const auto& mine = source.categories.values;
  double sum = 0;
  for (const auto& d : w.data) {
    if (!d.origin.has() || *d.origin.value != origin || !d.subjects.has()) continue;
    const auto& theirs = d.categories.values;
    if (std::any_of(theirs.begin(), theirs.end(), [&](DataCategory c) {
          return std::find(mine.begin(), mine.end(), c) != mine.end();
        }))
      sum += static_cast<double>(*d.subjects.value);
  }
  return {true, sum, 0, {}};
}

} // namespace

Value readScalar(const PathInfo& p, const EvalContext& c) {
  // Null inside a classification, which reads only chip facts.
  const Workload* w = c.workload;
  switch (p.field) {
  case Field::Purpose:
    return integer(w->purpose);
  case Field::PeriodStart:
    return date(w->periodStart);
  case Field::PeriodEnd:
    return date(w->periodEnd);
  case Field::ModelName:
    return text(w->modelName);
  case Field::TrainingCompute:
    return num(w->trainingCompute);
  case Field::Weights:
    return integer(w->weights);
  case Field::Acquisition:
    return integer(w->acquisition);
  case Field::TotalTpp: {
    double total = 0;
    for (const auto& chip : w->chips)
      total += chip.spec->tpp * static_cast<double>(*chip.count.value);
    return {true, total, 0, {}};
  }
  case Field::SiteName:
    return text(w->siteName);
  case Field::SiteCountry:
    return integer(w->siteCountry);
  case Field::PartySelf:
    return {party(p, c).present, 0, 0, {}};
  case Field::PartyName:
    return text(party(p, c).name);
  case Field::PartyHq:
    return integer(party(p, c).hq);
  case Field::PartyParentName:
    return text(party(p, c).parentName);
  case Field::PartyParentHq:
    return integer(parentHq(party(p, c)));
  case Field::ChipModel:
    return c.chip ? Value{true, 0, 0, c.chip->model} : Value{};
  case Field::ChipId:
    return c.spec->id.empty() ? Value{} : Value{true, 0, 0, c.spec->id};
  case Field::ChipName:
    return {true, 0, 0, c.spec->name};
  case Field::ChipVendor:
    return c.spec->vendor.empty() ? Value{} : Value{true, 0, 0, c.spec->vendor};
  case Field::ChipOrigin:
    return c.spec->origin ? Value{true, 0, *c.spec->origin, {}} : Value{};
  case Field::ChipDatacenter:
    return c.spec->datacenter ? Value{true, 0, *c.spec->datacenter, {}} : Value{};
  case Field::ChipTpp:
    return {true, c.spec->tpp, 0, {}};
  case Field::ChipPerformanceDensity:
    return opt(c.spec->performanceDensity);
  case Field::ChipEccn: {
    const std::string* eccn = c.view->eccn(*c.spec, c.chip ? c.chip->catalogIndex : -1);
    return eccn ? Value{true, 0, 0, *eccn} : Value{};
  }
  case Field::ChipMemoryBandwidth:
    return opt(c.spec->memoryBandwidth);
  case Field::ChipIoBandwidth:
    return opt(c.spec->ioBandwidth);
  case Field::ChipDieArea:
    return opt(c.spec->dieArea);
  case Field::ChipCount:
    return c.chip ? num(c.chip->count) : Value{};
  case Field::DataName:
    return text(c.data->name);
  case Field::DataOrigin:
    return integer(c.data->origin);
  case Field::DataSubjects:
    return num(c.data->subjects);
  case Field::DataLeavesOrigin:
    if (!w->siteCountry.has() || !c.data->origin.has()) return {};
    return {true, 0, *w->siteCountry.value != *c.data->origin.value, {}};
  case Field::DataOutboundSubjects:
    return outboundSubjects(*w, *c.data);
  case Field::DataSharedCategorySubjects:
    return sharedCategorySubjects(*w, *c.data);
  case Field::AuthType:
    return text(c.auth->type);
  case Field::AuthReference:
    return text(c.auth->reference);
  case Field::AuthExpires:
    return date(c.auth->expires);
  default:
    return {}; // lists are read with forEachListValue
  }
}

bool anyListValue(const PathInfo& p, const EvalContext& c, FunctionRef<bool(const Value&)> f) {
  return forAnyListValue(p, c, f);
}

Location locate(const PathInfo& p, const EvalContext& c) {
  const Workload* w = c.workload;
  switch (p.field) {
  case Field::Purpose:
    return w->purpose.loc;
  case Field::PeriodStart:
    return w->periodStart.loc;
  case Field::PeriodEnd:
    return w->periodEnd.loc;
  case Field::ModelName:
    return w->modelName.loc;
  case Field::TrainingCompute:
    return w->trainingCompute.loc;
  case Field::Weights:
    return w->weights.loc;
  case Field::Acquisition:
    return w->acquisition.loc;
  case Field::SiteName:
    return w->siteName.loc;
  case Field::SiteCountry:
    return w->siteCountry.loc;
  case Field::EndUse:
    return w->endUse.loc;
  case Field::PartySelf:
  case Field::PartyListed:
    return party(p, c).name.loc.known() ? party(p, c).name.loc : party(p, c).loc;
  case Field::PartyName:
    return party(p, c).name.loc;
  case Field::PartyHq:
    return party(p, c).hq.loc;
  case Field::PartyParentName:
  case Field::PartyParentListed:
    return party(p, c).parentName.loc;
  case Field::PartyParentHq:
    return parentHq(party(p, c)).loc;
  case Field::PartyDesignations:
    return party(p, c).designations.loc;
  default:
    if (c.chip) return c.chip->loc;
    if (c.data) return c.data->loc;
    if (c.auth) return c.auth->loc;
    return w->loc;
  }
}

} // namespace borderline
