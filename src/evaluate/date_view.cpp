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
  for (const Rule* r : inEffect_) addGuards(r->when, guards_.emplace_back());
}

void DateView::addGuards(const Condition& when, std::vector<Guard>& out) const {
  if (when.kind == Condition::Kind::All) {
    for (const auto& child : when.children) addGuards(child, out);
    return;
  }
  if (when.kind != Condition::Kind::Leaf) return;
  const PathInfo& path = *when.path;
  const bool country = path.type == ValueType::Country;
  if (path.scope != Scope::Workload || path.shape != Shape::Scalar ||
      (!country && path.type != ValueType::Enum))
    return;
  const std::size_t size = country ? kCountryCount : path.domain->names.size();
  std::bitset<256> all;
  for (std::size_t i = 0; i < size; ++i) all.set(i);
  Guard guard{&path, all};
  for (const auto& op : when.ops) {
    std::bitset<256> members;
    if (op.op == Op::Eq || op.op == Op::Ne) {
      members.set(static_cast<std::size_t>(op.operand.integer));
    } else if (op.op == Op::In || op.op == Op::NotIn) {
      if (country) {
        CountrySet set = op.operand.countries;
        for (auto g : op.operand.groups) set |= group(g);
        set.forEach([&](CountryId c) { members.set(c); });
      } else {
        for (std::size_t i = 0; i < size; ++i)
          if ((op.operand.enumMask >> i) & 1u) members.set(i);
      }
    } else {
      return; // exists and the like: no quick test
    }
    guard.allowed &= (op.op == Op::Ne || op.op == Op::NotIn) ? all & ~members : members;
  }
  out.push_back(guard);
}

bool DateView::mayFire(std::size_t i, const Workload& workload) const {
  EvalContext ctx;
  ctx.workload = &workload;
  ctx.view = this;
  for (const Guard& g : guards_[i]) {
    const Value v = readScalar(*g.path, ctx);
    if (!v.present || !g.allowed.test(static_cast<std::size_t>(v.integer))) return false;
  }
  return true;
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
