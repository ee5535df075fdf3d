#pragma once
// A compiled condition: a tree whose leaves name a resolved path and typed operators. Built
// once from YAML (compile_condition.cpp), then shared read-only by every evaluating thread.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "compile/paths.hpp"
#include "model/country.hpp"
#include "model/location.hpp"

namespace re2 {
class RE2; // <re2/re2.h> is large; only the compiler and the evaluator need it
}

namespace borderline {

enum class Op : std::uint8_t {
  Eq,
  Ne,
  In,
  NotIn,
  Gt,
  Gte,
  Lt,
  Lte,
  Exists,
  Contains,
  Intersects,
  Matches
};
std::string_view opName(Op op);

// The operand of one operator, already converted to the path's type.
// The fields most tests read come first, so that they share a cache line with Operator::op.
struct Operand {
  // For a country set naming groups: its number among such sets of the compiled rules, under
  // which DateView keeps `countries` and the groups' members on its date as one set
  // (DateView::resolvedSet). -1 when not numbered (the groups are then looked up one by one).
  std::int32_t resolvedSet = -1;
  double number = 0;          // Number
  std::int64_t integer = 0;   // Country id, enum value, bool, date (days)
  std::uint64_t enumMask = 0; // enum members (in, notIn, intersects)
  std::string text;           // String
  // Other sets (in, notIn, intersects):
  CountrySet countries;                  // fixed country members
  std::vector<std::uint16_t> groups;     // @GROUP references, resolved per evaluation date
  std::vector<std::string> texts;        // string members
  std::vector<double> numbers;           // number or date members
  std::shared_ptr<const re2::RE2> regex; // matches
};

struct Operator {
  Op op;
  Operand operand;
  std::string source; // the operand as written, for explain/trace output
  Location loc;
};

struct Condition {
  enum class Kind : std::uint8_t { All, Any, Not, Leaf, ListAny, ListAll, ListNone };
  Kind kind = Kind::All;
  std::vector<Condition> children; // All/Any: operands; Not and List*: exactly one
  const PathInfo* path = nullptr;  // Leaf: the value read; List*: the object list
  std::vector<Operator> ops;       // Leaf: all must hold
  Location loc;
};

} // namespace borderline
