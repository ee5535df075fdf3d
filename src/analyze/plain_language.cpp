#include "analyze/plain_language.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "evaluate/render.hpp"

namespace borderline {

namespace {

using K = TraceNode::Kind;

std::string_view noun(const PathInfo* list) {
  if (!list) return "element";
  switch (list->field) {
  case Field::Chips:
    return "chip";
  case Field::Data:
    return "data source";
  default:
    return "authorization";
  }
}

// A value as read, with the country's name for country codes: "CN (China)".
std::string valueText(const PathInfo& path, const std::string& value) {
  if (path.type != ValueType::Country) return value;
  const auto id = countryFromCode(value);
  return id ? fmt::format("{} ({})", value, countryName(*id)) : value;
}

// The operand as the rule wrote it; numbers with thousands separators.
std::string operandText(const PathInfo& path, const Operator& op) {
  if (path.type == ValueType::Number && (op.op == Op::Gt || op.op == Op::Gte || op.op == Op::Lt ||
                                         op.op == Op::Lte || op.op == Op::Eq || op.op == Op::Ne))
    return formatNumber(op.operand.number);
  return op.source;
}

std::string onDate(const Operator& op, Date date) {
  return op.operand.groups.empty() ? "" : " on " + date.str();
}

// A country set as the rule wrote it, split into groups and fixed members: the source text is
// a flow list of codes and "@GROUP" names (compile_condition.cpp).
struct CountrySetText {
  std::vector<std::string> groups, members;
};
CountrySetText countrySet(const Operator& op) {
  CountrySetText out;
  std::string item;
  auto flush = [&] {
    if (item.starts_with("@"))
      out.groups.push_back(item.substr(1));
    else if (!item.empty())
      out.members.push_back(item);
    item.clear();
  };
  for (char c : op.source) {
    if (c == ',' || c == ']')
      flush();
    else if (c != '[' && c != '"' && c != '\'' && c != ' ')
      item += c;
  }
  flush();
  return out;
}

std::string orList(const std::vector<std::string>& items) {
  if (items.size() <= 1) return items.empty() ? "" : items.front();
  return fmt::format("{} or {}", fmt::join(items.begin(), items.end() - 1, ", "), items.back());
}

// "group D5 on 2025-09-01", "groups EEA or EU_ADEQUATE on ...", "[CN, HK]", or both joined.
std::string setText(const std::vector<std::string>& groups, const std::vector<std::string>& members,
                    Date date, std::string_view joiner) {
  std::vector<std::string> parts;
  if (!groups.empty())
    parts.push_back(
        fmt::format("group{} {} on {}", groups.size() > 1 ? "s" : "", orList(groups), date.str()));
  if (!members.empty()) parts.push_back(fmt::format("[{}]", fmt::join(members, ", ")));
  return fmt::format("{}", fmt::join(parts, joiner));
}

// The operand of a set operator: country sets name their groups; other sets as written.
std::string setOperand(const PathInfo& path, const Operator& op, Date date,
                       std::string_view joiner) {
  if (path.type != ValueType::Country) return op.source;
  const CountrySetText set = countrySet(op);
  return setText(set.groups, set.members, date, joiner);
}

// Where a value was found: the groups and members of `because`.
std::string where(const TraceTest& t, Date date) {
  std::vector<std::string> groups, members;
  for (const auto& b : t.because)
    (b.starts_with("@") ? groups : members).push_back(b.starts_with("@") ? b.substr(1) : b);
  return setText(groups, members, date, " and in ");
}

std::string clause(const TraceTest& t, const PathInfo& path, Date date) {
  const Operator& op = *t.op;
  const std::string o = operandText(path, op);
  const bool r = t.result;
  switch (op.op) {
  case Op::Eq:
    return r ? "equals " + o : "does not equal " + o;
  case Op::Ne:
    return r ? "is not " + o : "equals " + o + ", which the condition excludes";
  case Op::In:
    return r ? "is in " + where(t, date) : "is not in " + setOperand(path, op, date, " nor in ");
  case Op::NotIn:
    return r ? "is not in " + setOperand(path, op, date, " nor in ")
             : "is in " + where(t, date) + ", which the condition excludes";
  case Op::Gt:
    return r ? "is more than " + o : "is not more than " + o;
  case Op::Gte:
    return r ? "is at least " + o : "is less than " + o;
  case Op::Lt:
    return r ? "is less than " + o : "is not less than " + o;
  case Op::Lte:
    return r ? "is at most " + o : "is more than " + o;
  case Op::Matches:
    return r ? "matches " + o : "does not match " + o;
  case Op::Contains:
    return r ? "includes " + o : "does not include " + o;
  case Op::Intersects:
    return r ? fmt::format("includes {}, one of {}{}", fmt::join(t.because, ", "), o,
                           onDate(op, date))
             : "has none of " + o + onDate(op, date);
  case Op::Exists:
    return "";
  }
  return "";
}

std::string conditionSource(const TraceNode& n) {
  std::vector<std::string> ops;
  for (const auto& t : n.tests) ops.push_back(fmt::format("{} {}", opName(t.op->op), t.op->source));
  return fmt::format("{}", fmt::join(ops, ", "));
}

std::string leafSentence(const TraceNode& n, std::string_view prefix, Date date) {
  const PathInfo& path = *n.path;
  const std::string name = std::string(prefix) + std::string(path.path);
  const bool present = !n.values.empty();
  const bool excludesValue = std::any_of(n.tests.begin(), n.tests.end(), [](const TraceTest& t) {
    return t.op->op == Op::Exists && t.op->operand.integer == 0;
  });
  const bool wantsMissing = n.tests.size() == 1 && n.tests.front().op->op == Op::Exists &&
                            n.tests.front().op->operand.integer == 0;
  if (path.shape == Shape::ObjectList)
    return present ? fmt::format("{} has {}", name, n.values.front())
                   : fmt::format("{} is empty", name) + (wantsMissing ? ", as required" : "");
  if (path.field == Field::PartySelf)
    return present
               ? fmt::format("{} is declared ({})", name, n.values.front())
               : fmt::format("{} is not declared", name) + (wantsMissing ? ", as required" : "");
  if (!present) {
    const std::string subject =
        path.shape == Shape::List ? name + " is empty" : name + " is not declared";
    if (wantsMissing) return subject + ", as required";
    bool onlyExists = true;
    for (const auto& t : n.tests) onlyExists = onlyExists && t.op->op == Op::Exists;
    return onlyExists ? subject
                      : fmt::format("{}, so ({}) does not hold", subject, conditionSource(n));
  }
  std::string subject;
  if (path.shape == Shape::List) {
    std::vector<std::string> shown;
    for (const auto& v : n.values) shown.push_back(valueText(path, v));
    subject = fmt::format("{} is [{}]", name, fmt::join(shown, ", "));
  } else {
    subject = fmt::format("{} is {}", name, valueText(path, n.values.front()));
  }
  if (excludesValue) return subject + ", but the condition needs it not to be declared";
  std::vector<std::string> clauses;
  for (const auto& t : n.tests)
    if (t.op->op != Op::Exists) clauses.push_back(clause(t, path, date));
  if (clauses.empty()) return subject;
  return fmt::format("{}, which {}", subject, fmt::join(clauses, " and "));
}

} // namespace

std::string describeNode(const TraceNode& n, std::string_view prefix, Date date) {
  const bool r = n.result;
  switch (n.kind) {
  case K::All:
    return r ? "all of these hold:" : "not all of these hold:";
  case K::Any:
    return r ? "at least one of these holds:" : "none of these holds:";
  case K::Not:
    return r ? "the following must not hold, and does not:"
             : "the following must not hold, but does:";
  case K::Leaf:
    return leafSentence(n, prefix, date);
  case K::ListAny:
    return fmt::format(fmt::runtime(r ? "some {} matches:" : "no {} matches:"), noun(n.path));
  case K::ListAll:
    return fmt::format(fmt::runtime(r ? "every {} matches:" : "not every {} matches:"),
                       noun(n.path));
  case K::ListNone:
    return fmt::format(
        fmt::runtime(r ? "no {} may match, and none does:" : "no {} may match, but one does:"),
        noun(n.path));
  case K::Element:
    return fmt::format("{} {}", n.label, r ? "matches:" : "does not match:");
  }
  return n.label;
}

namespace {

// Whether a child is needed to see why its parent has its result.
bool decides(const TraceNode& parent, const TraceNode& child) {
  switch (parent.kind) {
  case K::All:
  case K::ListAll:
    return parent.result || !child.result;
  case K::Any:
  case K::ListAny:
    return !parent.result || child.result;
  case K::ListNone:
    return parent.result || child.result;
  default:
    return true;
  }
}

void walk(const TraceNode& n, std::string prefix, int depth, Date date, bool pruned,
          std::vector<ExplainedLine>& out) {
  // A one-child `all` or `any` adds nothing to read: show its child in its place.
  if ((n.kind == K::All || n.kind == K::Any) && n.children.size() == 1) {
    walk(n.children.front(), prefix, depth, date, pruned, out);
    return;
  }
  out.push_back({depth, n.result, describeNode(n, prefix, date)});
  if (n.kind == K::ListAny || n.kind == K::ListAll || n.kind == K::ListNone)
    prefix += std::string(n.path->path) + ".";
  for (const auto& child : n.children)
    if (!pruned || decides(n, child)) walk(child, prefix, depth + 1, date, pruned, out);
}

} // namespace

std::vector<ExplainedLine> explainLines(const TraceNode& root, Date date, bool pruned) {
  std::vector<ExplainedLine> out;
  walk(root, "", 0, date, pruned, out);
  return out;
}

} // namespace borderline
