#pragma once
// Evaluating a compiled condition against one workload on one date. Pure and allocation-free:
// values are read straight from the typed model through the path table's field ids.
#include <span>
#include <string_view>
#include <vector>

#include "compile/condition.hpp"
#include "evaluate/condition_program.hpp"
#include "evaluate/date_view.hpp"
#include "evaluate/party_screen.hpp"
#include "util/function_ref.hpp"

namespace borderline {

class EvalCache;

struct EvalContext {
  const Workload* workload = nullptr;
  const DateView* view = nullptr;
  const Screening* screening = nullptr;
  bool withFuzzy = false;     // whether fuzzy party-list matches count as "listed"
  EvalCache* cache = nullptr; // per-thread memos (optional; results are the same without)
  // The current element when inside an object list (or a classification's chip):
  const ChipUse* chip = nullptr;
  const ChipSpec* spec = nullptr;
  const DataSource* data = nullptr;
  const Authorization* auth = nullptr;
};

// The two contexts a workload's rules are evaluated in: `exact` counts only exact party-list
// matches as "listed"; `fuzzy` counts fuzzy matches too (a rule that fires only then gets a
// review, never a silent pass).
struct EvalContexts {
  EvalContext exact, fuzzy;
};
EvalContexts evalContexts(const Workload& workload, const DateView& view,
                          const Screening& screening, EvalCache* cache = nullptr);

// One value read at a path (see evaluate/fields.cpp).
struct Value {
  bool present = false;
  double number = 0;        // Number
  std::int64_t integer = 0; // Country id, enum value, bool, date days
  std::string_view text;    // String
};

bool evaluate(const Condition& condition, const EvalContext& ctx);
// The same for the condition added to `program` at `root` (the evaluator's hot path).
bool evaluate(const ConditionProgram& program, std::uint32_t root, const EvalContext& ctx);
// Whether all of a scalar leaf's operators hold for the value v read at `path`.
bool testValue(const PathInfo& path, std::span<const Operator> ops, const Value& v,
               const EvalContext& ctx);
// Whether a contains, intersects or matches operator holds for one value v of a list path
// (the operator holds when it does for some value of the list).
bool testListValue(const Operator& op, const PathInfo& path, const Value& v,
                   const EvalContext& ctx);
// One operator of a leaf on its own (the trace shows each operator's result).
bool testOperator(const Operator& op, const PathInfo& path, const EvalContext& ctx);

// The list elements that made a condition true (for messages, locations and per-source
// authorizations), and the location of the first value that did.
struct Firing {
  std::vector<int> chips;
  std::vector<int> data;
  Location first;
};
void collectFiring(const Condition& condition, const EvalContext& ctx, Firing& out);
// The same for a condition already known to hold in ctx (the evaluator's rules that fired):
// skips re-evaluating the condition and the children of its `all` nodes, which all hold.
void collectFiringHeld(const Condition& condition, const EvalContext& ctx, Firing& out);

// Field access shared with message rendering.
Value readScalar(const PathInfo& path, const EvalContext& ctx);
Location locate(const PathInfo& path, const EvalContext& ctx);
// Calls f(Value) for each value of a list path until f returns true; returns whether it did.
bool anyListValue(const PathInfo& path, const EvalContext& ctx, FunctionRef<bool(const Value&)> f);

} // namespace borderline
