#pragma once
// The `screen` report: the matches of one name, text or JSON.
#include <ostream>

#include "analyze/screen.hpp"

namespace borderline {

void writeScreenText(const CompiledRules& rules, const NameScreen& screen, std::ostream& out);
void writeScreenJson(const CompiledRules& rules, const NameScreen& screen, std::ostream& out);

} // namespace borderline
