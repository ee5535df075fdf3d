#pragma once
// The `when` and `unless` conditions of the rules in effect on a date laid out flat for the
// evaluator's hot path: every node in one contiguous array, in pre-order, 32 bytes each, next
// to the other rules' nodes (a Condition node is ~300 bytes, in vectors spread on the heap).
// The trees stay the source for explain, trace, firing elements and lint, which need
// locations and operand sources.
//
// Most leaves test one country, enum or bool value (site.country: {notIn: [US, @D1]}). For
// those the program holds the leaf's answer for every value, computed once per date with the
// leaf's own operators: reading the value and testing one bit replaces a dispatch on each
// operator and a set lookup, whose indirect jumps the processor mispredicts often. Likewise a
// leaf with one contains or intersects on an enum list (categories: {intersects: [...]})
// holds the operator's answer for each value, and holds when some value of the list has it.
//
// evaluate(program, root, ctx) is evaluate(condition, ctx) for the condition added as root.
#include <bitset>
#include <cstdint>
#include <vector>

#include "compile/rules.hpp"

namespace borderline {

class DateView;

struct ProgramNode {
  enum class Kind : std::uint8_t {
    All,
    Any,
    Not,
    Leaf,
    ValueLeaf,
    ValueListLeaf,
    ListAny,
    ListAll,
    ListNone
  };
  Kind kind = Kind::All;
  bool whenAbsent = false;        // ValueLeaf: the answer for a missing value
  std::uint16_t opCount = 0;      // Leaf and Value*Leaf: its operators
  std::uint32_t end = 0;          // one past this node's subtree; its children follow the node
  const PathInfo* path = nullptr; // Leaf, Value*Leaf and List*: as Condition::path
  const Operator* ops = nullptr;  // Leaf and Value*Leaf: the Condition's (rules outlive us)
  std::uint16_t values = 0;       // Value*Leaf: the values 0..values-1 have an answer in
  std::uint32_t answers = 0;      // Value*Leaf: ... ConditionProgram::answers(answers)
};

class ConditionProgram {
public:
  static constexpr std::uint32_t kNone = UINT32_MAX;

  ConditionProgram() = default;
  // The programs of `rules`' conditions on `view`'s date, rule i's under when(i) and
  // unless(i). `view` needs its groups and resolved sets (for the ValueLeaf answers).
  ConditionProgram(const std::vector<const Rule*>& rules, const DateView& view);

  const ProgramNode* nodes() const { return nodes_.data(); }
  const std::bitset<256>& answers(std::uint32_t i) const { return answers_[i]; }
  std::uint32_t when(std::size_t rule) const { return roots_[rule].when; }
  // kNone for a rule without `unless`.
  std::uint32_t unless(std::size_t rule) const { return roots_[rule].unless; }

private:
  std::uint32_t add(const Condition& condition, const DateView& view);
  void tabulate(const Condition& leaf, const DateView& view, ProgramNode& node);

  struct Roots {
    std::uint32_t when, unless;
  };
  std::vector<ProgramNode> nodes_;
  std::vector<std::bitset<256>> answers_;
  std::vector<Roots> roots_;
};

} // namespace borderline
