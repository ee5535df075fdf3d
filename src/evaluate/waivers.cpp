#include "evaluate/waivers.hpp"

#include <fnmatch.h>

#include <fmt/format.h>

#include "evaluate/authorizations.hpp"

namespace borderline {

bool waiverApplies(const Waiver& waiver, std::string_view name) {
  if (!waiver.workload.has()) return true;
  const std::string pattern = *waiver.workload.value;
  return ::fnmatch(pattern.c_str(), std::string(name).c_str(), 0) == 0;
}

std::vector<const Waiver*> waiversFor(const Workload& workload, std::span<const Waiver> central) {
  std::vector<const Waiver*> out;
  for (const auto& v : workload.waivers) out.push_back(&v);
  for (const auto& v : central)
    if (waiverApplies(v, workload.name)) out.push_back(&v);
  return out;
}

namespace {

// "by Jane Doe, ticket COMP-123 (waivers.yaml:4:5)": who accepted the finding and, for a
// waivers-file entry, the ticket and where that record is.
std::string approval(const Waiver& v) {
  std::string out = v.approvedBy.has() ? " by " + *v.approvedBy.value : "";
  if (!v.workload.has()) return out;
  if (v.ticket.has()) out += ", ticket " + *v.ticket.value;
  return out + " (" + v.loc.str() + ")";
}

// A waiver for a rule that does not apply on the date: most often an older or newer version
// of a rule split by date, so name the version that does.
std::string notInEffect(const Rule& named, const CompiledRules& rules, Date date) {
  std::string out = fmt::format("waiver for '{}': that rule applies from {}{}, not on {}; it "
                                "waives nothing",
                                named.id, named.effective.str(),
                                named.until ? " to " + named.until->str() : "", date.str());
  if (const Rule* current = rules.findVersionOn(named.id, date))
    out += fmt::format(" (the version that applies on {} is '{}')", date.str(), current->id);
  return out;
}

} // namespace

void applyWaivers(std::span<const Waiver* const> waivers, Date date, Finding& f, bool reasons) {
  for (const Waiver* v : waivers) {
    const WaiverFit fit = waiverFit(*v, *f.rule, f.level, date);
    if (fit == WaiverFit::CannotWaive) {
      if (reasons)
        f.statusReason = "a waiver names this rule, but a prohibited finding cannot be waived";
      return;
    }
    if (fit != WaiverFit::Waives) continue;
    f.status = FindingStatus::Waived;
    f.waiver = v;
    if (reasons)
      f.statusReason = fmt::format("waived until {}{}: {}", v->expires.value->str(), approval(*v),
                                   v->reason.value.value_or(""));
    return;
  }
}

void reportWaivers(std::span<const Waiver* const> waivers, const DateView& view,
                   std::vector<Notice>& notices) {
  const Date date = view.date();
  for (const Waiver* v : waivers) {
    const std::string rule = v->rule.value.value_or("?");
    const Rule* named = view.rules().findRule(rule);
    if (!named)
      notices.push_back({v->rule.loc, fmt::format("waiver names rule '{}', which is not in the "
                                                  "loaded rule packs; it waives nothing",
                                                  rule)});
    else if (!v->expires.has())
      notices.push_back({v->loc, fmt::format("waiver for '{}' has no expires date, so it waives "
                                             "nothing",
                                             rule)});
    else if (date > *v->expires.value)
      notices.push_back({v->expires.loc, fmt::format("waiver for '{}' expired on {}; it waives "
                                                     "nothing",
                                                     rule, v->expires.value->str())});
    else if (!named->appliesOn(date))
      notices.push_back({v->rule.loc, notInEffect(*named, view.rules(), date)});
  }
}

} // namespace borderline
