#include "evaluate/date_view.hpp"

#include <algorithm>

#include "compile/condition_walk.hpp"
#include "evaluate/condition_eval.hpp"
#include "evaluate/party_screen.hpp"
#include "evaluate/rule_masks.hpp"

namespace borderline {

DateView::DateView(const CompiledRules& rules, Date date) : rules_(&rules), date_(date) {
  for (const auto& r : rules.rules)
    if (r.appliesOn(date)) inEffect_.push_back(&r);
  for (const auto& g : rules.groups) groups_.push_back(g.membersOn(date));
  for (const auto& r : rules.rules) {
    resolveSets(r.when);
    if (r.unless) resolveSets(*r.unless);
  }
  for (const auto& c : rules.classifications) resolveSets(c.when);
  program_ = ConditionProgram(inEffect_, *this);
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
  auto noteListedReads = [this](const Condition& c) {
    if (!c.path) return;
    const bool parent = c.path->field == Field::PartyParentListed;
    if (parent || c.path->field == Field::PartyListed)
      listedRead_[static_cast<std::size_t>(parent)][static_cast<std::size_t>(c.path->role)] = true;
  };
  for (const Rule* r : inEffect_) {
    forEachNode(r->when, noteListedReads);
    if (r->unless) forEachNode(*r->unless, noteListedReads);
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

// Whether a chip element's condition reads only facts of the chip's spec, which are fixed for
// a catalog chip on a date (not the count or the model as written).
bool specOnly(const Condition& c) {
  if (c.path) {
    const Field f = c.path->field;
    if (c.kind != Condition::Kind::Leaf || f < Field::ChipId || f > Field::ChipDieArea)
      return false;
  }
  return std::all_of(c.children.begin(), c.children.end(), specOnly);
}

// The conditions of one chip that make a rule's chip conjunct hold: `compute.chips: {any: C}`
// gives C; `any: [compute.chips: {any: C1}, compute.chips: {any: C2}]` gives C1 or C2 (some
// chip satisfies one of them). Empty when the conjunct is not of that shape or reads more than
// the chip's spec.
std::vector<const Condition*> chipConditions(const Condition& c) {
  using K = Condition::Kind;
  if (c.kind == K::ListAny && c.path->field == Field::Chips && specOnly(c.children.front()))
    return {&c.children.front()};
  std::vector<const Condition*> out;
  if (c.kind != K::Any || c.children.empty()) return out;
  for (const auto& child : c.children) {
    const auto one = chipConditions(child);
    if (one.empty()) return {};
    out.insert(out.end(), one.begin(), one.end());
  }
  return out;
}

using GuardSet = std::vector<std::pair<const PathInfo*, std::bitset<256>>>;

// The values of a leaf's single scalar field (country, enum or bool) for which every one of its
// operators can hold, or false when the leaf gives no such quick test.
bool leafValues(const DateView& view, const Condition& leaf, std::bitset<256>& allowed) {
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
        for (auto g : op.operand.groups) set |= view.group(g);
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

// Country, enum, bool and party-list tests that must hold for `c` to hold, as sets of values
// per field: a leaf's own; the union of an `all`'s; for an `any`, the fields every branch
// tests, with the values any branch allows.
void scalarGuards(const DateView& view, const Condition& c, GuardSet& out) {
  using K = Condition::Kind;
  if (c.kind == K::Leaf) {
    const PathInfo& path = *c.path;
    if (path.scope != Scope::Workload) return;
    std::bitset<256> allowed;
    if (isListed(path.field)) {
      // Any of these operators needs at least one list among the party's matches.
      const bool needsMatch = std::any_of(c.ops.begin(), c.ops.end(), [](const Operator& op) {
        return op.op == Op::Contains || op.op == Op::Intersects || op.op == Op::Matches ||
               (op.op == Op::Exists && op.operand.integer != 0);
      });
      if (!needsMatch) return;
      allowed.set(1); // value 1: the party matched some list; 0: none
    } else if (!leafValues(view, c, allowed)) {
      return;
    }
    auto same = std::find_if(out.begin(), out.end(),
                             [&](const auto& g) { return samePath(*g.first, path); });
    if (same == out.end())
      out.emplace_back(&path, allowed);
    else
      same->second &= allowed;
    return;
  }
  if (c.kind == K::All) {
    for (const auto& child : c.children) scalarGuards(view, child, out);
    return;
  }
  if (c.kind != K::Any || c.children.empty()) return;
  GuardSet common;
  scalarGuards(view, c.children.front(), common);
  for (std::size_t i = 1; i < c.children.size() && !common.empty(); ++i) {
    GuardSet branch;
    scalarGuards(view, c.children[i], branch);
    GuardSet kept;
    // (No structured binding here: clang before 16 cannot capture one in a lambda.)
    for (const auto& guard : common) {
      const auto same = std::find_if(branch.begin(), branch.end(), [&](const auto& g) {
        return samePath(*g.first, *guard.first);
      });
      if (same != branch.end()) kept.emplace_back(guard.first, guard.second | same->second);
    }
    common = std::move(kept);
  }
  for (const auto& g : common) {
    auto same = std::find_if(out.begin(), out.end(),
                             [&](const auto& o) { return samePath(*o.first, *g.first); });
    if (same == out.end())
      out.push_back(g);
    else
      same->second &= g.second;
  }
}

} // namespace

bool DateView::allowedValues(const Condition& leaf, std::bitset<256>& allowed) const {
  return leafValues(*this, leaf, allowed);
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
  if (when.kind == K::ListAny || when.kind == K::Any) {
    // One element guard per list and rule: two `any` conjuncts on one list may hold for
    // different elements, which one table per element field cannot tell apart.
    const auto chips = chipConditions(when);
    const Field list = when.kind == K::ListAny ? when.path->field : Field::Chips;
    const bool seen = std::find(lists.begin(), lists.end(), list) != lists.end();
    if (!chips.empty() && !seen) {
      // Some chip satisfies one of `chips`, which read only the chip's spec: evaluated now
      // for every catalog chip, so that mayFire looks up each of the workload's chips by its
      // catalog index (an inline chip: the last row, where every rule may fire).
      auto g = std::find_if(lists_.begin(), lists_.end(),
                            [&](const ListGuard& l) { return l.list == Field::Chips; });
      if (g == lists_.end()) g = lists_.insert(lists_.end(), ListGuard{Field::Chips, all_, {}});
      const auto& catalog = rules_->catalog.chips();
      auto t = std::find_if(g->fields.begin(), g->fields.end(),
                            [](const GuardTable& f) { return f.path == nullptr; });
      if (t == g->fields.end()) {
        t = g->fields.insert(g->fields.end(), GuardTable{nullptr, {}});
        t->masks.assign((catalog.size() + 1) * words_, ~std::uint64_t{0});
      }
      const std::uint64_t bit = std::uint64_t{1} << (rule % 64);
      for (std::size_t k = 0; k < catalog.size(); ++k) {
        ChipUse use;
        use.spec = &catalog[k];
        use.catalogIndex = static_cast<int>(k);
        EvalContext ctx;
        ctx.view = this;
        ctx.chip = &use;
        ctx.spec = use.spec;
        if (std::none_of(chips.begin(), chips.end(),
                         [&](const Condition* c) { return evaluate(*c, ctx); }))
          t->masks[k * words_ + rule / 64] &= ~bit;
      }
      g->unguarded[rule / 64] &= ~bit;
      lists.push_back(Field::Chips);
      return;
    }
    if (when.kind == K::ListAny) {
      if (seen) return;
      auto g = std::find_if(lists_.begin(), lists_.end(),
                            [&](const ListGuard& l) { return l.list == list; });
      if (g == lists_.end()) g = lists_.insert(lists_.end(), ListGuard{list, all_, {}});
      if (addElementGuards(rule, when.children.front(), *g)) {
        g->unguarded[rule / 64] &= ~(std::uint64_t{1} << (rule % 64));
        lists.push_back(list);
      }
      return;
    }
  }
  GuardSet guards;
  scalarGuards(*this, when, guards);
  for (const auto& [path, allowed] : guards) restrict(scalars_, *path, words_, rule, allowed);
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
  const auto& catalog = rules_->catalog.chips();
  auto row = [&](const GuardTable& t, const EvalContext& c) -> const std::uint64_t* {
    if (!t.path) {
      // A chip guard by catalog index (addGuards); the last row, where every rule may fire,
      // for an inline chip or one that is not this catalog's.
      const auto k = static_cast<std::size_t>(c.chip->catalogIndex);
      const bool ours = c.chip->catalogIndex >= 0 && k < catalog.size() && c.spec == &catalog[k];
      return &t.masks[(ours ? k : catalog.size()) * words_];
    }
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
  RuleMaskPair masks(words_);
  std::uint64_t* any = masks.first();
  std::uint64_t* one = masks.second();
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

void DateView::resolveSets(const Condition& condition) {
  forEachNode(condition, [this](const Condition& c) {
    for (const auto& op : c.ops) {
      if (op.operand.resolvedSet < 0) continue;
      const auto k = static_cast<std::size_t>(op.operand.resolvedSet);
      if (k >= resolvedSets_.size()) {
        resolvedSets_.resize(k + 1);
        resolvedUses_.resize(k + 1, 0);
      }
      // A number carried twice (a copied condition) stays unresolved: member() then looks
      // each group up, which is always right.
      if (++resolvedUses_[k] > 1) {
        resolvedUses_[k] = 2;
        continue;
      }
      CountrySet all = op.operand.countries;
      for (std::uint16_t g : op.operand.groups) all |= groups_[g];
      resolvedSets_[k] = all;
    }
  });
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
