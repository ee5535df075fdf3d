#include "evaluate/date_view.hpp"

#include "evaluate/condition_eval.hpp"

namespace borderline {

DateView::DateView(const CompiledRules& rules, Date date) : rules_(&rules), date_(date) {
  for (const auto& r : rules.rules)
    if (r.appliesOn(date)) inEffect_.push_back(&r);
  for (const auto& g : rules.groups) groups_.push_back(g.membersOn(date));
  for (const auto& c : rules.classifications)
    if (c.appliesOn(date)) classifications_.push_back(&c);
  for (const auto& p : rules.parties) partyActive_.push_back(p.activeOn(date));
  // Catalog chips are classified once per date; inline chips when they are evaluated.
  for (const auto& chip : rules.catalog.chips()) catalogEccn_.push_back(classify(chip));
}

const std::string* DateView::classify(const ChipSpec& spec) const {
  EvalContext ctx;
  ctx.view = this;
  ctx.spec = &spec;
  for (const Classification* c : classifications_)
    if (evaluate(c->when, ctx)) return &c->eccn;
  return spec.eccn ? &*spec.eccn : nullptr;
}

const std::string* DateView::eccn(const ChipSpec& spec, int catalogIndex) const {
  if (catalogIndex >= 0) return catalogEccn_[static_cast<std::size_t>(catalogIndex)];
  return classify(spec);
}

} // namespace borderline
