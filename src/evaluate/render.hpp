#pragma once
// Filling `{path}` placeholders of rule messages with the workload's values.
#include <string>

#include "compile/message_template.hpp"
#include "evaluate/condition_eval.hpp"

namespace borderline {

// Values inside a list (compute.chips.name) come from the elements that made the rule fire,
// or from every element when none did.
std::string renderMessage(const MessageTemplate& message, const EvalContext& ctx,
                          const Firing& firing);

// A value as reports print it: numbers with thousands separators, countries as codes.
std::string formatValue(const PathInfo& path, const Value& value);
std::string formatNumber(double value);

} // namespace borderline
