#include "evaluate/date_view.hpp"

#include <algorithm>

#include "evaluate/condition_eval.hpp"
#include "evaluate/party_screen.hpp"

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
  words_ = std::max<std::size_t>(1, (inEffect_.size() + 63) / 64);
  all_.assign(words_, 0);
  for (std::size_t i = 0; i < inEffect_.size(); ++i) all_[i / 64] |= std::uint64_t{1} << (i % 64);
  for (std::size_t i = 0; i < inEffect_.size(); ++i) {
    std::vector<Field> lists;
    addGuards(i, inEffect_[i]->when, lists);
  }
}

namespace {

bool isListed(Field f) {
  return f == Field::PartyListed || f == Field::PartyParentListed;
}

// Whether two paths read the same value (party paths: of the same role).
bool samePath(const PathInfo& a, const PathInfo& b) {
  return a.field == b.field && a.role == b.role;
}

} // namespace

// The values of a leaf's single scalar field (country, enum or bool) for which every one of its
// operators can hold, or false when the leaf gives no such quick test.
bool DateView::allowedValues(const Condition& leaf, std::bitset<256>& allowed) const {
  const PathInfo& path = *leaf.path;
  const bool country = path.type == ValueType::Country;
  const bool boolean = path.type == ValueType::Bool;
  if (path.shape != Shape::Scalar || (!country && !boolean && path.type != ValueType::Enum))
    return false;
  const std::size_t size = country ? kCountryCount : boolean ? 2 : path.domain->names.size();
  std::bitset<256> all;
  for (std::size_t i = 0; i < size; ++i) all.set(i);
  allowed = all;
  for (const auto& op : leaf.ops) {
    std::bitset<256> members;
    if (op.op == Op::Eq || op.op == Op::Ne) {
      if (op.operand.integer < 0 || op.operand.integer >= 256) return false;
      members.set(static_cast<std::size_t>(op.operand.integer));
    } else if ((op.op == Op::In || op.op == Op::NotIn) && !boolean) {
      if (country) {
        CountrySet set = op.operand.countries;
        for (auto g : op.operand.groups) set |= group(g);
        set.forEach([&](CountryId c) { members.set(c); });
      } else {
        for (std::size_t i = 0; i < size; ++i)
          if ((op.operand.enumMask >> i) & 1u) members.set(i);
      }
    } else {
      return false; // exists and the like: no quick test
    }
    allowed &= (op.op == Op::Ne || op.op == Op::NotIn) ? all & ~members : members;
  }
  return true;
}

// Clears `rule`'s bit in the rows of the values `allowed` excludes, and in the row of a
// missing value, of the table of `path` (made with every bit set when new).
void DateView::restrict(std::vector<GuardTable>& tables, const PathInfo& path, std::size_t words,
                        std::size_t rule, const std::bitset<256>& allowed) {
  auto t = std::find_if(tables.begin(), tables.end(),
                        [&](const GuardTable& g) { return samePath(*g.path, path); });
  if (t == tables.end()) {
    t = tables.insert(tables.end(), GuardTable{&path, {}});
    t->masks.assign((kAbsent + 1) * words, ~std::uint64_t{0});
  }
  const std::uint64_t bit = std::uint64_t{1} << (rule % 64);
  for (std::size_t v = 0; v <= kAbsent; ++v)
    if (v == kAbsent || !allowed.test(v)) t->masks[v * words + rule / 64] &= ~bit;
}

// The top-level conjuncts of a rule's condition that allow a quick test.
void DateView::addGuards(std::size_t rule, const Condition& when, std::vector<Field>& lists) {
  using K = Condition::Kind;
  if (when.kind == K::All) {
    for (const auto& child : when.children) addGuards(rule, child, lists);
    return;
  }
  if (when.kind == K::ListAny) {
    // One element guard per list and rule: two `any` conjuncts on one list may hold for
    // different elements, which one table per element field cannot tell apart.
    const Field list = when.path->field;
    if (std::find(lists.begin(), lists.end(), list) != lists.end()) return;
    auto g = std::find_if(lists_.begin(), lists_.end(),
                          [&](const ListGuard& l) { return l.list == list; });
    if (g == lists_.end()) g = lists_.insert(lists_.end(), ListGuard{list, all_, {}});
    if (addElementGuards(rule, when.children.front(), *g)) {
      g->unguarded[rule / 64] &= ~(std::uint64_t{1} << (rule % 64));
      lists.push_back(list);
    }
    return;
  }
  if (when.kind != K::Leaf) return;
  const PathInfo& path = *when.path;
  if (path.scope != Scope::Workload) return;
  if (isListed(path.field)) {
    // Any of these operators needs at least one list among the party's matches.
    const bool needsMatch = std::any_of(when.ops.begin(), when.ops.end(), [](const Operator& op) {
      return op.op == Op::Contains || op.op == Op::Intersects || op.op == Op::Matches ||
             (op.op == Op::Exists && op.operand.integer != 0);
    });
    if (!needsMatch) return;
    std::bitset<256> matched;
    matched.set(1); // value 1: the party matched some list; 0: none
    restrict(scalars_, path, words_, rule, matched);
    return;
  }
  std::bitset<256> allowed;
  if (allowedValues(when, allowed)) restrict(scalars_, path, words_, rule, allowed);
}

// The conjuncts of an object-list element's condition that allow a quick test.
// Whether it found any.
bool DateView::addElementGuards(std::size_t rule, const Condition& element, ListGuard& list) {
  using K = Condition::Kind;
  if (element.kind == K::All) {
    bool any = false;
    for (const auto& child : element.children) any = addElementGuards(rule, child, list) || any;
    return any;
  }
  if (element.kind != K::Leaf || element.path->scope == Scope::Workload) return false;
  std::bitset<256> allowed;
  if (!allowedValues(element, allowed)) return false;
  restrict(list.fields, *element.path, words_, rule, allowed);
  return true;
}

void DateView::mayFire(const Workload& workload, const Screening* screening,
                       std::uint64_t* out) const {
  std::copy(all_.begin(), all_.end(), out);
  EvalContext ctx;
  ctx.workload = &workload;
  ctx.view = this;
  auto row = [&](const GuardTable& t, const EvalContext& c) -> const std::uint64_t* {
    const Value v = readScalar(*t.path, c);
    const std::size_t r = v.present && v.integer >= 0 && v.integer < 256
                              ? static_cast<std::size_t>(v.integer)
                              : kAbsent;
    return &t.masks[r * words_];
  };
  for (const GuardTable& t : scalars_) {
    const std::uint64_t* m;
    if (isListed(t.path->field)) {
      if (!screening) continue;
      const int role = static_cast<int>(t.path->role);
      const PartyScreen& s = t.path->field == Field::PartyParentListed ? screening->parent[role]
                                                                       : screening->name[role];
      m = &t.masks[(s.allLists.empty() ? 0 : 1) * words_];
    } else {
      m = row(t, ctx);
    }
    for (std::size_t k = 0; k < words_; ++k) out[k] &= m[k];
  }
  if (lists_.empty()) return;
  // Rules that need one element of a list to pass their element guards: the union over the
  // elements of each element's intersection.
  std::uint64_t small[8];
  std::vector<std::uint64_t> large;
  std::uint64_t* any = small;
  if (2 * words_ > 8) {
    large.resize(2 * words_);
    any = large.data();
  }
  std::uint64_t* one = any + words_;
  for (const ListGuard& g : lists_) {
    std::copy(g.unguarded.begin(), g.unguarded.end(), any);
    EvalContext e = ctx;
    auto element = [&] {
      std::fill(one, one + words_, ~std::uint64_t{0});
      for (const GuardTable& t : g.fields) {
        const std::uint64_t* m = row(t, e);
        for (std::size_t k = 0; k < words_; ++k) one[k] &= m[k];
      }
      for (std::size_t k = 0; k < words_; ++k) any[k] |= one[k];
    };
    switch (g.list) {
    case Field::Chips:
      for (const auto& chip : workload.chips) {
        e.chip = &chip;
        e.spec = chip.spec;
        element();
      }
      break;
    case Field::Data:
      for (const auto& d : workload.data) {
        e.data = &d;
        element();
      }
      break;
    case Field::Authorizations:
      for (const auto& a : workload.authorizations) {
        e.auth = &a;
        element();
      }
      break;
    default:
      std::fill(any, any + words_, ~std::uint64_t{0});
      break;
    }
    for (std::size_t k = 0; k < words_; ++k) out[k] &= any[k];
  }
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
