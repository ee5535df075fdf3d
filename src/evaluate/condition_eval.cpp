#include "evaluate/condition_eval.hpp"

#include <algorithm>
#include <span>

#include <re2/re2.h>

#include "evaluate/eval_cache.hpp"
#include "evaluate/list_values.hpp"

namespace borderline {

namespace {

bool member(const Operand& set, ValueType type, const Value& v, const DateView& view) {
  switch (type) {
  case ValueType::Country: {
    const auto id = static_cast<CountryId>(v.integer);
    if (const CountrySet* resolved = view.resolvedSet(set.resolvedSet))
      return resolved->contains(id);
    if (set.countries.contains(id)) return true;
    return std::any_of(set.groups.begin(), set.groups.end(),
                       [&](std::uint16_t g) { return view.group(g).contains(id); });
  }
  case ValueType::Enum:
    return (set.enumMask >> v.integer) & 1u;
  case ValueType::String:
    return std::find(set.texts.begin(), set.texts.end(), v.text) != set.texts.end();
  case ValueType::Number:
    return std::find(set.numbers.begin(), set.numbers.end(), v.number) != set.numbers.end();
  case ValueType::Date:
    return std::find(set.numbers.begin(), set.numbers.end(), static_cast<double>(v.integer)) !=
           set.numbers.end();
  default:
    return false;
  }
}

bool equal(const Operand& o, ValueType type, const Value& v) {
  switch (type) {
  case ValueType::Number:
    return v.number == o.number;
  case ValueType::String:
    return v.text == o.text;
  default:
    return v.integer == o.integer;
  }
}

// <0, 0, >0 like strcmp; only numbers and dates are ordered.
int compare(const Operand& o, ValueType type, const Value& v) {
  if (type == ValueType::Number) return v.number < o.number ? -1 : v.number > o.number ? 1 : 0;
  return v.integer < o.integer ? -1 : v.integer > o.integer ? 1 : 0;
}

bool matches(const Operand& o, const Value& v, const EvalContext& ctx) {
  if (ctx.cache) return ctx.cache->matches(*o.regex, v.text);
  return re2::RE2::PartialMatch(v.text, *o.regex);
}

// One operator on one scalar value. A missing value satisfies nothing but `exists: false`.
bool testScalar(const Operator& op, const PathInfo& path, const Value& v, const EvalContext& ctx) {
  const DateView& view = *ctx.view;
  if (op.op == Op::Exists) return v.present == (op.operand.integer != 0);
  if (!v.present) return false;
  switch (op.op) {
  case Op::Eq:
    return equal(op.operand, path.type, v);
  case Op::Ne:
    return !equal(op.operand, path.type, v);
  case Op::In:
    return member(op.operand, path.type, v, view);
  case Op::NotIn:
    return !member(op.operand, path.type, v, view);
  case Op::Gt:
    return compare(op.operand, path.type, v) > 0;
  case Op::Gte:
    return compare(op.operand, path.type, v) >= 0;
  case Op::Lt:
    return compare(op.operand, path.type, v) < 0;
  case Op::Lte:
    return compare(op.operand, path.type, v) <= 0;
  case Op::Matches:
    return matches(op.operand, v, ctx);
  default:
    return false;
  }
}

} // namespace

bool testListValue(const Operator& op, const PathInfo& path, const Value& v,
                   const EvalContext& ctx) {
  switch (op.op) {
  case Op::Contains:
    return equal(op.operand, path.type, v);
  case Op::Intersects:
    return member(op.operand, path.type, v, *ctx.view);
  case Op::Matches:
    return matches(op.operand, v, ctx);
  default:
    return false;
  }
}

namespace {

bool testList(const Operator& op, const PathInfo& path, const EvalContext& ctx) {
  switch (op.op) {
  case Op::Exists: {
    const bool nonEmpty = forAnyListValue(path, ctx, [](const Value&) { return true; });
    return nonEmpty == (op.operand.integer != 0);
  }
  case Op::Contains:
  case Op::Intersects:
  case Op::Matches:
    return forAnyListValue(path, ctx,
                           [&](const Value& v) { return testListValue(op, path, v, ctx); });
  default:
    return false;
  }
}

// `exists` on an object list (the only operator it takes).
bool testObjectList(const Operator& op, const PathInfo& path, const EvalContext& ctx) {
  const Workload& w = *ctx.workload;
  const bool nonEmpty = path.field == Field::Chips  ? !w.chips.empty()
                        : path.field == Field::Data ? !w.data.empty()
                                                    : !w.authorizations.empty();
  return nonEmpty == (op.operand.integer != 0);
}

// A leaf: all of its operators hold for the value at `path`.
bool testLeaf(const PathInfo& path, std::span<const Operator> ops, const EvalContext& ctx) {
  if (path.shape == Shape::ObjectList)
    return std::all_of(ops.begin(), ops.end(),
                       [&](const Operator& op) { return testObjectList(op, path, ctx); });
  if (path.shape == Shape::List)
    return std::all_of(ops.begin(), ops.end(),
                       [&](const Operator& op) { return testList(op, path, ctx); });
  return testValue(path, ops, readScalar(path, ctx), ctx);
}

// Calls f(elementContext, index) for each element of an object list until f returns true.
template <class F> bool anyElement(const PathInfo& list, const EvalContext& ctx, F&& f) {
  EvalContext element = ctx;
  const Workload& w = *ctx.workload;
  switch (list.field) {
  case Field::Chips:
    for (std::size_t i = 0; i < w.chips.size(); ++i) {
      element.chip = &w.chips[i];
      element.spec = w.chips[i].spec;
      if (f(element, static_cast<int>(i))) return true;
    }
    return false;
  case Field::Data:
    for (std::size_t i = 0; i < w.data.size(); ++i) {
      element.data = &w.data[i];
      if (f(element, static_cast<int>(i))) return true;
    }
    return false;
  case Field::Authorizations:
    for (std::size_t i = 0; i < w.authorizations.size(); ++i) {
      element.auth = &w.authorizations[i];
      if (f(element, static_cast<int>(i))) return true;
    }
    return false;
  default:
    return false;
  }
}

} // namespace

bool testValue(const PathInfo& path, std::span<const Operator> ops, const Value& v,
               const EvalContext& ctx) {
  return std::all_of(ops.begin(), ops.end(),
                     [&](const Operator& op) { return testScalar(op, path, v, ctx); });
}

EvalContexts evalContexts(const Workload& workload, const DateView& view,
                          const Screening& screening, EvalCache* cache) {
  EvalContexts out;
  out.exact.workload = &workload;
  out.exact.view = &view;
  out.exact.screening = &screening;
  out.exact.cache = cache;
  out.fuzzy = out.exact;
  out.fuzzy.withFuzzy = true;
  return out;
}

bool testOperator(const Operator& op, const PathInfo& path, const EvalContext& ctx) {
  switch (path.shape) {
  case Shape::ObjectList:
    return testObjectList(op, path, ctx);
  case Shape::List:
    return testList(op, path, ctx);
  case Shape::Scalar:
    return testScalar(op, path, readScalar(path, ctx), ctx);
  }
  return false;
}

bool evaluate(const Condition& c, const EvalContext& ctx) {
  using K = Condition::Kind;
  switch (c.kind) {
  case K::All:
    for (const auto& child : c.children)
      if (!evaluate(child, ctx)) return false;
    return true;
  case K::Any:
    for (const auto& child : c.children)
      if (evaluate(child, ctx)) return true;
    return false;
  case K::Not:
    return !evaluate(c.children.front(), ctx);
  case K::Leaf:
    return testLeaf(*c.path, c.ops, ctx);
  case K::ListAny:
    return anyElement(*c.path, ctx,
                      [&](const EvalContext& e, int) { return evaluate(c.children.front(), e); });
  case K::ListAll: // vacuously true for an empty list
    return !anyElement(*c.path, ctx,
                       [&](const EvalContext& e, int) { return !evaluate(c.children.front(), e); });
  case K::ListNone:
    return !anyElement(*c.path, ctx,
                       [&](const EvalContext& e, int) { return evaluate(c.children.front(), e); });
  }
  return false;
}

namespace {

// evaluate(Condition) over the flat nodes: node i's children start at i + 1, each child's
// `end` is where its next sibling starts.
bool run(const ConditionProgram& program, std::uint32_t i, const EvalContext& ctx) {
  using K = ProgramNode::Kind;
  const ProgramNode* nodes = program.nodes();
  const ProgramNode& n = nodes[i];
  switch (n.kind) {
  case K::All:
    for (std::uint32_t child = i + 1; child < n.end; child = nodes[child].end)
      if (!run(program, child, ctx)) return false;
    return true;
  case K::Any:
    for (std::uint32_t child = i + 1; child < n.end; child = nodes[child].end)
      if (run(program, child, ctx)) return true;
    return false;
  case K::Not:
    return !run(program, i + 1, ctx);
  case K::Leaf:
    return testLeaf(*n.path, {n.ops, n.opCount}, ctx);
  case K::ValueLeaf: {
    const Value v = readScalar(*n.path, ctx);
    if (!v.present) return n.whenAbsent;
    if (v.integer >= 0 && v.integer < n.values)
      return program.answers(n.answers).test(static_cast<std::size_t>(v.integer));
    return testValue(*n.path, {n.ops, n.opCount}, v, ctx);
  }
  case K::ValueListLeaf: {
    const std::bitset<256>& answers = program.answers(n.answers);
    return forAnyListValue(*n.path, ctx, [&](const Value& v) {
      if (v.integer >= 0 && v.integer < n.values)
        return answers.test(static_cast<std::size_t>(v.integer));
      return testListValue(*n.ops, *n.path, v, ctx);
    });
  }
  case K::ListAny:
    return anyElement(*n.path, ctx,
                      [&](const EvalContext& e, int) { return run(program, i + 1, e); });
  case K::ListAll:
    return !anyElement(*n.path, ctx,
                       [&](const EvalContext& e, int) { return !run(program, i + 1, e); });
  case K::ListNone:
    return !anyElement(*n.path, ctx,
                       [&](const EvalContext& e, int) { return run(program, i + 1, e); });
  }
  return false;
}

} // namespace

bool evaluate(const ConditionProgram& program, std::uint32_t root, const EvalContext& ctx) {
  return run(program, root, ctx);
}

namespace {

void addUnique(std::vector<int>& v, int i) {
  if (std::find(v.begin(), v.end(), i) == v.end()) v.push_back(i);
}

// Walks the parts of a true condition that hold in positive polarity (not under `not` or
// `none`), recording the list elements and the first located value that made it true.
// `c` holds in `ctx` on every call (so does every child of an `all`, and a leaf reached here).
void collect(const Condition& c, const EvalContext& ctx, Firing& out) {
  using K = Condition::Kind;
  switch (c.kind) {
  case K::All:
    for (const auto& child : c.children) collect(child, ctx, out);
    return;
  case K::Any:
    for (const auto& child : c.children)
      if (evaluate(child, ctx)) collect(child, ctx, out);
    return;
  case K::Leaf:
    if (!out.first.known()) out.first = locate(*c.path, ctx);
    return;
  case K::ListAny:
  case K::ListAll:
    anyElement(*c.path, ctx, [&](const EvalContext& e, int i) {
      if (!evaluate(c.children.front(), e)) return false;
      if (c.path->field == Field::Chips) addUnique(out.chips, i);
      if (c.path->field == Field::Data) addUnique(out.data, i);
      collect(c.children.front(), e, out);
      return false;
    });
    return;
  case K::Not:
  case K::ListNone:
    return;
  }
}

} // namespace

void collectFiring(const Condition& c, const EvalContext& ctx, Firing& out) {
  if (evaluate(c, ctx)) collect(c, ctx, out);
}

void collectFiringHeld(const Condition& c, const EvalContext& ctx, Firing& out) {
  collect(c, ctx, out);
}

} // namespace borderline
