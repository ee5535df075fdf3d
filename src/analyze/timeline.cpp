#include "analyze/timeline.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "compile/condition_walk.hpp"
#include "evaluate/evaluator.hpp"
#include "evaluate/party_screen.hpp"
#include "evaluate/waivers.hpp"

namespace borderline {

std::string_view causeKindName(TimelineCause::Kind kind) {
  static constexpr std::string_view kNames[] = {
      "rule-starts",           "rule-ends",           "group-starts", "group-changes",
      "classification-starts", "classification-ends", "party-listed", "party-delisted",
      "authorization-expires", "waiver-expires"};
  return kNames[static_cast<int>(kind)];
}

TimelineRange timelineRange(const Workload& w, std::optional<Date> from, std::optional<Date> to,
                            Date today) {
  TimelineRange r;
  std::string_view fromWhy = "--from", toWhy = "--to";
  if (from)
    r.from = *from;
  else if (w.periodStart.has())
    r.from = *w.periodStart.value, fromWhy = "period.start";
  else
    r.from = *Date::parse("2022-10-01"), fromWhy = "default";
  if (to)
    r.to = *to;
  else if (w.periodEnd.has())
    r.to = *w.periodEnd.value, toWhy = "period.end";
  else
    r.to = today.plusDays(365), toWhy = "a year from today";
  r.why = fmt::format("{} .. {}", fromWhy, toWhy);
  return r;
}

namespace {

std::string members(const CountrySet& set) {
  std::vector<std::string_view> codes;
  set.forEach([&](CountryId c) { codes.push_back(countryCode(c)); });
  return fmt::format("{}", fmt::join(codes, ", "));
}

// The workload's own dates: the day after an authorization or a waiver expires.
std::vector<Date> manifestDates(const Workload& w, std::span<const Waiver* const> waivers) {
  std::vector<Date> out;
  for (const auto& a : w.authorizations)
    if (a.expires.has()) out.push_back(a.expires.value->plusDays(1));
  for (const Waiver* v : waivers)
    if (v->expires.has()) out.push_back(v->expires.value->plusDays(1));
  return out;
}

// The ECCN of each chip of the workload on a date, as DateView gives it: a pointer to the
// `eccn` of the classification that set it (or to the catalog's fixed value), null for none.
std::vector<const std::string*> eccns(const Workload& w, const DateView& view) {
  std::vector<const std::string*> out;
  for (const auto& c : w.chips) out.push_back(view.eccn(*c.spec, c.catalogIndex));
  return out;
}

std::string eccnText(const std::string* e) {
  return e ? *e : "none";
}

bool namesParty(const Workload& w, const CompiledRules& rules, int entry) {
  for (const auto& p : w.parties) {
    if (!p.present) continue;
    for (const auto* name : {&p.name, &p.parentName})
      if (name->has())
        for (const auto& hit : rules.partyIndex.match(*name->value, screening::kReviewThreshold))
          if (hit.entry == entry) return true;
  }
  return false;
}

class CauseFinder {
public:
  CauseFinder(const Workload& w, const CompiledRules& rules, std::span<const Waiver* const> waivers)
      : w_(w), rules_(rules), waivers_(waivers) {}

  std::vector<TimelineCause> find(Date d, const std::vector<FindingChange>& changes,
                                  const DateView& before, const DateView& after) const {
    std::vector<TimelineCause> out;
    std::vector<const Rule*> changed;
    for (const auto& c : changes) changed.push_back(&c.rule());
    auto anyChanged = [&](auto&& pred) {
      return std::any_of(changed.begin(), changed.end(), [&](const Rule* r) { return pred(*r); });
    };
    for (const Rule* r : changed) {
      if (r->effective == d)
        out.push_back({TimelineCause::Kind::RuleStarts, r->id,
                       fmt::format("{} takes effect: {}", r->id, r->title), &r->citations, r->loc});
      if (r->until && r->until->plusDays(1) == d)
        out.push_back({TimelineCause::Kind::RuleEnds, r->id,
                       fmt::format("{} ended on {}: {}", r->id, r->until->str(), r->title),
                       &r->citations, r->loc});
    }
    for (std::size_t g = 0; g < rules_.groups.size(); ++g) {
      const CountryGroup& group = rules_.groups[g];
      const auto id = static_cast<std::uint16_t>(g);
      if (!anyChanged([&](const Rule& r) { return reads(r, id); })) continue;
      if (group.effective == d)
        out.push_back({TimelineCause::Kind::GroupStarts, "@" + group.name,
                       fmt::format("group {} ({}) starts with {}", group.name, group.title,
                                   members(group.members)),
                       &group.citations, group.loc});
      for (const auto& change : group.changes) {
        if (change.date != d) continue;
        std::vector<std::string> parts;
        if (!change.add.empty()) parts.push_back("adds " + members(change.add));
        if (!change.remove.empty()) parts.push_back("removes " + members(change.remove));
        std::string text =
            fmt::format("group {} ({}) {}", group.name, group.title, fmt::join(parts, " and "));
        if (!change.note.empty()) text += " (" + change.note + ")";
        out.push_back({TimelineCause::Kind::GroupChanges, "@" + group.name, text, &group.citations,
                       group.loc});
      }
    }
    // A classification starting or ending matters when it is the one that set (or had set) the
    // ECCN of a chip whose ECCN changed.
    const auto eccnBefore = eccns(w_, before), eccnAfter = eccns(w_, after);
    if (anyChanged([](const Rule& r) { return readsEccn(r); })) {
      for (const auto& c : rules_.classifications) {
        const bool starts = c.effective == d, ends = c.until && c.until->plusDays(1) == d;
        std::vector<std::string> shifts;
        for (std::size_t i = 0; i < w_.chips.size(); ++i)
          if (eccnBefore[i] != eccnAfter[i] &&
              ((starts && eccnAfter[i] == &c.eccn) || (ends && eccnBefore[i] == &c.eccn)))
            shifts.push_back(fmt::format("{}: {} → {}", w_.chips[i].model, eccnText(eccnBefore[i]),
                                         eccnText(eccnAfter[i])));
        if (shifts.empty()) continue;
        out.push_back({starts ? TimelineCause::Kind::ClassificationStarts
                              : TimelineCause::Kind::ClassificationEnds,
                       c.id,
                       fmt::format("classification {} (sets {}) {}: {}", c.id, c.eccn,
                                   starts ? "takes effect" : "ended on " + c.until->str(),
                                   fmt::join(shifts, ", ")),
                       &c.citations, c.loc});
      }
    }
    for (std::size_t i = 0; i < rules_.parties.size(); ++i) {
      const PartyEntry& e = rules_.parties[i];
      const bool listed = e.listed && *e.listed == d,
                 delisted = e.removed && e.removed->plusDays(1) == d;
      if ((!listed && !delisted) || !namesParty(w_, rules_, static_cast<int>(i))) continue;
      out.push_back({listed ? TimelineCause::Kind::PartyListed : TimelineCause::Kind::PartyDelisted,
                     e.name,
                     fmt::format("{} {} {}", e.name, listed ? "listed on" : "removed from",
                                 rules_.partyLists[static_cast<std::size_t>(e.list)]),
                     &e.citations, e.loc});
    }
    for (const auto& a : w_.authorizations)
      if (a.expires.has() && a.expires.value->plusDays(1) == d &&
          anyChanged([&](const Rule& r) { return a.type.has() && acceptsAny(r, *a.type.value); }))
        out.push_back(
            {TimelineCause::Kind::AuthorizationExpires, a.type.value.value_or(""),
             fmt::format("authorization {}{} expired on {}", a.type.value.value_or(""),
                         a.reference.has() ? " " + *a.reference.value : "", a.expires.value->str()),
             nullptr, a.loc});
    for (const Waiver* v : waivers_)
      if (v->expires.has() && v->expires.value->plusDays(1) == d &&
          anyChanged([&](const Rule& r) { return v->rule.value == r.id; }))
        out.push_back({TimelineCause::Kind::WaiverExpires, v->rule.value.value_or(""),
                       fmt::format("waiver for {} expired on {}", v->rule.value.value_or(""),
                                   v->expires.value->str()),
                       nullptr, v->loc});
    return out;
  }

private:
  static bool reads(const Rule& r, std::uint16_t group) {
    auto has = [&](const Condition& c) {
      const auto g = groupsRead(c);
      return std::find(g.begin(), g.end(), group) != g.end();
    };
    return has(r.when) || (r.unless && has(*r.unless));
  }
  static bool readsEccn(const Rule& r) {
    return readsField(r.when, Field::ChipEccn) ||
           (r.unless && readsField(*r.unless, Field::ChipEccn));
  }
  static bool acceptsAny(const Rule& r, const std::string& type) {
    return std::find(r.satisfiedBy.begin(), r.satisfiedBy.end(), type) != r.satisfiedBy.end();
  }

  const Workload& w_;
  const CompiledRules& rules_;
  std::span<const Waiver* const> waivers_;
};

} // namespace

Timeline buildTimeline(const Workload& w, const CompiledRules& rules, const TimelineRange& range,
                       std::span<const Waiver> central) {
  const std::vector<const Waiver*> waivers = waiversFor(w, central);
  Timeline t;
  t.workload = &w;
  t.from = range.from;
  t.to = range.to;
  t.range = range.why;
  std::vector<Date> dates = rules.changeDates();
  for (Date d : manifestDates(w, waivers)) dates.push_back(d);
  std::sort(dates.begin(), dates.end());
  dates.erase(std::unique(dates.begin(), dates.end()), dates.end());

  auto view = std::make_unique<DateView>(rules, range.from);
  Result result = evaluateWorkload(w, *view, central);
  t.initial = result.verdict;
  t.initialFindings = findingStates(result);
  t.datesEvaluated = 1;
  std::vector<FindingState> current = t.initialFindings;
  Level verdict = result.verdict;
  const CauseFinder causes(w, rules, waivers);
  for (Date d : dates) {
    if (d <= range.from || d > range.to) continue;
    auto next = std::make_unique<DateView>(rules, d);
    const Result r = evaluateWorkload(w, *next, central);
    ++t.datesEvaluated;
    std::vector<FindingState> s = findingStates(r);
    auto changes = compareFindings(current, s);
    if (!changes.empty() || r.verdict != verdict) {
      TimelineStep step{d, verdict, r.verdict, std::move(changes), {}};
      step.causes = causes.find(d, step.findings, *view, *next);
      t.steps.push_back(std::move(step));
    }
    current = std::move(s);
    verdict = r.verdict;
    view = std::move(next);
  }
  return t;
}

} // namespace borderline
