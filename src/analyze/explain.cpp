#include "analyze/explain.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "evaluate/evaluator.hpp"
#include "evaluate/party_screen.hpp"
#include "evaluate/waivers.hpp"

namespace borderline {

std::string notInEffectReason(const Rule& rule, Date date) {
  if (date < rule.effective) return fmt::format("takes effect on {}", rule.effective.str());
  return fmt::format("in effect from {} until {}; ended before {}", rule.effective.str(),
                     rule.until->str(), date.str());
}

namespace {

void checkSettlement(const Workload& w, std::span<const Waiver* const> waivers, const Finding& f,
                     Date date, RuleExplanation& out) {
  const Rule& rule = *f.rule;
  for (const Waiver* v : waivers)
    if (v->rule.value == rule.id) out.waivers.push_back({v, waiverFit(*v, rule, f.level, date)});
  if (f.level == Level::Prohibited || f.level == Level::Advisory) return;
  for (const auto& a : w.authorizations)
    out.authorizations.push_back({&a, authorizationFit(a, rule, date)});
  for (int i : f.firingData) {
    const DataSource& d = w.data[static_cast<std::size_t>(i)];
    TransferCheck t{&d, {}};
    for (const auto& m : d.transfer.values)
      if (acceptsType(rule, m)) t.accepted.push_back(m);
    out.transfers.push_back(std::move(t));
  }
}

} // namespace

Explanation explainWorkload(const Workload& w, const DateView& view, const ExplainFilter& filter,
                            std::span<const Waiver> central) {
  Explanation e;
  e.workload = &w;
  e.date = view.date();
  e.result = evaluateWorkload(w, view, central);
  const std::vector<const Waiver*> waivers = waiversFor(w, central);
  const Screening screening = screenParties(w, view);
  const EvalContexts contexts = evalContexts(w, view, screening);
  const EvalContext& exact = contexts.exact;
  const EvalContext& fuzzy = contexts.fuzzy;

  for (const auto& rule : view.rules().rules) {
    if (!filter.rule.empty() && rule.id != filter.rule) continue;
    RuleExplanation r;
    r.rule = &rule;
    r.inEffect = rule.appliesOn(e.date);
    const auto& findings = e.result.findings;
    const auto found = std::find_if(findings.begin(), findings.end(),
                                    [&](const Finding& f) { return f.rule == &rule; });
    if (found != findings.end()) {
      r.finding = static_cast<int>(found - findings.begin());
      r.fuzzy = found->fuzzyOnly;
      checkSettlement(w, waivers, *found, e.date, r);
    } else if (filter.firedOnly) {
      continue;
    }
    if (r.inEffect) {
      const EvalContext& ctx = r.fuzzy ? fuzzy : exact;
      r.when = traceCondition(rule.when, ctx);
      if (rule.unless) r.unless = traceCondition(*rule.unless, ctx);
    }
    e.rules.push_back(std::move(r));
  }
  // Fired rules first, in the report's order (open and worst first), then the other rules in
  // effect, then those not in effect, each in pack order.
  auto rank = [](const RuleExplanation& r) {
    return r.fired() ? r.finding : r.inEffect ? 1 << 20 : 1 << 21;
  };
  std::stable_sort(
      e.rules.begin(), e.rules.end(),
      [&](const RuleExplanation& a, const RuleExplanation& b) { return rank(a) < rank(b); });
  return e;
}

} // namespace borderline
