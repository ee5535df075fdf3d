#include "evaluate/condition_program.hpp"

#include <stdexcept>

#include "evaluate/condition_eval.hpp"

namespace borderline {

ConditionProgram::ConditionProgram(const std::vector<const Rule*>& rules, const DateView& view) {
  roots_.reserve(rules.size());
  for (const Rule* rule : rules) {
    const std::uint32_t when = add(rule->when, view);
    roots_.push_back({when, rule->unless ? add(*rule->unless, view) : kNone});
  }
}

// Appends the subtree in pre-order and returns the index of its root.
std::uint32_t ConditionProgram::add(const Condition& c, const DateView& view) {
  if (nodes_.size() >= kNone || c.ops.size() > UINT16_MAX)
    throw std::length_error("rule conditions too large for a condition program");
  using K = Condition::Kind;
  using P = ProgramNode::Kind;
  const auto at = static_cast<std::uint32_t>(nodes_.size());
  ProgramNode node;
  static constexpr P kKinds[] = {P::All,     P::Any,     P::Not,     P::Leaf,
                                 P::ListAny, P::ListAll, P::ListNone};
  node.kind = kKinds[static_cast<int>(c.kind)];
  node.opCount = static_cast<std::uint16_t>(c.ops.size());
  node.path = c.path;
  node.ops = c.ops.data();
  if (c.kind == K::Leaf) tabulate(c, view, node);
  nodes_.push_back(node);
  for (const auto& child : c.children) add(child, view);
  nodes_[at].end = static_cast<std::uint32_t>(nodes_.size());
  return at;
}

// Makes a scalar leaf on a country, enum or bool value a ValueLeaf: its operators' answer for
// each value they can take, found by testing them on that value (so it is theirs exactly).
// And a list leaf on enum values with one contains or intersects a ValueListLeaf.
void ConditionProgram::tabulate(const Condition& leaf, const DateView& view, ProgramNode& node) {
  const PathInfo& path = *leaf.path;
  const bool list = path.shape == Shape::List && path.type == ValueType::Enum &&
                    leaf.ops.size() == 1 &&
                    (leaf.ops[0].op == Op::Contains || leaf.ops[0].op == Op::Intersects);
  if (path.shape != Shape::Scalar && !list) return;
  std::size_t values = 0;
  if (path.type == ValueType::Country)
    values = kCountryCount;
  else if (path.type == ValueType::Bool)
    values = 2;
  else if (path.type == ValueType::Enum)
    values = path.domain->names.size();
  if (values == 0 || values > 256) return;
  for (const auto& op : leaf.ops)
    if (op.op == Op::Matches) return; // reads text (and never applies to these types)
  EvalContext ctx;
  ctx.view = &view;
  std::bitset<256> answers;
  for (std::size_t v = 0; v < values; ++v) {
    const Value value{true, 0, static_cast<std::int64_t>(v), {}};
    answers[v] =
        list ? testListValue(leaf.ops[0], path, value, ctx) : testValue(path, leaf.ops, value, ctx);
  }
  node.kind = list ? ProgramNode::Kind::ValueListLeaf : ProgramNode::Kind::ValueLeaf;
  node.whenAbsent = !list && testValue(path, leaf.ops, Value{}, ctx);
  node.values = static_cast<std::uint16_t>(values);
  node.answers = static_cast<std::uint32_t>(answers_.size());
  answers_.push_back(answers);
}

} // namespace borderline
