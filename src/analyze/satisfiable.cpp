#include "analyze/satisfiable.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/format.h>

namespace borderline {

namespace {

using Kind = Condition::Kind;

// The operators of one path that must all hold together.
struct Conjunction {
  const PathInfo* path = nullptr;
  std::vector<const Operator*> ops;
};

std::string describe(const Conjunction& c) {
  std::vector<std::string> ops;
  for (const Operator* op : c.ops) ops.push_back(fmt::format("{}: {}", opName(op->op), op->source));
  return fmt::format("{}: {{{}}}", c.path->path, fmt::join(ops, ", "));
}

class Checker {
public:
  Checker(const CompiledRules& rules, Date date) : rules_(rules), date_(date) {}

  // The reason `c` cannot hold on the date, or empty.
  std::string never(const Condition& c) const {
    switch (c.kind) {
    case Kind::All: {
      for (const auto& child : c.children)
        if (auto why = never(child); !why.empty()) return why;
      // Leaves on one path, gathered across this `all`.
      std::vector<Conjunction> byPath;
      for (const auto& child : c.children) {
        if (child.kind != Kind::Leaf || !child.path) continue;
        auto it = std::find_if(byPath.begin(), byPath.end(),
                               [&](const Conjunction& j) { return j.path == child.path; });
        if (it == byPath.end()) byPath.push_back({child.path, {}}), it = byPath.end() - 1;
        for (const auto& op : child.ops) it->ops.push_back(&op);
      }
      for (const auto& j : byPath)
        if (auto why = contradiction(j); !why.empty()) return why;
      return {};
    }
    case Kind::Any: {
      std::string first;
      for (const auto& child : c.children) {
        auto why = never(child);
        if (why.empty()) return {};
        if (first.empty()) first = why;
      }
      return c.children.size() == 1
                 ? first
                 : "none of the alternatives of an `any` can hold (" + first + ", ...)";
    }
    case Kind::Leaf: {
      if (!c.path) return {};
      Conjunction j{c.path, {}};
      for (const auto& op : c.ops) j.ops.push_back(&op);
      return contradiction(j);
    }
    case Kind::ListAny: {
      auto why = never(c.children.front());
      return why.empty() ? "" : fmt::format("no element of {} can match: {}", c.path->path, why);
    }
    default:
      return {}; // not, list all / none: may always hold
    }
  }

private:
  CountrySet resolve(const Operand& o) const {
    CountrySet set = o.countries;
    for (std::uint16_t g : o.groups) set |= rules_.groups[g].membersOn(date_);
    return set;
  }

  std::string emptyGroups(const Operator& op) const {
    std::vector<std::string> names;
    for (std::uint16_t g : op.operand.groups) names.push_back("@" + rules_.groups[g].name);
    return fmt::format("{} {} no members", fmt::join(names, ", "),
                       names.size() > 1 ? "have" : "has");
  }

  std::string contradiction(const Conjunction& j) const {
    const auto has = [&](Op op, std::int64_t integer) {
      return std::any_of(j.ops.begin(), j.ops.end(), [&](const Operator* o) {
        return o->op == op && o->operand.integer == integer;
      });
    };
    const bool missingOnly = has(Op::Exists, 0);
    if (missingOnly &&
        (has(Op::Exists, 1) || std::any_of(j.ops.begin(), j.ops.end(),
                                           [](const Operator* o) { return o->op != Op::Exists; })))
      return fmt::format("{} cannot hold: exists: false allows no other operator to hold",
                         describe(j));
    if (j.path->shape == Shape::List) return listContradiction(j);
    if (j.path->shape != Shape::Scalar) return {};
    switch (j.path->type) {
    case ValueType::Number:
    case ValueType::Date:
      return orderedContradiction(j);
    case ValueType::Country:
      return countryContradiction(j);
    case ValueType::Enum:
    case ValueType::Bool:
      return enumContradiction(j);
    case ValueType::String:
      return stringContradiction(j);
    default:
      return {};
    }
  }

  std::string listContradiction(const Conjunction& j) const {
    for (const Operator* op : j.ops)
      if (op->op == Op::Intersects && j.path->type == ValueType::Country &&
          resolve(op->operand).empty())
        return fmt::format("{} cannot hold: {}", describe(j), emptyGroups(*op));
    return {};
  }

  std::string orderedContradiction(const Conjunction& j) const {
    const bool isDate = j.path->type == ValueType::Date;
    auto value = [&](const Operand& o) {
      return isDate ? static_cast<double>(o.integer) : o.number;
    };
    double lo = -std::numeric_limits<double>::infinity(),
           hi = std::numeric_limits<double>::infinity();
    bool loOpen = false, hiOpen = false;
    std::optional<double> eq;
    std::vector<double> excluded;
    const std::vector<double>* allowed = nullptr;
    for (const Operator* op : j.ops) {
      const double v = value(op->operand);
      switch (op->op) {
      case Op::Gt:
        if (v > lo || (v == lo && !loOpen)) lo = v, loOpen = true;
        break;
      case Op::Gte:
        if (v > lo) lo = v, loOpen = false;
        break;
      case Op::Lt:
        if (v < hi || (v == hi && !hiOpen)) hi = v, hiOpen = true;
        break;
      case Op::Lte:
        if (v < hi) hi = v, hiOpen = false;
        break;
      case Op::Eq:
        if (eq && *eq != v)
          return fmt::format("{} cannot hold: two different eq values", describe(j));
        eq = v;
        break;
      case Op::Ne:
        excluded.push_back(v);
        break;
      case Op::NotIn:
        excluded.insert(excluded.end(), op->operand.numbers.begin(), op->operand.numbers.end());
        break;
      case Op::In:
        allowed = &op->operand.numbers;
        break;
      default:
        break;
      }
    }
    auto inside = [&](double v) {
      return (v > lo || (v == lo && !loOpen)) && (v < hi || (v == hi && !hiOpen)) &&
             std::find(excluded.begin(), excluded.end(), v) == excluded.end();
    };
    if (lo > hi || (lo == hi && (loOpen || hiOpen)))
      return fmt::format("{} cannot hold: no value satisfies both bounds", describe(j));
    if (eq && !inside(*eq))
      return fmt::format("{} cannot hold: the eq value is excluded by the other operators",
                         describe(j));
    if (allowed && std::none_of(allowed->begin(), allowed->end(), inside))
      return fmt::format("{} cannot hold: no value of the in list satisfies the other operators",
                         describe(j));
    return {};
  }

  std::string countryContradiction(const Conjunction& j) const {
    CountrySet possible;
    for (int c = 0; c < kCountryCount; ++c) possible.add(static_cast<CountryId>(c));
    for (const Operator* op : j.ops) {
      CountrySet next;
      switch (op->op) {
      case Op::Eq:
        if (possible.contains(static_cast<CountryId>(op->operand.integer)))
          next.add(static_cast<CountryId>(op->operand.integer));
        possible = next;
        break;
      case Op::Ne:
        possible.remove(static_cast<CountryId>(op->operand.integer));
        break;
      case Op::In: {
        const CountrySet set = resolve(op->operand);
        if (set.empty())
          return fmt::format("{} cannot hold: {} on {}", describe(j), emptyGroups(*op),
                             date_.str());
        possible.forEach([&](CountryId c) {
          if (set.contains(c)) next.add(c);
        });
        possible = next;
        break;
      }
      case Op::NotIn:
        resolve(op->operand).forEach([&](CountryId c) { possible.remove(c); });
        break;
      default:
        break;
      }
    }
    if (possible.empty())
      return fmt::format("{} cannot hold: no country satisfies every operator on {}", describe(j),
                         date_.str());
    return {};
  }

  std::string enumContradiction(const Conjunction& j) const {
    const std::size_t size = j.path->type == ValueType::Bool ? 2 : j.path->domain->names.size();
    std::uint64_t possible = size >= 64 ? ~0ull : (1ull << size) - 1;
    for (const Operator* op : j.ops) {
      const std::uint64_t bit = 1ull << op->operand.integer;
      switch (op->op) {
      case Op::Eq:
        possible &= bit;
        break;
      case Op::Ne:
        possible &= ~bit;
        break;
      case Op::In:
        possible &= op->operand.enumMask;
        break;
      case Op::NotIn:
        possible &= ~op->operand.enumMask;
        break;
      default:
        break;
      }
    }
    return possible ? ""
                    : fmt::format("{} cannot hold: no value satisfies every operator", describe(j));
  }

  std::string stringContradiction(const Conjunction& j) const {
    std::optional<std::string> eq;
    std::vector<std::string> excluded;
    const std::vector<std::string>* allowed = nullptr;
    for (const Operator* op : j.ops) {
      switch (op->op) {
      case Op::Eq:
        if (eq && *eq != op->operand.text)
          return fmt::format("{} cannot hold: two different eq values", describe(j));
        eq = op->operand.text;
        break;
      case Op::Ne:
        excluded.push_back(op->operand.text);
        break;
      case Op::NotIn:
        excluded.insert(excluded.end(), op->operand.texts.begin(), op->operand.texts.end());
        break;
      case Op::In:
        allowed = &op->operand.texts;
        break;
      default:
        break;
      }
    }
    auto ok = [&](const std::string& v) {
      return std::find(excluded.begin(), excluded.end(), v) == excluded.end() &&
             (!allowed || std::find(allowed->begin(), allowed->end(), v) != allowed->end());
    };
    if (eq && !ok(*eq))
      return fmt::format("{} cannot hold: the eq value is excluded by the other operators",
                         describe(j));
    if (allowed && std::none_of(allowed->begin(), allowed->end(), ok))
      return fmt::format("{} cannot hold: every value of the in list is excluded", describe(j));
    return {};
  }

  const CompiledRules& rules_;
  Date date_;
};

// The dates on which group membership, and so the answer, can change within the window.
std::vector<Date> datesIn(const CompiledRules& rules, Date from, std::optional<Date> until) {
  std::vector<Date> out{from};
  auto add = [&](Date d) {
    if (d > from && (!until || d <= *until)) out.push_back(d);
  };
  for (const auto& g : rules.groups) {
    if (g.effective) add(*g.effective);
    for (const auto& c : g.changes) add(c.date);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

} // namespace

std::optional<std::string> neverHolds(const Condition& condition, const CompiledRules& rules,
                                      Date from, std::optional<Date> until) {
  std::string first;
  for (Date d : datesIn(rules, from, until)) {
    const std::string why = Checker(rules, d).never(condition);
    if (why.empty()) return std::nullopt;
    if (first.empty()) first = why;
  }
  return first;
}

} // namespace borderline
