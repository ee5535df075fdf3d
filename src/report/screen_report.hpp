#pragma once
// The `screen` report: the matches of each name screened, text or JSON Lines.
#include <ostream>
#include <vector>

#include "analyze/screen.hpp"

namespace borderline {

void writeScreenText(const CompiledRules& rules, const std::vector<NameScreen>& screens,
                     std::ostream& out);
// One JSON object per name and line: {"query", "normalized", "asOf", "matches": [...]}.
void writeScreenJson(const CompiledRules& rules, const std::vector<NameScreen>& screens,
                     std::ostream& out);

} // namespace borderline
