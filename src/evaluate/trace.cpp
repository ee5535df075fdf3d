#include "evaluate/trace.hpp"

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

std::string seenValues(const Condition& c, const EvalContext& ctx) {
  const PathInfo& path = *c.path;
  if (path.field == Field::PartySelf)
    return ctx.workload->party(path.role).present ? "declared" : "(not declared)";
  if (path.shape == Shape::Scalar) return formatValue(path, readScalar(path, ctx));
  std::vector<std::string> values;
  anyListValue(path, ctx, [&](const Value& v) {
    values.push_back(formatValue(path, v));
    return false;
  });
  return values.empty() ? "(none)" : fmt::format("[{}]", fmt::join(values, ", "));
}

TraceNode traceList(const Condition& c, const EvalContext& ctx) {
  static constexpr const char* kKinds[] = {"", "", "", "", "any", "all", "none"};
  TraceNode node{fmt::format("{} {}", c.path->path, kKinds[static_cast<int>(c.kind)]),
                 {},
                 evaluate(c, ctx),
                 c.loc,
                 {}};
  const Workload& w = *ctx.workload;
  EvalContext e = ctx;
  auto element = [&](std::string label) {
    TraceNode child = traceCondition(c.children.front(), e);
    child.label = label + ": " + child.label;
    node.children.push_back(std::move(child));
  };
  switch (c.path->field) {
  case Field::Chips:
    for (std::size_t i = 0; i < w.chips.size(); ++i) {
      e.chip = &w.chips[i];
      e.spec = w.chips[i].spec;
      element(fmt::format("compute.chips[{}] {}", i, w.chips[i].model));
    }
    break;
  case Field::Data:
    for (std::size_t i = 0; i < w.data.size(); ++i) {
      e.data = &w.data[i];
      element(fmt::format("data[{}] {}", i, w.data[i].name.value.value_or("")));
    }
    break;
  default:
    for (std::size_t i = 0; i < w.authorizations.size(); ++i) {
      e.auth = &w.authorizations[i];
      element(fmt::format("authorizations[{}] {}", i, w.authorizations[i].type.value.value_or("")));
    }
    break;
  }
  return node;
}

} // namespace

TraceNode traceCondition(const Condition& c, const EvalContext& ctx) {
  using K = Condition::Kind;
  switch (c.kind) {
  case K::All:
  case K::Any:
  case K::Not: {
    TraceNode node{c.kind == K::All   ? "all"
                   : c.kind == K::Any ? "any"
                                      : "not",
                   {},
                   evaluate(c, ctx),
                   c.loc,
                   {}};
    for (const auto& child : c.children) node.children.push_back(traceCondition(child, ctx));
    return node;
  }
  case K::Leaf:
    return {leafLabel(c), seenValues(c, ctx), evaluate(c, ctx), c.loc, {}};
  default:
    return traceList(c, ctx);
  }
}

} // namespace borderline
