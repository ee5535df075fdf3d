#include "compile/compile_condition.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <re2/re2.h>

#include "util/text.hpp"

namespace borderline {

std::string_view opName(Op op) {
  static constexpr std::string_view kNames[] = {"eq",     "ne",       "in",         "notIn",
                                                "gt",     "gte",      "lt",         "lte",
                                                "exists", "contains", "intersects", "matches"};
  return kNames[static_cast<int>(op)];
}

namespace {

constexpr std::string_view kOps[] = {"eq", "ne",  "in",     "notIn",    "gt",         "gte",
                                     "lt", "lte", "exists", "contains", "intersects", "matches"};

class Compiler {
public:
  Compiler(YamlReader& r, const ConditionEnv& env) : r_(r), env_(env) {}

  Condition compile(const YAML::Node& node, Scope scope) {
    Condition c;
    c.loc = r_.at(node);
    if (!r_.isMap(node, "condition")) return c;
    if (node.size() == 0) {
      r_.error(node, "empty condition (expected all, any, not, or a path with operators)");
      return c;
    }
    const bool combinator = node.size() == 1 && node.begin()->first.IsScalar() &&
                            isCombinator(node.begin()->first.Scalar());
    if (combinator)
      return combine(node.begin()->first.Scalar(), node.begin()->second, scope, c.loc);
    // Several paths in one map must all hold (an implicit `all`).
    c.kind = Condition::Kind::All;
    std::vector<std::string> seen;
    for (auto it = node.begin(); it != node.end(); ++it) {
      const auto key = r_.string(it->first, "condition key");
      if (!key) continue;
      if (isCombinator(*key)) {
        r_.error(it->first, fmt::format("'{}' must be the only key of its condition map; wrap "
                                        "the other keys in their own conditions",
                                        *key));
        continue;
      }
      if (std::find(seen.begin(), seen.end(), *key) != seen.end()) {
        r_.error(it->first, fmt::format("duplicate path '{}' in one condition", *key));
        continue;
      }
      seen.push_back(*key);
      c.children.push_back(leaf(*key, it->first, it->second, scope));
    }
    if (c.children.size() == 1) return std::move(c.children.front());
    return c;
  }

private:
  static bool isCombinator(std::string_view key) {
    return key == "all" || key == "any" || key == "not";
  }

  Condition combine(const std::string& key, const YAML::Node& value, Scope scope, Location loc) {
    Condition c;
    c.loc = loc;
    if (key == "not") {
      c.kind = Condition::Kind::Not;
      c.children.push_back(compile(value, scope));
      return c;
    }
    c.kind = key == "all" ? Condition::Kind::All : Condition::Kind::Any;
    if (!r_.isList(value, key)) return c;
    if (value.size() == 0) r_.error(value, fmt::format("'{}' needs at least one condition", key));
    for (const auto& item : value) c.children.push_back(compile(item, scope));
    return c;
  }

  const PathInfo* resolve(std::string_view path, const YAML::Node& at, Scope scope) {
    const PathInfo* info = findPath(scope, path);
    if (info && env_.classification && !info->classification) {
      r_.error(at, fmt::format("path '{}' cannot be used in a classification (only chip facts: "
                               "id, name, vendor, origin, datacenter, tpp, performanceDensity, "
                               "memoryBandwidth, ioBandwidth, dieArea)",
                               path));
      return nullptr;
    }
    if (info) return info;
    std::vector<std::string_view> names;
    for (const auto& p : allPaths())
      if (p.scope == scope && (!env_.classification || p.classification)) names.push_back(p.path);
    const auto guess = closestMatch(path, names);
    r_.error(at, guess.empty()
                     ? fmt::format("unknown path '{}' in a {} condition (known paths: {})", path,
                                   scopeName(scope), joined(names))
                     : fmt::format("unknown path '{}' in a {} condition; did you mean '{}'?", path,
                                   scopeName(scope), guess));
    return nullptr;
  }

  Condition leaf(const std::string& path, const YAML::Node& keyNode, const YAML::Node& ops,
                 Scope scope) {
    Condition c;
    c.loc = r_.at(keyNode);
    // A path into an object list ("compute.chips.eccn") holds when some element satisfies it:
    // the same as `compute.chips: {any: {eccn: ...}}`.
    if (!findPath(scope, path)) {
      if (const PathInfo* list = findListPrefix(scope, path)) {
        c.kind = Condition::Kind::ListAny;
        c.path = list;
        c.children.push_back(
            leaf(path.substr(list->path.size() + 1), keyNode, ops, list->elements));
        return c;
      }
    }
    c.kind = Condition::Kind::Leaf;
    c.path = resolve(path, keyNode, scope);
    if (!c.path || !r_.isMap(ops, fmt::format("operators of '{}'", path))) return c;
    if (ops.size() == 0) r_.error(ops, fmt::format("'{}' needs at least one operator", path));
    if (c.path->shape == Shape::ObjectList) return objectList(c, ops);
    for (auto it = ops.begin(); it != ops.end(); ++it) {
      const auto name = r_.string(it->first, "operator");
      if (!name) continue;
      const auto* found = std::find(std::begin(kOps), std::end(kOps), *name);
      if (found == std::end(kOps)) {
        const std::vector<std::string_view> names(std::begin(kOps), std::end(kOps));
        const auto guess = closestMatch(*name, names);
        r_.error(it->first,
                 fmt::format("unknown operator '{}'{} (expected one of: {})", *name,
                             guess.empty() ? "" : fmt::format("; did you mean '{}'?", guess),
                             joined(names)));
        continue;
      }
      const Op op = static_cast<Op>(found - std::begin(kOps));
      if (auto compiled = operatorFor(*c.path, op, it->first, it->second))
        c.ops.push_back(std::move(*compiled));
    }
    return c;
  }

  // `compute.chips: {any: {...}}`, `data: {none: {...}}`, `authorizations: {exists: true}`.
  Condition objectList(Condition& c, const YAML::Node& ops) {
    if (ops.size() != 1) {
      r_.error(ops, fmt::format("'{}' is a list of objects: give exactly one of any, all, none "
                                "or exists",
                                c.path->path));
      return std::move(c);
    }
    const auto name = r_.string(ops.begin()->first, "operator");
    const YAML::Node value = ops.begin()->second; // a copy: the iterator returns a temporary
    if (name == "exists") {
      if (auto op = operatorFor(*c.path, Op::Exists, ops.begin()->first, value))
        c.ops.push_back(*op);
      return std::move(c);
    }
    if (name == "any" || name == "all" || name == "none") {
      c.kind = name == "any"   ? Condition::Kind::ListAny
               : name == "all" ? Condition::Kind::ListAll
                               : Condition::Kind::ListNone;
      c.children.push_back(compile(value, c.path->elements));
      return std::move(c);
    }
    if (name)
      r_.error(ops.begin()->first,
               fmt::format("operator '{}' does not apply to '{}', a list of objects (expected any, "
                           "all, none or exists; or name a field, e.g. '{}.{}')",
                           *name, c.path->path, c.path->path,
                           c.path->elements == Scope::Chip ? "eccn" : "origin"));
    return std::move(c);
  }

  std::optional<Operator> operatorFor(const PathInfo& path, Op op, const YAML::Node& at,
                                      const YAML::Node& value) {
    Operator out{op, {}, describe(value), r_.at(at)};
    const bool list = path.shape != Shape::Scalar;
    auto reject = [&](std::string_view why) -> std::optional<Operator> {
      r_.error(at, fmt::format("operator '{}' does not apply to '{}' ({}): {}", opName(op),
                               path.path, list ? "a list" : typeName(path.type), why));
      return std::nullopt;
    };
    if (path.type == ValueType::Party && op != Op::Exists)
      return reject("a party supports only exists");
    switch (op) {
    case Op::Exists:
      if (auto b = r_.boolean(value, "exists"))
        out.operand.integer = *b;
      else
        return std::nullopt;
      return out;
    case Op::Eq:
    case Op::Ne:
      if (list) return reject("use contains or intersects on lists");
      if (!single(path, value, out.operand)) return std::nullopt;
      return out;
    case Op::In:
    case Op::NotIn:
      if (list) return reject("use intersects on lists");
      if (path.type == ValueType::Bool) return reject("use eq");
      if (!set(path, value, out.operand)) return std::nullopt;
      return out;
    case Op::Gt:
    case Op::Gte:
    case Op::Lt:
    case Op::Lte:
      if (list || (path.type != ValueType::Number && path.type != ValueType::Date))
        return reject("comparisons need a number or a date");
      if (!single(path, value, out.operand)) return std::nullopt;
      return out;
    case Op::Contains:
      if (!list) return reject("contains needs a list; use eq");
      if (!single(path, value, out.operand)) return std::nullopt;
      return out;
    case Op::Intersects:
      if (!list) return reject("intersects needs a list; use in");
      if (!set(path, value, out.operand)) return std::nullopt;
      return out;
    case Op::Matches:
      if (path.type != ValueType::String) return reject("matches needs a string");
      if (auto pattern = r_.string(value, "regular expression")) {
        re2::RE2::Options options;
        options.set_log_errors(false);
        auto regex = std::make_shared<const re2::RE2>(*pattern, options);
        if (!regex->ok()) {
          r_.error(value, fmt::format("invalid regular expression '{}': {} (RE2 syntax: no "
                                      "backreferences or lookaround)",
                                      *pattern, regex->error()));
          return std::nullopt;
        }
        out.operand.regex = std::move(regex);
        out.operand.text = *pattern;
        return out;
      }
      return std::nullopt;
    }
    return std::nullopt;
  }

  static std::string describe(const YAML::Node& value) {
    YAML::Emitter e;
    e.SetMapFormat(YAML::Flow);
    e.SetSeqFormat(YAML::Flow);
    e << value;
    return e.good() ? e.c_str() : "?";
  }

  // One operand of the path's element type into `out` (integer/number/text).
  bool single(const PathInfo& path, const YAML::Node& value, Operand& out) {
    const std::string what = fmt::format("operand of '{}'", path.path);
    switch (path.type) {
    case ValueType::Number:
      if (auto n = r_.number(value, what)) return out.number = *n, true;
      return false;
    case ValueType::Date:
      if (auto d = r_.date(value, what)) return out.integer = d->days(), true;
      return false;
    case ValueType::Bool:
      if (auto b = r_.boolean(value, what)) return out.integer = *b, true;
      return false;
    case ValueType::Country:
      if (value.IsScalar() && value.Scalar().starts_with("@")) {
        r_.error(value, fmt::format("a country group ('{}') can only be used with in, notIn or "
                                    "intersects",
                                    value.Scalar()));
        return false;
      }
      if (auto c = r_.country(value, what)) return out.integer = *c, true;
      return false;
    case ValueType::Enum:
      if (auto e = r_.enumValue(value, *path.domain)) return out.integer = *e, true;
      return false;
    case ValueType::String:
      if (auto s = r_.string(value, what)) {
        if (!knownString(path, value, *s)) return false;
        // Chip ids are compared canonically, so a rule may name a chip by an alias.
        out.text = path.field == Field::ChipId && env_.catalog
                       ? env_.catalog->at(env_.catalog->find(*s)).id
                       : *s;
        return true;
      }
      return false;
    case ValueType::Party:
      return false;
    }
    return false;
  }

  // A list operand (in, notIn, intersects) into the set fields of `out`.
  bool set(const PathInfo& path, const YAML::Node& value, Operand& out) {
    if (!r_.isList(value, fmt::format("operand of '{}'", path.path))) return false;
    if (value.size() == 0) {
      r_.error(value, "an empty list matches nothing; remove the condition instead");
      return false;
    }
    bool ok = true;
    for (const auto& item : value) {
      if (path.type == ValueType::Country && item.IsScalar() && item.Scalar().starts_with("@")) {
        const std::string name = item.Scalar().substr(1);
        if (auto id = env_.findGroup ? env_.findGroup(name) : std::nullopt)
          out.groups.push_back(*id);
        else {
          r_.error(item, fmt::format("unknown country group '@{}' (groups are defined under "
                                     "`groups:` in a rule pack)",
                                     name));
          ok = false;
        }
        continue;
      }
      Operand one;
      if (!single(path, item, one)) {
        ok = false;
        continue;
      }
      switch (path.type) {
      case ValueType::Country:
        out.countries.add(static_cast<CountryId>(one.integer));
        break;
      case ValueType::Enum:
        out.enumMask |= std::uint64_t{1} << one.integer;
        break;
      case ValueType::String:
        out.texts.push_back(std::move(one.text));
        break;
      case ValueType::Number:
        out.numbers.push_back(one.number);
        break;
      case ValueType::Date:
        out.numbers.push_back(static_cast<double>(one.integer));
        break;
      default:
        break;
      }
    }
    return ok;
  }

  // String operands with a closed set of valid values are checked, so a typo cannot make a
  // condition silently false.
  bool knownString(const PathInfo& path, const YAML::Node& at, const std::string& s) {
    if ((path.field == Field::PartyListed || path.field == Field::PartyParentListed) &&
        env_.partyLists) {
      const auto& lists = *env_.partyLists;
      if (std::find(lists.begin(), lists.end(), s) == lists.end()) {
        r_.error(at, fmt::format("unknown party list '{}' (loaded lists: {})", s,
                                 lists.empty() ? std::string("none")
                                               : fmt::format("{}", fmt::join(lists, ", "))));
        return false;
      }
    }
    if (path.field == Field::ChipId && env_.catalog && env_.catalog->find(s) < 0) {
      r_.error(at, fmt::format("unknown chip id '{}' (not in the chip catalog)", s));
      return false;
    }
    return true;
  }

  YamlReader& r_;
  const ConditionEnv& env_;
};

} // namespace

Condition compileCondition(YamlReader& reader, const YAML::Node& node, const ConditionEnv& env) {
  return Compiler(reader, env).compile(node, env.scope);
}

} // namespace borderline
