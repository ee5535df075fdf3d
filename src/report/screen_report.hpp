#pragma once
// The `screen` report: the matches of each name screened, text or JSON Lines. `audit
// --screen-only` writes the same shapes name by name as it goes, with the workload and party
// field each name comes from.
#include <ostream>
#include <vector>

#include "analyze/screen.hpp"

namespace borderline {

void writeScreenText(const CompiledRules& rules, const std::vector<NameScreen>& screens,
                     std::ostream& out);
// The parts of writeScreenText: the banner line (rules and date), then each name's block,
// separated by blank lines.
void writeScreenTextBanner(const CompiledRules& rules, Date date, std::ostream& out);
void writeScreenTextOne(const CompiledRules& rules, const NameScreen& screen, std::ostream& out);

// One JSON object per name and line: {"query", "normalized", "asOf", "matches": [...]}, with
// "workload", "party" and "source" first when the name comes from a workload.
void writeScreenJson(const CompiledRules& rules, const std::vector<NameScreen>& screens,
                     std::ostream& out);
void writeScreenJsonOne(const CompiledRules& rules, const NameScreen& screen, std::ostream& out);

} // namespace borderline
