#include "evaluate/trace.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "evaluate/render.hpp"

namespace borderline {

namespace {

std::string leafLabel(const Condition& c) {
  std::string out(c.path->path);
  for (std::size_t i = 0; i < c.ops.size(); ++i)
    out += fmt::format("{} {} {}", i ? "," : "", opName(c.ops[i].op), c.ops[i].source);
  return out;
}

std::vector<std::string> valuesAt(const PathInfo& path, const EvalContext& ctx) {
  std::vector<std::string> values;
  if (path.field == Field::PartySelf) {
    const Party& p = ctx.workload->party(path.role);
    if (p.present) values.push_back(p.name.value.value_or("(unnamed)"));
  } else if (path.shape == Shape::ObjectList) {
    const Workload& w = *ctx.workload;
    const std::size_t n = path.field == Field::Chips  ? w.chips.size()
                          : path.field == Field::Data ? w.data.size()
                                                      : w.authorizations.size();
    if (n) values.push_back(fmt::format("{} entr{}", n, n == 1 ? "y" : "ies"));
  } else if (path.shape == Shape::Scalar) {
    const Value v = readScalar(path, ctx);
    if (v.present) values.push_back(formatValue(path, v));
  } else {
    anyListValue(path, ctx, [&](const Value& v) {
      values.push_back(formatValue(path, v));
      return false;
    });
  }
  return values;
}

// Where a value was found in a set operand: a fixed member, or groups holding it on the date.
void membership(const Operand& set, const PathInfo& path, const Value& v, const EvalContext& ctx,
                std::vector<std::string>& out) {
  if (path.type == ValueType::Country) {
    const auto id = static_cast<CountryId>(v.integer);
    if (set.countries.contains(id)) out.emplace_back(countryCode(id));
    for (std::uint16_t g : set.groups)
      if (ctx.view->group(g).contains(id)) out.push_back("@" + ctx.view->rules().groups[g].name);
    return;
  }
  const bool member = path.type == ValueType::Enum ? ((set.enumMask >> v.integer) & 1u) != 0
                      : path.type == ValueType::String
                          ? std::find(set.texts.begin(), set.texts.end(), v.text) != set.texts.end()
                          : false;
  if (member) out.push_back(formatValue(path, v));
}

TraceTest test(const Operator& op, const PathInfo& path, const EvalContext& ctx) {
  TraceTest t{&op, testOperator(op, path, ctx), {}};
  const bool setOp = op.op == Op::In || op.op == Op::NotIn || op.op == Op::Intersects;
  if (setOp && path.shape == Shape::Scalar) {
    const Value v = readScalar(path, ctx);
    if (v.present) membership(op.operand, path, v, ctx, t.because);
  } else if (op.op == Op::Intersects) {
    anyListValue(path, ctx, [&](const Value& v) {
      std::vector<std::string> found;
      membership(op.operand, path, v, ctx, found);
      if (!found.empty()) t.because.push_back(formatValue(path, v));
      return false;
    });
  }
  return t;
}

TraceNode traceList(const Condition& c, const EvalContext& ctx) {
  using K = TraceNode::Kind;
  static constexpr const char* kKinds[] = {"", "", "", "", "any", "all", "none"};
  TraceNode node;
  node.kind = c.kind == Condition::Kind::ListAny   ? K::ListAny
              : c.kind == Condition::Kind::ListAll ? K::ListAll
                                                   : K::ListNone;
  node.label = fmt::format("{} {}", c.path->path, kKinds[static_cast<int>(c.kind)]);
  node.result = evaluate(c, ctx);
  node.loc = c.loc;
  node.path = c.path;
  const Workload& w = *ctx.workload;
  EvalContext e = ctx;
  auto element = [&](std::string label, Location loc) {
    TraceNode child;
    child.kind = K::Element;
    child.label = std::move(label);
    child.loc = loc;
    child.children.push_back(traceCondition(c.children.front(), e));
    child.result = child.children.front().result;
    node.children.push_back(std::move(child));
  };
  switch (c.path->field) {
  case Field::Chips:
    for (std::size_t i = 0; i < w.chips.size(); ++i) {
      e.chip = &w.chips[i];
      e.spec = w.chips[i].spec;
      element(fmt::format("compute.chips[{}] {}", i, w.chips[i].model), w.chips[i].loc);
    }
    break;
  case Field::Data:
    for (std::size_t i = 0; i < w.data.size(); ++i) {
      e.data = &w.data[i];
      element(fmt::format("data[{}] \"{}\"", i, w.data[i].name.value.value_or("")), w.data[i].loc);
    }
    break;
  default:
    for (std::size_t i = 0; i < w.authorizations.size(); ++i) {
      e.auth = &w.authorizations[i];
      element(fmt::format("authorizations[{}] {}", i, w.authorizations[i].type.value.value_or("")),
              w.authorizations[i].loc);
    }
    break;
  }
  return node;
}

} // namespace

TraceNode traceCondition(const Condition& c, const EvalContext& ctx) {
  using K = Condition::Kind;
  TraceNode node;
  node.result = evaluate(c, ctx);
  node.loc = c.loc;
  switch (c.kind) {
  case K::All:
  case K::Any:
  case K::Not:
    node.kind = c.kind == K::All   ? TraceNode::Kind::All
                : c.kind == K::Any ? TraceNode::Kind::Any
                                   : TraceNode::Kind::Not;
    node.label = c.kind == K::All ? "all" : c.kind == K::Any ? "any" : "not";
    for (const auto& child : c.children) node.children.push_back(traceCondition(child, ctx));
    return node;
  case K::Leaf:
    node.kind = TraceNode::Kind::Leaf;
    node.label = leafLabel(c);
    node.path = c.path;
    node.values = valuesAt(*c.path, ctx);
    if (c.path->shape != Shape::List)
      node.seen = node.values.empty() ? "(not declared)" : node.values.front();
    else
      node.seen =
          node.values.empty() ? "(none)" : fmt::format("[{}]", fmt::join(node.values, ", "));
    for (const auto& op : c.ops) node.tests.push_back(test(op, *c.path, ctx));
    return node;
  default:
    return traceList(c, ctx);
  }
}

} // namespace borderline
